package dev.dece.rules.quality;

import dev.dece.core.input.InputException;
import dev.dece.core.quality.QualityOptions;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.TestDece;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.dece.rules.support.Results.findings;
import static dev.dece.rules.support.Results.fired;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per rule of QualityResult.drl. Every test runs real checks on a real DuckDB seeded with data that
 * fails (trigger) or passes / lands in another band (near miss), through the facade a user calls.
 */
class QualityResultTest {

    @TempDir
    Path dir;

    /** A contract over table t with the given consumers, columns and table-level checks. */
    static String contract(String consumers, String columns, String tableChecks) {
        return "contract:\n  name: t\n  version: 1.0.0\n  owner: team\n  consumers: " + consumers + "\n"
                + "  sla:\n    freshness_hours: 6\n  schema:\n" + columns.stripTrailing() + "\n"
                + (tableChecks.isEmpty() ? "" : "  checks:\n" + tableChecks.stripTrailing() + "\n")
                + "  breaking_change_policy: notify-30-days\n  notification_channel: \"#t\"\n";
    }

    Report run(String yaml, String seed) {
        try {
            Path s = Files.createTempFile(dir, "seed", ".sql");
            Files.writeString(s, seed);
            return TestDece.DECE.quality("contract.yaml", yaml, QualityOptions.run("jdbc:duckdb:").withSeed(List.of(s)));
        } catch (IOException | InputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static final String ID_PK = "    - column: id\n      type: bigint\n      nullable: false\n      primary_key: true\n"
            + "      checks: [{type: not_null}, {type: unique}]\n";

    @Test
    void qlt001_duplicatePrimaryKeysAreCorruption() {
        Report hit = run(contract("[bi]", ID_PK, ""), "CREATE TABLE t AS SELECT i % 90 AS id FROM range(100) r(i);");
        assertThat(findings(hit, "QLT-001")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P0);
            assertThat(f.message()).contains("t.id.unique failed: 20 rows share a primary key value (20 % of 100 rows)");
            assertThat(f.location().path()).isEqualTo("contract.schema[0].checks[1]");
        });
        // the same duplicates on a column that is not the key are not corruption
        String notKey = ID_PK + "    - column: code\n      type: bigint\n      checks: [{type: unique}]\n";
        Report miss = run(contract("[bi]", notKey, ""), "CREATE TABLE t AS SELECT i AS id, i % 90 AS code FROM range(100) r(i);");
        assertThat(fired(miss, "QLT-001")).isFalse();
        assertThat(fired(miss, "QLT-006")).isTrue();
    }

