package dev.dece.rules.audit.band;

import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.AuditFixtures;
import dev.dece.rules.support.PipelineYaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.dece.rules.support.AuditFixtures.score;
import static dev.dece.rules.support.Results.findings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per rule of Band.drl, on one platform built up piece by piece: with everything it scores 100; without the
 * catalog entry and the cost template 85 (the model's description keeps documentation at 5), and without the E2E test
 * too 80; without run logs 43 (no evidence of reliability and performance, failure alerts only); the spec alone 28.
 */
class BandTest {

    @TempDir Path dir;

    /** The spec alone: quality 15, monitoring 8, testing 5, the rest 0. */
    private Report bare(String name) {
        return AuditFixtures.in(dir.resolve(name)).pipeline(PipelineYaml.review().set("name", "fct_orders")).run();
    }

    private Report platform(String name, boolean logs, boolean docsAndCost) {
        return platform(name, logs, docsAndCost, true);
    }

    private Report platform(String name, boolean logs, boolean docsAndCost, boolean e2e) {
        AuditFixtures a = AuditFixtures.in(dir.resolve(name)).pipeline(PipelineYaml.review().set("name", "fct_orders"))
                .contract("fct_orders").manifest("fct_orders", e2e, true);
        if (logs) a.runs("fct_orders", 100, 0, 10);
        if (docsAndCost) a.catalogEntry("fct_orders", "orders_db").cost("fct_orders", "Revenue KPIs for finance", true);
        return a.run();
    }

    @Test
    void aud025_criticalGaps() {
        Report r = bare("a");
        assertThat(score(r, "platform.total")).isEqualTo(28);
        assertThat(findings(r, "AUD-025")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).isEqualTo("The platform scores 28 of 100: critical gaps.");
            assertThat(f.remediation()).isEqualTo("Prioritize pipeline reliability and data quality.");
        });
        assertThat(findings(platform("b", false, false), "AUD-025")).isEmpty(); // near miss: 43
    }

    @Test
    void aud026_functionalButFragile() {
        Report r = platform("a", false, false);
        assertThat(score(r, "platform.total")).isEqualTo(43);
        assertThat(findings(r, "AUD-026")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).isEqualTo("The platform scores 43 of 100: functional but fragile.");
            assertThat(f.remediation()).isEqualTo("Add monitoring, testing, documentation.");
        });
        assertThat(findings(bare("b"), "AUD-026")).isEmpty(); // near miss: 28
    }

    @Test
    void aud027_solid() {
        Report r = platform("a", true, false, false);
        assertThat(score(r, "platform.total")).isEqualTo(80); // the band's upper edge
        assertThat(findings(r, "AUD-027")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).isEqualTo("The platform scores 80 of 100: solid.");
        });
        assertThat(findings(platform("b", true, false), "AUD-027")).isEmpty(); // near miss: 85, one above the edge
    }

    @Test
    void aud028_excellent() {
        Report r = platform("a", true, true);
        assertThat(score(r, "platform.total")).isEqualTo(100);
        assertThat(findings(r, "AUD-028")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).isEqualTo("The platform scores 100 of 100: excellent.");
            assertThat(f.remediation()).isEqualTo("Maintain, innovate, mentor.");
        });
        assertThat(findings(platform("b", true, false, false), "AUD-028")).isEmpty(); // near miss: 80
    }
}
