package dev.dece.core.monitor;

import dev.dece.core.input.InputException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The three log formats through the real readers: realistic documents written from the published dbt artifact
 * schemas and the OpenLineage 2-0-2 spec (src/test/resources/monitor/), and the located refusals of bad input.
 */
class LogReadersTest {

    @TempDir
    Path dir;

    static Path res(String name) throws URISyntaxException {
        return Path.of(LogReadersTest.class.getResource("/monitor/" + name).toURI());
    }

    static RunStore read(MonitorOptions o, Path... files) throws InputException {
        RunStore store = new RunStore();
        LogFiles.read(LogFiles.sources(LogFiles.expand(List.of(files))), new Reading(o), store);
        return store;
    }

    static RunStore read(Path... files) throws InputException {
        return read(MonitorOptions.defaults(), files);
    }

    static Run run(RunStore s, String pipeline, Run.Kind kind) {
        return s.pipelines().get(pipeline).stream().filter(r -> r.kind == kind).findFirst().orElseThrow();
    }

    Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    static String line(String pipeline, String run, String status, String extra) {
        return "{\"pipeline_name\": \"" + pipeline + "\", \"run_id\": \"" + run + "\", \"started_at\": \"2026-03-08T02:00:00Z\", "
                + "\"completed_at\": \"2026-03-08T02:10:00Z\", \"status\": \"" + status + "\", \"stage\": \"load\", \"rows_extracted\": 10, "
                + "\"rows_transformed\": 10, \"rows_loaded\": 10, \"rows_rejected\": 0, \"quality_checks_passed\": 1, \"quality_checks_failed\": 0, "
                + "\"duration_seconds\": 600, \"error_message\": \"\", \"watermark_before\": \"\", \"watermark_after\": \"\"" + extra + "}";
    }

    @Test
    void dbtRunResultsV6ModelsTestsAndSkippedNodes() throws Exception {
        RunStore s = read(res("run_results_v6.json"));
        Map<String, List<Run>> p = s.pipelines();
        assertThat(p.keySet()).containsExactly("agg_daily_revenue", "fct_orders", "shop", "stg_orders");
        Run stg = run(s, "stg_orders", Run.Kind.RUN);
        assertThat(stg.status).isEqualTo(Run.Status.SUCCESS);
        assertThat(stg.loaded).isEqualTo(48210);
        assertThat(stg.runId).isEqualTo("5b1e7d3a-9c44-4b9f-8f0e-2d1c6a7b9e01");
        assertThat(stg.minutes()).isBetween(3.6, 3.7);
        Run fct = run(s, "fct_orders", Run.Kind.RUN);
        assertThat(fct.status).isEqualTo(Run.Status.FAILED);
        assertThat(fct.error).contains("000904 (42000)").contains("invalid identifier 'ORDER_STATUS_CODE'");
        assertThat(fct.line).isEqualTo(6);
        assertThat(run(s, "agg_daily_revenue", Run.Kind.RUN).status).isEqualTo(Run.Status.SKIPPED);
        // tests attach to the model their name carries; one naming no model counts for the project
        List<Run> checks = p.get("stg_orders").stream().filter(r -> r.kind == Run.Kind.CHECKS).toList();
        assertThat(checks).extracting(r -> r.stage).containsExactlyInAnyOrder("not_null_stg_orders_customer_id", "unique_stg_orders_order_id");
        assertThat(checks).filteredOn(r -> r.checksFailed == 1).singleElement().satisfies(r -> {
            assertThat(r.status).isEqualTo(Run.Status.FAILED);
            assertThat(r.error).isEqualTo("Failure in test not_null_stg_orders_customer_id: Got 214 results, configured to fail if != 0");
        });
        assertThat(run(s, "shop", Run.Kind.CHECKS).stage).isEqualTo("assert_revenue_reconciles");
    }

