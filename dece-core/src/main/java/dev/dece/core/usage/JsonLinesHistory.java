package dev.dece.core.usage;

import dev.dece.core.doc.BoundedLines;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON-lines export (BigQuery's newline-delimited JSON, Snowflake's {@code COPY INTO ... FILE_FORMAT = (TYPE = JSON)}
 * of {@code OBJECT_CONSTRUCT(*)}): one object per line, keys matched case-insensitively. BigQuery writes INT64 values
 * as strings; both are read. Blank lines are ignored. Generic over the export's {@link Layout}: the first record's keys
 * say what kind of export it is.
 */
final class JsonLinesHistory {
    private JsonLinesHistory() {}

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build()).build();

    /** Reads every record; returns the record count. */
    static long read(String file, InputStream in, long maxRecords, int maxFieldChars, Layout layout) throws InputException, IOException {
        Layout.Sink sink = null;
        long row = 0;
        // a record is a query text plus a few kilobytes of columns: the line limit is the field limit with room for them
        try (BoundedLines lines = new BoundedLines(file, in, maxFieldChars + (1 << 20))) {
            for (String l; (l = lines.next()) != null; ) {
                if (l.isBlank()) continue;
                long line = lines.lineNumber();
                if (++row > maxRecords) {
                    throw new InputException(new Problem(file, (int) Math.min(Integer.MAX_VALUE, line), 0, "", "holds more than "
                            + maxRecords + " records; export a shorter period or one warehouse at a time"));
                }
                JsonNode n;
                try (JsonParser p = JSON.createParser(l)) {
                    p.setCodec(HistoryRecords.MAPPER);
                    n = p.readValueAsTree();
                    if (p.nextToken() != null) throw new JsonProcessingException("more than one value on the line", p.currentLocation()) {};
                } catch (JsonProcessingException e) {
                    int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
                    throw new InputException(new Problem(file, (int) Math.min(Integer.MAX_VALUE, line), Math.max(0, col), "",
                            "is not a JSON object: " + HistoryRecords.shorten(e.getOriginalMessage()) + "; expected one record per line"));
                }
                if (n == null || !n.isObject()) {
                    throw new InputException(new Problem(file, (int) Math.min(Integer.MAX_VALUE, line), 1, "",
                            "is not a JSON object; expected one record per line"));
                }
                Map<String, JsonNode> cols = new HashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    cols.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
                }
                if (sink == null) sink = layout.recognise(file, line, cols.keySet());
                for (Map.Entry<String, JsonNode> e : cols.entrySet()) {
                    JsonNode t = e.getValue();
                    if (t.isTextual() && t.asText().length() > maxFieldChars) {
                        throw new InputException(new Problem(file, (int) Math.min(Integer.MAX_VALUE, line), 0, e.getKey(), "is "
                                + t.asText().length() + " characters long, above the limit of " + maxFieldChars));
                    }
                }
                sink.record(line, row, cols);
            }
        }
        if (sink == null) throw new InputException(Problem.file(file, "is empty; expected " + layout.perRecord().replace("one record", "one JSON object")));
        return row;
    }
}
