package dev.dece.rules.assess.processing;

import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.BriefYaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.dece.rules.support.BriefYaml.brief;
import static dev.dece.rules.support.Results.choices;
import static dev.dece.rules.support.Results.findings;
import static dev.dece.rules.support.Results.fired;
import static dev.dece.rules.support.Results.paths;
import static dev.dece.rules.support.Results.rec;
import static dev.dece.rules.support.Results.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Processing.drl: a brief that triggers it and a near miss that must not. */
class ProcessingTest {

    static final String T = "processing";

    /** A batch analytics brief with {@code gb} per day, no growth, a year of retention. */
    static BriefYaml batch(double gb) {
        return brief().consumer("bi", "batch").volume(gb, 0, 12);
    }

    /** Only a sub-second consumer. */
    static BriefYaml realTime() {
        return brief().consumer("risk", "operational", "real-time", "API");
    }

    @Test
    void prc001_sparkAbove100GbPerDay() {
        Report hit = batch(150).assess();
        assertThat(choices(hit, T)).containsExactly("spark");
        assertThat(rec(hit, T, "spark").orElseThrow().rationale()).startsWith("150 GB/day is above Spark's 100 GB/day line");

        Report miss = batch(100).assess();
        assertThat(choices(miss, T)).containsExactly("duckdb");
        assertThat(fired(miss, "PRC-001")).isFalse();
    }

    @ParameterizedTest(name = "{0} GB/day -> {1}")
    @CsvSource({"9.9, duckdb", "10, duckdb", "10.1, duckdb", "49.9, duckdb", "50, duckdb", "50.1, duckdb",
            "99.9, duckdb", "100, duckdb", "100.1, spark"})
    void batchEngineAtEachVolumeLine(double gb, String engine) {
        assertThat(choices(batch(gb).assess(), T)).containsExactly(engine);
    }

    @Test
    void prc002_sparkForMlPipelines() {
        Report hit = batch(40).workload("transform_languages", "[python, ml]").assess();
        assertThat(choices(hit, T)).containsExactly("spark");
        assertThat(rec(hit, T, "spark").orElseThrow().ruleId()).isEqualTo("PRC-002");

        Report miss = batch(40).workload("transform_languages", "[python]").assess();
        assertThat(fired(miss, "PRC-002")).isFalse();
    }

    @Test
    void prc003_sparkForJvmTransformations() {
        Report hit = batch(40).workload("transform_languages", "[scala]").assess();
        assertThat(choices(hit, T)).containsExactly("spark");
        assertThat(rec(hit, T, "spark").orElseThrow().ruleId()).isEqualTo("PRC-003");

        Report miss = batch(40).workload("transform_languages", "[python]").assess();
        assertThat(fired(miss, "PRC-003")).isFalse();
    }

    @ParameterizedTest(name = "ML at {0} GB/day -> spark chosen: {1}")
    @CsvSource({"9.9, false", "10, true", "10.1, true"})
    void prc004_noSparkBelow10GbPerDay(double gb, boolean spark) {
        Report r = batch(gb).workload("transform_languages", "[ml]").assess();
        assertThat(choices(r, T).contains("spark")).isEqualTo(spark);
        assertThat(fired(r, "PRC-004")).isEqualTo(!spark);
        if (!spark) {
            assertThat(rejected(r, T, "spark")).get().asString()
                    .contains("PRC-004: 9.9 GB/day is below Spark's 10 GB/day overkill line");
        }
    }

