package dev.dece.rules.cost;

import dev.dece.core.report.Artifact;
import dev.dece.core.report.Recommendation;
import dev.dece.core.report.Report;
import dev.dece.rules.support.CostFixtures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static dev.dece.rules.support.CostFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per rule of Strategies.drl (every row of the Cloud Cost Reduction Strategies table), through real files:
 * the proposal, its saving from the inputs within the table's range, its effort; and the priority order the command
 * computes once.
 */
class StrategiesTest {

    @TempDir Path dir;

    static List<Recommendation> proposals(Report r, String ruleId) {
        return r.recommendations("cost.strategy").stream().filter(x -> x.ruleId().equals(ruleId)).toList();
    }

    static String ev(Recommendation r, String path) {
        return r.evidence().stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow().value();
    }

    static final String WH = "cost_context:\n  credit_price_usd: 2\n  warehouses:\n    - {name: BI_WH, environment: prod, pipeline: bi}\n";

    /** BI_WH metered 100 hours at 1 credit; queries run in the first {@code busy} of them. */
    CostFixtures idle(int busy) {
        CostFixtures fx = CostFixtures.in(dir).context(WH).metering("BI_WH", "2026-03-20T00:00:00Z", 100, 1).asOf("2026-03-31");
        for (int h = 0; h < busy; h++) {
            fx.query("q" + h, "select count(*) from sales", "BI_WH", null, java.time.Instant.parse("2026-03-20T00:10:00Z").plusSeconds(3600L * h).toString(),
                    1000, 1000, 1L, 10L, "h" + h);
        }
        return fx;
    }

    @ParameterizedTest(name = "{0} of 100 metered hours without a query -> {1}")
    @CsvSource({"24, none", "25, COST-012", "60, COST-012"})
    void cost012_idleEdges(int idleHours, String rule) {
        Report r = idle(100 - idleHours).run();
        assertThat(proposals(r, "COST-012").isEmpty()).as("COST-012 at 25 % idle").isEqualTo(rule.equals("none"));
    }

    @Test
    void cost012_rightSizeAnIdleWarehouse() {
        Report r = idle(50).run();
        assertThat(proposals(r, "COST-012")).singleElement().satisfies(p -> {
            assertThat(p.choice()).isEqualTo("right-size:BI_WH");
            assertThat(p.rationale()).contains("Right-size compute (auto-scaling): saves 40-80 USD a month (20-40 % of 200 USD of warehouse BI_WH's compute in the window); effort low.")
                    .contains("billed for 50 of its 100 active hours with no query running (50 %)");
            assertThat(ev(p, "saving.low_usd")).isEqualTo("40");
        });
        // near miss: without a query history idle hours cannot be told
        Report noHistory = CostFixtures.in(dir).context(WH).metering("BI_WH", "2026-03-20T00:00:00Z", 100, 1).run();
        assertThat(proposals(noHistory, "COST-012")).isEmpty();
    }

    @Test
    void cost013_spotInstancesForABatchPipeline() {
        Report r = CostFixtures.in(dir).batchSpec("orders")
                .focus(1000, "2026-03-10T00:00:00Z", 24, "Compute", "i-etl", "us-east-1", "Standard", "m5.4xlarge", "{\"pipeline\":\"orders\"}")
                .focus(500, "2026-03-10T00:00:00Z", 24, "Compute", "i-stream", "us-east-1", "Standard", "m5.4xlarge", "{\"pipeline\":\"stream\"}")
                .run();
        assertThat(proposals(r, "COST-013")).singleElement().satisfies(p -> {
            assertThat(p.choice()).isEqualTo("spot:orders");
            assertThat(p.rationale()).contains("Use spot/preemptible instances for batch: saves 600-800 USD a month (60-80 % of 1000 USD of pipeline orders's on-demand instance compute); effort medium.");
        });
        // near miss: the same compute already on spot (FOCUS PricingCategory Dynamic)
        Report spot = CostFixtures.in(dir).batchSpec("orders")
                .focus(1000, "2026-03-10T00:00:00Z", 24, "Compute", "i-etl", "us-east-1", "Dynamic", "m5.4xlarge spot", "{\"pipeline\":\"orders\"}").run();
        assertThat(proposals(spot, "COST-013")).isEmpty();
    }

    static final String TABLES = "cost_context:\n  tables:\n";

    @Test
    void cost014_compressUncompressedStorage() {
        Report r = CostFixtures.in(dir).template("2026-03", entry("orders", 100, 0, 0))
                .context(TABLES + "    - {name: raw.clicks, format: csv, storage_monthly_usd: 120, queries_30d: 40}\n"
                        + "    - {name: raw.orders, format: parquet, compression: zstd, storage_monthly_usd: 300, queries_30d: 40}\n").run();
        assertThat(proposals(r, "COST-014")).singleElement().satisfies(p -> {
            assertThat(p.choice()).isEqualTo("compress:raw.clicks");
            assertThat(p.rationale()).contains("saves 60-96 USD a month (50-80 % of 120 USD of table raw.clicks's storage); effort low");
        });
    }

