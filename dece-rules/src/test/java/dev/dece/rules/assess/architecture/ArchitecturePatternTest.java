package dev.dece.rules.assess.architecture;

import dev.dece.core.report.Report;

import org.junit.jupiter.api.Test;

import static dev.dece.rules.support.BriefYaml.brief;
import static dev.dece.rules.support.Results.choices;
import static dev.dece.rules.support.Results.fired;
import static dev.dece.rules.support.Results.paths;
import static dev.dece.rules.support.Results.rec;
import static dev.dece.rules.support.Results.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of ArchitecturePattern.drl: a brief that triggers it and a near miss that must not. */
class ArchitecturePatternTest {

    static final String T = "architecture.pattern";

    @Test
    void pat001_batchEtlWhenEveryConsumerAcceptsHourly() {
        Report hit = brief().consumer("finance", "batch (hourly+)").consumer("sales", "batch").assess();
        assertThat(choices(hit, T)).containsExactly("batch-etl");
        assertThat(rec(hit, T, "batch-etl").orElseThrow().ruleId()).isEqualTo("PAT-001");
        assertThat(paths(rec(hit, T, "batch-etl").orElseThrow().evidence()))
                .containsExactly("data_consumers[0].latency_requirement", "data_consumers[1].latency_requirement");

        Report miss = brief().consumer("finance", "batch").consumer("ops", "near-real-time (<5min)").assess();
        assertThat(choices(miss, T)).doesNotContain("batch-etl");
    }

    @Test
    void pat002_microBatchWhenAConsumerNeedsFiveMinutes() {
        Report hit = brief().consumer("finance", "batch").consumer("ops", "near-real-time (<5min)").assess();
        assertThat(choices(hit, T)).containsExactly("micro-batch");
        assertThat(rec(hit, T, "micro-batch").orElseThrow().rationale()).contains("within 5 minutes");

        Report miss = brief().consumer("finance", "batch").assess();
        assertThat(fired(miss, "PAT-002")).isFalse();
    }

    @Test
    void pat003_streamingWhenEventsNeedOneSecond() {
        Report hit = brief().consumer("risk", "operational", "real-time (<1s)", "API").assess();
        assertThat(choices(hit, T)).containsExactly("streaming");
        assertThat(rec(hit, T, "streaming").orElseThrow().ruleId()).isEqualTo("PAT-003");

        Report miss = brief().consumer("risk", "operational", "near-real-time", "API").assess();
        assertThat(choices(miss, T)).doesNotContain("streaming");
        assertThat(fired(miss, "PAT-003")).isFalse();
    }

    @Test
    void pat004_lambdaWhenBatchAndRealTimeBothMatter() {
        Report hit = brief().consumer("risk", "operational", "real-time", "API").consumer("finance", "batch").assess();
        assertThat(choices(hit, T)).containsExactly("lambda");
        assertThat(rec(hit, T, "lambda").orElseThrow().ruleId()).isEqualTo("PAT-004");
        // streaming fits too, but lambda ranks first and lists it as an alternative
        assertThat(rejected(hit, T, "streaming")).get().asString().contains("PAT-003").contains("lambda ranks first");

        Report miss = brief().consumer("risk", "operational", "real-time", "API").consumer("ops", "near-real-time").assess();
        assertThat(choices(miss, T)).doesNotContain("lambda").contains("streaming");
        assertThat(fired(miss, "PAT-004")).isFalse();
    }

    @Test
    void pat005_kappaWhenEveryStreamCanBeReplayed() {
        Report hit = brief().consumer("risk", "operational", "real-time", "API").consumer("finance", "batch")
                .sourceObj("name", "payments-topic", "type", "stream", "replayable", "true").assess();
        assertThat(choices(hit, T)).containsExactly("kappa");
        assertThat(rec(hit, T, "kappa").orElseThrow().ruleId()).isEqualTo("PAT-005");
        assertThat(rejected(hit, T, "lambda")).get().asString().contains("PAT-004");
        assertThat(paths(rec(hit, T, "kappa").orElseThrow().evidence())).containsExactly("current_state.sources[0].replayable");

        Report miss = brief().consumer("risk", "operational", "real-time", "API").consumer("finance", "batch")
                .sourceObj("name", "payments-topic", "type", "stream", "replayable", "true")
                .sourceObj("name", "clicks", "type", "stream").assess();
        assertThat(choices(miss, T)).containsExactly("lambda");
    }

    @Test
    void pat006_noKappaWhenAStreamCannotBeReplayed() {
        Report hit = brief().consumer("risk", "operational", "real-time", "API").consumer("finance", "batch")
                .sourceObj("name", "clicks", "type", "stream", "replayable", "false").assess();
        assertThat(rejected(hit, T, "kappa")).get().asString().contains("PAT-006").contains("'clicks' is not known to be replayable");

        Report miss = brief().consumer("risk", "operational", "real-time", "API").consumer("finance", "batch")
                .sourceObj("name", "clicks", "type", "stream", "replayable", "true").assess();
        assertThat(fired(miss, "PAT-006")).isFalse();
    }

    @Test
    void pat007_noKappaWhenNoStreamIsListed() {
        Report hit = brief().consumer("risk", "operational", "real-time", "API").consumer("finance", "batch")
                .source("Postgres orders DB").assess();
        assertThat(rejected(hit, T, "kappa")).get().asString().contains("PAT-007").contains("no source");

        Report miss = brief().consumer("risk", "operational", "real-time", "API").consumer("finance", "batch")
                .source("Kafka clickstream").assess();
        assertThat(fired(miss, "PAT-007")).isFalse();
        assertThat(rejected(miss, T, "kappa")).get().asString().contains("PAT-006"); // inferred stream, replay unknown
    }

