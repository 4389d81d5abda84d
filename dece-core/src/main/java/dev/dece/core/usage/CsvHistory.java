package dev.dece.core.usage;

import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A CSV (or tab-separated) export with a header row, read with FastCSV: RFC 4180 quoting, fields that span
 * lines, the line each record starts on, a bounded buffer. Empty cells and {@code \N} are no value. Generic over the
 * export's {@link Layout}: the header's columns say what kind of export it is, and each record goes to that layout's sink.
 */
final class CsvHistory {
    private CsvHistory() {}

    /** Reads every record; returns the record count. */
    static long read(String file, InputStream in, char separator, long maxRecords, int maxFieldChars, Layout layout)
            throws InputException, IOException {
        InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        long lastLine = 1;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(separator).detectBomHeader(true).skipEmptyLines(true)
                .allowMissingFields(true).allowExtraFields(true)
                .maxBufferSize(maxFieldChars + (1 << 16)).ofCsvRecord(reader)) {
            var it = csv.iterator();
            if (!it.hasNext()) throw new InputException(Problem.file(file, "is empty; expected a header row and " + layout.perRecord()));
            CsvRecord header = it.next();
            List<String> names = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String h : header.getFields()) {
                String n = h.strip().toLowerCase(Locale.ROOT);
                if (!n.isEmpty() && !seen.add(n)) {
                    throw new InputException(new Problem(file, 1, 0, h.strip(), "the header names column \"" + h.strip() + "\" twice; name each column once"));
                }
                names.add(n);
            }
            Layout.Sink sink = layout.recognise(file, 1, seen);
            long row = 0;
            while (it.hasNext()) {
                CsvRecord r = it.next();
                lastLine = r.getStartingLineNumber();
                if (++row > maxRecords) {
                    throw new InputException(new Problem(file, line(lastLine), 0, "", "holds more than " + maxRecords
                            + " records; export a shorter period or one warehouse at a time"));
                }
                if (r.getFieldCount() != names.size()) {
                    throw new InputException(new Problem(file, line(lastLine), 0, "", "the record has " + r.getFieldCount()
                            + " fields and the header " + names.size() + "; quote fields that hold the separator, a quote or a line break"));
                }
                Map<String, JsonNode> cols = new HashMap<>(names.size() * 2);
                for (int i = 0; i < names.size(); i++) {
                    String f = r.getField(i);
                    if (f.length() > maxFieldChars) {
                        throw new InputException(new Problem(file, line(lastLine), 0, header.getField(i).strip(), "is " + f.length()
                                + " characters long, above the limit of " + maxFieldChars));
                    }
                    cols.put(names.get(i), TextNode.valueOf(f));
                }
                sink.record(lastLine, row, cols);
            }
            return row;
        } catch (CsvParseException e) {
            String msg = e.getMessage() == null ? "malformed CSV" : e.getMessage();
            java.util.regex.Matcher at = STARTED.matcher(msg);
            if (at.find()) lastLine = Long.parseLong(at.group(1));
            Throwable c = e.getCause();
            if (c instanceof CharacterCodingException) throw notUtf8(file, lastLine);
            if (msg.contains("buffer")) {
                throw new InputException(new Problem(file, line(lastLine), 0, "", "a record is longer than "
                        + maxFieldChars + " characters (an unclosed quote?); close every quoted field"));
            }
            throw new InputException(new Problem(file, line(lastLine), 0, "", "is not valid CSV: "
                    + HistoryRecords.shorten(msg) + (c != null && c.getMessage() != null ? " (" + HistoryRecords.shorten(c.getMessage()) + ")" : "")));
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) throw notUtf8(file, lastLine);
            throw e.getCause();
        } catch (CharacterCodingException e) {
            throw notUtf8(file, lastLine);
        }
    }

    private static final java.util.regex.Pattern STARTED = java.util.regex.Pattern.compile("started in line (\\d+)");

    private static InputException notUtf8(String file, long line) {
        return new InputException(new Problem(file, line(line), 0, "", "is not UTF-8 text after this line; export the file as UTF-8"));
    }

    private static int line(long l) {
        return (int) Math.min(Integer.MAX_VALUE, l);
    }
}
