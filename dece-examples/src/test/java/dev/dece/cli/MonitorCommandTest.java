package dev.dece.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The monitor and triage commands on the bundled week of logs, as a user runs them. */
class MonitorCommandTest {

    static final String[] CONTEXT = {"--pipelines", "monitor/pipelines", "--contract", "monitor/contracts/orders.contract.yaml",
            "--contract", "monitor/contracts/payments.contract.yaml", "--brief", "monitor/brief.yaml", "--backfill", "monitor/backfill-queue.yaml",
            "--cost", "monitor/costs.yaml"};

    static CliRun monitor(String... more) {
        String[] args = new String[2 + CONTEXT.length + more.length];
        args[0] = "monitor";
        args[1] = "monitor/logs";
        System.arraycopy(CONTEXT, 0, args, 2, CONTEXT.length);
        System.arraycopy(more, 0, args, 2 + CONTEXT.length, more.length);
        return CliRun.dece(args);
    }

    @Test
    void theBundledWeekRunsAndFollowsFailOn() {
        CliRun r = monitor("--fail-on", "P0");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.FINDINGS);
        assertThat(r.out()).contains("DECE monitor: monitor/logs").contains("ARTIFACT monitor-dashboard: dashboard.tsv")
                .contains("fct_orders.freshness\tfct_orders\tfail\tP0\tMON-005\tage_hours=44.87; sla_hours=26")
                .contains("P0 critical  TRI-021").contains("alert.severity");
        // as of the Wednesday, the week had not gone wrong yet
        CliRun early = monitor("--as-of", "2026-03-04T08:00:00Z", "--fail-on", "P1");
        assertThat(early.code()).as(early.out()).isEqualTo(Main.OK);
    }

    @Test
    void junitHasOneCasePerPipelineHealthCheck() {
        CliRun r = monitor("--format", "junit");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("<?xml").contains("<testcase classname=\"dece.monitor.web_events\" name=\"web_events.success_rate\"/>")
                .contains("<failure type=\"P1\" message=\"P1 MON-006: Pipeline &apos;web_events&apos; loaded 846766 rows");
    }

    @Test
    void setUpWithoutLogs() {
        CliRun r = CliRun.dece("monitor", "--pipelines", "monitor/pipelines", "--brief", "monitor/brief.yaml",
                "--contract", "monitor/contracts/payments.contract.yaml");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ARTIFACT monitoring-dashboard: payments_to_snowflake.dashboard.yaml")
                .contains("ARTIFACT alert-routing: alert-routing.yaml").contains("ARTIFACT log-schema: pipeline-run-log.schema.json")
                .contains("severity: P0   # ALR-001");
    }

    @Test
    void triageOfOneMessageFromStandardInput() {
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream("ERROR 1062 (23000): Duplicate entry '118842' for key 'orders.PRIMARY'".getBytes(StandardCharsets.UTF_8)));
            CliRun r = CliRun.dece("triage", "--message", "-", "--pipeline", "fct_orders", "--pipelines", "monitor/pipelines", "--format", "json");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("\"choice\" : \"duplicate-key-violation\"").contains("\"choice\" : \"data-issue\"")
                    .contains("Re-running fct_orders is safe");
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void triageOfTheLogs() {
        CliRun r = CliRun.dece("triage", "monitor/logs", "--pipelines", "monitor/pipelines");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("DECE triage: monitor/logs").contains("schema-mismatch  [TRI-002]").contains("out-of-memory  [TRI-004]")
                .doesNotContain("MON-0");
    }

    @Test
    void badInputAndUsageExitTwoWithOneLine() {
        CliRun unknown = CliRun.dece("monitor", "monitor/brief.yaml");
        assertThat(unknown.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(unknown.err()).startsWith("dece: monitor/brief.yaml: is not a run log DECE reads: found it is not JSON");
        CliRun asOf = CliRun.dece("monitor", "monitor/logs", "--as-of", "yesterday");
        assertThat(asOf.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(asOf.err()).contains("--as-of: \"yesterday\" is not a time with a UTC offset; write e.g. 2026-03-08T12:00:00Z");
        CliRun both = CliRun.dece("triage", "monitor/logs", "--message", "boom");
        assertThat(both.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(both.err()).contains("give run logs or --message TEXT, one of the two");
        CliRun cost = CliRun.dece("monitor", "monitor/logs", "--cost", "monitor/costs.yaml");
        assertThat(cost.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(cost.errLines()).singleElement().asString().contains("give the brief too (--brief)");
    }
}