    @ParameterizedTest(name = "a hot table read {0} times -> {1}")
    @CsvSource({"0, none", "1, COST-015", "4, COST-015", "5, none"})
    void cost015_coldEdges(int reads, String rule) {
        Report r = CostFixtures.in(dir).template("2026-03", entry("orders", 100, 0, 0))
                .context(TABLES + "    - {name: hist.orders, format: parquet, storage_monthly_usd: 50, queries_30d: " + reads + "}\n").run();
        assertThat(proposals(r, "COST-015").isEmpty()).as("COST-015 at 1..4 reads").isEqualTo(rule.equals("none"));
    }

    @Test
    void cost015_lifecycleTierForRarelyReadHotStorage() {
        Report r = CostFixtures.in(dir).template("2026-03", entry("orders", 100, 0, 0))
                .context(TABLES + "    - {name: hist.orders, format: parquet, storage_monthly_usd: 50, queries_30d: 2}\n"
                        + "    - {name: hist.archive, format: parquet, storage_tier: cold, storage_monthly_usd: 50, queries_30d: 2}\n").run();
        assertThat(proposals(r, "COST-015")).singleElement().satisfies(p -> assertThat(p.rationale())
                .contains("saves 20-35 USD a month (40-70 % of 50 USD of table hist.orders's hot storage)").contains("read 2 times in the window"));
    }

    @Test
    void cost016_eliminateUnusedTables() {
        Report r = CostFixtures.in(dir).template("2026-03", entry("orders", 1000, 0, 0))
                .context(TABLES + "    - {name: old.a, storage_monthly_usd: 30, queries_30d: 0}\n"
                        + "    - {name: old.b, storage_monthly_usd: 200, queries_30d: 0}\n"
                        + "    - {name: live, storage_monthly_usd: 500, queries_30d: 99}\n").run();
        assertThat(proposals(r, "COST-016")).singleElement().satisfies(p -> {
            assertThat(p.choice()).isEqualTo("eliminate:platform");
            // 230 USD unused, bounded by 10-30 % of the 1000 USD spend
            assertThat(p.rationale()).contains("saves 100-230 USD a month (2 unused tables (0 queries in the window, COST-003) cost 230 USD; the table's 10-30 % of the 1000 USD spend bounds it)");
        });
        Report none = CostFixtures.in(dir).template("2026-03", entry("orders", 1000, 0, 0))
                .context(TABLES + "    - {name: live, storage_monthly_usd: 500, queries_30d: 99}\n").run();
        assertThat(proposals(none, "COST-016")).isEmpty();
    }

