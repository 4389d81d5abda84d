package dev.dece.core.optimize;

import dev.dece.core.doc.BoundedLines;
import dev.dece.core.drl.SparkApplication;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Spark event logs into facts: every line is one SparkListener event (JSON), handed to one {@link SparkLog} per
 * log (a rolling directory is one log, its files read in order). Streaming: one line is held at a time, at most
 * {@link #MAX_LINE} characters (a SQL execution's plan is the longest line). A line that is not JSON is a problem at
 * its line, except the last line of an {@code .inprogress} log, which Spark may still be writing.
 */
final class SparkSources {
    private SparkSources() {}

    static final int MAX_LINE = 256 << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(1000).maxStringLength(MAX_LINE).build()).build();

    /** One log's facts and what the coverage note says of it. */
    record Log(SparkApplication app, List<Object> facts, String note) {}

    static Log read(Path path) throws InputException {
        List<EventLogFiles.Part> parts = EventLogFiles.parts(path);
        SparkLog log = new SparkLog(path.getFileName() == null ? path.toString() : path.getFileName().toString());
        String partial = null;
        for (int p = 0; p < parts.size(); p++) {
            EventLogFiles.Part part = parts.get(p);
            boolean inProgress = part.file().getFileName().toString().endsWith(".inprogress") && p == parts.size() - 1;
            try (InputStream in = part.open(); BoundedLines lines = new BoundedLines(part.name(), in, MAX_LINE)) {
                String pending = null;
                long pendingLine = 0;
                for (String l; (l = lines.next()) != null; ) {
                    if (pending != null) {
                        event(log, part.name(), pendingLine, pending, false);
                        pending = null;
                    }
                    if (l.isBlank()) continue;
                    pending = l;
                    pendingLine = lines.lineNumber();
                }
                if (pending != null && !event(log, part.name(), pendingLine, pending, inProgress)) {
                    partial = part.name() + ":" + pendingLine;
                }
            } catch (dev.dece.core.doc.Inputs.TooLarge e) {
                throw new InputException(Problem.file(part.name(), "holds more than " + EventLogFiles.MAX_BYTES + " bytes once decompressed"));
            } catch (IOException e) {
                String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                throw new InputException(Problem.file(part.name(), "cannot be read as a " + part.codec() + " event log: "
                        + SqlAnalyzer.shorten(msg, 120) + "; the file name's extension (.lz4, .snappy, .zstd) must match its codec"));
            } catch (IllegalArgumentException e) {
                throw new InputException(Problem.file(part.name(), SqlAnalyzer.shorten(String.valueOf(e.getMessage()), 160)));
            }
        }
        if (log.events == 0) throw new InputException(Problem.file(path.toString(), "holds no events; expected one SparkListener event (JSON) per line"));
        SparkApplication app = log.application();
        List<Object> facts = new ArrayList<>();
        facts.add(app);
        facts.addAll(log.stages);
        facts.addAll(log.done);
        StringBuilder note = new StringBuilder();
        note.append("Spark: ").append(path).append(": application ").append(app.appId())
                .append(app.sparkVersion().isEmpty() ? " (no SparkListenerLogStart: version unknown)" : " (Spark " + app.sparkVersion() + ")")
                .append(", ").append(parts.size()).append(parts.size() == 1 ? " file, " : " files, ").append(log.events).append(" events, ")
                .append(log.stages.size()).append(" stage attempts, ").append(log.done.size()).append(" SQL executions; AQE ")
                .append(app.aqeEnabled() ? "on" : "off").append('\n');
        if (!app.complete()) note.append("  the log has no SparkListenerApplicationEnd (in progress or cut short): the figures cover what was logged\n");
        if (partial != null) note.append("  not read: the incomplete last line ").append(partial).append(" of an in-progress log\n");
        if (log.unfinishedStages() > 0) note.append("  ").append(log.unfinishedStages()).append(" stages never completed and have no stage fact\n");
        if (log.lateTaskEnds > 0) note.append("  ").append(log.lateTaskEnds).append(" task ends after their stage completed (speculative or killed tasks) are not in the stage figures\n");
        if (log.trackingFull) note.append("  repeated computation: more than ").append(SparkLog.MAX_TRACKED).append(" distinct sub-plans or RDDs; later ones were not compared\n");
        note.append("  events DECE does not use: ").append(log.eventsUnused).append('\n');
        return new Log(app, facts, note.toString());
    }

    /** Hands one line to the log; false when it is not JSON and {@code tolerate} (the last line of a log in progress). */
    private static boolean event(SparkLog log, String file, long line, String text, boolean tolerate) throws InputException {
        JsonNode n;
        try (JsonParser p = JSON.createParser(text)) {
            p.setCodec(MAPPER);
            n = p.readValueAsTree();
        } catch (JsonProcessingException e) {
            if (tolerate) return false;
            int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new InputException(new Problem(file, (int) Math.min(Integer.MAX_VALUE, line), Math.max(0, col), "",
                    "is not a JSON event: " + SqlAnalyzer.shorten(e.getOriginalMessage(), 100) + "; a Spark event log holds one JSON object per line"));
        } catch (IOException e) {
            throw new InputException(new Problem(file, (int) Math.min(Integer.MAX_VALUE, line), 0, "", "cannot be read: " + e.getMessage()));
        }
        if (n == null || !n.isObject() || !n.has("Event")) {
            throw new InputException(new Problem(file, (int) Math.min(Integer.MAX_VALUE, line), 1, "",
                    "is not a SparkListener event (no \"Event\" field); is this a Spark event log?"));
        }
        log.event(n, file, (int) Math.min(Integer.MAX_VALUE, line));
        return true;
    }
}