    @Test
    void dbtRunResultsV4AndV5AreReadAndV3IsRefused() throws Exception {
        RunStore s = read(res("run_results_v4.json"), res("run_results_v5.json"));
        assertThat(s.pipelines().get("fct_orders")).hasSize(2).allSatisfy(r -> assertThat(r.status).isEqualTo(Run.Status.SUCCESS));
        assertThat(s.pipelines().get("fct_orders")).extracting(r -> r.loaded).containsExactlyInAnyOrder(46001L, 47120L);
        assertThatThrownBy(() -> read(res("run_results_v3.json"))).isInstanceOf(InputException.class)
                .hasMessageEndingWith("run_results_v3.json:1:14: metadata.dbt_schema_version: \"https://schemas.getdbt.com/dbt/run-results/v3.json\" (dbt 0.21.1) "
                        + "is not a supported run_results.json version; DECE reads run-results v4, v5 and v6 (dbt 1.0 and later)");
    }

    @Test
    void dbtSourceFreshness() throws Exception {
        RunStore s = read(res("sources.json"));
        Run orders = run(s, "raw_shop.orders", Run.Kind.FRESHNESS);
        assertThat(Times.format(orders.maxLoadedAt)).isEqualTo("2026-03-08T05:41:07Z");
        assertThat(orders.errorAfterHours).isEqualTo(12.0);
        assertThat(run(s, "raw_shop.customers", Run.Kind.FRESHNESS).errorAfterHours).isEqualTo(24.0);
        Run refunds = run(s, "raw_shop.refunds", Run.Kind.FRESHNESS);
        assertThat(refunds.status).isEqualTo(Run.Status.FAILED);
        assertThat(refunds.error).contains("Object 'RAW.SHOP.REFUNDS' does not exist or not authorized.");
    }

    @Test
    void openLineageEventsPairedByRunIdWithParents() throws Exception {
        RunStore s = read(res("openlineage.ndjson"));
        Run dag = run(s, "customer_360", Run.Kind.RUN);
        assertThat(dag.runId).isEqualTo("01958a2e-7c00-7d3e-9a61-2f1e0c9b8a01");
        assertThat(dag.status).isEqualTo(Run.Status.FAILED);
        assertThat(dag.stage).isEqualTo("customer_360.build_profiles");
        assertThat(dag.error).startsWith("Job aborted due to stage failure").contains("Container killed by YARN for exceeding physical memory limits");
        assertThat(dag.line).isEqualTo(5);
        assertThat(dag.loaded).isEqualTo(120400);
        assertThat(dag.extracted).isEqualTo(120400);
        assertThat(dag.checksPassed).isEqualTo(2);
        assertThat(dag.watermarkBefore).isEqualTo("2026-03-07T03:00:00Z");
        assertThat(dag.watermarkAfter).isEqualTo("2026-03-08T03:00:00Z");
        assertThat(Times.format(dag.started)).isEqualTo("2026-03-08T03:00:05.120Z");
        assertThat(run(s, "sessionize_clicks", Run.Kind.RUN).status).isEqualTo(Run.Status.RUNNING);
    }

    @Test
    void openLineageAsAJsonArray() throws Exception {
        Run r = run(read(res("openlineage-array.json")), "orders_enrich", Run.Kind.RUN);
        assertThat(r.status).isEqualTo(Run.Status.SUCCESS);
        assertThat(r.minutes()).isEqualTo(12.5);
        assertThat(r.checksPassed).isEqualTo(1);
        assertThat(r.checksFailed).isEqualTo(1);
        assertThat(r.loaded).isEqualTo(50000);
    }

    @Test
    void structuredLogsAsLinesOrAnArrayAndMergedByRunId() throws Exception {
        Path lines = write("a.jsonl", line("orders", "r-1", "running", "").replace("\"completed_at\": \"2026-03-08T02:10:00Z\"", "\"completed_at\": \"\"") + "\n\n"
                + line("orders", "r-1", "failed", "").replace("\"error_message\": \"\"", "\"error_message\": \"boom\"") + "\n");
        Run r = run(read(lines), "orders", Run.Kind.RUN);
        assertThat(r.status).isEqualTo(Run.Status.FAILED);
        assertThat(r.error).isEqualTo("boom");
        assertThat(r.line).isEqualTo(3);
        Path array = write("b.json", "[\n  " + line("web", "w-1", "success", ", \"tenant_id\": \"acme\"") + "\n]\n");
        assertThat(run(read(array), "web", Run.Kind.RUN).status).isEqualTo(Run.Status.SUCCESS);
    }