    @Test
    void prc005_noSparkForSubSecondStreaming() {
        Report hit = realTime().volume(40, 0, 12).constraint("team_size", 8).assess();
        assertThat(choices(hit, T)).containsExactly("flink");
        assertThat(rejected(hit, T, "spark")).get().asString().contains("PRC-005").contains("micro-batches");

        // the rejection is for the stream slot only: Spark keeps the batch work of a lambda platform
        Report lambda = realTime().consumer("bi", "batch").volume(150, 0, 12).constraint("team_size", 8).assess();
        assertThat(choices(lambda, T)).containsExactly("spark", "flink");
        assertThat(rec(lambda, T, "flink").orElseThrow().alternatives()).anyMatch(a -> a.choice().equals("spark") && a.reason().contains("PRC-005"));
        assertThat(rec(lambda, T, "spark").orElseThrow().alternatives()).noneMatch(a -> a.reason().contains("PRC-005"));

        Report miss = batch(150).assess();
        assertThat(fired(miss, "PRC-005")).isFalse();
    }

    @Test
    void prc006_duckDbUpTo100GbPerDay() {
        Report hit = batch(60).assess();
        assertThat(choices(hit, T)).containsExactly("duckdb");
        assertThat(rec(hit, T, "duckdb").orElseThrow().rationale()).startsWith("60 GB/day fits DuckDB's 100 GB/day range");

        Report miss = batch(100.5).assess();
        assertThat(fired(miss, "PRC-006")).isFalse();
    }

    @Test
    void prc007_noDuckDbAbove100GbPerDay() {
        Report hit = batch(150).assess();
        assertThat(rejected(hit, T, "duckdb")).get().asString()
                .contains("PRC-007: 150 GB/day is above DuckDB's 100 GB/day line");

        Report miss = batch(100).assess();
        assertThat(fired(miss, "PRC-007")).isFalse();
    }

    @Test
    void prc008_noDuckDbForProductionStreaming() {
        Report hit = realTime().volume(40, 0, 12).constraint("team_size", 8).assess();
        assertThat(rejected(hit, T, "duckdb")).get().asString().contains("PRC-008").contains("not a production stream processor");

        // the rejection is for the stream slot only: DuckDB keeps the batch work beside the stream
        Report both = realTime().consumer("bi", "batch").volume(40, 0, 12).constraint("team_size", 8).assess();
        assertThat(choices(both, T)).containsExactly("duckdb", "flink");
        assertThat(rec(both, T, "duckdb").orElseThrow().alternatives()).noneMatch(a -> a.reason().contains("PRC-008"));

        Report miss = batch(40).assess();
        assertThat(fired(miss, "PRC-008")).isFalse();
    }

    @ParameterizedTest(name = "Python at {0} GB/day -> polars chosen: {1}")
    @CsvSource({"49.9, true", "50, true", "50.1, false"})
    void prc009_polarsUpTo50GbPerDay(double gb, boolean polars) {
        Report r = batch(gb).workload("transform_languages", "[python]").assess();
        assertThat(choices(r, T)).containsExactly(polars ? "polars" : "duckdb");
        if (polars) {
            var rec = rec(r, T, "polars").orElseThrow();
            assertThat(rec.ruleId()).isEqualTo("PRC-009");
            assertThat(rec.rationale()).contains("the transformations are Python, not SQL");
            assertThat(paths(rec.evidence())).containsExactly("data_volume.current_gb_per_day", "workload.transform_languages");
        }
    }

    @Test
    void prc010_noPolarsAbove50GbPerDay() {
        Report hit = batch(60).assess();
        assertThat(rejected(hit, T, "polars")).get().asString().contains("PRC-010: 60 GB/day is above Polars' 50 GB/day single-node line");

        Report miss = batch(50).assess();
        assertThat(fired(miss, "PRC-010")).isFalse();
        assertThat(rejected(miss, T, "polars")).get().asString().contains("also fits (PRC-009");
    }

    @Test
    void prc011_noPolarsWhenJvmCodeNeedsSpark() {
        Report hit = batch(20).workload("transform_languages", "[java]").assess();
        assertThat(rejected(hit, T, "polars")).get().asString().contains("PRC-011").contains("Spark ecosystem");

        Report miss = batch(20).workload("transform_languages", "[python]").assess();
        assertThat(fired(miss, "PRC-011")).isFalse();
    }