    @Test
    void cost017_partitionPruningForFullScans() {
        CostFixtures fx = CostFixtures.in(dir).context(WH).metering("BI_WH", "2026-03-20T00:00:00Z", 10, 5).asOf("2026-03-31");
        fx.query("q1", "select * from big.events", "BI_WH", null, "2026-03-20T01:00:00Z", 3_000_000, 3_000_000_000_000L, 900L, 900L, "h1");
        fx.query("q2", "select 1", "BI_WH", null, "2026-03-20T02:00:00Z", 1_000_000, 10, 1L, 900L, "h2");
        Report r = fx.run();
        // the full scan took 3 of the warehouse's 4 elapsed hours: 75 % of its 100 USD
        assertThat(proposals(r, "COST-017")).singleElement().satisfies(p -> assertThat(p.rationale())
                .contains("saves 22.5-45 USD a month (30-60 % of 75 USD of compute of 1 full scans of warehouse BI_WH)"));
        // near miss: no credit price, no cost to save (the red flag COST-005 still fires)
        CostFixtures unpriced = CostFixtures.in(dir).asOf("2026-03-31");
        unpriced.query("q1", "select * from big.events", "BI_WH", null, "2026-03-20T01:00:00Z", 3_000_000, 3_000_000_000_000L, 900L, 900L, "h1");
        Report u = unpriced.run();
        assertThat(proposals(u, "COST-017")).isEmpty();
        assertThat(u.findings()).anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("COST-005"));
    }

    @ParameterizedTest(name = "a prod warehouse active {0} of 720 hours -> {1}")
    @CsvSource({"647, none", "648, COST-018", "720, COST-018"})
    void cost018_steadyStateEdges(int hours, String rule) {
        Report r = CostFixtures.in(dir).context(WH).metering("BI_WH", "2026-03-02T00:00:00Z", hours, 1).asOf("2026-03-31").run();
        assertThat(proposals(r, "COST-018").isEmpty()).as("COST-018 at 90 % of the hours").isEqualTo(rule.equals("none"));
    }

    @Test
    void cost018_reservedCapacityForSteadyStateCompute() {
        Report r = CostFixtures.in(dir).asOf("2026-03-31")
                .focus(240, "2026-03-02T00:00:00Z", 720, "Compute", "i-db", "us-east-1", "Standard", "r5", "{\"pipeline\":\"orders\",\"environment\":\"prod\"}")
                .focus(240, "2026-03-02T00:00:00Z", 720, "Compute", "i-committed", "us-east-1", "Committed", "r5 RI", "{\"pipeline\":\"orders\",\"environment\":\"prod\"}")
                .run();
        assertThat(proposals(r, "COST-018")).singleElement().satisfies(p -> {
            assertThat(p.choice()).isEqualTo("reserved:i-db");
            assertThat(p.rationale()).contains("saves 72-120 USD a month (30-50 % of 240 USD of resource i-db's on-demand compute in the window)");
        });
    }

    CostFixtures repeated(int runs, boolean cacheHits) {
        CostFixtures fx = CostFixtures.in(dir).context(WH).metering("BI_WH", "2026-03-20T00:00:00Z", 20, 1).asOf("2026-03-31");
        for (int i = 0; i < runs; i++) {
            fx.query("r" + i, "select region, sum(amount) from sales group by 1", "BI_WH", "{\"pipeline\":\"bi\"}",
                    java.time.Instant.parse("2026-03-20T00:00:00Z").plusSeconds(3600L * i).toString(), 60_000, cacheHits && i > 0 ? 0 : 5_000_000, 5L, 10L, "same");
        }
        return fx;
    }

    @ParameterizedTest(name = "{0} runs -> {1}")
    @CsvSource({"9, none", "10, COST-019", "15, COST-019"})
    void cost019_repeatedRunsEdges(int runs, String rule) {
        assertThat(proposals(repeated(runs, false).run(), "COST-019").isEmpty()).as("COST-019 from 10 runs").isEqualTo(rule.equals("none"));
    }

    @Test
    void cost019_cacheARepeatedQuery() {
        Report r = repeated(12, false).run();
        assertThat(proposals(r, "COST-019")).singleElement().satisfies(p -> {
            assertThat(p.rationale()).contains("Cache expensive queries: saves 8-20 USD a month (20-50 % of 40 USD of compute of its 12 runs)")
                    .contains("ran 12 times in the window with no cache hit");
            assertThat(ev(p, "saving.effort")).isEqualTo("medium");
        });
        // near miss: the result cache already answers the repeats
        assertThat(proposals(repeated(12, true).run(), "COST-019")).isEmpty();
    }

    @Test
    void proposalsAreRankedBySavingPerEffortInTheArtifacts() {
        Report r = CostFixtures.in(dir).batchSpec("orders").asOf("2026-03-31")
                .template("2026-03", entry("orders", 1000, 0, 0, 1_000_000L, "revenue", true))
                .focus(1000, "2026-03-10T00:00:00Z", 24, "Compute", "i-etl", "us-east-1", "Standard", "m5", "{\"pipeline\":\"orders\"}")
                .context(TABLES + "    - {name: raw.clicks, format: csv, storage_monthly_usd: 700, queries_30d: 40}\n").run();
        // spot: 600 USD at medium effort (300 per unit); compress: 350 USD at low effort (350 per unit): compress first
        Artifact pr = r.artifacts().stream().filter(a -> a.kind().equals("cost-priorities")).findFirst().orElseThrow();
        assertThat(pr.content()).contains("1 | 350-560 | low | Compress data (Parquet + Snappy/Zstd) | raw.clicks | COST-014\n"
                + "2 | 600-800 | medium | Use spot/preemptible instances for batch | orders | COST-013\n");
        Artifact alloc = r.artifacts().stream().filter(a -> a.kind().equals("cost-allocation")).findFirst().orElseThrow();
        assertThat(alloc.name()).isEqualTo("cost-allocation-2026-03.yaml");
        assertThat(alloc.content()).contains("    - pipeline: \"orders\"\n      compute_monthly_usd: 1000\n      storage_monthly_usd: 0\n"
                        + "      egress_monthly_usd: 0\n      total: 1000\n      cost_per_row: 0.001\n")
                .contains("      share_percent: 100\n      rank: 1\n")
                .contains("    - description: \"Compress data (Parquet + Snappy/Zstd): raw.clicks\"\n      estimated_savings_usd: 350   # up to 560\n"
                        + "      effort: low\n      priority: 1\n      proposed_by: COST-014\n");
    }
}
