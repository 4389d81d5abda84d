package dev.dece.rules.cost;

import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.CostFixtures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static dev.dece.rules.support.CostFixtures.entry;
import static dev.dece.rules.support.Results.findings;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Roi.drl, on real Cost Allocation Templates. */
class RoiTest {

    @TempDir Path dir;

    @Test
    void cost009_pipelineWithoutABusinessValue() {
        Report r = CostFixtures.in(dir).template("2026-03", entry("orders", 500, 0, 0), entry("legacy_export", 300, 0, 0, null, null, true)).run();
        assertThat(findings(r, "COST-009")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.subject()).isEqualTo("legacy_export");
            assertThat(f.message()).contains("Pipeline 'legacy_export' costs 300 USD a month (rank 2 of 2, 37.5 % of spend) and states no business_value.");
            assertThat(f.location().path()).isEqualTo("cost_tracking.by_pipeline[1]");
        });
    }

    @Test
    void cost009_usageOnlyPipelineHasNoStatedValue() {
        Report r = CostFixtures.in(dir).template("2026-03", entry("orders", 500, 0, 0))
                .focus(20, "2026-03-10T00:00:00Z", 24, "Compute", "i-1", "us-east-1", "Standard", "m5", "{\"pipeline\":\"shadow\"}").run();
        assertThat(findings(r, "COST-009")).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("shadow");
            assertThat(f.message()).contains("(it is in the usage exports but not in the template)");
            assertThat(f.location().file()).endsWith("focus.csv");
        });
    }

    @Test
    void cost010_roiNotJustified() {
        Report r = CostFixtures.in(dir).template("2026-03", entry("orders", 500, 0, 0), entry("vanity", 250, 0, 0, null, "exec dashboard", false)).run();
        assertThat(findings(r, "COST-010")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).contains("Pipeline 'vanity' is marked roi_justified: false and costs 250 USD a month (33.33 % of spend)");
            assertThat(f.location().path()).isEqualTo("cost_tracking.by_pipeline[1].roi_justified");
        });
        // near miss: roi_justified not written is not false
        assertThat(findings(CostFixtures.in(dir).template("2026-03", entry("vanity", 250, 0, 0, null, "x", null)).run(), "COST-010")).isEmpty();
    }

    @ParameterizedTest(name = "{0} USD for 1M rows against peers at 10 per million -> {1}")
    @CsvSource({"99, none", "100, COST-011", "150, COST-011"})
    void cost011_peerFactorEdges(double cost, String rule) {
        Report r = CostFixtures.in(dir).template("2026-03", entry("a", 10, 0, 0, 1_000_000L, "v", true), entry("b", 10, 0, 0, 1_000_000L, "v", true),
                entry("c", 10, 0, 0, 1_000_000L, "v", true), entry("heavy", cost, 0, 0, 1_000_000L, "v", true)).run();
        assertThat(findings(r, "COST-011").isEmpty()).as("COST-011 at 10x").isEqualTo(rule.equals("none"));
    }

    @Test
    void cost011_costPerRowFarAboveItsPeers() {
        Report r = CostFixtures.in(dir).template("2026-03", entry("a", 10, 0, 0, 1_000_000L, "v", true), entry("b", 20, 0, 0, 1_000_000L, "v", true),
                entry("heavy", 300, 0, 0, 1_000_000L, "v", true)).run();
        assertThat(findings(r, "COST-011")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.subject()).isEqualTo("heavy");
            assertThat(f.message()).contains("costs 300 USD per million rows, 20 times the median of its 2 peers (15), at or above the 10x line");
        });
        // near miss: with one peer only there is no median to compare with
        assertThat(findings(CostFixtures.in(dir).template("2026-03", entry("a", 10, 0, 0, 1_000_000L, "v", true),
                entry("heavy", 300, 0, 0, 1_000_000L, "v", true)).run(), "COST-011")).isEmpty();
    }
}
