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

/** One test per rule of Testing.drl: the test pyramid from a real spec, contract and dbt manifest (unit and equality tests). */
class TestingTest {

    @TempDir Path dir;

    private static PipelineYaml spec() {
        return PipelineYaml.review().set("name", "fct_orders");
    }

    @Test
    void aud018_noTests() {
        Report r = AuditFixtures.in(dir).pipeline(spec().set("quality_gates.pre_load", "[]").set("quality_gates.post_load", "[]")).run();
        assertThat(rule(r, "platform.testing")).isEqualTo("AUD-018");
        assertThat(score(r, "platform.testing")).isEqualTo(0);
        assertThat(findings(r, "AUD-018")).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).contains("Testing of platform scores 0: a test of any layer on 0 of 1 pipelines with at least one test layer.");
        });
        // near miss: the quality gates are a layer
        assertThat(findings(AuditFixtures.in(dir.resolve("b")).pipeline(spec()).run(), "AUD-018")).isEmpty();
    }

    @Test
    void aud019_smokeTests() {
        Report r = AuditFixtures.in(dir).pipeline(spec()).run();
        assertThat(rule(r, "platform.testing")).isEqualTo("AUD-019");
        assertThat(score(r, "platform.testing")).isEqualTo(5);
        // near miss: no gate, no test
        assertThat(score(AuditFixtures.in(dir.resolve("b")).pipeline(spec().set("quality_gates.pre_load", "[]").set("quality_gates.post_load", "[]")).run(),
                "platform.testing")).isEqualTo(0);
    }

    @Test
    void aud020_fullTestPyramid() {
        Report r = AuditFixtures.in(dir).pipeline(spec()).contract("fct_orders").manifest("fct_orders", true, true).run();
        assertThat(rule(r, "platform.testing")).isEqualTo("AUD-020");
        assertThat(score(r, "platform.testing")).isEqualTo(10);
        assertThat(score(r, "pipeline:fct_orders.testing")).isEqualTo(10);
        // near miss: no golden dataset comparison (E2E) leaves the pyramid incomplete
        assertThat(score(AuditFixtures.in(dir.resolve("b")).pipeline(spec()).contract("fct_orders").manifest("fct_orders", false, true).run(),
                "platform.testing")).isEqualTo(5);
    }
}