    @Test
    void badRecordsAreLocatedWithWhatIsAllowed() throws Exception {
        Path f = write("bad.jsonl", String.join("\n",
                line("orders", "r-1", "ok", ""),
                line("orders", "r-2", "success", "").replace("\"rows_loaded\": 10", "\"rows_loaded\": \"many\""),
                line("orders", "r-3", "success", "").replace("2026-03-08T02:00:00Z", "2026-03-08 02:00:00"),
                line("orders", "r-4", "success", "").replace("02:10:00Z", "01:10:00Z"),
                line("", "r-5", "success", ""),
                "[1, 2]",
                "{\"pipeline_name\": \"orders\", ",
                line("orders", "r-8", "success", "")) + "\n");
        assertThatThrownBy(() -> read(f)).isInstanceOf(InputException.class).satisfies(e -> assertThat(((InputException) e).problems())
                .extracting(Object::toString).containsExactly(
                        f + ":1:134: status: \"ok\" is not a run status; use success, failed or partial (running for a run that has not ended)",
                        f + ":2:223: rows_loaded: many is not allowed here; expected a whole number, 0 or more",
                        f + ":3:60: started_at: \"2026-03-08 02:00:00\" is not a timestamp with a UTC offset (it has no offset: store times in UTC and write them with Z, e.g. 2026-03-08T02:00:00Z)",
                        f + ":4:100: completed_at: \"2026-03-08T01:10:00Z\" is before started_at \"2026-03-08T02:00:00Z\"; a run ends after it starts",
                        f + ":5:1: pipeline_name: is required: a run record names its pipeline_name and run_id (Structured Logging Standard)",
                        f + ":6:1: expected a JSON object (one run record per line), found [",
                        f + ":7:29: is not valid JSON: Unexpected end-of-input within/between Object entries"));
    }