    @Test
    void pat008_lakehouseWhenLakeAndWarehouseAreBothUsed() {
        Report hit = brief().consumer("bi", "batch").storage("S3 data lake", "Redshift").assess();
        assertThat(choices(hit, T)).contains("batch-etl", "lakehouse");
        assertThat(rec(hit, T, "lakehouse").orElseThrow().ruleId()).isEqualTo("PAT-008");

        Report miss = brief().consumer("bi", "batch").storage("Redshift").assess();
        assertThat(choices(miss, T)).doesNotContain("lakehouse");
    }

    @Test
    void pat009_lakehouseWhenMlAndSqlConsumersShareData() {
        Report hit = brief().consumer("ds", "ML", "batch", "scheduled").consumer("bi", "reporting", "batch", "dashboard").assess();
        assertThat(rec(hit, T, "lakehouse").orElseThrow().ruleId()).isEqualTo("PAT-009");

        Report miss = brief().consumer("ds", "ML", "batch", "scheduled").consumer("ops", "operational", "batch", "API").assess();
        assertThat(fired(miss, "PAT-009")).isFalse();
    }

    @Test
    void pat010_lakehouseWhenRetainedVolumeNeedsCheapStorage() {
        // 5 GB/day x 12 months = 1826 GB retained > 1 TB
        Report hit = brief().consumer("bi", "batch").volume(5, 0, 12).assess();
        assertThat(rec(hit, T, "lakehouse").orElseThrow().rationale()).contains("1.8 TB");

        // 2 GB/day x 12 months = 730 GB: under 1 TB
        Report miss = brief().consumer("bi", "batch").volume(2, 0, 12).assess();
        assertThat(fired(miss, "PAT-010")).isFalse();
    }

    @Test
    void pat011_dataMeshWhenMoreThanFiveTeamsOwnDomains() {
        Report hit = meshBrief(6).constraint("team_size", 60).assess();
        assertThat(choices(hit, T)).contains("data-mesh");
        assertThat(rec(hit, T, "data-mesh").orElseThrow().ruleId()).isEqualTo("PAT-011");
        assertThat(rec(hit, T, "data-mesh").orElseThrow().rationale()).contains("6 data teams");

        Report miss = meshBrief(5).constraint("team_size", 60).assess();
        assertThat(choices(miss, T)).doesNotContain("data-mesh");
    }

    @Test
    void pat012_noDataMeshWithFewerThanFiveProducersAndConsumers() {
        Report hit = meshBrief(4).assess();
        assertThat(rejected(hit, T, "data-mesh")).get().asString().contains("PAT-012").contains("only 4 data producers");

        Report miss = meshBrief(6).constraint("team_size", 60).assess();
        assertThat(fired(miss, "PAT-012")).isFalse();
    }

    @Test
    void pat013_noDataMeshWithFewerThanTwentyEngineers() {
        Report hit = meshBrief(6).constraint("team_size", 12).assess();
        assertThat(choices(hit, T)).doesNotContain("data-mesh");
        assertThat(rejected(hit, T, "data-mesh")).get().asString().contains("PAT-013").contains("12 engineers");

        Report miss = meshBrief(6).constraint("team_size", 20).assess();
        assertThat(fired(miss, "PAT-013")).isFalse();
        assertThat(choices(miss, T)).contains("data-mesh");
    }

    @Test
    void pat014_noDataMeshForASingleBusinessDomain() {
        Report hit = brief().consumer("a", "batch").consumer("b", "batch").consumer("c", "batch").consumer("d", "batch")
                .consumer("e", "batch").consumer("f", "batch")
                .sourceObj("name", "erp", "type", "database", "owner_domain", "finance").constraint("team_size", 40).assess();
        assertThat(rejected(hit, T, "data-mesh")).get().asString().contains("PAT-014").contains("a single business domain");

        Report miss = meshBrief(6).constraint("team_size", 40).assess();
        assertThat(fired(miss, "PAT-014")).isFalse();
    }

    @Test
    void pat015_noDataMeshForAnEarlyStageCompany() {
        Report hit = meshBrief(6).constraint("team_size", 40).constraint("company_stage", "early-stage").assess();
        assertThat(choices(hit, T)).doesNotContain("data-mesh");
        assertThat(rejected(hit, T, "data-mesh")).get().asString().contains("PAT-015");

        Report miss = meshBrief(6).constraint("team_size", 40).constraint("company_stage", "enterprise").assess();
        assertThat(fired(miss, "PAT-015")).isFalse();
    }

    @Test
    void pat016_featureStoreWhenMlIsThePrimaryConsumer() {
        Report hit = brief().consumer("ds", "ML", "batch", "scheduled").consumer("recs", "ML", "real-time", "API")
                .consumer("bi", "reporting", "batch", "dashboard").assess();
        assertThat(choices(hit, T)).contains("feature-store");
        assertThat(rec(hit, T, "feature-store").orElseThrow().ruleId()).isEqualTo("PAT-016");

        Report miss = brief().consumer("ds", "ML", "batch", "scheduled").consumer("bi", "reporting", "batch", "dashboard")
                .consumer("fin", "reporting", "batch", "dashboard").assess();
        assertThat(choices(miss, T)).doesNotContain("feature-store");
    }

    /** Consumers from {@code teams} teams reading data from two independently owned domains. */
    static dev.dece.rules.support.BriefYaml meshBrief(int teams) {
        var b = brief();
        for (int i = 0; i < teams - 2; i++) b.consumer("team-" + i, "batch");
        return b.sourceObj("name", "orders", "type", "database", "owner_domain", "sales")
                .sourceObj("name", "tickets", "type", "api", "owner_domain", "support");
    }
}
