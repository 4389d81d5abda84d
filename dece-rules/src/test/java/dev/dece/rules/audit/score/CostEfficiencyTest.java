package dev.dece.rules.audit.score;

import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.AuditFixtures;
import dev.dece.rules.support.PipelineYaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.dece.rules.support.AuditFixtures.rule;
import static dev.dece.rules.support.AuditFixtures.score;
import static dev.dece.rules.support.Results.findings;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of CostEfficiency.drl, on a real Cost Allocation Template reviewed by dece cost. */
class CostEfficiencyTest {

    @TempDir Path dir;

    @Test
    void aud021_noCostTracking() {
        Report r = AuditFixtures.in(dir).pipeline(PipelineYaml.review()).run();
        assertThat(rule(r, "platform.cost")).isEqualTo("AUD-021");
        assertThat(score(r, "platform.cost")).isEqualTo(0);
        assertThat(findings(r, "AUD-021")).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).contains("Cost Efficiency of platform scores 0: no Cost Allocation Template or billing export in the folder.");
        });
        // near miss: a template
        assertThat(findings(AuditFixtures.in(dir.resolve("b")).pipeline(PipelineYaml.review()).cost("orders", "Revenue KPIs", true).run(), "AUD-021")).isEmpty();
    }

    @Test
    void aud022_costsTracked() {
        Report r = AuditFixtures.in(dir).pipeline(PipelineYaml.review()).cost("orders", "", null).run();
        assertThat(rule(r, "platform.cost")).isEqualTo("AUD-022");
        assertThat(score(r, "platform.cost")).isEqualTo(5);
        // near miss: no template
        assertThat(score(AuditFixtures.in(dir.resolve("b")).pipeline(PipelineYaml.review()).run(), "platform.cost")).isEqualTo(0);
    }

    @Test
    void aud023_roiJustifiedPerPipeline() {
        Report r = AuditFixtures.in(dir).pipeline(PipelineYaml.review()).cost("orders", "Revenue KPIs for finance", true).run();
        assertThat(rule(r, "platform.cost")).isEqualTo("AUD-023");
        assertThat(score(r, "platform.cost")).isEqualTo(10);
        // near miss: roi_justified false
        assertThat(score(AuditFixtures.in(dir.resolve("b")).pipeline(PipelineYaml.review()).cost("orders", "Revenue KPIs", false).run(), "platform.cost")).isEqualTo(5);
    }
}