    @Test
    void hostileAndUnknownInputIsRefusedFast() throws Exception {
        MonitorOptions small = MonitorOptions.defaults().withLimits(1 << 20, 2, 600, 8, Duration.ofSeconds(30));
        Path longLine = write("long.jsonl", line("orders", "r-1", "success", ", \"pad\": \"" + "x".repeat(700) + "\"") + "\n");
        assertThatThrownBy(() -> read(small, longLine)).hasMessageContaining("long.jsonl:1:601: line is longer than 600 bytes (MonitorOptions.maxLineLength)");
        Path three = write("three.jsonl", line("a", "1", "success", "") + "\n" + line("a", "2", "success", "") + "\n" + line("a", "3", "success", "") + "\n");
        assertThatThrownBy(() -> read(small, three)).hasMessageContaining("three.jsonl:3: is record 3; at most 2 log records are read in one call");
        Path deep = write("deep.jsonl", line("a", "1", "success", ", \"x\": " + "[".repeat(20) + "]".repeat(20)) + "\n");
        assertThatThrownBy(() -> read(small, deep)).hasMessageContaining("deep.jsonl:1:").hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> read(Path.of("/dev/null"))).hasMessage("/dev/null: is not a regular file (a device, pipe or socket); DECE reads log files");
        assertThatThrownBy(() -> read(dir.resolve("nope.jsonl"))).hasMessageEndingWith("nope.jsonl: no such file or directory");
        Path csv = write("runs.csv", "pipeline_name,run_id,status\norders,r-1,success\n");
        assertThatThrownBy(() -> read(csv)).hasMessageStartingWith(csv + ": is not a run log DECE reads: found it is not JSON")
                .hasMessageContaining("DECE reads the Structured Logging Standard");
        Path other = write("other.json", "{\"name\": \"orders\", \"rows\": 12}");
        assertThatThrownBy(() -> read(other)).hasMessage(other + ": is not a run log DECE reads: found a JSON object with the keys name, rows. " + LogFiles.READ);
        Path manifest = write("manifest.json", "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v12.json\"}, \"nodes\": {}}");
        assertThatThrownBy(() -> read(manifest)).hasMessageContaining("is a dbt manifest.json (https://schemas.getdbt.com/dbt/manifest/v12.json), not a run log");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> read(empty)).hasMessageContaining("empty: holds no .json, .jsonl or .ndjson file");
    }

    @Test
    void timestampsParseLikeTheJdkWithAndWithoutTheFastPath() {
        for (String t : List.of("2026-03-08T02:00:00Z", "2026-03-08T02:00:00.5Z", "2026-03-08T02:00:00.123456789Z", "2024-02-29T23:59:59Z",
                "1999-12-31T00:00:00.001Z")) {
            assertThat(Times.parse(t)).as(t).isEqualTo(java.time.Instant.parse(t).toEpochMilli());
        }
        assertThat(Times.parse("2026-03-08T03:00:00+01:00")).isEqualTo(java.time.Instant.parse("2026-03-08T02:00:00Z").toEpochMilli());
        assertThat(Times.parse("2026-03-08 02:00:00+0000")).isEqualTo(java.time.Instant.parse("2026-03-08T02:00:00Z").toEpochMilli());
        for (String bad : List.of("2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-03-08T02:00:00", "yesterday")) {
            assertThatThrownBy(() -> Times.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a timestamp with a UTC offset");
        }
    }

    @Test
    void aDirectoryIsReadInPathOrderWithEveryFormat() throws Exception {
        Path logs = Files.createDirectory(dir.resolve("logs"));
        Files.copy(res("run_results_v6.json"), logs.resolve("b_run_results.json"));
        Files.copy(res("openlineage.ndjson"), logs.resolve("c_events.ndjson"));
        Files.writeString(logs.resolve("a_runs.jsonl"), line("orders", "r-1", "success", "") + "\n");
        Files.writeString(logs.resolve("README.md"), "not a log");
        RunStore s = read(logs);
        assertThat(s.pipelines().keySet()).contains("orders", "fct_orders", "customer_360");
        assertThat(Times.format(s.maxTime)).isEqualTo("2026-03-08T04:12:09.412Z"); // the skipped model, without timing, is dated by generated_at
    }

    @Test
    void logsHeldInMemoryAreReadAsFilesWouldBe_pipelinesAndLatestTimes() throws Exception {
        String start = "{\"pipeline_name\": \"orders\", \"run_id\": \"r1\", \"started_at\": \"2026-03-02T01:00:00Z\", \"completed_at\": \"\", \"status\": \"running\"}";
        String end = "{\"pipeline_name\": \"orders\", \"run_id\": \"r1\", \"started_at\": \"2026-03-02T01:00:00Z\", \"completed_at\": \"2026-03-02T01:20:00Z\", \"status\": \"success\"}";
        String other = "{\"pipeline_name\": \"web\", \"run_id\": \"w1\", \"started_at\": \"2026-03-02T02:00:00+01:00\", \"completed_at\": \"2026-03-02T02:05:00+01:00\", \"status\": \"failed\"}";
        Map<String, java.time.Instant> t = dev.dece.core.Dece.runTimes(Map.of("events-0@0", start), MonitorOptions.defaults());
        assertThat(t).containsExactly(Map.entry("orders", java.time.Instant.parse("2026-03-02T01:00:00Z")));
        Map<String, String> logs = new java.util.LinkedHashMap<>();
        logs.put("events-0@0", start);
        logs.put("events-0@1", end);
        logs.put("events-1@0", other);
        assertThat(MonitorCommand.times(logs, MonitorOptions.defaults())).containsExactly(
                Map.entry("orders", java.time.Instant.parse("2026-03-02T01:20:00Z")),
                Map.entry("web", java.time.Instant.parse("2026-03-02T01:05:00Z")));
        assertThatThrownBy(() -> MonitorCommand.times(Map.of("events-0@2", "{\"pipeline_name\": \"orders\"}"), MonitorOptions.defaults()))
                .isInstanceOf(InputException.class).hasMessageContaining("events-0@2:1:");
    }
}
