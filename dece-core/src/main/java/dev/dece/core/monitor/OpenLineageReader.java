package dev.dece.core.monitor;

import dev.dece.core.input.InputException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Reads OpenLineage RunEvents (spec 2-0-x), as JSON lines or a JSON array, one event at a time. Events are paired
 * by {@code run.runId}: START and RUNNING open a run, COMPLETE ends it well, FAIL and ABORT end it failed. A run
 * with a {@code parent} facet belongs to its parent's run (an Airflow task under its DAG run): the pipeline is the
 * parent job's name, the run the parent run, the child job its stage; the parent run fails when a child fails and
 * ends when every child that started has ended. Facets read: {@code errorMessage} (message and stack trace),
 * {@code nominalTime} (the data interval, read as watermark_before/watermark_after), {@code parent},
 * {@code outputStatistics.rowCount} (rows loaded), {@code dataQualityMetrics.rowCount} on inputs (rows extracted),
 * {@code dataQualityAssertions} (each assertion a quality check, passed or failed). Not thread-safe.
 */
final class OpenLineageReader {

    static final List<String> TYPES = List.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER");
    /** The fields the RunEvent schema requires besides eventTime, run.runId and job.name, which a run cannot be read without. */
    static final List<String> REQUIRED = List.of("producer", "schemaURL", "job.namespace");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Reading reading;
    private final RunStore store;

    OpenLineageReader(Reading reading, RunStore store) {
        this.reading = reading;
        this.store = store;
    }

