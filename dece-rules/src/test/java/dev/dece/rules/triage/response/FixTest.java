package dev.dece.rules.triage.response;

import dev.dece.core.report.Recommendation;
import dev.dece.core.report.Report;
import dev.dece.rules.support.RunLogs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Fix.drl: the fix class that follows the chosen branch, as the triage.fix recommendation shows it. */
class FixTest {

    @TempDir
    Path dir;

    Recommendation fix(String message) {
        Report r = RunLogs.in(dir).triage(message, null);
        return r.recommendations("triage.fix").get(0);
    }

    static final String TIMEOUT = "org.postgresql.util.PSQLException: The connection attempt failed. Caused by: java.net.SocketTimeoutException: connect timed out";

    /** {@code n} consecutive failed hourly runs with the same error, as a log. */
    Recommendation consecutive(int n, String error) {
        RunLogs logs = RunLogs.in(dir);
        for (int i = 0; i < n; i++) logs.run("payments", "pay-" + i, "2026-03-08T0" + i + ":15:00Z", 2).error(error).done();
        return logs.triage().recommendations("triage.fix").get(0);
    }

    @Test
    void tri010_transientFailureRetry() {
        Recommendation hit = fix(TIMEOUT);
        assertThat(hit.ruleId()).isEqualTo("TRI-010");
        assertThat(hit.choice()).isEqualTo("transient-retry");
        assertThat(hit.rationale()).contains("failed on a transient connection timeout: retry it");
        assertThat(fix("psycopg2.errors.QueryCanceled: canceling statement due to statement timeout").ruleId()).isEqualTo("TRI-010");
        // near miss: a schema mismatch is not retried
        assertThat(fix("ERROR 1054 (42S22): Unknown column 'loyalty_tier' in 'field list'").ruleId()).isNotEqualTo("TRI-010");
    }

    @ParameterizedTest(name = "{0} consecutive failures -> {1}")
    @CsvSource({"2, TRI-010", "3, TRI-011", "4, TRI-011"})
    void tri011_recurringTransientFailure(int runs, String rule) {
        Recommendation r = consecutive(runs, TIMEOUT);
        assertThat(r.ruleId()).as("TRI-011 starts at triage_repeated_failures (3) runs in a row").isEqualTo(rule);
        if (rule.equals("TRI-011")) {
            assertThat(r.choice()).isEqualTo("infrastructure");
            assertThat(r.rationale()).contains("failed " + runs + " runs of payments in a row (3 or more): it is not transient any more");
        }
    }

    @Test
    void tri011_aSuccessInBetweenStartsAnewEpisode() {
        RunLogs logs = RunLogs.in(dir);
        logs.run("payments", "pay-0", "2026-03-08T00:15:00Z", 2).error(TIMEOUT).done();
        logs.run("payments", "pay-1", "2026-03-08T01:15:00Z", 2).error(TIMEOUT).done();
        logs.run("payments", "pay-2", "2026-03-08T02:15:00Z", 10).done();
        logs.run("payments", "pay-3", "2026-03-08T03:15:00Z", 2).error(TIMEOUT).done();
        Report r = logs.triage();
        assertThat(r.recommendations("triage.fix")).extracting(Recommendation::ruleId).containsOnly("TRI-010").isNotEmpty()
                .doesNotContain("TRI-011");
    }

    @Test
    void tri012_dataIssue() {
        Recommendation hit = fix("psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint \"fct_orders_pkey\"");
        assertThat(hit.ruleId()).isEqualTo("TRI-012");
        assertThat(hit.choice()).isEqualTo("data-issue");
        assertThat(hit.rationale()).contains("check the load is idempotent (MERGE on the natural key)").contains("fix the source data, then re-run");
        assertThat(fix("Failure in test not_null_fct_orders_id (models/schema.yml)\n  Got 3 results, configured to fail if != 0").ruleId()).isEqualTo("TRI-012");
        // near miss: out of memory is not a data issue
        assertThat(fix("java.lang.OutOfMemoryError: Java heap space").ruleId()).isNotEqualTo("TRI-012");
    }

    @Test
    void tri013_schemaChange() {
        Recommendation hit = fix("ERROR 1054 (42S22): Unknown column 'loyalty_tier' in 'field list'");
        assertThat(hit.ruleId()).isEqualTo("TRI-013");
        assertThat(hit.choice()).isEqualTo("schema-change");
        assertThat(hit.rationale()).contains("'dece schema-change OLD NEW'").contains("backfill the runs that failed");
        assertThat(fix(TIMEOUT).ruleId()).isNotEqualTo("TRI-013");
    }

    @Test
    void tri014_infrastructure() {
        Recommendation oom = fix("java.lang.OutOfMemoryError: Java heap space");
        assertThat(oom.ruleId()).isEqualTo("TRI-014");
        assertThat(oom.choice()).isEqualTo("infrastructure");
        assertThat(oom.rationale()).contains("scale up the job's memory");
        Recommendation perm = fix("FATAL:  password authentication failed for user \"etl_loader\"");
        assertThat(perm.ruleId()).isEqualTo("TRI-014");
        assertThat(perm.rationale()).contains("restore the access");
        assertThat(fix("psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint \"pk\"").ruleId()).isNotEqualTo("TRI-014");
    }

    @Test
    void tri015_unknownFailureInvestigate() {
        Recommendation hit = fix("KeyError: 'tiktok'");
        assertThat(hit.ruleId()).isEqualTo("TRI-015");
        assertThat(hit.choice()).isEqualTo("investigate");
        assertThat(hit.rationale()).contains("read the error (\"KeyError: 'tiktok'\")");
        assertThat(fix(TIMEOUT).ruleId()).isNotEqualTo("TRI-015");
    }
}
