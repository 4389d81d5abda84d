package dev.dece.rules.monitor.severity;

import dev.dece.core.report.Recommendation;
import dev.dece.core.report.Report;
import dev.dece.rules.support.PipelineYaml;
import dev.dece.rules.support.RunLogs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.dece.rules.support.MonitorFixtures.brief;
import static dev.dece.rules.support.MonitorFixtures.contract;
import static dev.dece.rules.support.MonitorFixtures.severity;
import static dev.dece.rules.support.Results.paths;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per rule of AlertSeverity.drl: the severity, response time and channels of a pipeline's alerts, from its
 * real spec, contract and brief, read back from the alert.severity recommendation a user sees.
 */
class AlertSeverityTest {

    @TempDir
    Path dir;

    static final String MSG = "psycopg2.OperationalError: connection to server at \"db\" (10.0.0.1), port 5432 failed: Connection timed out";

    Report run(PipelineYaml spec, String compliance) {
        return RunLogs.in(dir).spec(spec).brief(brief(compliance)).triage(MSG, "orders");
    }

    @Test
    void alr001_revenueImpactingPipeline() {
        Report hit = run(PipelineYaml.review().set("tier", "1").set("serves", "[finance, risk-ops]"), "[none]");
        Recommendation s = severity(hit, "orders");
        assertThat(s.ruleId()).isEqualTo("ALR-001");
        assertThat(s.choice()).isEqualTo("P0");
        assertThat(s.rationale()).contains("revenue impacting").contains("risk-ops (operational, API)").contains("respond within 15 minutes")
                .contains("notify slack-data");
        assertThat(paths(s.evidence())).contains("pipeline.tier", "alert.response_time");
        // near miss: the same consumers on a tier 2 pipeline are not revenue impacting
        Report miss = run(PipelineYaml.review().set("tier", "2").set("serves", "[finance, risk-ops]"), "[none]");
        assertThat(severity(miss, "orders").ruleId()).isNotEqualTo("ALR-001");
        assertThat(severity(miss, "orders").choice()).isEqualTo("P1");
    }

    @Test
    void alr002_complianceImpactingPipeline() {
        RunLogs logs = RunLogs.in(dir).spec(PipelineYaml.review().set("tier", "3").set("serves", "[marketing]"))
                .contract(contract("orders", "orders", "[marketing]", 24, true)).brief(brief("[PCI]"));
        Recommendation s = severity(logs.triage(MSG, "orders"), "orders");
        assertThat(s.ruleId()).isEqualTo("ALR-002");
        assertThat(s.choice()).isEqualTo("P0");
        assertThat(s.rationale()).contains("compliance impacting").contains("restricted data (orders.card_number) under [PCI]");
        // SOX and a reporting consumer: a regulatory report
        Recommendation sox = severity(run(PipelineYaml.review().set("tier", "3").set("serves", "[finance]"), "[SOX]"), "orders");
        assertThat(sox.ruleId()).isEqualTo("ALR-002");
        assertThat(sox.rationale()).contains("SOX-regulated reporting");
        // near miss: the same reporting consumer without a regulation
        Recommendation miss = severity(run(PipelineYaml.review().set("tier", "3").set("serves", "[finance]"), "[none]"), "orders");
        assertThat(miss.ruleId()).isEqualTo("ALR-004");
        assertThat(miss.choice()).isEqualTo("P2");
    }

    @Test
    void alr003_businessCriticalPipeline() {
        Recommendation tier1 = severity(run(PipelineYaml.review().set("tier", "1").set("serves", "[bi]"), "[none]"), "orders");
        assertThat(tier1.ruleId()).isEqualTo("ALR-003");
        assertThat(tier1.choice()).isEqualTo("P1");
        assertThat(tier1.rationale()).contains("tier 1 (critical)").contains("respond within 1 hour");
        Recommendation dashboards = severity(run(PipelineYaml.review().set("tier", "2").set("serves", "[bi]"), "[none]"), "orders");
        assertThat(dashboards.ruleId()).isEqualTo("ALR-003");
        assertThat(dashboards.rationale()).contains("tier 2 and feeds the dashboards of bi");
        // near miss: tier 2 read ad hoc only
        Recommendation miss = severity(run(PipelineYaml.review().set("tier", "2").set("serves", "[marketing]"), "[none]"), "orders");
        assertThat(miss.ruleId()).isEqualTo("ALR-004");
    }

    @Test
    void alr004_nonCriticalPipeline() {
        Recommendation s = severity(run(PipelineYaml.review().set("tier", "3").set("serves", "[marketing]"), "[none]"), "orders");
        assertThat(s.ruleId()).isEqualTo("ALR-004");
        assertThat(s.choice()).isEqualTo("P2");
        assertThat(s.rationale()).contains("non-critical (it is tier 3 (nice-to-have)").contains("respond within 4 hours");
        // without any spec DECE knows nothing, and says so
        Recommendation bare = severity(RunLogs.in(dir).triage(MSG, null), "message");
        assertThat(bare.ruleId()).isEqualTo("ALR-004");
        assertThat(bare.rationale()).contains("no pipeline spec gives its tier");
        // near miss: a tier 1 pipeline is never P2; ALR-004's vote loses to ALR-003's
        Recommendation miss = severity(run(PipelineYaml.review().set("tier", "1").set("serves", "[marketing]"), "[none]"), "orders");
        assertThat(miss.choice()).isEqualTo("P1");
        assertThat(miss.alternatives()).anySatisfy(a -> assertThat(a.reason()).contains("ALR-004"));
    }
}
