package dev.dece.rules.audit.score;

import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.AuditFixtures;
import dev.dece.rules.support.PipelineYaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static dev.dece.rules.support.AuditFixtures.rule;
import static dev.dece.rules.support.AuditFixtures.score;
import static dev.dece.rules.support.Results.findings;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Performance.drl: run logs whose runtimes are measured against the spec's sla_minutes (60). */
class PerformanceTest {

    @TempDir Path dir;

    private Report audit(Path d, double minutes) {
        return AuditFixtures.in(d).pipeline(PipelineYaml.review()).runs("orders", 100, 0, minutes).run();
    }

    @Test
    void aud009_regularlyBreachesSla() {
        Report r = audit(dir, 70);
        assertThat(rule(r, "platform.performance")).isEqualTo("AUD-009");
        assertThat(score(r, "platform.performance")).isEqualTo(0);
        assertThat(findings(r, "AUD-009")).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).contains("Performance of platform scores 0: 1 of 1 timed pipelines over their SLA on average (100 %, above the tolerated 10 %).");
        });
        // near miss: 50 minutes against 60 meets the SLA
        assertThat(findings(audit(dir.resolve("b"), 50), "AUD-009")).isEmpty();
    }

    @Test
    void aud010_meetsSla() {
        Report r = audit(dir, 50);
        assertThat(rule(r, "platform.performance")).isEqualTo("AUD-010");
        assertThat(score(r, "platform.performance")).isEqualTo(8);
        // near miss: over the SLA
        assertThat(score(audit(dir.resolve("b"), 70), "platform.performance")).isEqualTo(0);
    }

    @Test
    void aud011_wellUnderSlaWithOptimization() {
        Report r = audit(dir, 10);
        assertThat(rule(r, "platform.performance")).isEqualTo("AUD-011");
        assertThat(score(r, "platform.performance")).isEqualTo(15);
        assertThat(score(r, "pipeline:orders.performance")).isEqualTo(15);
        // near miss: 40 minutes is under the SLA but not well under it
        assertThat(rule(audit(dir.resolve("b"), 40), "platform.performance")).isEqualTo("AUD-010");
    }

    @ParameterizedTest(name = "{0} minutes of a 60-minute SLA -> {1}")
    @CsvSource({"29, 15", "30, 15", "31, 8"})
    void aud011_wellUnderSlaEdges(double minutes, int level) {
        assertThat(score(audit(dir, minutes), "platform.performance")).as("AUD-011 at 50 % of the SLA").isEqualTo(level);
    }
}
