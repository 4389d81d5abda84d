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
import static dev.dece.rules.support.Results.rec;
import static dev.dece.rules.support.Results.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Load.drl: a spec that triggers it and a near miss that must not. */
class LoadTest {

    static final String T = "load.strategy";

    static PipelineYaml nature(String n) {
        return design().set("load.data_profile.nature", n);
    }


    @Test
    void load001_appendForImmutableEventsAndLogs() {
        Report hit = design().set("extract.source_system", "kafka clicks").set("load.data_profile.nature", "immutable-events").run();
        assertThat(choices(hit, T)).containsExactly("append");
        assertThat(rec(hit, T, "append").orElseThrow().rationale()).contains("grows forever");
        assertThat(choices(design().set("load.data_profile.data_type", "log").run(), T)).containsExactly("append");

        Report miss = nature("mutable").run();
        assertThat(fired(miss, "LOAD-001")).isFalse();
    }

    @Test
    void load002_upsertForMutableData() {
        Report hit = nature("mutable").run();
        assertThat(choices(hit, T)).containsExactly("upsert");
        assertThat(rec(hit, T, "upsert").orElseThrow().rationale()).contains("slower on large tables");

        Report miss = nature("reference").run();
        assertThat(fired(miss, "LOAD-002")).isFalse();
    }

    @Test
    void load003_truncateReloadForSmallReferenceTables() {
        Report hit = nature("reference").set("extract.source_profile.row_count", "5000").run();
        assertThat(choices(hit, T)).containsExactly("truncate-reload");
        assertThat(rec(hit, T, "truncate-reload").orElseThrow().rationale()).contains("window of missing data");

        Report miss = nature("mutable").run();
        assertThat(fired(miss, "LOAD-003")).isFalse();
    }

    @Test
    void load004_partitionSwapForImmutableBatchFacts() {
        Report hit = nature("immutable-events").run();
        assertThat(choices(hit, T)).containsExactly("partition-swap");
        assertThat(rec(hit, T, "partition-swap").orElseThrow().rationale()).contains("atomic", "aligned with load.partition_key");
        assertThat(rejected(hit, T, "append")).get().asString().contains("LOAD-001");

        Report miss = nature("immutable-events").set("extract.source_system", "kafka clicks").run();
        assertThat(fired(miss, "LOAD-004")).isFalse();
    }

    @Test
    void load005_softDeleteWhenDeletionsNeedAnAuditTrail() {
        Report hit = nature("mutable").set("load.data_profile.audit_deletions", "true").run();
        assertThat(choices(hit, T)).containsExactly("soft-delete");
        assertThat(rec(hit, T, "soft-delete").orElseThrow().rationale()).contains("every downstream query");

        Report miss = nature("mutable").set("load.data_profile.audit_deletions", "false").run();
        assertThat(fired(miss, "LOAD-005")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"999999, false", "1000000, true"})
    void load006_truncateReloadOnlyUnderOneMillionRows(long rows, boolean fires) {
        PipelineYaml spec = review().set("load.strategy", "truncate-reload").set("load.data_profile.nature", "reference")
                .set("load.data_profile.data_type", "reference").remove("load.partition_key")
                .set("extract.source_profile.row_count", String.valueOf(rows));
        Report r = spec.run();
        assertThat(fired(r, "LOAD-006")).isEqualTo(fires);
        if (fires) {
            Finding f = only(r, "LOAD-006");
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("not a small table");
            assertThat(f.location().line()).isEqualTo(spec.line("load.strategy"));
        }
    }

    @Test
    void load011_upsertForReferenceDataTooLargeToReload() {
        // design and review agree: a large reference table is not recommended truncate-reload and then flagged for it
        Report r = nature("reference").set("extract.source_profile.row_count", "5000000").run();
        assertThat(choices(r, T)).containsExactly("upsert");
        var upsert = rec(r, T, "upsert").orElseThrow();
        assertThat(upsert.ruleId()).isEqualTo("LOAD-011");
        assertThat(upsert.rationale()).contains("5000000 rows is not a small table");
        assertThat(fired(r, "LOAD-006")).isFalse();
        assertThat(fired(r, "LOAD-003")).isFalse();
        Report small = nature("reference").set("extract.source_profile.row_count", "5000").run();
        assertThat(fired(small, "LOAD-011")).isFalse();
        assertThat(choices(small, T)).containsExactly("truncate-reload");
    }

    @Test
    void load011_staysWithItsOwnPipelineInAMultiDocumentFile() throws Exception {
        String big = nature("reference").set("name", "big").set("extract.source_profile.row_count", "3000000").yaml();
        String small = nature("reference").set("name", "small").set("extract.source_profile.row_count", "5000").yaml();
        Report r = dev.dece.rules.support.TestDece.DECE.pipeline("two.yaml", big + "---\n" + small);
        assertThat(fired(r, "LOAD-006")).isFalse();
        assertThat(r.recommendations(T)).extracting(x -> x.ruleId() + " " + x.choice()).containsExactlyInAnyOrder("LOAD-011 upsert", "LOAD-003 truncate-reload");
        assertThat(r.artifacts()).filteredOn(a -> a.kind().equals("pipeline-template")).hasSize(2);
    }

    @Test
    void load007_truncateReloadOnTierOneLeavesAWindow() {
        PipelineYaml spec = review().set("tier", "1").set("load.strategy", "truncate-reload")
                .set("load.data_profile.nature", "reference").set("load.data_profile.data_type", "reference").remove("load.partition_key");
        Finding f = only(spec.run(), "LOAD-007");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("half-loaded");

        Report miss = spec.set("tier", "2").run();
        assertThat(fired(miss, "LOAD-007")).isFalse();
    }

    @Test
    void load008_partitionSwapWithoutAPartitionKey() {
        PipelineYaml spec = review().set("load.strategy", "partition-swap").set("load.data_profile.nature", "immutable-events")
                .set("load.partition_key", "\"\"");
        Finding f = only(spec.run(), "LOAD-008");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.location().line()).isEqualTo(spec.line("load.partition_key"));

        Report miss = spec.set("load.partition_key", "order_date").run();
        assertThat(fired(miss, "LOAD-008")).isFalse();
    }

    @Test
    void load009_appendWithoutPartitionKeyGrowsForever() {
        PipelineYaml spec = review().set("load.strategy", "append").set("load.data_profile.nature", "immutable-events")
                .set("transform.stages", "[{name: clean, operations: [dedupe on order_id]}]").remove("load.partition_key");
        Finding f = only(spec.run(), "LOAD-009");
        assertThat(f.severity()).isEqualTo(Severity.P3);
        assertThat(f.message()).contains("grows forever");

        Report miss = spec.set("load.partition_key", "order_date").run();
        assertThat(fired(miss, "LOAD-009")).isFalse();
    }

    @Test
    void load010_undecidableWithoutADataProfile() {
        PipelineYaml spec = design();
        Finding f = only(spec.run(), "LOAD-010");
        assertThat(f.severity()).isEqualTo(Severity.P3);
        assertThat(f.location().line()).isEqualTo(spec.line("load.target_system"));

        Report miss = nature("mutable").run();
        assertThat(fired(miss, "LOAD-010")).isFalse();
    }
}
