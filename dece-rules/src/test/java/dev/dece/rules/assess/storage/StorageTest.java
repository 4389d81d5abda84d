package dev.dece.rules.assess.storage;

import dev.dece.core.drl.Volume;
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

/** One test per rule of Storage.drl (the warehouse slot): a brief that triggers it and a near miss that must not. */
class StorageTest {

    static final String T = "storage";

    /** An analytics consumer reading dashboards in batch. */
    static BriefYaml bi() {
        return brief().consumer("bi", "batch");
    }

    /** A brief retaining {@code retainedGb} over 12 months, no growth. */
    static BriefYaml retaining(double retainedGb) {
        return bi().volume(retainedGb / (Volume.DAYS_PER_MONTH * 12), 0, 12);
    }

    /** A lakehouse brief (PAT-008: a lake and a warehouse are both in use today). */
    static BriefYaml lakehouse() {
        return bi().storage("S3 data lake", "Redshift");
    }

    @Test
    void sto001_snowflakeForMultiCloudAnalytics() {
        Report hit = bi().constraint("cloud_provider", "multi").assess();
        assertThat(choices(hit, T)).containsExactly("snowflake");
        assertThat(rec(hit, T, "snowflake").orElseThrow().ruleId()).isEqualTo("STO-001");

        Report miss = bi().constraint("cloud_provider", "Azure").assess();
        assertThat(fired(miss, "STO-001")).isFalse();
    }

    @Test
    void sto002_snowflakeForCloudAnalytics() {
        Report hit = bi().constraint("cloud_provider", "Azure").assess();
        assertThat(choices(hit, T)).containsExactly("snowflake");
        var snowflake = rec(hit, T, "snowflake").orElseThrow();
        assertThat(snowflake.ruleId()).isEqualTo("STO-002");
        assertThat(paths(snowflake.evidence())).containsExactly("constraints.cloud_provider", "data_consumers[0].use_case");

        Report onPrem = bi().constraint("cloud_provider", "on-prem").assess();
        assertThat(fired(onPrem, "STO-002")).isFalse();
        Report noCloud = bi().assess();
        assertThat(fired(noCloud, "STO-002")).isFalse();
    }

    @Test
    void sto003_snowflakeWhenComputeMustScaleElastically() {
        Report hit = bi().constraint("cloud_provider", "AWS").constraint("needs_elastic_scaling", true).assess();
        assertThat(choices(hit, T)).containsExactly("snowflake");
        assertThat(rec(hit, T, "snowflake").orElseThrow().ruleId()).isEqualTo("STO-003");

        Report miss = bi().constraint("cloud_provider", "AWS").constraint("needs_elastic_scaling", false).assess();
        assertThat(choices(miss, T)).containsExactly("redshift");
        assertThat(fired(miss, "STO-003")).isFalse();
    }

    @ParameterizedTest(name = "budget ${0}/month -> snowflake rejected: {1}")
    @CsvSource({"1999, true", "2000, false", "2001, false"})
    void sto004_noSnowflakeOnATightBudget(int budget, boolean tight) {
        Report r = bi().constraint("cloud_provider", "Azure").constraint("budget_monthly_usd", budget).assess();
        assertThat(choices(r, T)).containsExactly(tight ? "postgresql" : "snowflake");
        assertThat(fired(r, "STO-004")).isEqualTo(tight);
        if (tight) {
            assertThat(rejected(r, T, "snowflake")).get().asString()
                    .contains("STO-004: the budget is $1999/month, below the $2000 tight-budget line");
        }
    }

    @Test
    void sto005_noSnowflakeForRealTimeOltp() {
        Report hit = brief().consumer("checkout", "operational", "real-time", "API").volume(1, 0, 12).assess();
        assertThat(choices(hit, T)).containsExactly("postgresql");
        assertThat(rejected(hit, T, "snowflake")).get().asString().contains("STO-005").contains("not a real-time OLTP store");

        Report miss = brief().consumer("checkout", "operational", "real-time", "API").consumer("bi", "batch").volume(1, 0, 12).assess();
        assertThat(fired(miss, "STO-005")).isFalse();
    }

    @Test
    void sto006_bigQueryOnGcp() {
        Report hit = bi().constraint("cloud_provider", "GCP").assess();
        assertThat(choices(hit, T)).containsExactly("bigquery");
        assertThat(rec(hit, T, "bigquery").orElseThrow().rationale()).contains("GCP-native and serverless");

        Report miss = bi().constraint("cloud_provider", "AWS").assess();
        assertThat(fired(miss, "STO-006")).isFalse();
    }

