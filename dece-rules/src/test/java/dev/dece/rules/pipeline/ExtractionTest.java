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

/** One test per rule of Extraction.drl: a spec that triggers it and a near miss that must not. */
class ExtractionTest {

    static final String T = "extraction.strategy";

    static PipelineYaml db(String cdc, String updatedAt) {
        PipelineYaml s = design().set("extract.source_profile.type", "database").set("extract.source_profile.supports_cdc", cdc);
        return updatedAt == null ? s : s.set("extract.source_profile.updated_at_column", updatedAt);
    }


    @Test
    void baseline_aCompleteSafeSpecHasNoFinding() {
        Report r = review().run();
        assertThat(r.findings()).isEmpty();
        assertThat(r.artifacts()).extracting(a -> a.kind()).containsExactly("idempotency-test");
    }

    @Test
    void ext001_cdcWhenTheDatabaseSupportsIt() {
        Report hit = db("true", "updated_at").run();
        assertThat(choices(hit, T)).contains("cdc").doesNotContain("incremental", "full");
        assertThat(rec(hit, T, "cdc").orElseThrow().ruleId()).isEqualTo("EXT-001");
        assertThat(paths(rec(hit, T, "cdc").orElseThrow().evidence()))
                .contains("pipeline.extract.source_profile.supports_cdc", "pipeline.name");

        Report miss = db("false", "updated_at").run();
        assertThat(fired(miss, "EXT-001")).isFalse();
    }

    @Test
    void ext002_incrementalOnUpdatedAtWithoutCdc() {
        Report hit = db("false", "updated_at").run();
        assertThat(choices(hit, T)).contains("incremental");
        assertThat(rec(hit, T, "incremental").orElseThrow().rationale()).contains("updated_at", "hard deletes");

        Report miss = db("false", null).run();
        assertThat(fired(miss, "EXT-002")).isFalse();
        assertThat(choices(miss, T)).contains("full");
    }

    @Test
    void ext003_incrementalNeedsPeriodicFullReconciliation() {
        PipelineYaml spec = review().set("extract.strategy", "incremental").set("extract.incremental_key", "updated_at")
                .set("extract.source_profile.supports_cdc", "false").set("extract.source_profile.hard_deletes", "true");
        Finding f = only(spec.run(), "EXT-003");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.message()).contains("hard-deleted", "no reconciliation");
        assertThat(f.location().line()).isEqualTo(spec.line("extract.strategy"));
        // design mode: recommended instead, for the completed template
        assertThat(choices(db("false", "updated_at").run(), T)).contains("weekly-full-reconciliation");

