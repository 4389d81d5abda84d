package dev.dece.rules.cost;

import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.CostFixtures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static dev.dece.rules.support.CostFixtures.entry;
import static dev.dece.rules.support.Results.findings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per rule of RedFlags.drl, through real templates, FOCUS rows, Snowflake exports and cost contexts read by
 * the real readers, with threshold edges for every red flag with a line.
 */
class RedFlagsTest {

    @TempDir Path dir;

    static final String TABLES = "cost_context:\n  tables:\n";

    @ParameterizedTest(name = "orders at {0} of 1000 USD -> {1}")
    @CsvSource({"299, none", "300, none", "301, COST-001"})
    void cost001_singlePipelineShareEdges(double orders, String rule) {
        Report r = CostFixtures.in(dir).template("2026-03", entry("orders", orders, 0, 0), entry("marketing", 1000 - orders, 0, 0)).run();
        // marketing holds the rest (above 30 % too): only count orders' finding
        assertThat(findings(r, "COST-001").stream().anyMatch(f -> "orders".equals(f.subject()))).as("COST-001 above 30 %")
                .isEqualTo(rule.equals("COST-001"));
    }

    @Test
    void cost001_singlePipelineAboveItsShareOfSpend() {
        Report r = CostFixtures.in(dir).template("2026-03", entry("orders", 4000, 500, 0), entry("marketing", 2000, 0, 0),
                entry("finance", 2000, 0, 0), entry("ops", 1500, 0, 0)).run();
        assertThat(findings(r, "COST-001")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.subject()).isEqualTo("orders");
            assertThat(f.message()).contains("Pipeline 'orders' costs 4500 USD in 2026-03, 45 % of the 10000 USD spent on 4 pipelines, above the 30 % red-flag line");
            assertThat(f.location().path()).isEqualTo("cost_tracking.by_pipeline[0]");
        });
        // near miss: five pipelines of equal cost, 20 % each
        Report even = CostFixtures.in(dir).template("2026-03", entry("a", 100, 0, 0), entry("b", 100, 0, 0), entry("c", 100, 0, 0),
                entry("d", 100, 0, 0), entry("e", 100, 0, 0)).run();
        assertThat(findings(even, "COST-001")).isEmpty();
    }

    @ParameterizedTest(name = "cost per row from 10 to {0} USD per million rows -> {1}")
    @CsvSource({"10.4, none", "10.5, none", "10.6, COST-002"})
    void cost002_risingEdges(double after, String rule) {
        Report r = CostFixtures.in(dir)
                .template("2026-02", entry("orders", 100, 0, 0, 10_000_000L, "revenue", true))
                .template("2026-03", entry("orders", after * 10, 0, 0, 10_000_000L, "revenue", true)).run();
        assertThat(findings(r, "COST-002").isEmpty()).as("COST-002 above a 5 % rise").isEqualTo(rule.equals("none"));
    }

    @Test
    void cost002_costPerRowRisingMonthOverMonth() {
        Report r = CostFixtures.in(dir)
                .template("2026-01", entry("orders", 100, 0, 0, 10_000_000L, "revenue", true))
                .template("2026-02", entry("orders", 150, 0, 0, 10_000_000L, "revenue", true))
                .template("2026-03", entry("orders", 200, 0, 0, 10_000_000L, "revenue", true)).run();
        assertThat(findings(r, "COST-002")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).contains("cost per row rose 2 months in a row (each by more than 5 %), by 100 % in all, from 10 to 20 USD per million rows since 2026-01");
            assertThat(f.location().file()).endsWith("cost-2026-03-2.yaml");
        });
        // near miss: the rows grew with the cost
        Report flat = CostFixtures.in(dir)
                .template("2026-02", entry("orders", 100, 0, 0, 10_000_000L, "revenue", true))
                .template("2026-03", entry("orders", 200, 0, 0, 20_000_000L, "revenue", true)).run();
        assertThat(findings(flat, "COST-002")).isEmpty();
    }

    @Test
    void cost003_tableWithNoQueriesInTheWindow() {
        Report r = CostFixtures.in(dir).template("2026-03", entry("orders", 100, 0, 0))
                .context(TABLES + "    - {name: staging.old_orders, size_gb: 800, storage_monthly_usd: 18.4, queries_30d: 0, format: parquet, pipeline: orders}\n"
                        + "    - {name: marts.orders, size_gb: 90, storage_monthly_usd: 2, queries_30d: 1, format: parquet}\n").run();
        assertThat(findings(r, "COST-003")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.subject()).isEqualTo("staging.old_orders");
            assertThat(f.message()).contains("Table 'staging.old_orders' had 0 queries in the 30 days to --as-of (from queries_30d) and costs 18.4 USD a month to store (800 GB)");
            assertThat(f.remediation()).contains("('orders')");
            assertThat(f.location().path()).isEqualTo("cost_context.tables[0]");
        });
    }

    @Test
    void cost003_countedFromTheQueryHistory() {
        String bq = "{\"creation_time\":\"2026-03-20T10:00:00Z\",\"start_time\":\"2026-03-20T10:00:00Z\",\"end_time\":\"2026-03-20T10:00:05Z\","
                + "\"job_id\":\"j1\",\"statement_type\":\"SELECT\",\"query\":\"SELECT 1 FROM shop.sales.orders\",\"total_bytes_processed\":\"1000\","
                + "\"referenced_tables\":[{\"project_id\":\"shop\",\"dataset_id\":\"sales\",\"table_id\":\"orders\"}]}";
        // read on 2026-03-20: once in the 30 days to 2026-03-31; not in the 30 days to 2026-05-01
        Report read = CostFixtures.in(dir).template("2026-03", entry("orders", 100, 0, 0)).bigquery(bq).asOf("2026-03-31")
                .context(TABLES + "    - {name: sales.orders, storage_monthly_usd: 5}\n").run();
        assertThat(findings(read, "COST-003")).isEmpty();
        Report later = CostFixtures.in(dir).template("2026-03", entry("orders", 100, 0, 0)).bigquery(bq).asOf("2026-05-01")
                .context(TABLES + "    - {name: sales.orders, storage_monthly_usd: 5}\n").run();
        assertThat(findings(later, "COST-003")).singleElement().satisfies(f -> assertThat(f.message()).contains("(from query history)"));
    }

    static final String DEV_WH = "cost_context:\n  credit_price_usd: 3\n  warehouses:\n    - {name: DEV_WH, environment: dev}\n";

    @ParameterizedTest(name = "dev warehouse active {0} of 720 hours -> {1}")
    @CsvSource({"683, none", "684, COST-004", "720, COST-004"})
    void cost004_alwaysOnEdges(int hours, String rule) {
        Report r = CostFixtures.in(dir).context(DEV_WH).metering("DEV_WH", "2026-03-02T00:00:00Z", hours, 1).asOf("2026-03-31").run();
        assertThat(findings(r, "COST-004").isEmpty()).as("COST-004 at 95 % of the hours").isEqualTo(rule.equals("none"));
    }

    @Test
    void cost004_devWarehouseRunningAroundTheClock() {
        Report r = CostFixtures.in(dir).context(DEV_WH + "    - {name: PROD_WH, environment: prod}\n")
                .metering("DEV_WH", "2026-03-02T00:00:00Z", 720, 0.5).metering("PROD_WH", "2026-03-02T00:00:00Z", 720, 1).asOf("2026-03-31").run();
        assertThat(findings(r, "COST-004")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.subject()).isEqualTo("DEV_WH");
            assertThat(f.message()).contains("The dev warehouse 'DEV_WH' was active in 720 of the 720 hours of the window (100 %")
                    .contains("it runs 24/7 and cost 1080 USD");
            assertThat(f.location().file()).endsWith("warehouse_metering_history.csv");
            assertThat(f.location().line()).isEqualTo(2);
        });
    }

    @Test
    void cost005_fullScansOfALargeTable() {
        CostFixtures fx = CostFixtures.in(dir).context("cost_context:\n  credit_price_usd: 3\n").asOf("2026-03-31");
        fx.query("q1", "select * from big.events", "BI_WH", "{\"pipeline\":\"events\"}", "2026-03-10T10:00:00Z", 60_000, 2_000_000_000_000L, 5000L, 5000L, "h1");
        fx.query("q2", "select * from big.events where d = 1", "BI_WH", null, "2026-03-10T11:00:00Z", 1_000, 2_000_000_000_000L, 10L, 5000L, "h2");
        fx.query("q3", "select * from small.t", "BI_WH", null, "2026-03-10T12:00:00Z", 1_000, 900_000_000_000L, 100L, 100L, "h3");
        Report r = fx.run();
        assertThat(findings(r, "COST-005")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).contains("1 run in the window scanned warehouse BI_WH in full").contains("every micro-partition")
                    .contains("at or above the 1 TB line, for pipeline 'events'");
            assertThat(f.location().file()).endsWith("query_history.csv");
        });
    }

    @Test
    void cost005_bigQueryScanAgainstTheTableSize() {
        String bq = "{\"creation_time\":\"2026-03-20T10:00:00Z\",\"job_id\":\"j1\",\"statement_type\":\"SELECT\",\"query\":\"SELECT * FROM shop.sales.events\","
                + "\"total_bytes_processed\":\"%d\",\"total_bytes_billed\":\"%d\",\"labels\":[{\"key\":\"pipeline\",\"value\":\"events\"}],"
                + "\"referenced_tables\":[{\"project_id\":\"shop\",\"dataset_id\":\"sales\",\"table_id\":\"events\"}]}";
        String ctx = "cost_context:\n  bigquery_usd_per_tib: 6.25\n  tables:\n    - {name: sales.events, size_gb: 2000, storage_monthly_usd: 40, queries_30d: 100}\n";
        Report full = CostFixtures.in(dir).context(ctx).bigquery(String.format(bq, 1_900_000_000_000L, 1_900_000_000_000L)).run();
        assertThat(findings(full, "COST-005")).singleElement().satisfies(f -> assertThat(f.message()).contains("scanned sales.events in full")
                .contains("of a 2 TB table"));
        // near miss: the run read 40 % of the table (pruned)
        Report pruned = CostFixtures.in(dir).context(ctx).bigquery(String.format(bq, 800_000_000_000L, 800_000_000_000L)).run();
        assertThat(findings(pruned, "COST-005")).isEmpty();
    }

    @Test
    void cost006_uncompressedDataInCloudStorage() {
        Report r = CostFixtures.in(dir).template("2026-03", entry("orders", 100, 0, 0))
                .context(TABLES + "    - {name: raw.clicks, format: csv, storage_monthly_usd: 120, queries_30d: 40}\n"
                        + "    - {name: raw.orders, format: parquet, storage_monthly_usd: 10, queries_30d: 40}\n"
                        + "    - {name: raw.events, format: json, compression: gzip, storage_monthly_usd: 10, queries_30d: 40}\n").run();
        assertThat(findings(r, "COST-006")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).contains("Table 'raw.clicks' is stored uncompressed (format csv, compression not given), 120 USD a month");
        });
    }

    @Test
    void cost007_crossRegionDataTransfer() {
        Report r = CostFixtures.in(dir)
                .focus(42.5, "2026-03-05T00:00:00Z", 24, "Networking", "arn:aws:s3:::lake", "us-east-1", "Standard", "Inter-Region data transfer to us-west-2", "{\"pipeline\":\"orders\"}")
                .focus(9, "2026-03-05T00:00:00Z", 24, "Networking", "nat-1", "us-east-1", "Standard", "Data transfer out to the internet", "{\"pipeline\":\"orders\"}")
                .run();
        assertThat(findings(r, "COST-007")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).contains("'arn:aws:s3:::lake' paid 42.5 USD for cross-region data transfer from us-east-1 this month (1 charge")
                    .contains("for pipeline 'orders'");
            assertThat(f.location().file()).endsWith("focus.csv");
            assertThat(f.location().line()).isEqualTo(2);
        });
    }
}