    @Test
    void sto007_noBigQueryForMultiCloud() {
        Report hit = bi().constraint("cloud_provider", "multi").assess();
        assertThat(rejected(hit, T, "bigquery")).get().asString().contains("STO-007").contains("BigQuery runs only on GCP");

        Report miss = bi().constraint("cloud_provider", "GCP").assess();
        assertThat(fired(miss, "STO-007")).isFalse();
    }

    @Test
    void sto008_noBigQueryWhenFineGrainedCostControlIsNeeded() {
        Report hit = bi().constraint("cloud_provider", "GCP").constraint("needs_fine_grained_cost_control", true).assess();
        assertThat(choices(hit, T)).containsExactly("snowflake");
        assertThat(rejected(hit, T, "bigquery")).get().asString().contains("STO-008").contains("bytes scanned");

        Report miss = bi().constraint("cloud_provider", "GCP").constraint("needs_fine_grained_cost_control", false).assess();
        assertThat(fired(miss, "STO-008")).isFalse();
    }

    @Test
    void sto009_redshiftOnAws() {
        Report hit = bi().constraint("cloud_provider", "AWS").assess();
        assertThat(choices(hit, T)).containsExactly("redshift");
        assertThat(rejected(hit, T, "snowflake")).get().asString().contains("redshift ranks first");

        Report miss = bi().constraint("cloud_provider", "Azure").assess();
        assertThat(fired(miss, "STO-009")).isFalse();
    }

    @Test
    void sto010_noRedshiftWhenComputeMustScaleElastically() {
        Report hit = bi().constraint("cloud_provider", "AWS").constraint("needs_elastic_scaling", true).assess();
        assertThat(rejected(hit, T, "redshift")).get().asString().contains("STO-010").contains("resize in steps");

        Report miss = bi().constraint("cloud_provider", "AWS").assess();
        assertThat(fired(miss, "STO-010")).isFalse();
    }

    @Test
    void sto011_noRedshiftForMultiCloud() {
        Report hit = bi().constraint("cloud_provider", "multi").assess();
        assertThat(rejected(hit, T, "redshift")).get().asString().contains("STO-011").contains("Redshift runs only on AWS");

        Report miss = bi().constraint("cloud_provider", "AWS").assess();
        assertThat(fired(miss, "STO-011")).isFalse();
    }

    @Test
    void sto012_databricksWhenMlAndAnalyticsShareData() {
        Report hit = bi().consumer("ds", "ML", "batch", "scheduled").volume(40, 0, 12).constraint("cloud_provider", "AWS").assess();
        assertThat(choices(hit, T)).contains("databricks");
        assertThat(rec(hit, T, "databricks").orElseThrow().ruleId()).isEqualTo("STO-012");
        assertThat(rejected(hit, T, "redshift")).get().asString().contains("databricks ranks first");

        Report miss = bi().consumer("ds", "operational", "batch", "API").volume(40, 0, 12).constraint("cloud_provider", "AWS").assess();
        assertThat(fired(miss, "STO-012")).isFalse();
    }

    @Test
    void sto013_databricksForALakehouseAtSparkScale() {
        Report hit = lakehouse().volume(150, 0, 1).workload("transform_languages", "[python]").constraint("cloud_provider", "AWS").assess();
        assertThat(choices(hit, T)).contains("databricks");
        assertThat(rec(hit, T, "databricks").orElseThrow().ruleId()).isEqualTo("STO-013");

        Report miss = lakehouse().volume(100, 0, 1).workload("transform_languages", "[python]").constraint("cloud_provider", "AWS").assess();
        assertThat(fired(miss, "STO-013")).isFalse();
    }

    @Test
    void sto014_noDatabricksForPureSqlAnalytics() {
        Report hit = lakehouse().volume(150, 0, 1).workload("transform_languages", "[sql]").constraint("cloud_provider", "AWS").assess();
        assertThat(choices(hit, T)).contains("redshift").doesNotContain("databricks");
        assertThat(rejected(hit, T, "databricks")).get().asString().contains("STO-014").contains("pure SQL analytics");

        Report miss = lakehouse().volume(150, 0, 1).workload("transform_languages", "[sql, python]").constraint("cloud_provider", "AWS").assess();
        assertThat(fired(miss, "STO-014")).isFalse();
    }

    @ParameterizedTest(name = "{0} GB/day -> databricks rejected as small data: {1}")
    @CsvSource({"9.9, true", "10, false", "10.1, false"})
    void sto015_noDatabricksForSmallData(double gb, boolean small) {
        Report r = bi().consumer("ds", "ML", "batch", "scheduled").volume(gb, 0, 1).constraint("cloud_provider", "AWS").assess();
        assertThat(choices(r, T).contains("databricks")).isEqualTo(!small);
        assertThat(fired(r, "STO-015")).isEqualTo(small);
        if (small) {
            assertThat(rejected(r, T, "databricks")).get().asString().contains("9.9 GB/day is small data (below 10 GB/day)");
        }
    }

