package dev.dece.rules.pipeline;

import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.PipelineYaml;

import org.junit.jupiter.api.Test;

import static dev.dece.rules.support.PipelineYaml.review;
import static dev.dece.rules.support.Results.findings;
import static dev.dece.rules.support.Results.only;
import static dev.dece.rules.support.Results.fired;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per rule of Cdc.drl, through real pipeline YAML: a CDC spec whose extract.cdc block breaks the rule, and
 * the near miss that follows the Debezium pattern.
 */
class CdcTest {

    /** The review spec (a CDC pipeline) with the Debezium pattern's decisions all made as the methodology says. */
    static PipelineYaml debezium() {
        return review().set("extract.consumer_lag_alert_seconds", "300")
                .set("extract.cdc.tool", "debezium").set("extract.cdc.topics", "per-table")
                .set("extract.cdc.schema_registry", "confluent").set("extract.cdc.serialization", "avro")
                .set("extract.cdc.offsets", "connector");
    }


    @Test
    void nearMiss_theDebeziumPatternAsWrittenHasNoCdcFinding() {
        Report r = debezium().run();
        assertThat(r.findings()).noneMatch(f -> f.ruleId().startsWith("CDC-"));
        // a CDC pipeline that does not describe its CDC design is not judged by these rules
        assertThat(review().run().findings()).noneMatch(f -> f.ruleId().startsWith("CDC-"));
    }

    @Test
    void cdc001_allTablesOnOneTopic() {
        PipelineYaml spec = debezium().set("extract.cdc.topics", "single");
        Finding f = only(spec.run(), "CDC-001");
        assertThat(f.severity()).isEqualTo(Severity.P3);
        assertThat(f.message()).contains("puts every table's change events on one topic");
        assertThat(f.location().line()).isEqualTo(spec.line("extract.cdc.topics"));
        assertThat(fired(debezium().run(), "CDC-001")).isFalse();
    }

    @Test
    void cdc002_noSchemaRegistry() {
        Finding absent = only(debezium().remove("extract.cdc.schema_registry").run(), "CDC-002");
        assertThat(absent.severity()).isEqualTo(Severity.P1);
        assertThat(absent.message()).contains("with no schema registry");
        PipelineYaml none = debezium().set("extract.cdc.schema_registry", "none");
        assertThat(only(none.run(), "CDC-002").location().line()).isEqualTo(none.line("extract.cdc.schema_registry"));
        assertThat(fired(debezium().set("extract.cdc.schema_registry", "\"AWS Glue\"").run(), "CDC-002")).isFalse();
    }

    @Test
    void cdc003_neitherAvroNorProtobuf() {
        Finding json = only(debezium().set("extract.cdc.serialization", "json").run(), "CDC-003");
        assertThat(json.severity()).isEqualTo(Severity.P2);
        assertThat(json.message()).contains("as JSON");
        assertThat(only(debezium().remove("extract.cdc.serialization").run(), "CDC-003").message()).contains("as nothing the spec names");
        assertThat(fired(debezium().set("extract.cdc.serialization", "protobuf").run(), "CDC-003")).isFalse();
    }

    @Test
    void cdc004_offsetsKeptByThePipeline() {
        PipelineYaml spec = debezium().set("extract.cdc.offsets", "custom");
        Finding f = only(spec.run(), "CDC-004");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("keeps the change stream's offsets itself");
        assertThat(f.location().line()).isEqualTo(spec.line("extract.cdc.offsets"));
        assertThat(fired(debezium().run(), "CDC-004")).isFalse();
    }

    @Test
    void cdc005_noConsumerLagMonitoring() {
        Finding f = only(debezium().remove("extract.consumer_lag_alert_seconds").run(), "CDC-005");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("no consumer-lag alert");
        assertThat(fired(debezium().run(), "CDC-005")).isFalse();
    }

    @Test
    void aMisspelledCdcDecisionIsALocatedProblem() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> debezium().set("extract.cdc.topics", "per-tabel").run())
                .hasMessageContaining("extract.cdc.topics").hasMessageContaining("per-table");
    }
}
