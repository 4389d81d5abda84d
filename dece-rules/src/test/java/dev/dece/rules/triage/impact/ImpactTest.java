package dev.dece.rules.triage.impact;

import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.PipelineYaml;
import dev.dece.rules.support.RunLogs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.dece.rules.support.MonitorFixtures.brief;
import static dev.dece.rules.support.MonitorFixtures.contract;
import static dev.dece.rules.support.Results.findings;
import static dev.dece.rules.support.Results.paths;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Impact.drl: the finding each failure raises, its impact, who to notify, at what severity. */
class ImpactTest {

    @TempDir
    Path dir;

    static final String SCHEMA = "snowflake.connector.errors.ProgrammingError: 000904 (42000): SQL compilation error: error line 3 at position 11\ninvalid identifier 'ORDER_STATUS_CODE'";

    RunLogs orders() {
        return RunLogs.in(dir).spec(PipelineYaml.review().set("tier", "1").set("serves", "[finance]").set("error_handling.alert_channels", "[pagerduty-commerce]"))
                .contract(contract("orders", "orders", "[finance, bi]", 26, false)).brief(brief("[SOX]"));
    }

    @Test
    void tri021_failedRunImpactAndWhoToNotify() {
        Report r = orders().run("orders", "orders-20260308", "2026-03-08T02:00:00Z", 3).error(SCHEMA).done().triage();
        assertThat(findings(r, "TRI-021")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P0);
            assertThat(f.message()).contains("The run orders-20260308 of orders failed (2026-03-08T02:03:00Z): schema mismatch")
                    .contains("Impact: bi (analytics, dashboard), finance (reporting, dashboard); dashboards of finance, bi go stale; freshness SLA 26 h (contract orders sla.freshness_hours)")
                    .contains("Notify pagerduty-commerce, #orders-data within 15 minutes");
            assertThat(f.remediation()).contains("Fix: schema-change. Retry: safe.");
            assertThat(f.location().line()).isEqualTo(1);
            assertThat(f.location().path()).isEqualTo("orders.runs[orders-20260308]");
            assertThat(f.subject()).isEqualTo("orders/orders-20260308");
            assertThat(paths(f.evidence())).contains("alert.response_time", "orders/orders-20260308.branch", "constraints.compliance");
        });
        // near miss: a failure a later run resolved is not an open alert
        Report resolved = orders().run("orders", "orders-20260307", "2026-03-07T02:00:00Z", 3).error(SCHEMA).done()
                .run("orders", "orders-20260308", "2026-03-08T02:00:00Z", 20).done().triage();
        assertThat(findings(resolved, "TRI-021")).isEmpty();
    }

    @Test
    void tri022_failedRunSinceResolved() {
        Report r = orders().run("orders", "orders-20260307", "2026-03-07T02:00:00Z", 3).error(SCHEMA).done()
                .run("orders", "orders-20260308", "2026-03-08T02:00:00Z", 20).done().triage();
        Finding f = findings(r, "TRI-022").get(0);
        assertThat(f.severity()).isEqualTo(Severity.P3);
        assertThat(f.message()).contains("and run orders-20260308 succeeded after it: resolved");
        assertThat(f.remediation()).contains("Post-mortem").contains("schema comparison check");
        // near miss: while no run has succeeded since, the failure is open (TRI-021)
        Report open = orders().run("orders", "orders-20260307", "2026-03-07T02:00:00Z", 3).error(SCHEMA).done().triage();
        assertThat(findings(open, "TRI-022")).isEmpty();
        assertThat(findings(open, "TRI-021")).hasSize(1);
    }
}
