package dev.dece.rules.support;

import dev.dece.core.input.InputException;
import dev.dece.core.monitor.MonitorOptions;
import dev.dece.core.report.Report;
import dev.dece.core.triage.TriageOptions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes real run logs in the Structured Logging Standard (one JSON line per run, every field of the standard) and the
 * context files next to them, and runs {@code Dece.monitor} on them as a user would, so every monitor rule test goes
 * through the real readers and the real rule base.
 *
 * <pre>{@code
 * RunLogs logs = RunLogs.in(dir).daily("orders", "2026-03-01T02:00:00Z", 8, i -> i == 7 ? "failed" : "success");
 * Report r = logs.spec(PipelineYaml.review().set("name", "orders")).monitor();
 * }</pre>
 */
public final class RunLogs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final List<String> lines = new ArrayList<>();
    private final List<Path> specs = new ArrayList<>();
    private final List<Path> contracts = new ArrayList<>();
    private Path brief;
    private Path backfill;
    private Path cost;
    private Instant asOf;
    private int files;

    private RunLogs(Path dir) {
        this.dir = dir;
    }

    public static RunLogs in(Path dir) {
        return new RunLogs(dir);
    }

    /** One run record: every field of the standard, as a successful run that loaded {@code rows}. */
    public final class Rec {
        final ObjectNode o = JSON.createObjectNode();

        Rec(String pipeline, String runId, Instant start, double minutes) {
            o.put("pipeline_name", pipeline).put("run_id", runId).put("started_at", start.toString())
                    .put("completed_at", start.plusSeconds(Math.round(minutes * 60)).toString()).put("status", "success").put("stage", "load")
                    .put("rows_extracted", 1000).put("rows_transformed", 1000).put("rows_loaded", 1000).put("rows_rejected", 0)
                    .put("quality_checks_passed", 2).put("quality_checks_failed", 0).put("duration_seconds", Math.round(minutes * 60))
                    .put("error_message", "").put("watermark_before", "").put("watermark_after", "");
        }

        public Rec status(String s) { o.put("status", s); return this; }
        public Rec rows(long extracted, long transformed, long loaded) {
            o.put("rows_extracted", extracted).put("rows_transformed", transformed).put("rows_loaded", loaded);
            return this;
        }
        public Rec loaded(long n) { return rows(n, n, n); }
        public Rec checks(long passed, long failed) { o.put("quality_checks_passed", passed).put("quality_checks_failed", failed); return this; }
        public Rec error(String e) { o.put("status", "failed").put("error_message", e); return this; }
        public Rec watermarks(String before, String after) { o.put("watermark_before", before).put("watermark_after", after); return this; }
        public Rec open() { o.put("status", "running").put("completed_at", ""); return this; }
        public Rec without(String field) { o.remove(field); return this; }
        public Rec set(String field, String value) { o.put(field, value); return this; }
        public RunLogs done() { lines.add(o.toString()); return RunLogs.this; }
    }

    /** A record for a run of {@code minutes} started at {@code start} (ISO-8601 UTC); call {@link Rec#done()}. */
    public Rec run(String pipeline, String runId, String start, double minutes) {
        return new Rec(pipeline, runId, Instant.parse(start), minutes);
    }

    /** A raw line, as written. */
    public RunLogs line(String raw) {
        lines.add(raw);
        return this;
    }

    /** {@code n} successful daily runs of 10 minutes loading {@code rows} each, the first at {@code first}. */
    public RunLogs daily(String pipeline, String first, int n, long rows) {
        Instant t = Instant.parse(first);
        for (int i = 0; i < n; i++) run(pipeline, pipeline + "-" + i, t.plus(i, ChronoUnit.DAYS).toString(), 10).loaded(rows).done();
        return this;
    }

    public RunLogs spec(PipelineYaml p) {
        specs.add(write("spec" + specs.size() + ".yaml", p.yaml()));
        return this;
    }

    public RunLogs contract(String yaml) {
        contracts.add(write("contract" + contracts.size() + ".yaml", yaml));
        return this;
    }

    public RunLogs brief(String yaml) {
        brief = write("brief.yaml", yaml);
        return this;
    }

    public RunLogs backfill(String yaml) {
        backfill = write("backfill.yaml", yaml);
        return this;
    }

    public RunLogs cost(String yaml) {
        cost = write("costs.yaml", yaml);
        return this;
    }

    public RunLogs asOf(String t) {
        asOf = Instant.parse(t);
        return this;
    }

    /** The log lines written so far, as a file. */
    public Path logFile() {
        Path f = write("runs" + (files++) + ".jsonl", String.join("\n", lines) + "\n");
        return f;
    }

    public Path write(String name, String text) {
        try {
            Path f = dir.resolve(name);
            Files.writeString(f, text);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MonitorOptions options() {
        return MonitorOptions.defaults().withPipelines(specs).withContracts(contracts).withBrief(brief).withBackfillQueue(backfill)
                .withCost(cost).withAsOf(asOf);
    }

    /** {@code Dece.monitor} on the logs and context written. */
    public Report monitor() {
        try {
            return TestDece.DECE.monitor(lines.isEmpty() ? List.of() : List.of(logFile()), options());
        } catch (InputException e) {
            throw new AssertionError("test input is invalid:\n" + e.getMessage(), e);
        }
    }

    /** {@code Dece.triage} on the logs and context written. */
    public Report triage() {
        try {
            return TestDece.DECE.triage(List.of(logFile()), TriageOptions.defaults().withPipelines(specs).withContracts(contracts)
                    .withBrief(brief).withAsOf(asOf));
        } catch (InputException e) {
            throw new AssertionError("test input is invalid:\n" + e.getMessage(), e);
        }
    }

    /** {@code Dece.triage} of one message with the context written. */
    public Report triage(String message, String pipeline) {
        try {
            return TestDece.DECE.triage(message, TriageOptions.defaults().withPipelines(specs).withContracts(contracts)
                    .withBrief(brief).withPipeline(pipeline));
        } catch (InputException e) {
            throw new AssertionError("test input is invalid:\n" + e.getMessage(), e);
        }
    }

    /** Expects {@code Dece.monitor} to refuse the input; returns the problems' text. */
    public String monitorFails() {
        try {
            TestDece.DECE.monitor(List.of(logFile()), options());
        } catch (InputException e) {
            return e.getMessage();
        }
        throw new AssertionError("the input was accepted");
    }
}