    @ParameterizedTest(name = "{0} GB retained -> postgresql candidate: {1}")
    @CsvSource({"499, true", "501, false"})
    void sto016_postgresqlForLightAnalyticsUpTo500Gb(double retained, boolean fits) {
        Report r = retaining(retained).assess();
        assertThat(fired(r, "STO-016")).isEqualTo(fits);
        if (fits) {
            assertThat(choices(r, T)).containsExactly("postgresql");
            assertThat(rec(r, T, "postgresql").orElseThrow().rationale()).startsWith("About " + (int) retained + " GB is retained");
        }
    }

    @Test
    void sto017_postgresqlForABudgetConsciousTeam() {
        Report hit = bi().constraint("budget_monthly_usd", 800).assess();
        assertThat(choices(hit, T)).containsExactly("postgresql");
        assertThat(rec(hit, T, "postgresql").orElseThrow().ruleId()).isEqualTo("STO-017");

        Report miss = bi().constraint("budget_monthly_usd", 3000).assess();
        assertThat(fired(miss, "STO-017")).isFalse();
    }

    @ParameterizedTest(name = "{0} GB retained -> postgresql avoided: {1}")
    @CsvSource({"999, false", "1001, true"})
    void sto018_noPostgresqlAbove1TbRetained(double retained, boolean avoided) {
        Report r = retaining(retained).constraint("budget_monthly_usd", 800).assess();
        assertThat(choices(r, T)).first().isEqualTo("postgresql"); // above 1 TB PAT-010 adds a lakehouse beside it
        List<Finding> f = findings(r, "STO-018");
        assertThat(f.isEmpty()).isEqualTo(!avoided);
        if (avoided) {
            assertThat(f.get(0).severity()).isEqualTo(Severity.P1);
            assertThat(f.get(0).message()).contains("postgresql is still the best fit for storage although about 1.0 TB is retained");
            assertThat(f.get(0).location().path()).isEqualTo("data_volume.retention_months");
        }
    }

    @Test
    void sto018_retailReplicaIsRejectedBesideTheWarehouse() {
        Report r = bi().volume(40, 0, 24).constraint("cloud_provider", "AWS").assess();
        assertThat(rejected(r, T, "postgresql")).get().asString()
                .contains("STO-018: about 29.2 TB is retained (40 GB/day x 24 months), above PostgreSQL's 1.0 TB analytics limit");
    }

    @Test
    void sto019_noPostgresqlForFreshDashboardsOnLargeData() {
        Report hit = brief().consumer("ops", "analytics", "near-real-time", "dashboard").volume(600 / (Volume.DAYS_PER_MONTH * 12), 0, 12)
                .constraint("budget_monthly_usd", 800).assess();
        assertThat(findings(hit, "STO-019")).singleElement().extracting(Finding::message).asString()
                .contains("'ops' reads dashboards at near-real-time over about 600 GB retained");

        Report miss = brief().consumer("ops", "analytics", "batch", "dashboard").volume(600 / (Volume.DAYS_PER_MONTH * 12), 0, 12)
                .constraint("budget_monthly_usd", 800).assess();
        assertThat(fired(miss, "STO-019")).isFalse();
    }



    @Test
    void sto026_keepTheCloudWarehouseTheDataAlreadyLandsIn() {
        Report hit = dev.dece.rules.assess.orchestration.OrchestrationTestBriefs.elt("AWS", "Snowflake warehouse").assess();
        assertThat(choices(hit, T)).contains("snowflake");
        var kept = rec(hit, T, "snowflake").orElseThrow();
        assertThat(kept.ruleId()).isEqualTo("STO-026");
        assertThat(kept.rationale()).startsWith("The data already lands in Snowflake warehouse and consumers query it with SQL");
        assertThat(rejected(hit, T, "redshift")).get().asString().contains("snowflake ranks first");
        // BigQuery does not run on AWS: the existing-warehouse rule does not keep it there
        assertThat(fired(dev.dece.rules.assess.orchestration.OrchestrationTestBriefs.elt("AWS", "BigQuery").assess(), "STO-026")).isFalse();
        // two warehouses named: no single one to keep
        assertThat(fired(dev.dece.rules.assess.orchestration.OrchestrationTestBriefs.elt("AWS", "Snowflake").storage("Redshift").assess(), "STO-026")).isFalse();
        // ML consumers: the table's other rows decide
        assertThat(fired(dev.dece.rules.assess.orchestration.OrchestrationTestBriefs.elt("AWS", "Snowflake")
                .consumer("churn", "ML", "batch (hourly+)", "scheduled").assess(), "STO-026")).isFalse();
    }
}
