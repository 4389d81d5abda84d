package dev.dece.rules.facade;

import dev.dece.core.input.InputException;
import dev.dece.core.monitor.MonitorOptions;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.OutputFormat;
import dev.dece.core.report.Report;
import dev.dece.core.triage.TriageOptions;
import dev.dece.rules.support.PipelineYaml;
import dev.dece.rules.support.RunLogs;
import dev.dece.rules.support.TestDece;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.dece.rules.support.MonitorFixtures.brief;
import static dev.dece.rules.support.MonitorFixtures.contract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The monitor's and triage's context inputs through the facade: joins by name, the backfill queue, the cost file, a
 * team's patterns file, located errors for each, the monitoring set-up, and byte-identical output.
 */
class MonitorInputsTest {

    @TempDir
    Path dir;

    RunLogs logs() {
        return RunLogs.in(dir).daily("orders", "2026-03-01T02:00:00Z", 8, 1000);
    }

    @Test
    void aContractThatJoinsNoPipelineIsRefusedWithADidYouMean() {
        String msg = logs().contract(contract("order", "sales.fct_order", "[bi]", 24, false)).monitorFails();
        assertThat(msg).contains("contract0.yaml:2:9: contract.name: contract \"order\" (tables sales.fct_order) joins no pipeline of the inputs")
                .contains("did you mean \"orders\"?");
        // a table name with its schema joins the pipeline of the same name
        Report r = logs().contract(contract("sales", "sales.orders", "[bi]", 24, false)).monitor();
        assertThat(r.checks()).filteredOn(c -> c.id().equals("orders.freshness")).singleElement()
                .satisfies(c -> assertThat(c.measures()).anySatisfy(m -> assertThat(m.path() + "=" + m.value()).isEqualTo("sla_hours=24")));
    }

    @Test
    void theBackfillQueueIsValidatedAndLocated() {
        String msg = logs().backfill("backfill_queue:\n"
                + "  - {pipeline: order, date_range: {start: 2026-02-01, end: 2026-02-02}, status: pending}\n"
                + "  - {pipeline: orders, status: queued}\n"
                + "  - {pipeline: orders, date_range: {start: 2026-02-05, end: 2026-02-01}, status: done, priority: 1}\n").monitorFails();
        assertThat(msg).contains("backfill.yaml:2:16: backfill_queue[0].pipeline: \"order\" is not a pipeline of the logs or the specs; did you mean \"orders\"?")
                .contains("backfill_queue[1].date_range: is required: the exact date range {start, end} (Backfill Protocol: scope)")
                .contains("backfill_queue[1].status: \"queued\" is not a request status; use pending, running, done or cancelled")
                .contains("backfill_queue[2].date_range.end: \"2026-02-01\" is before start \"2026-02-05\"")
                .contains("unknown key \"priority\"");
    }

    static final String COSTS = "cost_tracking:\n  by_pipeline:\n    - {pipeline: orders, compute_monthly_usd: 100, storage_monthly_usd: 10, egress_monthly_usd: 0, total: 120}\n";

    @Test
    void theCostFileNeedsABudgetAndConsistentTotals() {
        assertThat(logs().cost(COSTS).monitorFails()).contains("costs.yaml: a cost file is checked against the brief's constraints.budget_monthly_usd; give the brief too (--brief)");
        assertThat(logs().cost(COSTS).brief(brief("[none]").replace("budget_monthly_usd: 10000, ", "")).monitorFails())
                .contains("constraints.budget_monthly_usd: is required when a cost file is given");
        assertThat(logs().cost(COSTS).brief(brief("[none]")).monitorFails())
                .contains("costs.yaml:3:107: cost_tracking.by_pipeline[0].total: 120 is not compute + storage + egress (110); correct total or the parts");
    }