        Report miss = spec.set("extract.reconciliation", "\"weekly full key comparison\"").run();
        assertThat(fired(miss, "EXT-003")).isFalse();
        Report noDeletes = review().set("extract.strategy", "incremental").set("extract.incremental_key", "updated_at")
                .set("extract.source_profile.supports_cdc", "false").run();
        assertThat(fired(noDeletes, "EXT-003")).isFalse();
    }

    @Test
    void ext020_hardDeletesNotRuledOutAreP2() {
        PipelineYaml spec = review().set("extract.strategy", "incremental").set("extract.incremental_key", "updated_at")
                .set("extract.source_profile.supports_cdc", "false").remove("extract.source_profile.hard_deletes");
        Finding f = only(spec.run(), "EXT-020");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("does not say whether the source hard-deletes rows");
        assertThat(f.remediation()).contains("hard_deletes: false").contains("weekly full key comparison");
        assertThat(fired(spec.run(), "EXT-003")).isFalse();
        assertThat(fired(spec.set("extract.source_profile.hard_deletes", "false").run(), "EXT-020")).isFalse();
        assertThat(fired(spec.set("extract.source_profile.hard_deletes", "true").run(), "EXT-020")).isFalse();
    }

    @Test
    void ext004_fullExtractionWithoutCdcOrUpdatedAt() {
        Report hit = db("false", null).set("extract.source_profile.row_count", "50000").run();
        assertThat(rec(hit, T, "full").orElseThrow().ruleId()).isEqualTo("EXT-004");
        assertThat(rec(hit, T, "full").orElseThrow().rationale()).contains("under 1M rows");

        Report miss = db("false", "modified_at").run();
        assertThat(fired(miss, "EXT-004")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"999999, false", "1000000, true", "1000001, true"})
    void ext005_fullExtractionOnlyUnderOneMillionRows(long rows, boolean fires) {
        PipelineYaml spec = review().set("extract.strategy", "full").set("extract.watermark_storage", "\"\"")
                .set("extract.source_profile.supports_cdc", "false").set("extract.source_profile.row_count", String.valueOf(rows));
        Report r = spec.run();
        assertThat(fired(r, "EXT-005")).isEqualTo(fires);
        if (fires) {
            Finding f = only(r, "EXT-005");
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains(rows + " rows in full", "below 1000000 rows");
            assertThat(f.location().line()).isEqualTo(spec.line("extract.strategy"));
        }
    }

    @Test
    void ext005_designModeLocatesTheRowCount() {
        PipelineYaml spec = db("false", null).set("extract.source_profile.row_count", "5000000");
        Finding f = only(spec.run(), "EXT-005");
        assertThat(f.message()).contains("can only extract");
        assertThat(f.location().path()).isEqualTo("pipeline.extract.source_profile.row_count");
    }

    static PipelineYaml api(String webhooks, String pagination) {
        return design().set("extract.source_system", "vendor").set("extract.source_profile.type", "api")
                .set("extract.source_profile.webhooks", webhooks).set("extract.source_profile.pagination", pagination);
    }

    @Test
    void ext006_eventDrivenWhenTheApiHasWebhooks() {
        Report hit = api("true", "cursor").run();
        assertThat(choices(hit, T)).contains("event-driven").doesNotContain("api-cursor");
        assertThat(rec(hit, T, "event-driven").orElseThrow().ruleId()).isEqualTo("EXT-006");

        Report miss = api("false", "cursor").run();
        assertThat(fired(miss, "EXT-006")).isFalse();
    }

    @Test
    void ext007_cursorBookmarkWhenTheApiPaginates() {
        Report hit = api("false", "cursor").run();
        assertThat(choices(hit, T)).contains("api-cursor");
        assertThat(rec(hit, T, "api-cursor").orElseThrow().rationale()).contains("cursor bookmark");
        assertThat(choices(api("false", "offset").run(), T)).contains("api-cursor");

        Report miss = api("false", "none").run();
        assertThat(fired(miss, "EXT-007")).isFalse();
    }

    @Test
    void ext008_fullPullWhenTheApiHasNoPagination() {
        Report hit = api("false", "none").run();
        assertThat(choices(hit, T)).contains("full-pull");
        assertThat(rec(hit, T, "full-pull").orElseThrow().rationale()).contains("rate limit");

        Report miss = api("false", "cursor").run();
        assertThat(fired(miss, "EXT-008")).isFalse();
    }

    @Test
    void ext009_fullPullWithoutRateLimitHandling() {
        PipelineYaml spec = review().set("extract.strategy", "full-pull").set("extract.source_profile.type", "api")
                .set("extract.source_profile.pagination", "none");
        Finding f = only(spec.run(), "EXT-009");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.remediation()).contains("rate_limit_per_minute");
        assertThat(f.location().line()).isEqualTo(spec.line("extract.strategy"));

        Report miss = spec.set("extract.rate_limit_per_minute", "600").run();
        assertThat(fired(miss, "EXT-009")).isFalse();
    }

    @Test
    void ext010_eventTriggeredIngestionForFiles() {
        Report hit = design().set("extract.source_system", "s3 landing bucket").run();
        assertThat(choices(hit, T)).contains("file-event");
        assertThat(paths(rec(hit, T, "file-event").orElseThrow().evidence())).contains("pipeline.extract.source_system");

        Report miss = design().set("extract.source_system", "kafka clicks").run();
        assertThat(fired(miss, "EXT-010")).isFalse();
    }

    @Test
    void ext011_fileIngestionValidatesSchemaCompletenessAndFilename() {
        PipelineYaml spec = review().set("extract.strategy", "file-event").set("extract.source_profile", "{type: files}")
                .set("quality_gates.pre_load", "[schema matches contract]");
        Finding f = only(spec.run(), "EXT-011");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("completeness, filename pattern").doesNotContain("validating schema");
        assertThat(f.location().line()).isEqualTo(spec.line("quality_gates.pre_load"));

        Report miss = spec.set("quality_gates.pre_load", "[schema matches contract, row count equals trailer, filename matches orders_*.csv]").run();
        assertThat(fired(miss, "EXT-011")).isFalse();
    }

    static PipelineYaml stream() {
        return review().set("extract.source_system", "kafka orders").set("extract.strategy", "stream-consumer")
                .set("extract.source_profile", "{type: stream}").set("extract.delivery", "at-least-once")
                .set("extract.consumer_lag_alert_seconds", "300");
    }

    @Test
    void ext012_consumerGroupForStreams() {
        Report hit = design().set("extract.source_system", "kafka orders").run();
        assertThat(choices(hit, T)).contains("stream-consumer");
        assertThat(rec(hit, T, "stream-consumer").orElseThrow().rationale()).contains("consumer group", "offsets");

        Report miss = design().run();
        assertThat(fired(miss, "EXT-012")).isFalse();
    }

    @Test
    void ext013_streamNeedsADeliveryDecision() {
        PipelineYaml spec = stream().remove("extract.delivery");
        Finding f = only(spec.run(), "EXT-013");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("at-least-once vs exactly-once");
        assertThat(choices(design().set("extract.source_system", "kafka orders").run(), T)).contains("at-least-once");

        Report miss = stream().run();
        assertThat(fired(miss, "EXT-013")).isFalse();
    }

    @Test
    void ext014_exactlyOnceWhereAnIdempotentMergeSuffices() {
        PipelineYaml spec = stream().set("extract.delivery", "exactly-once");
        Finding f = only(spec.run(), "EXT-014");
        assertThat(f.severity()).isEqualTo(Severity.P3);
        assertThat(f.remediation()).contains("at-least-once");
        assertThat(f.location().line()).isEqualTo(spec.line("extract.delivery"));

        Report miss = spec.set("load.merge_keys", "[]").run();
        assertThat(fired(miss, "EXT-014")).isFalse();
    }

    @Test
    void ext015_streamNeedsConsumerLagAlerting() {
        Finding f = only(stream().remove("extract.consumer_lag_alert_seconds").run(), "EXT-015");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("consumer-lag alert");

        Report miss = stream().run();
        assertThat(fired(miss, "EXT-015")).isFalse();
    }

    @Test
    void ext016_cdcDeclaredWithoutSourceSupport() {
        PipelineYaml spec = review().set("extract.source_profile.supports_cdc", "false")
                .set("extract.source_profile.updated_at_column", "updated_at");
        Finding f = only(spec.run(), "EXT-016");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.remediation()).contains("incrementally on updated_at");
        assertThat(f.location().line()).isEqualTo(spec.line("extract.strategy"));

        Report miss = review().run();
        assertThat(fired(miss, "EXT-016")).isFalse();
    }

    @Test
    void ext017_incrementalWithoutAnIncrementalKey() {
        PipelineYaml spec = review().set("extract.strategy", "incremental").set("extract.source_profile.supports_cdc", "false")
                .set("extract.source_profile.updated_at_column", "modified_at");
        Finding f = only(spec.run(), "EXT-017");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.remediation()).isEqualTo("Set extract.incremental_key: modified_at.");
        assertThat(f.location().line()).isEqualTo(spec.line("extract.incremental_key"));

        Report miss = spec.set("extract.incremental_key", "modified_at").run();
        assertThat(fired(miss, "EXT-017")).isFalse();
    }

    @Test
    void ext018_incrementalWhereCdcIsAvailable() {
        PipelineYaml spec = review().set("extract.strategy", "incremental").set("extract.incremental_key", "updated_at");
        Finding f = only(spec.run(), "EXT-018");
        assertThat(f.severity()).isEqualTo(Severity.P3);
        assertThat(f.remediation()).contains("CDC");

        Report miss = spec.set("extract.source_profile.supports_cdc", "false").run();
        assertThat(fired(miss, "EXT-018")).isFalse();
    }

    @Test
    void ext019_undecidableWithoutTheSourceType() {
        PipelineYaml spec = design().set("extract.source_system", "legacy mainframe");
        Finding f = only(spec.run(), "EXT-019");
        assertThat(f.severity()).isEqualTo(Severity.P3);
        assertThat(f.remediation()).contains("source_profile.type");
        assertThat(f.location().line()).isEqualTo(spec.line("extract.source_system"));

        Report miss = spec.set("extract.source_profile.type", "database").run();
        assertThat(fired(miss, "EXT-019")).isFalse();
    }
}