    void readLines(InputStream in, String file) throws IOException, InputException {
        LineReader lines = new LineReader(in, reading, file);
        while (lines.next()) {
            if (lines.length() == 0 || lines.blank()) continue;
            int off = lines.number() == 1 && lines.length() >= 3 && (lines.bytes()[0] & 0xff) == 0xEF ? 3 : 0;
            reading.record(file, lines.number());
            try (JsonParser p = reading.json.createParser(lines.bytes(), off, lines.length() - off)) {
                p.setCodec(MAPPER);
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    reading.problem(file, lines.number(), 1, "", "expected an OpenLineage RunEvent (a JSON object) per line");
                    continue;
                }
                event(p.readValueAsTree(), file, lines.number(), 1);
                if (p.nextToken() != null) reading.problem(file, lines.number(), 0, "", "holds more than one JSON value; write one event per line");
            } catch (JsonProcessingException e) {
                JsonLocation l = e.getLocation();
                reading.problem(file, lines.number(), l == null ? 0 : (int) l.getColumnNr(), "", "is not valid JSON: " + e.getOriginalMessage());
            }
        }
    }

    void readArray(InputStream in, String file) throws IOException, InputException {
        try (JsonParser p = reading.json.createParser(in)) {
            p.setCodec(MAPPER);
            if (p.nextToken() != JsonToken.START_ARRAY) throw new IllegalStateException("not an array");
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                JsonLocation l = p.currentTokenLocation();
                reading.record(file, (int) l.getLineNr());
                if (t != JsonToken.START_OBJECT) {
                    reading.problem(file, (int) l.getLineNr(), (int) l.getColumnNr(), "", "expected an OpenLineage RunEvent (a JSON object)");
                    p.skipChildren();
                    continue;
                }
                event(p.readValueAsTree(), file, (int) l.getLineNr(), (int) l.getColumnNr());
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            reading.problem(file, l == null ? 0 : (int) l.getLineNr(), l == null ? 0 : (int) l.getColumnNr(), "", "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private void event(JsonNode e, String file, int line, int col) throws InputException {
        String type = e.path("eventType").asText("");
        if (!TYPES.contains(type)) {
            reading.problem(file, line, col, "eventType", (type.isEmpty() ? "is required" : "\"" + type + "\" is not an event type")
                    + "; use START, RUNNING, COMPLETE, ABORT, FAIL or OTHER (OpenLineage 2-0-x)");
            return;
        }
        String runId = e.path("run").path("runId").asText("");
        String job = e.path("job").path("name").asText("");
        if (runId.isEmpty() || job.isEmpty()) {
            reading.problem(file, line, col, runId.isEmpty() ? "run.runId" : "job.name", "is required: a RunEvent names its run (run.runId) and its job (job.name)");
            return;
        }
        long time;
        try {
            time = Times.parse(e.path("eventTime").asText(""));
        } catch (IllegalArgumentException x) {
            reading.problem(file, line, col, "eventTime", e.path("eventTime").isMissingNode() ? "is required: when the event happened, e.g. 2026-03-08T02:00:00Z" : x.getMessage());
            return;
        }
        if (type.equals("OTHER")) {
            store.time(time);
            return; // metadata only: it neither opens nor ends a run
        }
        JsonNode facets = e.path("run").path("facets");
        JsonNode parent = facets.path("parent");
        String pipeline = job;
        String run = runId;
        String stage = null;
        if (parent.path("run").path("runId").isTextual() && parent.path("job").path("name").isTextual()) {
            pipeline = parent.path("job").path("name").asText();
            run = parent.path("run").path("runId").asText();
            stage = job;
        }
        Run r = store.run(pipeline, run, Run.Kind.RUN, "openlineage", file, line, col);
        if (r.open == null) r.open = new HashSet<>();
        List<String> missing = new ArrayList<>();
        if (!e.path("producer").isTextual()) missing.add("producer");
        if (!e.path("schemaURL").isTextual()) missing.add("schemaURL");
        if (!e.path("job").path("namespace").isTextual()) missing.add("job.namespace");
        if (!missing.isEmpty()) r.missingText = String.join(", ", missing);
        if (stage != null && r.stage == null) r.stage = stage;
        if (r.started == Run.NONE || time < r.started) r.started = time;
        switch (type) {
            case "START", "RUNNING" -> {
                r.open.add(runId);
                if (r.statusText == null) r.statusText = type.toLowerCase(java.util.Locale.ROOT);
            }
            default -> {
                r.open.remove(runId);
                if (r.completed == Run.NONE || time > r.completed) r.completed = time;
                boolean failed = type.equals("FAIL") || type.equals("ABORT");
                if (failed) {
                    if (r.status != Run.Status.FAILED) {
                        r.line = line;
                        r.column = col;
                        if (stage != null) r.stage = stage;
                    }
                    r.status(Run.Status.FAILED, type.equals("ABORT") ? "aborted" : "failed");
                    JsonNode err = facets.path("errorMessage");
                    String msg = err.path("message").asText("");
                    String trace = err.path("stackTrace").asText("");
                    String text = msg + (trace.isEmpty() ? "" : "\n" + trace);
                    if (text.isBlank() && type.equals("ABORT")) text = "run aborted";
                    if (r.error == null || r.error.isBlank()) r.error = DbtReader.cut(text);
                }
                long out = 0;
                boolean anyOut = false;
                for (JsonNode o : e.path("outputs")) {
                    JsonNode rc = o.path("outputFacets").path("outputStatistics").path("rowCount");
                    if (rc.canConvertToLong()) {
                        out += rc.asLong();
                        anyOut = true;
                    }
                    checks(r, o);
                }
                long inRows = 0;
                boolean anyIn = false;
                for (JsonNode i : e.path("inputs")) {
                    JsonNode rc = i.path("inputFacets").path("dataQualityMetrics").path("rowCount");
                    if (!rc.canConvertToLong()) rc = i.path("facets").path("dataQualityMetrics").path("rowCount");
                    if (rc.canConvertToLong()) {
                        inRows += rc.asLong();
                        anyIn = true;
                    }
                    checks(r, i);
                }
                if (anyOut) r.loaded = Math.max(0, r.loaded) + out;
                if (anyIn) r.extracted = Math.max(0, r.extracted) + inRows;
            }
        }
        if (r.open.isEmpty() && r.completed != Run.NONE && r.status == Run.Status.RUNNING) r.status(Run.Status.SUCCESS, "complete");
        if (!r.open.isEmpty() && r.status == Run.Status.SUCCESS) r.status = Run.Status.RUNNING;
        JsonNode nominal = facets.path("nominalTime");
        if (nominal.path("nominalStartTime").isTextual() && (r.watermarkBefore == null || stage == null)) {
            r.watermarkBefore = nominal.path("nominalStartTime").asText();
            if (nominal.path("nominalEndTime").isTextual()) r.watermarkAfter = nominal.path("nominalEndTime").asText();
        }
        store.time(time);
    }

    private static void checks(Run r, JsonNode dataset) {
        for (String where : new String[] {"facets", "inputFacets", "outputFacets"}) {
            for (JsonNode a : dataset.path(where).path("dataQualityAssertions").path("assertions")) {
                if (!a.path("success").isBoolean()) continue;
                if (a.path("success").asBoolean()) r.checksPassed = Math.max(0, r.checksPassed) + 1;
                else r.checksFailed = Math.max(0, r.checksFailed) + 1;
                if (r.checksPassed < 0) r.checksPassed = 0;
                if (r.checksFailed < 0) r.checksFailed = 0;
            }
        }
    }
}
