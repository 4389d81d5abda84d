package dev.dece.core.monitor;

import dev.dece.core.input.InputException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the methodology's Structured Logging Standard: one JSON object per run record, as JSON lines (one per line)
 * or a JSON array, with the fields exactly as the standard writes them. Streamed with Jackson's parser, one record
 * at a time. Records of the same {@code pipeline_name} and {@code run_id} are one run (a start record and an end
 * record, or one record per stage): the run's outcome is the worst of its records' ({@code failed} over
 * {@code partial} over {@code success}), its counts the largest of each. {@code status: "running"} (a DECE
 * extension) marks a record of a run that has not ended. Fields outside the standard are allowed and ignored
 * (e.g. {@code tenant_id}). Not thread-safe.
 */
final class StructuredLogReader {

    /** The Structured Logging Standard's fields, in its order; a run must log every one. */
    static final List<String> FIELDS = List.of("pipeline_name", "run_id", "started_at", "completed_at", "status", "stage",
            "rows_extracted", "rows_transformed", "rows_loaded", "rows_rejected", "quality_checks_passed",
            "quality_checks_failed", "duration_seconds", "error_message", "watermark_before", "watermark_after");
    static final Map<String, Run.Status> STATUS = Map.of("success", Run.Status.SUCCESS, "failed", Run.Status.FAILED,
            "partial", Run.Status.PARTIAL, "running", Run.Status.RUNNING);
    private static final int ALL = (1 << 16) - 1;
    private static final Map<String, Integer> INDEX = new java.util.HashMap<>();

    static {
        for (int i = 0; i < FIELDS.size(); i++) INDEX.put(FIELDS.get(i), i);
    }

    private final Reading reading;
    private final RunStore store;

    StructuredLogReader(Reading reading, RunStore store) {
        this.reading = reading;
        this.store = store;
    }

    /** One record's values before they are merged into its run. */
    private static final class Rec {
        String pipeline;
        String runId;
        String started;
        String completed;
        String status;
        String stage;
        long[] counts = {-1, -1, -1, -1, -1, -1};
        double duration = Double.NaN;
        String error;
        String wmBefore;
        String wmAfter;
        int seen;
        int startedCol;
        int completedCol;
        int statusCol;
    }

    void readLines(InputStream in, String file) throws IOException, InputException {
        LineReader lines = new LineReader(in, reading, file);
        while (lines.next()) {
            if (lines.length() == 0 || lines.blank()) continue;
            int off = lines.number() == 1 && lines.length() >= 3 && (lines.bytes()[0] & 0xff) == 0xEF ? 3 : 0;
            reading.record(file, lines.number());
            try (JsonParser p = reading.json.createParser(lines.bytes(), off, lines.length() - off)) {
                JsonToken t = p.nextToken();
                if (t != JsonToken.START_OBJECT) {
                    reading.problem(file, lines.number(), 1, "", "expected a JSON object (one run record per line), found "
                            + (t == null ? "nothing" : p.getText()));
                    continue;
                }
                record(p, file, lines.number(), true);
                if (p.nextToken() != null) {
                    JsonLocation l = p.currentTokenLocation();
                    reading.problem(file, lines.number(), (int) l.getColumnNr(), "", "holds more than one JSON value; write one run record per line");
                }
            } catch (JsonProcessingException e) {
                JsonLocation l = e.getLocation();
                reading.problem(file, lines.number(), l == null ? 0 : (int) l.getColumnNr(), "", "is not valid JSON: " + e.getOriginalMessage());
            }
        }
    }

