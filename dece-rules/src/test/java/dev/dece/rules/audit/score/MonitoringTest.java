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

/** One test per rule of Monitoring.drl: alert channels in the spec, dashboards and anomaly detection from real run logs. */
class MonitoringTest {

    @TempDir Path dir;

    @Test
    void aud015_noFailureAlerts() {
        Report r = AuditFixtures.in(dir).pipeline(PipelineYaml.review().set("error_handling.alert_channels", "[]")).run();
        assertThat(rule(r, "platform.monitoring")).isEqualTo("AUD-015");
        assertThat(score(r, "platform.monitoring")).isEqualTo(0);
        assertThat(findings(r, "AUD-015")).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).contains("Monitoring of platform scores 0: failure alerts on 0 of 1 pipelines with failure alert channels.");
        });
        // near miss: one alert channel
        assertThat(findings(AuditFixtures.in(dir.resolve("b")).pipeline(PipelineYaml.review()).run(), "AUD-015")).isEmpty();
    }

    @Test
    void aud016_failureAlertsOnly() {
        Report r = AuditFixtures.in(dir).pipeline(PipelineYaml.review()).run();
        assertThat(rule(r, "platform.monitoring")).isEqualTo("AUD-016");
        assertThat(score(r, "platform.monitoring")).isEqualTo(8);
        // near miss: no alert channel
        assertThat(score(AuditFixtures.in(dir.resolve("b")).pipeline(PipelineYaml.review().set("error_handling.alert_channels", "[]")).run(),
                "platform.monitoring")).isEqualTo(0);
    }

    @Test
    void aud017_proactiveMonitoring() {
        Report r = AuditFixtures.in(dir).pipeline(PipelineYaml.review()).runs("orders", 100, 0, 10).run();
        assertThat(rule(r, "platform.monitoring")).isEqualTo("AUD-017");
        assertThat(score(r, "platform.monitoring")).isEqualTo(15);
        // near miss: the run logs of another pipeline give this one no dashboard
        assertThat(score(AuditFixtures.in(dir.resolve("b")).pipeline(PipelineYaml.review()).runs("other", 100, 0, 10).run(),
                "pipeline:orders.monitoring")).isEqualTo(8);
    }
}