    @Test
    void prc012_pandasBelow1GbPerDay() {
        Report hit = batch(0.5).workload("transform_languages", "[python]").assess();
        assertThat(choices(hit, T)).containsExactly("pandas");
        assertThat(rec(hit, T, "pandas").orElseThrow().rationale()).contains("below pandas' 1 GB/day line");
        Report sql = batch(0.5).assess();
        assertThat(rejected(sql, T, "pandas")).get().asString().contains("also fits (PRC-012");

        Report miss = batch(1).workload("transform_languages", "[python]").assess();
        assertThat(fired(miss, "PRC-012")).isFalse();
    }

    @ParameterizedTest(name = "{0} GB/day -> pandas avoided: {1}")
    @CsvSource({"4.9, false", "5, false", "5.1, true"})
    void prc013_noPandasAbove5Gb(double gb, boolean avoided) {
        Report r = batch(gb).assess();
        assertThat(fired(r, "PRC-013")).isEqualTo(avoided);
        if (avoided) {
            assertThat(rejected(r, T, "pandas")).get().asString().contains("5.1 GB/day is above pandas' 5 GB limit");
        }
    }

    @Test
    void prc014_noPandasInProductionPipelines() {
        Report hit = batch(0.5).workload("transform_languages", "[python]").workload("pipeline_count", 3).assess();
        assertThat(choices(hit, T)).containsExactly("polars");
        assertThat(rejected(hit, T, "pandas")).get().asString().contains("PRC-014: the platform runs 3 production pipeline(s)");

        Report miss = batch(0.5).workload("transform_languages", "[python]").assess();
        assertThat(fired(miss, "PRC-014")).isFalse();
    }

    @Test
    void prc015_flinkForSubSecondStreaming() {
        Report hit = realTime().constraint("team_size", 8).assess();
        assertThat(choices(hit, T)).containsExactly("flink");
        assertThat(rec(hit, T, "flink").orElseThrow().rationale()).contains("'risk' needs results in under 1 second");

        Report miss = brief().consumer("ops", "near-real-time").constraint("team_size", 8).assess();
        assertThat(fired(miss, "PRC-015")).isFalse();
    }

    @Test
    void prc016_flinkForEventTimeProcessing() {
        Report hit = brief().consumer("ops", "near-real-time").workload("event_time_processing", true).constraint("team_size", 8).assess();
        assertThat(choices(hit, T)).containsExactly("flink");
        assertThat(rec(hit, T, "flink").orElseThrow().ruleId()).isEqualTo("PRC-016");

        Report miss = brief().consumer("bi", "batch").workload("event_time_processing", true).constraint("team_size", 8).assess();
        assertThat(fired(miss, "PRC-016")).isFalse();
    }

    @Test
    void prc017_noFlinkWhenEveryConsumerIsBatch() {
        Report hit = batch(40).source("Kafka clickstream").assess();
        assertThat(choices(hit, T)).containsExactly("duckdb");
        assertThat(rejected(hit, T, "flink")).get().asString().contains("PRC-017: every consumer accepts hourly+ data");

        Report miss = batch(40).source("Postgres orders DB").assess();
        assertThat(fired(miss, "PRC-017")).isFalse();
    }

    @ParameterizedTest(name = "team of {0} -> small-team finding: {1}")
    @CsvSource({"2, true", "3, true", "4, false"})
    void prc018_noFlinkForASmallTeam(int team, boolean finding) {
        Report r = realTime().constraint("team_size", team).assess();
        assertThat(choices(r, T)).containsExactly("flink");
        List<Finding> f = findings(r, "PRC-018");
        assertThat(f.isEmpty()).isEqualTo(!finding);
        if (finding) {
            assertThat(f.get(0).severity()).isEqualTo(Severity.P1);
            assertThat(f.get(0).message()).startsWith("flink is still the best fit for processing although the team has " + team + " engineers");
            assertThat(f.get(0).remediation()).contains("managed Flink service");
        }
    }

