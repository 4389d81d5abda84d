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

/** One test per rule of Reliability.drl: a platform folder with a real pipeline spec and real run logs, audited. */
class ReliabilityTest {

    @TempDir Path dir;

    private Report audit(String retries, int total, int failed) {
        return AuditFixtures.in(dir).pipeline(PipelineYaml.review().set("error_handling.max_retries", retries))
                .runs("orders", total, failed, 10).run();
    }

    @Test
    void aud001_reliableWithAutoRetry() {
        Report r = audit("3", 200, 1);
        assertThat(rule(r, "platform.reliability")).isEqualTo("AUD-001");
        assertThat(score(r, "platform.reliability")).isEqualTo(20);
        assertThat(score(r, "pipeline:orders.reliability")).isEqualTo(20);
        // near miss: the same success rate without retries is not AUD-001's
        assertThat(rule(audit("0", 200, 1), "platform.reliability")).isNotEqualTo("AUD-001");
    }

    @ParameterizedTest(name = "{1} of 200 runs failed -> {2} ({3})")
    @CsvSource({"3, 0, 20, AUD-001", "3, 1, 20, AUD-001", "3, 2, 10, AUD-003"})
    void aud001_successRateEdges(String retries, int failed, int level, String ruleId) {
        Report r = audit(retries, 200, failed);
        assertThat(score(r, "platform.reliability")).isEqualTo(level);
        assertThat(rule(r, "platform.reliability")).isEqualTo(ruleId);
    }

    @Test
    void aud002_reliableWithoutAutoRetry() {
        Report r = audit("0", 200, 0);
        assertThat(rule(r, "platform.reliability")).isEqualTo("AUD-002");
        assertThat(score(r, "platform.reliability")).isEqualTo(15);
        // near miss: with retries the same platform scores 20
        assertThat(score(audit("3", 200, 0), "platform.reliability")).isEqualTo(20);
    }

    @Test
    void aud003_someFailures() {
        Report r = audit("3", 200, 4);
        assertThat(rule(r, "platform.reliability")).isEqualTo("AUD-003");
        assertThat(score(r, "platform.reliability")).isEqualTo(10);
        // near miss: below the frequent-failures line it is no longer "some failures"
        assertThat(rule(audit("3", 200, 20), "platform.reliability")).isEqualTo("AUD-004");
    }

    @ParameterizedTest(name = "{0} of 200 runs failed -> {1}")
    @CsvSource({"9, 10", "10, 10", "11, 0"})
    void aud004_frequentFailureEdges(int failed, int level) {
        assertThat(score(audit("3", 200, failed), "platform.reliability")).as("AUD-004 line at 95 %").isEqualTo(level);
    }

    @Test
    void aud004_frequentFailures() {
        Report r = audit("3", 200, 20);
        assertThat(score(r, "platform.reliability")).isEqualTo(0);
        assertThat(findings(r, "AUD-004")).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.subject()).isEqualTo("platform");
            assertThat(f.message()).contains("Pipeline Reliability of platform scores 0: 180 of 200 runs succeeded, a success rate of 90 %, below the frequent-failures line of 95 %.");
        });
        assertThat(findings(r, "AUD-004")).anySatisfy(f -> {
            assertThat(f.subject()).isEqualTo("pipeline:orders");
            assertThat(f.location().file()).endsWith("spec0.yaml");
        });
        // near miss: 98 % is some failures, not frequent ones
        assertThat(findings(audit("3", 200, 4), "AUD-004")).isEmpty();
    }
}
