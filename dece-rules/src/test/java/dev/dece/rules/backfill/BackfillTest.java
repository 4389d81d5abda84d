package dev.dece.rules.backfill;

import dev.dece.core.catalog.BackfillOptions;
import dev.dece.core.input.InputException;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.TestDece;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static dev.dece.rules.support.Results.findings;
import static dev.dece.rules.support.Results.fired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One test per rule of Backfill.drl, on the bundled example estate (dece-examples/catalog) and the real rule base. */
class BackfillTest {
    static final Path ESTATE = Path.of("../dece-examples/catalog");

    static Report plan(String table, String from, String to, String tenant, boolean pipelines) throws InputException {
        return TestDece.DECE.backfill(new BackfillOptions(table, LocalDate.parse(from), LocalDate.parse(to), tenant,
                List.of(ESTATE.resolve("entries")), List.of(ESTATE.resolve("manifest.json")),
                pipelines ? List.of(ESTATE.resolve("pipelines")) : List.of(), List.of()));
    }

    @Test
    void bkf001_appendLoadWouldDuplicate() throws Exception {
        Finding f = findings(plan("analytics.fct_orders", "2024-04-20", "2024-04-30", "shop-1", true), "BKF-001").get(0);
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.message()).contains("re-runs a append load", "11 in the range");
        assertThat(f.location().path()).isEqualTo("pipeline.load.strategy");
        // near miss: no pipeline spec, so no load is known to duplicate
        assertThat(fired(plan("analytics.fct_orders", "2024-04-20", "2024-04-30", "shop-1", false), "BKF-001")).isFalse();
    }

    @Test
    void bkf002_rangeCrossesSchemaChange() throws Exception {
        Finding f = findings(plan("analytics.fct_orders", "2024-04-10", "2024-04-20", "shop-1", true), "BKF-002").get(0);
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("2024-04-15: amount became amount_eur");
        assertThat(fired(plan("analytics.fct_orders", "2024-04-16", "2024-04-20", "shop-1", true), "BKF-002")).isFalse();
    }

    @Test
    void bkf003_multiTenantRebuild() throws Exception {
        Finding f = findings(plan("analytics.fct_orders", "2024-04-20", "2024-04-21", null, true), "BKF-003").get(0);
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("multi-tenant (tenant_column shop_id)");
        assertThat(fired(plan("analytics.fct_orders", "2024-04-20", "2024-04-21", "shop-1", true), "BKF-003")).isFalse();
    }

    @Test
    void bkf004_loadStrategyUnknown() throws Exception {
        Finding f = findings(plan("analytics.dim_customers", "2024-04-20", "2024-04-21", null, true), "BKF-004").get(0);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).contains("No pipeline spec names 'analytics.dim_customers'");
        assertThat(fired(plan("analytics.fct_orders", "2024-04-20", "2024-04-21", "shop-1", true), "BKF-004")).isFalse();
    }

    @Test
    void planHasNineStepsChunksAndFourDialects() throws Exception {
        Report r = plan("analytics.fct_orders", "2024-04-01", "2024-04-30", "shop-1", true);
        String md = r.artifacts().stream().filter(a -> a.name().endsWith(".backfill.md")).findFirst().orElseThrow().content();
        for (String step : List.of("1. Scope", "2. Impact", "3. Communication", "4. Isolation", "5. Validation", "6. Execution",
                "7. Monitoring", "8. Verification", "9. Documentation")) assertThat(md).contains("## " + step);
        assertThat(md.indexOf("2024-04-24 to 2024-04-30")).isLessThan(md.indexOf("2024-04-01 to 2024-04-02"));
        assertThat(md).contains("exposure:revenue_dashboard");
        List<Artifact> sql = r.artifacts().stream().filter(a -> a.kind().equals("backfill-sql")).toList();
        assertThat(sql).extracting(Artifact::name).containsExactlyInAnyOrder("analytics.fct_orders.backfill.duckdb.sql",
                "analytics.fct_orders.backfill.postgres.sql", "analytics.fct_orders.backfill.snowflake.sql", "analytics.fct_orders.backfill.bigquery.sql");
        assertThat(sql.get(0).content()).contains("\"shop_id\" = 'shop-1'", "SUM(\"amount_eur\")");
    }

    @Test
    void badRequestsAreOneLineProblems() {
        assertThatThrownBy(() -> plan("analytics.fct_order", "2024-04-20", "2024-04-21", null, true))
                .hasMessageContaining("did you mean \"analytics.fct_orders\"");
        assertThatThrownBy(() -> plan("analytics.fct_orders", "2024-04-22", "2024-04-21", null, true))
                .hasMessageContaining("is before --from");
    }
}