    @Test
    void prc019_noFlinkForAJuniorTeam() {
        // the example: sub-second streaming with a 2-person junior team
        Report hit = realTime().constraint("team_size", 2).constraint("skill_level", "junior").assess();
        assertThat(findings(hit, "PRC-019")).singleElement().extracting(Finding::severity).isEqualTo(Severity.P1);
        assertThat(findings(hit, "PRC-019").get(0).message()).contains("the team is junior").contains("steep learning curve");
        assertThat(findings(hit, "PRC-018")).hasSize(1);

        Report miss = realTime().constraint("team_size", 8).constraint("skill_level", "mid").assess();
        assertThat(fired(miss, "PRC-019")).isFalse();
        assertThat(miss.findings()).noneMatch(f -> f.topic().equals(T));
    }

    @Test
    void prc020_warehouseSqlForElt() {
        Report hit = batch(40).workload("transform_languages", "[sql]").constraint("cloud_provider", "AWS").assess();
        assertThat(choices(hit, T)).containsExactly("warehouse-sql");
        assertThat(rec(hit, T, "warehouse-sql").orElseThrow().rationale()).startsWith("Transformations are SQL and a cloud warehouse fits");
        assertThat(rejected(hit, T, "duckdb")).get().asString().contains("warehouse-sql ranks first");

        Report noWarehouse = batch(40).workload("transform_languages", "[sql]").assess();
        assertThat(fired(noWarehouse, "PRC-020")).isFalse();
    }

    @Test
    void prc021_noWarehouseSqlForMlTransformations() {
        Report hit = batch(40).workload("transform_languages", "[sql, ml]").constraint("cloud_provider", "AWS").assess();
        assertThat(choices(hit, T)).containsExactly("spark");
        assertThat(rejected(hit, T, "warehouse-sql")).get().asString().contains("PRC-021: transformations include ML");

        Report miss = batch(40).workload("transform_languages", "[sql, python]").constraint("cloud_provider", "AWS").assess();
        assertThat(fired(miss, "PRC-021")).isFalse();
    }

    @Test
    void prc022_noWarehouseSqlForBinaryData() {
        Report hit = batch(40).workload("transform_languages", "[sql, binary]").constraint("cloud_provider", "AWS").assess();
        assertThat(choices(hit, T)).containsExactly("duckdb");
        assertThat(rejected(hit, T, "warehouse-sql")).get().asString().contains("PRC-022: transformations handle binary data");

        Report miss = batch(40).workload("transform_languages", "[sql]").constraint("cloud_provider", "AWS").assess();
        assertThat(fired(miss, "PRC-022")).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"GCP, BigQuery, bigquery", "AWS, Redshift, redshift", "AWS, Snowflake, snowflake"})
    void prc023_warehouseSqlForSqlConsumersOfACloudWarehouse(String cloud, String warehouse, String chosen) {
        Report hit = dev.dece.rules.assess.orchestration.OrchestrationTestBriefs.elt(cloud, warehouse).assess();
        assertThat(choices(hit, T)).containsExactly("warehouse-sql");
        var sql = rec(hit, T, "warehouse-sql").orElseThrow();
        assertThat(sql.ruleId()).isEqualTo("PRC-023");
        assertThat(sql.rationale()).contains("the data already lands in " + warehouse);
        assertThat(rejected(hit, T, "duckdb")).get().asString().contains("warehouse-sql ranks first");
        // an ML consumer needs more than SQL: the volume rules decide
        Report ml = dev.dece.rules.assess.orchestration.OrchestrationTestBriefs.elt(cloud, warehouse)
                .consumer("churn", "ML", "batch (hourly+)", "scheduled").assess();
        assertThat(fired(ml, "PRC-023")).isFalse();
    }
}
