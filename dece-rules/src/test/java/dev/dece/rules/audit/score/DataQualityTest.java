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

/** One test per rule of DataQuality.drl, on real pipeline specs (quality_gates) and a real Data Contract. */
class DataQualityTest {

    @TempDir Path dir;

    private static PipelineYaml gates(String pre, String post) {
        return PipelineYaml.review().set("name", "fct_orders").set("quality_gates.pre_load", pre).set("quality_gates.post_load", post);
    }

    @Test
    void aud005_noChecks() {
        Report r = AuditFixtures.in(dir).pipeline(gates("[row_count > 0]", "[row_count matches extract]")).run();
        assertThat(rule(r, "platform.quality")).isEqualTo("AUD-005");
        assertThat(score(r, "platform.quality")).isEqualTo(0);
        assertThat(findings(r, "AUD-005")).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("Data Quality of platform scores 0: null/unique checks on 0 of 1 pipelines and datasets with null/unique checks, below the 80 % coverage line.");
        });
        // near miss: a unique check in the post-load gate
        assertThat(findings(AuditFixtures.in(dir.resolve("b")).pipeline(gates("[row_count > 0]", "[unique(order_id)]")).run(), "AUD-005")).isEmpty();
    }

    @Test
    void aud006_basicNullUniqueChecks() {
        Report r = AuditFixtures.in(dir).pipeline(gates("[no nulls in order_id]", "[unique(order_id)]")).run();
        assertThat(rule(r, "platform.quality")).isEqualTo("AUD-006");
        assertThat(score(r, "platform.quality")).isEqualTo(10);
        // near miss: no null/unique check at all
        assertThat(score(AuditFixtures.in(dir.resolve("b")).pipeline(gates("[row_count > 0]", "[row_count matches extract]")).run(), "platform.quality")).isEqualTo(0);
    }

    @Test
    void aud007_checksBeyondNullAndUnique() {
        Report r = AuditFixtures.in(dir).pipeline(gates("[schema matches source, row_count > 0]", "[unique(order_id)]")).run();
        assertThat(rule(r, "platform.quality")).isEqualTo("AUD-007");
        assertThat(score(r, "platform.quality")).isEqualTo(15);
        // near miss: null/unique only
        assertThat(rule(AuditFixtures.in(dir.resolve("b")).pipeline(gates("[no nulls in order_id]", "[unique(order_id)]")).run(), "platform.quality")).isEqualTo("AUD-006");
    }

    @Test
    void aud008_comprehensiveFrameworkWithContracts() {
        Report r = AuditFixtures.in(dir).pipeline(gates("[schema matches contract, row_count > 0]", "[unique(order_id)]")).contract("fct_orders").run();
        assertThat(rule(r, "platform.quality")).isEqualTo("AUD-008");
        assertThat(score(r, "platform.quality")).isEqualTo(20);
        assertThat(score(r, "pipeline:fct_orders.quality")).isEqualTo(20);
        assertThat(score(r, "dataset:fct_orders.quality")).isEqualTo(20);
        // near miss: the contract is for another table
        assertThat(score(AuditFixtures.in(dir.resolve("b")).pipeline(gates("[schema matches contract, row_count > 0]", "[unique(order_id)]"))
                .contract("dim_customers").run(), "pipeline:fct_orders.quality")).isEqualTo(15);
    }
}
