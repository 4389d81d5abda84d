package dev.dece.rules.pipeline;

import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.PipelineYaml;

import org.junit.jupiter.api.Test;

import static dev.dece.rules.support.PipelineYaml.design;
import static dev.dece.rules.support.PipelineYaml.review;
import static dev.dece.rules.support.Results.choices;
import static dev.dece.rules.support.Results.findings;
import static dev.dece.rules.support.Results.only;
import static dev.dece.rules.support.Results.fired;
import static dev.dece.rules.support.Results.paths;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Idempotency.drl: a spec that triggers it and a near miss that must not (IDEM-007: ArtifactsTest). */
class IdempotencyTest {


    @Test
    void idem001_blindInsertIntoMutableData() {
        PipelineYaml spec = review().set("load.strategy", "append");
        Finding f = only(spec.run(), "IDEM-001");
        assertThat(f.severity()).isEqualTo(Severity.P0);
        assertThat(f.message()).contains("appends rows that change", "another copy");
        assertThat(f.remediation()).contains("MERGE/UPSERT");
        assertThat(f.location().line()).isEqualTo(spec.line("load.strategy"));
        assertThat(paths(f.evidence())).contains("pipeline.load.strategy", "pipeline.load.data_profile.nature");

        Report miss = review().run();
        assertThat(fired(miss, "IDEM-001")).isFalse();
    }

    @Test
    void idem002_immutableDataWithoutPartitionSwapOrDedup() {
        PipelineYaml spec = review().set("load.strategy", "append").set("load.merge_keys", "[]")
                .set("load.data_profile.nature", "immutable-events");
        Finding f = only(spec.run(), "IDEM-002");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.remediation()).contains("partition-swap", "dedup");

        Report withDedup = spec.set("load.merge_keys", "[event_id]").set("transform.stages", "[{name: clean, operations: [dedupe on event_id]}]").run();
        assertThat(fired(withDedup, "IDEM-002")).isFalse();
        Report swapped = review().set("load.strategy", "partition-swap").set("load.data_profile.nature", "immutable-events").run();
        assertThat(fired(swapped, "IDEM-002")).isFalse();
    }

    @Test
    void idem003_watermarkKeptInThePipelineCode() {
        PipelineYaml spec = review().set("extract.watermark_storage", "\"hardcoded in the DAG file\"");
        Finding f = only(spec.run(), "IDEM-003");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.message()).contains("in the pipeline code");
        assertThat(f.location().line()).isEqualTo(spec.line("extract.watermark_storage"));

        Report miss = review().set("extract.watermark_storage", "\"dynamodb table etl_state\"").run();
        assertThat(fired(miss, "IDEM-003")).isFalse();
    }

    @Test
    void idem004_watermarkStoredNowhere() {
        PipelineYaml spec = review().set("extract.watermark_storage", "\"\"");
        Finding f = only(spec.run(), "IDEM-004");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.message()).contains("stores its watermark nowhere");
        assertThat(f.location().line()).isEqualTo(spec.line("extract.watermark_storage"));
        // design mode: an external state table is recommended for the completed template
        assertThat(choices(design().set("extract.source_profile.supports_cdc", "true").run(), "idempotency"))
                .contains("external-state-table");

        Report full = review().set("extract.strategy", "full").set("extract.source_profile.supports_cdc", "false")
                .set("extract.watermark_storage", "\"\"").run();
        assertThat(fired(full, "IDEM-004")).isFalse();
    }

    @Test
    void idem005_dedupWithoutANaturalKey() {
        PipelineYaml spec = review().set("load.strategy", "append").set("load.merge_keys", "[]")
                .set("load.data_profile.nature", "immutable-events")
                .set("transform.stages", "[{name: clean, operations: [trim, deduplicate]}]");
        Finding f = only(spec.run(), "IDEM-005");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.message()).contains("deduplicates but names no natural key");
        assertThat(f.location().path()).isEqualTo("pipeline.transform.stages[0].operations[1]");

        Report miss = spec.set("load.merge_keys", "[event_id]").run();
        assertThat(fired(miss, "IDEM-005")).isFalse();
    }

    @Test
    void idem006_mergeWithoutMergeKeys() {
        PipelineYaml spec = review().set("load.merge_keys", "[]").set("load.clustering_keys", "[]");
        Finding f = only(spec.run(), "IDEM-006");
        assertThat(f.severity()).isEqualTo(Severity.P0);
        assertThat(f.message()).contains("upsert but no merge_keys");
        assertThat(f.location().line()).isEqualTo(spec.line("load.merge_keys"));

        Report miss = review().run();
        assertThat(fired(miss, "IDEM-006")).isFalse();
    }
}
