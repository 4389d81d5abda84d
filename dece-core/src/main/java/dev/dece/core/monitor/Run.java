package dev.dece.core.monitor;

import dev.dece.core.drl.Node;
import dev.dece.core.drl.Nodes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a pipeline as the readers merge it from its log records (a run may be logged in several records:
 * a start record and an end record, one per stage, or an OpenLineage START and COMPLETE). Compact and mutable
 * while reading; never a fact: {@link Metrics} aggregates runs into one fact per pipeline. Not thread-safe.
 */
final class Run {

    static final long NONE = Long.MIN_VALUE;

    /** What a record is about. */
    enum Kind {
        /** A pipeline run. */
        RUN,
        /** Quality check results only (dbt tests). */
        CHECKS,
        /** A freshness measurement only (dbt source freshness). */
        FRESHNESS
    }

    /** A run's outcome, the worst of its records'. */
    enum Status {
        RUNNING, SUCCESS, PARTIAL, SKIPPED, FAILED;

        boolean terminal() {
            return this != RUNNING;
        }

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    final String pipeline;
    final String runId;
    final Kind kind;
    final String format;
    long started = NONE;
    long completed = NONE;
    Status status = Status.RUNNING;
    /** The status as the log wrote it (e.g. {@code error}, {@code aborted}, {@code runtime error}). */
    String statusText;
    String stage;
    long extracted = -1;
    long transformed = -1;
    long loaded = -1;
    long rejected = -1;
    long checksPassed = -1;
    long checksFailed = -1;
    double durationSeconds = Double.NaN;
    String error;
    String watermarkBefore;
    String watermarkAfter;
    /** Bits of {@link StructuredLogReader#FIELDS} (or the format's own required fields) the records miss. */
    int missing;
    String missingText;
    /** Two records of the same stage ended with different outcomes. */
    boolean conflicting;
    String conflict;
    /** The freshness record's {@code max_loaded_at}. */
    long maxLoadedAt = NONE;
    /** dbt's {@code criteria.error_after}, in hours. */
    double errorAfterHours = Double.NaN;
    /** OpenLineage: sub-runs started and not ended yet. */
    java.util.Set<String> open;
    final String file;
    int line;
    int column;

    Run(String pipeline, String runId, Kind kind, String format, String file, int line, int column) {
        this.pipeline = pipeline;
        this.runId = runId;
        this.kind = kind;
        this.format = format;
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The run's time: when it ended, else when it started. */
    long time() {
        return completed != NONE ? completed : started;
    }

    /** The earliest time the run shows. */
    long firstTime() {
        return started != NONE ? started : completed;
    }

    /** Minutes the run took, from its times or its duration_seconds; NaN when neither is known. */
    double minutes() {
        if (started != NONE && completed != NONE && completed >= started) return (completed - started) / 60_000.0;
        return Double.isNaN(durationSeconds) ? Double.NaN : durationSeconds / 60.0;
    }

    /** Merges the outcome of another record of the same run: the worst status wins. */
    void status(Status s, String text) {
        if (s.ordinal() >= status.ordinal()) {
            status = s;
            statusText = text;
        }
    }

    /** The located node of this run's deciding record, for findings and evidence. */
    Node node() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pipeline_name", pipeline);
        m.put("run_id", runId);
        m.put("status", statusText != null ? statusText : status.label());
        if (stage != null) m.put("stage", stage);
        if (error != null && !error.isBlank()) m.put("error_message", excerpt(error));
        return Nodes.map(pipeline + ".runs[" + runId + "]", file, line, column, m);
    }

    /** "file:line run_id" for examples. */
    String where() {
        return file + ":" + line + " " + runId;
    }

    static String excerpt(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "..." : one;
    }
}
