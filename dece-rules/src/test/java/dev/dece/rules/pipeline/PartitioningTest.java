package dev.dece.rules.pipeline;

import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.PipelineYaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.dece.rules.support.PipelineYaml.design;
import static dev.dece.rules.support.PipelineYaml.review;
import static dev.dece.rules.support.Results.choices;
import static dev.dece.rules.support.Results.findings;
import static dev.dece.rules.support.Results.only;
import static dev.dece.rules.support.Results.fired;
import static dev.dece.rules.support.Results.paths;
import static dev.dece.rules.support.Results.rec;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Partitioning.drl: a spec that triggers it and a near miss that must not. */
class PartitioningTest {

    static final String T = "partitioning.key";

    static PipelineYaml type(String dataType) {
        return design().set("load.data_profile.data_type", dataType);
    }


    @Test
    void part001_datePartitionsForTransactionalData() {
        Report hit = type("transactional").set("load.data_profile.daily_gb", "5").run();
        assertThat(choices(hit, T)).containsExactly("date");
        assertThat(rec(hit, T, "date").orElseThrow().ruleId()).isEqualTo("PART-001");
        Report small = type("transactional").set("load.data_profile.daily_gb", "0.01").run();
        assertThat(choices(small, T)).containsExactly("month");
        assertThat(rec(small, T, "month").orElseThrow().rationale()).contains("smaller than 100 MB");

        Report miss = type("log").run();
        assertThat(fired(miss, "PART-001")).isFalse();
    }

    @Test
    void part002_tenantAndDateForMultiTenantData() {
        Report hit = type("multi-tenant").run();
        assertThat(choices(hit, T)).containsExactly("tenant_id+date");

        Report miss = type("transactional").run();
        assertThat(fired(miss, "PART-002")).isFalse();
    }

    @Test
    void part003_regionAndDateForGeospatialData() {
        Report hit = type("geospatial").run();
        assertThat(choices(hit, T)).containsExactly("region+date");
        assertThat(rec(hit, T, "region+date").orElseThrow().rationale()).contains("regional queries");

        Report miss = type("transactional").run();
        assertThat(fired(miss, "PART-003")).isFalse();
    }

    @Test
    void part004_dateAndHourForLogData() {
        Report hit = type("log").run();
        assertThat(choices(hit, T)).containsExactly("date+hour");

        Report miss = type("transactional").run();
        assertThat(fired(miss, "PART-004")).isFalse();
    }

    @Test
    void part005_noPartitionsForReferenceData() {
        Report hit = type("reference").run();
        assertThat(choices(hit, T)).containsExactly("none");
        assertThat(rec(hit, T, "none").orElseThrow().rationale()).contains("full scan is fine");

        Report miss = type("transactional").run();
        assertThat(fired(miss, "PART-005")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "order_date, 0.05, true",      // 51 MB a day: too small
            "order_date, 0.1, false",      // 102 MB a day
            "order_date, 1, false",        // 1024 MB: at the limit
            "order_date, 2, true",         // 2 GB a day: too large
            "event_hour, 24, false",       // 1 GB an hour
            "event_month, 0.01, false"})   // 307 MB a month
    void part006_partitionSizeBetween100MbAnd1Gb(String key, String dailyGb, boolean fires) {
        PipelineYaml spec = review().set("load.partition_key", key).set("load.data_profile.daily_gb", dailyGb);
        Report r = spec.run();
        assertThat(fired(r, "PART-006")).isEqualTo(fires);
        if (fires) {
            Finding f = only(r, "PART-006");
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).contains("MB per partition", "100 MB-1024 MB target");
            assertThat(f.location().line()).isEqualTo(spec.line("load.partition_key"));
            assertThat(paths(f.evidence())).contains("partition_mb", "pipeline.load.data_profile.daily_gb");
        }
    }

    @Test
    void part007_fewerThanTenThousandPartitions() {
        PipelineYaml spec = review().set("load.partition_key", "event_hour").set("load.data_profile.daily_gb", "24")
                .set("load.data_profile.retention_days", "730");
        Finding f = only(spec.run(), "PART-007");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("about 17520 partitions");

        Report miss = spec.set("load.data_profile.retention_days", "400").run();   // 9 600 partitions
        assertThat(fired(miss, "PART-007")).isFalse();
    }

    @Test
    void part008_neverAHighCardinalityKey() {
        PipelineYaml spec = review().set("load.partition_key", "customer_id");
        Finding f = only(spec.run(), "PART-008");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.message()).contains("customer_id, a high-cardinality column");
        assertThat(f.location().line()).isEqualTo(spec.line("load.partition_key"));
        Report counted = review().set("load.partition_key", "store_code").set("load.data_profile.key_cardinality", "50000").run();
        assertThat(findings(counted, "PART-008")).singleElement().satisfies(x -> assertThat(x.message()).contains("50000 distinct values"));

        Report miss = review().set("load.partition_key", "tenant_id + order_date").set("load.data_profile.key_cardinality", "3").run();
        assertThat(fired(miss, "PART-008")).isFalse();
    }

    @Test
    void part009_referenceDataIsNotPartitioned() {
        PipelineYaml spec = review().set("load.strategy", "truncate-reload").set("load.data_profile.nature", "reference")
                .set("load.data_profile.data_type", "reference");
        Finding f = only(spec.run(), "PART-009");
        assertThat(f.severity()).isEqualTo(Severity.P3);
        assertThat(f.remediation()).contains("Remove load.partition_key");

        Report miss = spec.remove("load.partition_key").run();
        assertThat(fired(miss, "PART-009")).isFalse();
    }

    @Test
    void part010_clusterMergeLoadsOnTheirMergeKeys() {
        PipelineYaml spec = review().set("load.clustering_keys", "[]");
        Report hit = spec.run();
        Finding f = only(hit, "PART-010");
        assertThat(f.severity()).isEqualTo(Severity.P3);
        assertThat(f.remediation()).isEqualTo("Set load.clustering_keys: [order_id].");
        assertThat(choices(hit, T)).contains("cluster-by:order_id");

        Report miss = review().run();
        assertThat(fired(miss, "PART-010")).isFalse();
    }
}