    void readArray(InputStream in, String file) throws IOException, InputException {
        try (JsonParser p = reading.json.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) throw new IllegalStateException("not an array");
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                JsonLocation l = p.currentTokenLocation();
                reading.record(file, (int) l.getLineNr());
                if (t != JsonToken.START_OBJECT) {
                    reading.problem(file, (int) l.getLineNr(), (int) l.getColumnNr(), "", "expected a run record (a JSON object), found " + p.getText());
                    p.skipChildren();
                    continue;
                }
                record(p, file, (int) l.getLineNr(), false);
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            reading.problem(file, l == null ? 0 : (int) l.getLineNr(), l == null ? 0 : (int) l.getColumnNr(), "", "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads one record; the parser is on its START_OBJECT and is left on its END_OBJECT. */
    private void record(JsonParser p, String file, int line, boolean ndjson) throws IOException, InputException {
        Rec r = new Rec();
        int col0 = (int) p.currentTokenLocation().getColumnNr();
        int before = problemsMark();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            Integer found = INDEX.get(f);
            int idx = found == null ? -1 : found;
            if (idx < 0) {
                p.skipChildren();
                continue;
            }
            r.seen |= 1 << idx;
            JsonLocation loc = p.currentTokenLocation();
            int ln = ndjson ? line : (int) loc.getLineNr();
            int col = (int) loc.getColumnNr();
            if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                bad(file, ln, col, f, "a " + (v == JsonToken.START_OBJECT ? "JSON object" : "JSON array"), allowed(idx));
                p.skipChildren();
                continue;
            }
            if (v == JsonToken.VALUE_NULL) continue;
            switch (idx) {
                case 0, 1, 5, 13, 14, 15 -> {
                    if (v != JsonToken.VALUE_STRING) {
                        if (idx == 14 || idx == 15 ? v.isNumeric() : false) {
                            String s = p.getText();
                            if (idx == 14) r.wmBefore = s; else r.wmAfter = s;
                            continue;
                        }
                        bad(file, ln, col, f, p.getText(), allowed(idx));
                        continue;
                    }
                    String s = p.getText();
                    switch (idx) {
                        case 0 -> r.pipeline = s;
                        case 1 -> r.runId = s;
                        case 5 -> r.stage = s;
                        case 13 -> r.error = s;
                        case 14 -> r.wmBefore = s;
                        default -> r.wmAfter = s;
                    }
                }
                case 2, 3 -> {
                    if (v != JsonToken.VALUE_STRING) {
                        bad(file, ln, col, f, p.getText(), "a timestamp with a UTC offset, e.g. 2026-03-08T02:00:00Z");
                        continue;
                    }
                    if (idx == 2) { r.started = p.getText(); r.startedCol = col; } else { r.completed = p.getText(); r.completedCol = col; }
                }
                case 4 -> {
                    r.status = p.getText();
                    r.statusCol = col;
                }
                case 12 -> {
                    if (!v.isNumeric() || p.getDoubleValue() < 0) {
                        bad(file, ln, col, f, p.getText(), "a number of seconds, 0 or more");
                        continue;
                    }
                    r.duration = p.getDoubleValue();
                }
                default -> {
                    int c = idx <= 9 ? idx - 6 : idx - 6;
                    if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER || p.getLongValue() < 0) {
                        bad(file, ln, col, f, p.getText(), "a whole number, 0 or more");
                        continue;
                    }
                    r.counts[c] = p.getLongValue();
                }
            }
        }
        if (problemsMark() != before) return;
        merge(r, file, line, col0);
    }

    private int problems;

    private int problemsMark() {
        return problems;
    }

    private void bad(String file, int line, int col, String field, String found, String allowed) throws InputException {
        problems++;
        reading.problem(file, line, col, field, (found.length() > 60 ? found.substring(0, 60) + "..." : found) + " is not allowed here; expected " + allowed);
    }

    private static String allowed(int idx) {
        return switch (idx) {
            case 0 -> "the pipeline's name, as text";
            case 1 -> "the run's ID, as text";
            case 14, 15 -> "the watermark as text (a timestamp, an offset, a key)";
            default -> "text";
        };
    }

    private void merge(Rec r, String file, int line, int col) throws InputException {
        if (r.pipeline == null || r.pipeline.isBlank() || r.runId == null || r.runId.isBlank()) {
            problems++;
            reading.problem(file, line, col, r.pipeline == null || r.pipeline.isBlank() ? "pipeline_name" : "run_id",
                    "is required: a run record names its pipeline_name and run_id (Structured Logging Standard)");
            return;
        }
        Run.Status st = r.status == null ? null : STATUS.get(r.status.strip().toLowerCase(java.util.Locale.ROOT));
        if (st == null) {
            problems++;
            reading.problem(file, line, r.status == null ? col : r.statusCol, "status", r.status == null
                    ? "is required: success, failed or partial (running for a run that has not ended)"
                    : "\"" + r.status + "\" is not a run status; use success, failed or partial (running for a run that has not ended)");
            return;
        }
        long started = Run.NONE;
        long completed = Run.NONE;
        try {
            if (r.started != null && !r.started.isBlank()) started = Times.parse(r.started);
        } catch (IllegalArgumentException e) {
            problems++;
            reading.problem(file, line, r.startedCol, "started_at", e.getMessage());
            return;
        }
        try {
            if (r.completed != null && !r.completed.isBlank()) completed = Times.parse(r.completed);
        } catch (IllegalArgumentException e) {
            problems++;
            reading.problem(file, line, r.completedCol, "completed_at", e.getMessage());
            return;
        }
        if (started == Run.NONE && completed == Run.NONE) {
            problems++;
            reading.problem(file, line, col, "started_at", "a run record needs started_at or completed_at (a timestamp with a UTC offset)");
            return;
        }
        if (started != Run.NONE && completed != Run.NONE && completed < started) {
            problems++;
            reading.problem(file, line, r.completedCol, "completed_at", "\"" + r.completed + "\" is before started_at \"" + r.started
                    + "\"; a run ends after it starts");
            return;
        }
        boolean existing = store.has(store.name(r.pipeline), r.runId);
        Run run = store.run(r.pipeline, r.runId, Run.Kind.RUN, "structured", file, line, col);
        int missing = ALL & ~r.seen;
        if (!existing) {
            run.missing = missing;
        } else {
            run.missing &= missing;
            if (st.terminal() && run.status.terminal() && run.status != st && java.util.Objects.equals(run.stage, r.stage)) {
                run.conflicting = true;
                run.conflict = file + ":" + line + " " + r.runId + ": " + run.status.label() + " then " + st.label()
                        + (r.stage == null ? "" : " (stage " + r.stage + ")");
            }
        }
        if (started != Run.NONE && (run.started == Run.NONE || started < run.started)) {
            run.started = started;
            if (r.wmBefore != null && !r.wmBefore.isBlank()) run.watermarkBefore = r.wmBefore;
        } else if (run.watermarkBefore == null && r.wmBefore != null && !r.wmBefore.isBlank()) {
            run.watermarkBefore = r.wmBefore;
        }
        if (completed != Run.NONE && (run.completed == Run.NONE || completed >= run.completed)) {
            run.completed = completed;
            if (r.wmAfter != null && !r.wmAfter.isBlank()) run.watermarkAfter = r.wmAfter;
        } else if (run.watermarkAfter == null && r.wmAfter != null && !r.wmAfter.isBlank()) {
            run.watermarkAfter = r.wmAfter;
        }
        boolean decides = !existing || st.ordinal() > run.status.ordinal() || (st == run.status && st.terminal());
        if (decides || run.stage == null) run.stage = store.value(r.stage);
        if (st.ordinal() >= run.status.ordinal()) {
            if (existing && st.ordinal() > run.status.ordinal()) {
                run.line = line;
                run.column = col;
            }
            run.status(st, store.value(r.status.strip().toLowerCase(java.util.Locale.ROOT)));
        }
        if ((st == Run.Status.FAILED || st == Run.Status.PARTIAL) && r.error != null && !r.error.isBlank() && (run.error == null || run.error.isBlank())) {
            run.error = r.error.length() > 4000 ? r.error.substring(0, 4000) : r.error;
        }
        run.extracted = Math.max(run.extracted, r.counts[0]);
        run.transformed = Math.max(run.transformed, r.counts[1]);
        run.loaded = Math.max(run.loaded, r.counts[2]);
        run.rejected = Math.max(run.rejected, r.counts[3]);
        run.checksPassed = Math.max(run.checksPassed, r.counts[4]);
        run.checksFailed = Math.max(run.checksFailed, r.counts[5]);
        if (!Double.isNaN(r.duration)) run.durationSeconds = Double.isNaN(run.durationSeconds) ? r.duration : Math.max(run.durationSeconds, r.duration);
        store.time(started);
        store.time(completed);
    }

    /** The standard's field names a run's missing-field bits stand for, in the standard's order. */
    static List<String> missingFields(int mask) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < FIELDS.size(); i++) if ((mask & (1 << i)) != 0) out.add(FIELDS.get(i));
        return out;
    }
}
