package dev.dece.rules.triage.classify;

import dev.dece.core.report.Recommendation;
import dev.dece.core.report.Report;
import dev.dece.rules.support.PipelineYaml;
import dev.dece.rules.support.RunLogs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per rule of Classify.drl: an error message a user pastes (or a run log) in, the runbook branch and its
 * check list out, as the triage recommendation shows them; each with a message of another branch as the near miss.
 */
class ClassifyTest {

    @TempDir
    Path dir;

    Recommendation branch(String message) {
        Report r = RunLogs.in(dir).triage(message, null);
        assertThat(r.recommendations("triage")).hasSize(1);
        return r.recommendations("triage").get(0);
    }

    void expect(String id, String message, String branch, String check, String pattern, String nearMiss) {
        Recommendation hit = branch(message);
        assertThat(hit.ruleId()).isEqualTo(id);
        assertThat(hit.choice()).isEqualTo(branch);
        assertThat(hit.rationale()).contains("Check: " + check).contains(pattern);
        assertThat(hit.evidence()).anySatisfy(e -> assertThat(e.path()).endsWith(".pattern"));
        Recommendation miss = branch(nearMiss);
        assertThat(miss.ruleId()).isNotEqualTo(id);
        assertThat(miss.choice()).isNotEqualTo(branch);
    }

    @Test
    void tri001_connectionTimeout() {
        expect("TRI-001", "ERROR 2003 (HY000): Can't connect to MySQL server on 'crm-db.internal:3306' (110)", "connection-timeout",
                "check source availability, network, credentials", "mysql code pattern mysql.2003",
                "ERROR 1045 (28000): Access denied for user 'etl'@'10.0.0.7' (using password: YES)");
    }

    @Test
    void tri002_schemaMismatch() {
        expect("TRI-002", "002003 (42S02): SQL compilation error:\nObject 'RAW.SHOP.ORDERS_V2' does not exist or not authorized.", "schema-mismatch",
                "the source schema changed", "snowflake code pattern snowflake.002003",
                "002003 is the ticket number; the job finished late");
        // the Snowflake code wins over the "not authorized" words, which stay as the alternative
        Recommendation r = branch("002003 (42S02): SQL compilation error:\nObject 'RAW.SHOP.ORDERS_V2' does not exist or not authorized.");
        assertThat(r.alternatives()).anySatisfy(a -> {
            assertThat(a.choice()).isEqualTo("permission-denied");
            assertThat(a.reason()).contains("TRI-005");
        });
    }

    @Test
    void tri003_dataQualityCheckFailed() {
        expect("TRI-003", "Failure in test not_null_fct_orders_customer_id (models/marts/schema.yml)\n  Got 214 results, configured to fail if != 0",
                "data-quality-check-failed", "investigate the source data", "dbt code pattern dbt.test-failure",
                "Compilation Error in model stg_orders: 'dbt_utils' is undefined");
    }

    @Test
    void tri004_outOfMemory() {
        expect("TRI-004", "Container attribution-7c9f terminated: Reason: OOMKilled, Exit Code: 137", "out-of-memory",
                "increase resources or optimize the query", "process code pattern process.exit-137",
                "Container attribution-7c9f terminated: Reason: Completed, Exit Code: 0; downstream task failed");
    }

    @Test
    void tri005_permissionDenied() {
        expect("TRI-005", "psycopg2.errors.InsufficientPrivilege: permission denied for table payments", "permission-denied",
                "check IAM roles, token expiry", "postgres text pattern postgres.42501",
                "psycopg2.errors.UndefinedTable: relation \"payments\" does not exist");
    }

    @Test
    void tri006_duplicateKeyViolation() {
        expect("TRI-006", "psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint \"fct_orders_pkey\"",
                "duplicate-key-violation", "check idempotency, investigate source dupes", "postgres text pattern postgres.23505",
                "psycopg2.errors.NotNullViolation: null value in column \"customer_id\" violates not-null constraint");
    }

    @Test
    void tri007_timeoutSlaBreach() {
        expect("TRI-007", "000630 (57014): Statement reached its statement or warehouse timeout of 3,600 second(s) and was canceled.",
                "timeout-sla-breach", "check data volume spike, query plan, cluster health", "snowflake code pattern snowflake.000630",
                "000630 rows were merged");
    }

    @Test
    void tri008_runOutlivedItsSla() {
        RunLogs logs = RunLogs.in(dir).spec(PipelineYaml.review().set("sla_minutes", "60"))
                .run("orders", "r-1", "2026-03-08T02:00:00Z", 95).error("Task exited with return code 1").done();
        Recommendation hit = logs.triage().recommendations("triage").get(0);
        assertThat(hit.ruleId()).isEqualTo("TRI-008");
        assertThat(hit.choice()).isEqualTo("timeout-sla-breach");
        assertThat(hit.rationale()).contains("ran 95 minutes before it failed, beyond its sla_minutes of 60");
        assertThat(hit.alternatives()).anySatisfy(a -> assertThat(a.choice()).isEqualTo("unknown"));
        // near miss: the same failure within its SLA stays unknown
        RunLogs within = RunLogs.in(dir).spec(PipelineYaml.review().set("sla_minutes", "60"))
                .run("orders", "r-1", "2026-03-08T02:00:00Z", 40).error("Task exited with return code 1").done();
        Recommendation miss = within.triage().recommendations("triage").get(0);
        assertThat(miss.ruleId()).isEqualTo("TRI-009");
        // a pattern, even generic text, ranks before the duration
        RunLogs text = RunLogs.in(dir).spec(PipelineYaml.review().set("sla_minutes", "60"))
                .run("orders", "r-1", "2026-03-08T02:00:00Z", 95).error("java.net.SocketTimeoutException: connect timed out").done();
        assertThat(text.triage().recommendations("triage").get(0).choice()).isEqualTo("connection-timeout");
    }

    @Test
    void tri009_unknownFailureMode() {
        Recommendation hit = branch("ERROR:  deadlock detected\nDETAIL:  Process 4121 waits for ShareLock on transaction 991");
        assertThat(hit.ruleId()).isEqualTo("TRI-009");
        assertThat(hit.choice()).isEqualTo("unknown");
        assertThat(hit.rationale()).contains("no triage pattern recognises: \"ERROR: deadlock detected DETAIL:");
        // near miss: a recognised error is never unknown
        assertThat(branch("ERROR:  canceling statement due to statement timeout").ruleId()).isNotEqualTo("TRI-009");
    }
}
