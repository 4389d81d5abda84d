package dev.dece.rules.monitor.health;

import dev.dece.core.report.CheckOutcome;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.PipelineYaml;
import dev.dece.rules.support.RunLogs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.dece.rules.support.Results.findings;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of LogRecords.drl: what is wrong with the logs themselves, located on the offending record. */
class LogRecordsTest {

    @TempDir
    Path dir;

    static final String D0 = "2026-03-01T02:00:00Z";
    static final String D1 = "2026-03-02T02:00:00Z";
    static final String D2 = "2026-03-03T02:00:00Z";

    @Test
    void log001_runsMissingRequiredFields() {
        Report r = RunLogs.in(dir).run("orders", "r-0", D0, 10).done()
                .run("orders", "r-1", D1, 10).without("stage").without("watermark_before").done().monitor();
        assertThat(findings(r, "LOG-001")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).contains("1 run of 'orders' do not log stage, watermark_before, which every run must log")
                    .contains("runs0.jsonl:2 r-1");
            assertThat(f.location().line()).isEqualTo(2);
            assertThat(f.subject()).isEqualTo("orders.log_records");
        });
        assertThat(r.checks()).filteredOn(c -> c.id().equals("orders.log_records")).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(CheckOutcome.Status.FAIL));
        // near miss: every field present, some empty (a full load has no watermark): not missing
        assertThat(findings(RunLogs.in(dir).run("orders", "r-0", D0, 10).done().monitor(), "LOG-001")).isEmpty();
    }

    @Test
    void log002_watermarkMovesBackwards() {
        Report r = RunLogs.in(dir).run("orders", "r-0", D0, 10).watermarks("2026-02-28T00:00:00Z", "2026-03-01T00:00:00Z").done()
                .run("orders", "r-1", D1, 10).watermarks("2026-03-01T00:00:00Z", "2026-02-27T00:00:00Z").done().monitor();
        assertThat(findings(r, "LOG-002")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).contains("moved backwards in 2 runs")
                    .contains("watermark_after 2026-02-27T00:00:00Z is before its watermark_before 2026-03-01T00:00:00Z");
            assertThat(f.remediation()).contains("late-arriving data");
        });
        // near miss: numeric offsets that only grow
        Report miss = RunLogs.in(dir).run("orders", "r-0", D0, 10).watermarks("100", "250").done()
                .run("orders", "r-1", D1, 10).watermarks("250", "900").done().monitor();
        assertThat(findings(miss, "LOG-002")).isEmpty();
        assertThat(findings(miss, "LOG-003")).isEmpty();
    }

    @Test
    void log003_watermarkLeavesAGap() {
        Report r = RunLogs.in(dir).run("orders", "r-0", D0, 10).watermarks("100", "250").done()
                .run("orders", "r-1", D1, 10).watermarks("300", "900").done().monitor();
        assertThat(findings(r, "LOG-003")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("r-1: starts at 300 but r-0 ended at 250").contains("never extracted");
            assertThat(f.location().line()).isEqualTo(2);
        });
        // opaque watermarks are checked for continuity
        Report opaque = RunLogs.in(dir).run("orders", "r-0", D0, 10).watermarks("p0:17", "p0:42").done()
                .run("orders", "r-1", D1, 10).watermarks("p0:50", "p0:60").done().monitor();
        assertThat(findings(opaque, "LOG-003")).singleElement().satisfies(f -> assertThat(f.message()).contains("(watermarks compared as text)"));
        // near miss: an overlap (a look-back window) is no gap
        Report miss = RunLogs.in(dir).run("orders", "r-0", D0, 10).watermarks("100", "250").done()
                .run("orders", "r-1", D1, 10).watermarks("200", "900").done().monitor();
        assertThat(findings(miss, "LOG-003")).isEmpty();
    }

    @Test
    void log004_failedRunMovedItsWatermark() {
        Report r = RunLogs.in(dir).run("orders", "r-0", D0, 10).watermarks("100", "250").done()
                .run("orders", "r-1", D1, 3).error("ERROR 2013 (HY000): Lost connection to MySQL server during query").watermarks("250", "400").done().monitor();
        assertThat(findings(r, "LOG-004")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("1 failed run of 'orders' logged a watermark_after beyond their watermark_before").contains("failed, yet its watermark moved from 250 to 400");
        });
        Report miss = RunLogs.in(dir).run("orders", "r-0", D0, 10).watermarks("100", "250").done()
                .run("orders", "r-1", D1, 3).error("ERROR 2013 (HY000): Lost connection").watermarks("250", "250").done().monitor();
        assertThat(findings(miss, "LOG-004")).isEmpty();
    }

    @Test
    void log005_moreRowsLoadedThanExtracted() {
        Report r = RunLogs.in(dir).run("orders", "r-0", D0, 10).rows(1000, 1000, 1200).done().monitor();
        assertThat(findings(r, "LOG-005")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).contains("rows_loaded 1200 > rows_extracted 1000 and rows_transformed 1000");
        });
        // near miss: the transform explains the extra rows (an unnest, a fan-out by design)
        assertThat(findings(RunLogs.in(dir).run("orders", "r-0", D0, 10).rows(1000, 1200, 1200).done().monitor(), "LOG-005")).isEmpty();
    }

    RunLogs open(String asOf) {
        return RunLogs.in(dir).spec(PipelineYaml.review().set("sla_minutes", "60"))
                .run("orders", "r-0", D0, 10).done().run("orders", "r-1", D1, 0).open().done().asOf(asOf);
    }

    @Test
    void log006_runStartedWithNoEndAfterItsSla() {
        Report r = open("2026-03-02T03:30:00Z").monitor();
        assertThat(findings(r, "LOG-006")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).contains("Run r-1 of 'orders' started 1.5 hours before 2026-03-02T03:30:00Z and has logged no end, beyond its sla_minutes of 60");
            assertThat(f.location().line()).isEqualTo(2);
            assertThat(f.subject()).isEqualTo("orders.log_records");
        });
        // near miss: 30 minutes in, the run may still be working
        assertThat(findings(open("2026-03-02T02:30:00Z").monitor(), "LOG-006")).isEmpty();
    }

    @Test
    void log007_oneRunIdWithTwoOutcomes() {
        Report r = RunLogs.in(dir).run("orders", "r-0", D0, 10).done()
                .run("orders", "r-0", D0, 12).error("ERROR: canceling statement due to statement timeout").done().monitor();
        assertThat(findings(r, "LOG-007")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).contains("logged twice with different outcomes for the same stage").contains("r-0: success then failed (stage load)");
        });
        // near miss: one record per stage, the load stage failing, is one run that failed at its load
        Report stages = RunLogs.in(dir).run("orders", "r-0", D0, 5).set("stage", "extract").done()
                .run("orders", "r-0", D0, 12).error("ERROR: canceling statement due to statement timeout").done().asOf(D2).monitor();
        assertThat(findings(stages, "LOG-007")).isEmpty();
        assertThat(stages.checks()).filteredOn(c -> c.id().equals("orders.success_rate")).singleElement()
                .satisfies(c -> assertThat(c.measures()).anySatisfy(m -> assertThat(m.path() + "=" + m.value()).isEqualTo("runs=1")));
    }
}