    @Test
    void qlt001_compositeKeyIsUniqueAsATuple() {
        String key = "    - column: order_id\n      type: bigint\n      nullable: false\n      primary_key: true\n      checks: [{type: not_null}]\n"
                + "    - column: line_no\n      type: int\n      nullable: false\n      primary_key: true\n      checks: [{type: not_null}]\n";
        // each key column repeats alone, the tuple never does: valid, no corruption reported
        Report miss = run(contract("[bi]", key, ""), "CREATE TABLE t AS SELECT i // 2 AS order_id, i % 2 AS line_no FROM range(10) r(i);");
        assertThat(fired(miss, "QLT-001")).isFalse();
        assertThat(miss.findings()).noneMatch(f -> f.ruleId().startsWith("QLT"));
        Report hit = run(contract("[bi]", key, ""), "CREATE TABLE t AS SELECT i // 4 AS order_id, (i // 2) % 2 AS line_no FROM range(8) r(i);");
        assertThat(findings(hit, "QLT-001")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P0);
            assertThat(f.message()).contains("t.order_id+line_no.unique failed: 8 rows share a primary key value");
        });
    }

    static final String AMOUNT = ID_PK + "    - column: amount\n      type: decimal(12,2)\n"
            + "      checks: [{type: reconciliation, params: {source_table: src, source_column: amount}}]\n";

    @Test
    void qlt002_crossSystemTotalsDisagree() {
        Report hit = run(contract("[bi]", AMOUNT, ""), "CREATE TABLE src AS SELECT 100.0 AS amount;\nCREATE TABLE t AS SELECT 1 AS id, 95.0 AS amount;");
        assertThat(findings(hit, "QLT-002")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P0);
            assertThat(f.message()).contains("differs from src.amount by 5 %").contains("1 % tolerance");
        });
        Report miss = run(contract("[bi]", AMOUNT, ""), "CREATE TABLE src AS SELECT 100.0 AS amount;\nCREATE TABLE t AS SELECT 1 AS id, 99.5 AS amount;");
        assertThat(fired(miss, "QLT-002")).isFalse();
    }

    static String ssn(String classification) {
        return ID_PK + "    - column: ssn\n      type: varchar\n      pii: true\n      classification: " + classification + "\n"
                + "      checks: [{type: regex, params: {pattern: '^\\d{3}-\\d{2}-\\d{4}$'}}]\n";
    }

    static final String SSN_SEED = "CREATE TABLE t AS SELECT i AS id, CASE WHEN i = 0 THEN 'n/a' ELSE '123-45-6789' END AS ssn FROM range(100) r(i);";

    @Test
    void qlt003_failedCheckOnRestrictedData() {
        Report hit = run(contract("[bi]", ssn("restricted"), ""), SSN_SEED);
        assertThat(findings(hit, "QLT-003")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P0);
            assertThat(f.message()).contains("restricted column t.ssn").contains("compliance data is wrong");
        });
        Report miss = run(contract("[bi]", ssn("confidential"), ""), SSN_SEED);
        assertThat(fired(miss, "QLT-003")).isFalse();
        assertThat(fired(miss, "QLT-008")).isTrue();
    }

    static final String LOADED = ID_PK + "    - column: loaded_at\n      type: timestamp\n      nullable: false\n"
            + "      checks: [{type: not_null}, {type: freshness}]\n";

    @Test
    void qlt004_freshnessSlaBreached() {
        Report hit = run(contract("[bi]", LOADED, ""), "CREATE TABLE t AS SELECT 1 AS id, CAST(CURRENT_TIMESTAMP AS TIMESTAMP) - INTERVAL 10 HOUR AS loaded_at;");
        assertThat(findings(hit, "QLT-004")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("the newest loaded_at is 10 h old, beyond the 6 h freshness SLA");
        });
        Report miss = run(contract("[bi]", LOADED, ""), "CREATE TABLE t AS SELECT 1 AS id, CAST(CURRENT_TIMESTAMP AS TIMESTAMP) - INTERVAL 1 HOUR AS loaded_at;");
        assertThat(fired(miss, "QLT-004")).isFalse();
    }

    @Test
    void qlt005_rowCountOutsideRange() {
        String volume = "    - type: volume\n      params: {min: 5, max: 10}\n";
        Report hit = run(contract("[bi]", ID_PK, volume), "CREATE TABLE t AS SELECT i AS id FROM range(3) r(i);");
        assertThat(findings(hit, "QLT-005")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("t has 3 rows; expected between 5 and 10");
            assertThat(f.location().path()).isEqualTo("contract.checks[0]");
        });
        Report miss = run(contract("[bi]", ID_PK, volume), "CREATE TABLE t AS SELECT i AS id FROM range(5) r(i);");
        assertThat(fired(miss, "QLT-005")).isFalse();
    }

    static final String STATUS = ID_PK + "    - column: status\n      type: varchar\n      nullable: false\n      checks: [{type: not_null}]\n";

    static String statusNulls(int nulls, int rows) {
        return "CREATE TABLE t AS SELECT i AS id, CASE WHEN i < " + nulls + " THEN NULL ELSE 'ok' END AS status FROM range(" + rows + ") r(i);";
    }

    @Test
    void qlt006_moreThanFivePercentOfRecords() {
        Report hit = run(contract("[bi]", STATUS, ""), statusNulls(6, 100));
        assertThat(findings(hit, "QLT-006")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("6 of 100 rows (6 %) break it, more than 5 % of records");
        });
        Report miss = run(contract("[bi]", STATUS, ""), statusNulls(5, 100));
        assertThat(fired(miss, "QLT-006")).isFalse();
        assertThat(fired(miss, "QLT-008")).isTrue();
    }

    @Test
    void qlt007_failureReadByManyConsumers() {
        Report hit = run(contract("[bi, finance, ops]", STATUS, ""), statusNulls(1, 100));
        assertThat(findings(hit, "QLT-007")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("3 consumers (bi, finance, ops)");
        });
        Report miss = run(contract("[bi, finance]", STATUS, ""), statusNulls(1, 100));
        assertThat(fired(miss, "QLT-007")).isFalse();
        assertThat(findings(miss, "QLT-008")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.P2));
    }

    @Test
    void qlt008_upToFivePercentOfRecords() {
        Report hit = run(contract("[bi]", STATUS, ""), statusNulls(3, 100));
        assertThat(findings(hit, "QLT-008")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).contains("3 of 100 rows (3 %)");
            assertThat(f.remediation()).contains("next sprint");
        });
        Report miss = run(contract("[bi]", STATUS, ""), statusNulls(0, 100));
        assertThat(miss.findings()).noneMatch(f -> f.ruleId().startsWith("QLT-"));
    }

    static final String NOTE = ID_PK + "    - column: note\n      type: varchar\n      checks: [{type: regex, params: {pattern: '^[a-z]+$'}}]\n";

    @Test
    void qlt009_cosmeticFailureOnNonCriticalData() {
        String seed = "CREATE TABLE t AS SELECT i AS id, CASE WHEN i = 0 THEN 'X!' ELSE 'ok' END AS note FROM range(200) r(i);";
        Report hit = run(contract("[]", NOTE, ""), seed);
        assertThat(findings(hit, "QLT-009")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).contains("1 of 200 rows (0.5 %) of an optional column");
        });
        Report miss = run(contract("[bi]", NOTE, ""), seed);
        assertThat(fired(miss, "QLT-009")).isFalse();
        assertThat(fired(miss, "QLT-008")).isTrue();
    }

    static final String SKEW = ID_PK + "    - column: country\n      type: varchar\n      checks: [{type: distribution, params: {max_percent: 50}}]\n";

    @Test
    void qlt010_unexpectedSkew() {
        Report hit = run(contract("[bi]", SKEW, ""), "CREATE TABLE t AS SELECT i AS id, CASE WHEN i < 90 THEN 'DE' ELSE 'FR' END AS country FROM range(100) r(i);");
        assertThat(findings(hit, "QLT-010")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).contains("holds 90 % of rows, above 50 %");
        });
        Report miss = run(contract("[bi]", SKEW, ""), "CREATE TABLE t AS SELECT i AS id, CASE WHEN i < 40 THEN 'DE' ELSE (CASE WHEN i < 70 THEN 'FR' ELSE 'NL' END) END AS country FROM range(100) r(i);");
        assertThat(fired(miss, "QLT-010")).isFalse();
    }

    @Test
    void qlt011_checkCouldNotRun() {
        Report hit = run(contract("[bi]", STATUS, ""), "CREATE TABLE t AS SELECT i AS id FROM range(3) r(i);");
        assertThat(findings(hit, "QLT-011")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("t.status.not_null could not run").contains("status");
        });
        Report miss = run(contract("[bi]", STATUS, ""), statusNulls(0, 3));
        assertThat(fired(miss, "QLT-011")).isFalse();
    }

    @Test
    void qlt012_customCheckFailed() {
        String custom = "    - type: custom\n      params: {sql: \"SELECT COUNT(*) FROM ${table} WHERE id < 0\", must_be: 0}\n";
        Report hit = run(contract("[bi]", ID_PK, custom), "CREATE TABLE t AS SELECT i - 3 AS id FROM range(10) r(i);");
        assertThat(findings(hit, "QLT-012")).singleElement().satisfies(f -> assertThat(f.message()).contains("the query returned 3, expected = 0"));
        Report miss = run(contract("[bi]", ID_PK, custom), "CREATE TABLE t AS SELECT i AS id FROM range(10) r(i);");
        assertThat(fired(miss, "QLT-012")).isFalse();
    }

    @Test
    void qlt013_aFailedScanFallsBackToOneQueryPerCheck() {
        String columns = ID_PK + "    - column: code\n      type: varchar\n      checks: [{type: not_null}, {type: regex, params: {pattern: '^[A-Z]+$'}}]\n";
        // the table has no "code": the one scan over t fails, each check runs alone; id's checks still pass
        Report hit = run(contract("[bi]", columns, ""), "CREATE TABLE t AS SELECT i AS id FROM range(10) r(i);");
        assertThat(findings(hit, "QLT-013")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("The one-scan query of t failed (").contains("code").contains("so its 3 checks ran one query each");
            assertThat(f.location().path()).isEqualTo("contract.schema[0].checks[0]");
        });
        assertThat(hit.checks()).filteredOn(c -> c.id().equals("t.id.not_null")).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(dev.dece.core.report.CheckOutcome.Status.PASS));
        assertThat(hit.checks()).filteredOn(c -> c.id().startsWith("t.code.")).allSatisfy(c ->
                assertThat(c.status()).isEqualTo(dev.dece.core.report.CheckOutcome.Status.ERROR));
        // near miss: the column exists, the scan answers every check, nothing falls back
        Report miss = run(contract("[bi]", columns, ""), "CREATE TABLE t AS SELECT i AS id, 'AB' AS code FROM range(10) r(i);");
        assertThat(fired(miss, "QLT-013")).isFalse();
        assertThat(miss.artifacts()).anySatisfy(a -> {
            assertThat(a.kind()).isEqualTo("sql-scan");
            assertThat(a.name()).isEqualTo("duckdb/scans/t.sql");
            assertThat(a.content()).contains("-- scan: t (one pass over the table, 3 checks)").contains("AS violations_3");
        });
    }

    @Test
    void everyCheckIsReportedWithTheRowsItFound() {
        Report r = run(contract("[bi]", STATUS, ""), statusNulls(6, 100));
        String results = r.artifacts().stream().filter(a -> a.kind().equals("quality-results")).findFirst().orElseThrow().content();
        assertThat(results).contains("t.status.not_null\tnot_null\tt\tstatus\tfail\t6\t100\t6.00\t-\tP1\tQLT-006")
                .contains("t.id.unique\tunique\tt\tid\tpass\t0\t100");
        List<Finding> none = findings(r, "QLT-001");
        assertThat(none).isEmpty();
    }
}