    @Test
    void aTeamsPatternsFileAddsReplacesAndRemovesPatternsWithLocatedErrors() {
        RunLogs logs = RunLogs.in(dir);
        Path patterns = logs.write("patterns.yaml", "patterns:\n"
                + "  - {id: acme.lock, vendor: acme, branch: timeout-sla-breach, kind: code, priority: 0, regex: 'LOCKWAIT-\\d+'}\n"
                + "  - {id: generic.connection, disabled: true}\n");
        TriageOptions o = TriageOptions.defaults().withPatterns(patterns);
        assertThat(branch("job failed: LOCKWAIT-42 on warehouse", o)).isEqualTo("timeout-sla-breach");
        assertThat(branch("job failed: LOCKWAIT-42 on warehouse", TriageOptions.defaults())).isEqualTo("unknown");
        assertThat(branch("upstream said: connection refused", o)).isEqualTo("unknown");
        assertThat(branch("upstream said: connection refused", TriageOptions.defaults())).isEqualTo("connection-timeout");
        Path bad = logs.write("bad-patterns.yaml", "patterns:\n"
                + "  - {id: a, vendor: acme, branch: timeout, regex: 'x'}\n"
                + "  - {id: b, vendor: acme, branch: out-of-memory, regex: '(unclosed'}\n"
                + "  - {id: c, vendor: acme, branch: unknown, regex: 'y'}\n"
                + "  - {id: generic.conection, disabled: true}\n"
                + "  - {id: d, vendor: acme, branch: out-of-memory, regex: 'z', prio: 3}\n");
        assertThatThrownBy(() -> TestDece.DECE.triage("x", TriageOptions.defaults().withPatterns(bad))).isInstanceOf(InputException.class)
                .hasMessageContaining("bad-patterns.yaml:2:35: patterns[0].branch: \"timeout\" is not a runbook branch; use one of connection-timeout,")
                .hasMessageContaining("patterns[1].regex: is not a valid regular expression: Unclosed group near index 9")
                .hasMessageContaining("patterns[2].branch: \"unknown\" is not a runbook branch")
                .hasMessageContaining("patterns[3].id: \"generic.conection\" is not a built-in pattern, so it cannot be disabled; did you mean \"generic.connection\"?")
                .hasMessageContaining("patterns[4].prio: unknown key \"prio\" Known keys here: branch, disabled, id, kind, note, priority, regex, vendor");
    }

