package dev.dece.rules.migrate;

import dev.dece.core.catalog.MigrateOptions;
import dev.dece.core.input.InputException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One test per rule of Migrate.drl, over a small real estate (catalog entries, a contract, a brief) in a temp dir. */
class MigrateTest {

    @TempDir
    Path dir;

    static String entry(String name, String sources) {
        return "dataset:\n  name: \"" + name + "\"\n  owner_team: \"analytics\"\n  tier: \"silver\"\n  lineage:\n    sources: " + sources + "\n";
    }

    static final String CONTRACT = "contract:\n  name: orders\n  table: orders\n  version: 1.0.0\n  owner: analytics\n  consumers: [bi]\n  schema:\n"
            + "    - {column: order_id, type: bigint, nullable: false, primary_key: true, checks: [{type: not_null}]}\n"
            + "    - {column: amount, type: \"decimal(12,2)\"}\n";

    Path estate(String... files) throws IOException {
        Path d = Files.createTempDirectory(dir, "entries");
        for (int i = 0; i < files.length; i++) Files.writeString(d.resolve("e" + i + ".yaml"), files[i]);
        return d;
    }

    Report migrate(String from, String to, Path entries, Path contract, Path brief) {
        try {
            return TestDece.DECE.migrate(new MigrateOptions(from, to, List.of(entries), List.of(), List.of(),
                    contract == null ? List.of() : List.of(contract), brief));
        } catch (InputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    Path brief(double gbPerDay, int months) throws IOException {
        return Files.writeString(dir.resolve("brief.yaml"), "project_name: p\ndata_consumers:\n"
                + "  - {team: bi, use_case: analytics, latency_requirement: batch, query_pattern: dashboard}\n"
                + "data_volume: {current_gb_per_day: " + gbPerDay + ", growth_rate_percent: 10, retention_months: " + months + "}\n");
    }

    Path contract() throws IOException {
        return Files.writeString(dir.resolve("orders.contract.yaml"), CONTRACT);
    }

    @Test
    void mig001_noMigrationToPostgresAboveItsAnalyticsVolume() throws IOException {
        Path e = estate(entry("orders", "[]"));
        Report hit = migrate("redshift", "postgresql", e, contract(), brief(10, 12));   // about 3.7 TB retained
        assertThat(findings(hit, "MIG-001")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("goes to PostgreSQL").contains("above PostgreSQL's 1.0 TB analytics line");
            assertThat(f.location().path()).isEqualTo("data_volume");
        });
        assertThat(fired(migrate("redshift", "postgresql", e, contract(), brief(1, 12)), "MIG-001")).isFalse();   // about 365 GB
        assertThat(fired(migrate("redshift", "snowflake", e, contract(), brief(10, 12)), "MIG-001")).isFalse();
    }

    @Test
    void mig002_theLineageOrdersEveryDataset() throws IOException {
        Report hit = migrate("redshift", "snowflake", estate(entry("a", "[\"b\"]"), entry("b", "[\"a\"]")), null, null);
        Finding f = findings(hit, "MIG-002").get(0);
        assertThat(f.message()).contains("cycle (a, b)");
        Report miss = migrate("redshift", "snowflake", estate(entry("a", "[]"), entry("b", "[\"a\"]")), null, null);
        assertThat(fired(miss, "MIG-002")).isFalse();
        // upstream first: a before b in the plan
        String plan = miss.artifacts().get(0).content();
        assertThat(plan.indexOf("| 1 | a |")).isPositive().isLessThan(plan.indexOf("| 2 | b |"));
    }

    @Test
    void mig003_everyMigratedDatasetHasAKeyToCompare() throws IOException {
        Report hit = migrate("redshift", "snowflake", estate(entry("orders", "[]"), entry("refunds", "[]")), contract(), null);
        assertThat(findings(hit, "MIG-003")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).startsWith("No key is known for refunds:");
        });
        Report miss = migrate("redshift", "snowflake", estate(entry("orders", "[]")), contract(), null);
        assertThat(fired(miss, "MIG-003")).isFalse();
        // the validation SQL compares the key and the measure in the new system's dialect
        String sql = miss.artifacts().stream().filter(a -> a.name().equals("migration-validation.new.snowflake.sql")).findFirst().orElseThrow().content();
        assertThat(sql).contains("SELECT 'orders' AS dataset, COUNT(*) AS row_count, COUNT(DISTINCT \"ORDER_ID\") AS distinct_keys, SUM(\"AMOUNT\") AS \"SUM_AMOUNT\" FROM \"ORDERS\";");
    }

    @Test
    void badSystemNamesAreRefused() throws IOException {
        Path e = estate(entry("orders", "[]"));
        assertThatThrownBy(() -> TestDece.DECE.migrate(new MigrateOptions("redshift", "Redshift", List.of(e), List.of(), List.of(), List.of(), null)))
                .isInstanceOf(InputException.class).hasMessageContaining("is the system migrated from");
        assertThatThrownBy(() -> TestDece.DECE.migrate(new MigrateOptions("redshift", "x\nDROP", List.of(e), List.of(), List.of(), List.of(), null)))
                .isInstanceOf(InputException.class).hasMessageContaining("is not a system name");
    }
}
