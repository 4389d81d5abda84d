package dev.dece.rules.cost;

import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.CostFixtures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.dece.rules.support.Results.findings;
import static org.assertj.core.api.Assertions.assertThat;

/** The rule of Attribution.drl: usage that names no pipeline is reported, on real FOCUS and metering exports. */
class AttributionTest {

    @TempDir Path dir;

    @Test
    void cost021_usageNotAttributedToAPipeline() {
        Report r = CostFixtures.in(dir)
                .focus(100, "2026-03-10T00:00:00Z", 24, "Compute", "i-tagged", "us-east-1", "Standard", "m5", "{\"pipeline\":\"orders\"}")
                .focus(40, "2026-03-10T00:00:00Z", 24, "Compute", "i-untagged", "us-east-1", "Standard", "m5", "{\"team\":\"bi\"}")
                .focus(2.5, "2026-03-11T00:00:00Z", 24, "Storage", "bucket-x", "us-east-1", "Standard", "s3", null)
                .run();
        assertThat(findings(r, "COST-021")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("42.5 USD of the month's usage (2 charges) names no pipeline under the attribution key 'pipeline'")
                    .contains("Largest: i-untagged: 40, bucket-x: 2.5.");
        });
        // near miss: every row tagged
        Report tagged = CostFixtures.in(dir)
                .focus(100, "2026-03-10T00:00:00Z", 24, "Compute", "i-tagged", "us-east-1", "Standard", "m5", "{\"pipeline\":\"orders\"}").run();
        assertThat(findings(tagged, "COST-021")).isEmpty();
    }

    @Test
    void cost021_theAttributionKeyIsConfigurable() {
        Report r = CostFixtures.in(dir).context("cost_context:\n  attribution_key: team\n")
                .focus(40, "2026-03-10T00:00:00Z", 24, "Compute", "i-1", "us-east-1", "Standard", "m5", "{\"team\":\"bi\"}").run();
        assertThat(findings(r, "COST-021")).isEmpty();
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.subject()).isEqualTo("bi"));
    }
}