    @Test
    void aRunawayTeamRegexIsRefusedAtItsLine() {
        RunLogs logs = RunLogs.in(dir);
        Path patterns = logs.write("patterns.yaml", "patterns:\n  - {id: acme.slow, vendor: acme, branch: out-of-memory, regex: '(a+)+b'}\n");
        assertThatThrownBy(() -> TestDece.DECE.triage("a".repeat(3000) + "c", TriageOptions.defaults().withPatterns(patterns)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("patterns.yaml:2:65: patterns[0].regex: took more than")
                .hasMessageContaining("simplify the regular expression");
    }

    static String branch(String message, TriageOptions o) {
        try {
            return TestDece.DECE.triage(message, o).recommendations("triage").get(0).choice();
        } catch (InputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void withoutLogsTheSpecsGetTheirMonitoringSetUp() throws Exception {
        RunLogs logs = RunLogs.in(dir).spec(PipelineYaml.review().set("tier", "1").set("sla_minutes", "40").set("error_handling.alert_channels", "[pagerduty-data]"))
                .spec(PipelineYaml.review().set("name", "marketing").set("tier", "3"));
        Report r = TestDece.DECE.monitor(List.of(), logs.options());
        assertThat(r.findings()).isEmpty();
        assertThat(r.artifacts()).extracting(Artifact::name).containsExactly("marketing.dashboard.yaml", "orders.dashboard.yaml", "alert-routing.yaml",
                "pipeline-run-log.schema.json");
        String dash = r.artifacts().get(1).content();
        assertThat(dash).contains("pipeline: \"orders\"").contains("sla_minutes: 40").contains("severity: P1   # ALR-003")
                .contains("target: \"<40 minutes (sla_minutes)\"").contains("alert_threshold: \">32 minutes (80% of SLA): P3; >40 minutes: alert\"")
                .contains("alert_threshold: \"<95%\"").contains("metric: \"Infrastructure Cost\"").contains("channels: [\"pagerduty-data\"]");
        assertThat(r.artifacts().get(2).content()).contains("- pipeline: \"marketing\"\n    severity: P2\n    response_time: \"4 hours\"")
                .contains("- pipeline: \"orders\"\n    severity: P1\n    response_time: \"1 hour\"");
        assertThat(r.artifacts().get(3).content()).contains("\"required\": [\"pipeline_name\", \"run_id\"");
        assertThatThrownBy(() -> TestDece.DECE.monitor(List.of(), MonitorOptions.defaults()))
                .hasMessage("monitor: name run logs to monitor, or pipeline specs (--pipelines) to set up their monitoring");
    }

    @Test
    void theSameInputGivesByteIdenticalOutput() throws Exception {
        RunLogs logs = logs().run("orders", "x-1", "2026-03-09T02:00:00Z", 3).error("ERROR 1062 (23000): Duplicate entry '7' for key 'PRIMARY'").done()
                .spec(PipelineYaml.review()).brief(brief("[SOX]"));
        Path f = logs.logFile();
        String a = OutputFormat.JSON.render(TestDece.DECE.monitor(List.of(f), logs.options()));
        String b = OutputFormat.JSON.render(TestDece.DECE.monitor(List.of(f), logs.options()));
        assertThat(a).isEqualTo(b).contains("\"ruleId\" : \"TRI-021\"");
        assertThat(OutputFormat.SARIF.render(TestDece.DECE.monitor(List.of(f), logs.options())))
                .isEqualTo(OutputFormat.SARIF.render(TestDece.DECE.monitor(List.of(f), logs.options())));
    }

    @Test
    void junitHasOneCasePerPipelineHealthCheck() throws Exception {
        RunLogs logs = logs().spec(PipelineYaml.review().set("sla_minutes", "8"));
        String xml = OutputFormat.JUNIT.render(TestDece.DECE.monitor(List.of(logs.logFile()), logs.options()));
        assertThat(xml).contains("<testcase classname=\"dece.monitor.orders\" name=\"orders.success_rate\"/>")
                .contains("<testcase classname=\"dece.monitor.orders\" name=\"orders.avg_runtime\">")
                .contains("<failure type=\"P2\" message=\"P2 MON-003: Pipeline &apos;orders&apos; ran 10 minutes on average");
        assertThat(xml).contains("tests=\"7\"");
    }

    @Test
    void dbtArtifactsAndOpenLineageEventsGoThroughTheWholeCommand() throws Exception {
        RunLogs logs = RunLogs.in(dir);
        Path runResults = logs.write("run_results.json", "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/run-results/v6.json\", "
                + "\"dbt_version\": \"1.8.7\", \"generated_at\": \"2026-03-08T04:05:00Z\", \"invocation_id\": \"inv-8\"}, \"results\": ["
                + "{\"status\": \"success\", \"timing\": [{\"name\": \"execute\", \"started_at\": \"2026-03-08T04:00:00Z\", \"completed_at\": \"2026-03-08T04:03:00Z\"}], "
                + "\"thread_id\": \"Thread-1\", \"execution_time\": 180.0, \"adapter_response\": {\"rows_affected\": 4800}, \"message\": \"SUCCESS 4800\", \"failures\": null, "
                + "\"unique_id\": \"model.shop.fct_orders\", \"compiled\": true, \"compiled_code\": \"select 1\", \"relation_name\": \"A.B.FCT_ORDERS\"},"
                + "{\"status\": \"fail\", \"timing\": [{\"name\": \"execute\", \"started_at\": \"2026-03-08T04:03:10Z\", \"completed_at\": \"2026-03-08T04:03:11Z\"}], "
                + "\"thread_id\": \"Thread-1\", \"execution_time\": 1.0, \"adapter_response\": {}, \"message\": \"Got 12 results, configured to fail if != 0\", \"failures\": 12, "
                + "\"unique_id\": \"test.shop.not_null_fct_orders_customer_id.3f2a9c\", \"compiled\": true, \"compiled_code\": \"select 1\", \"relation_name\": null}], "
                + "\"elapsed_time\": 191.0}");
        Path sources = logs.write("sources.json", "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/sources/v3.json\", \"generated_at\": \"2026-03-08T06:00:00Z\", "
                + "\"invocation_id\": \"src-8\"}, \"results\": [{\"unique_id\": \"source.shop.raw.customers\", \"max_loaded_at\": \"2026-03-06T22:00:00+00:00\", "
                + "\"snapshotted_at\": \"2026-03-08T06:00:00+00:00\", \"max_loaded_at_time_ago_in_s\": 115200.0, \"status\": \"error\", "
                + "\"criteria\": {\"warn_after\": {\"count\": 12, \"period\": \"hour\"}, \"error_after\": {\"count\": 1, \"period\": \"day\"}, \"filter\": null}, "
                + "\"adapter_response\": {}, \"timing\": [], \"thread_id\": \"Thread-1\", \"execution_time\": 0.3}], \"elapsed_time\": 0.5}");
        Path events = logs.write("events.ndjson", String.join("\n",
                "{\"eventType\": \"START\", \"eventTime\": \"2026-03-08T05:00:00Z\", \"producer\": \"p\", \"schemaURL\": \"s\", \"run\": {\"runId\": \"r1\", \"facets\": {}}, \"job\": {\"namespace\": \"spark\", \"name\": \"sessions\"}}",
                "{\"eventType\": \"FAIL\", \"eventTime\": \"2026-03-08T05:40:00Z\", \"producer\": \"p\", \"schemaURL\": \"s\", \"run\": {\"runId\": \"r1\", \"facets\": "
                        + "{\"errorMessage\": {\"message\": \"Job aborted\", \"programmingLanguage\": \"JAVA\", \"stackTrace\": \"java.lang.OutOfMemoryError: Java heap space\"}}}, "
                        + "\"job\": {\"namespace\": \"spark\", \"name\": \"sessions\"}}") + "\n");
        Report r = TestDece.DECE.monitor(List.of(runResults, sources, events), MonitorOptions.defaults());
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("MON-005");
            assertThat(f.message()).contains("'raw.customers' last loaded at 2026-03-06T22:00:00Z, 32 h before 2026-03-08T06:00:00Z, beyond its freshness SLA of 24 h (dbt source freshness error_after)");
        });
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("TRI-021");
            assertThat(f.subject()).isEqualTo("fct_orders/inv-8:not_null_fct_orders_customer_id");
            assertThat(f.message()).contains("data quality check failed").contains("Got 12 results");
            assertThat(f.location().file()).endsWith("run_results.json");
        });
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("TRI-021");
            assertThat(f.message()).contains("The run r1 of sessions failed").contains("out of memory");
            assertThat(f.location().line()).isEqualTo(2);
        });
        assertThat(r.checks()).filteredOn(c -> c.id().equals("fct_orders.quality_pass_rate")).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(dev.dece.core.report.CheckOutcome.Status.FAIL));
        assertThat(r.checks()).filteredOn(c -> c.subject().equals("raw.customers")).extracting(c -> c.kind()).containsExactly("freshness", "log_records");
    }

    @Test
    void triageOfANamedPipelineNeedsItsSpec() {
        RunLogs logs = RunLogs.in(dir).spec(PipelineYaml.review());
        assertThatThrownBy(() -> TestDece.DECE.triage("boom", TriageOptions.defaults().withPipelines(logs.options().pipelines()).withPipeline("ordres")))
                .hasMessage("--pipeline: \"ordres\" is not a pipeline of the specs; did you mean \"orders\"? Pipelines: orders");
        assertThatThrownBy(() -> TestDece.DECE.triage(" ", TriageOptions.defaults()))
                .hasMessage("message: is empty; give the error text of the failed run");
    }
}
