package dev.dece.core.usage;

import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.usage.QueryHistory.Query;
import dev.dece.core.usage.QueryHistory.Vendor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one record of an export (its columns by lower-case name, CSV cells as text nodes, JSON values as they
 * are) into a {@link Query}. Shared by the CSV and JSON-lines readers so both read a column the same way.
 */
final class HistoryRecords {
    private HistoryRecords() {}

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** The vendor whose text column {@code columns} (lower case) holds; null when neither's. */
    static Vendor vendorOf(java.util.Collection<String> columns) {
        if (columns.contains("query_text")) return Vendor.SNOWFLAKE;
        if (columns.contains("query") && (columns.contains("job_id") || columns.contains("total_bytes_processed")
                || columns.contains("creation_time") || columns.contains("statement_type"))) return Vendor.BIGQUERY;
        return null;
    }

    static String unknownLayout(java.util.Collection<String> found) {
        List<String> some = found.stream().sorted().limit(12).toList();
        return "is neither a Snowflake QUERY_HISTORY export (a QUERY_TEXT column) nor a BigQuery INFORMATION_SCHEMA.JOBS export "
                + "(a query column beside job_id, statement_type, creation_time or total_bytes_processed); found columns "
                + (some.isEmpty() ? "none" : String.join(", ", some) + (found.size() > some.size() ? ", ..." : ""));
    }

    /** Reads one record; {@code cols} maps lower-case column names to values (JSON null or absent: no value). */
    static Query query(Vendor v, String file, long line, long row, Map<String, JsonNode> cols) throws InputException {
        R r = new R(file, line, cols, v);
        if (v == Vendor.SNOWFLAKE) {
            String text = r.text("QUERY_TEXT");
            if (text == null) throw r.problem("QUERY_TEXT", "is empty; every record needs the statement's text");
            return new Query(file, line, row, v, r.text("QUERY_ID"), text, upper(r.text("QUERY_TYPE")), null,
                    upper(r.text("EXECUTION_STATUS")), r.text("ERROR_MESSAGE"), r.text("DATABASE_NAME"), r.text("SCHEMA_NAME"),
                    r.text("USER_NAME"), r.text("ROLE_NAME"), r.text("WAREHOUSE_NAME"), r.text("WAREHOUSE_SIZE"), r.text("QUERY_TAG"),
                    Map.of(), null, r.time("START_TIME"), r.time("END_TIME"), r.whole("TOTAL_ELAPSED_TIME"), r.whole("BYTES_SCANNED"),
                    null, null, r.whole("ROWS_PRODUCED"), r.whole("PARTITIONS_SCANNED"), r.whole("PARTITIONS_TOTAL"),
                    r.whole("BYTES_SPILLED_TO_LOCAL_STORAGE"), r.whole("BYTES_SPILLED_TO_REMOTE_STORAGE"),
                    r.decimal("CREDITS_USED_CLOUD_SERVICES"), null, List.of(), null, r.text("QUERY_PARAMETERIZED_HASH"));
        }
        String text = r.text("query");
        if (text == null) throw r.problem("query", "is empty; every record needs the statement's text (a LOAD, EXTRACT or COPY job has none: "
                + "filter the export with WHERE job_type = 'QUERY')");
        Instant start = r.time("start_time");
        Instant end = r.time("end_time");
        Long elapsed = start != null && end != null ? Math.max(0, end.toEpochMilli() - start.toEpochMilli()) : null;
        String error = r.errorMessage("error_result");
        return new Query(file, line, row, v, r.text("job_id"), text, upper(r.text("statement_type")), upper(r.text("job_type")),
                upper(r.text("state")), error, r.text("project_id"), null, r.text("user_email"), null, r.text("reservation_id"), null,
                null, r.labels("labels"), r.time("creation_time"), start, end, elapsed, r.whole("total_bytes_processed"),
                r.whole("total_bytes_billed"), r.whole("total_slot_ms"), null, null, null, null, null, null, r.bool("cache_hit"),
                r.tables("referenced_tables"), r.text("parent_job_id"), r.normalizedHash("query_info"));
    }

    private static String upper(String s) {
        return s == null ? null : s.strip().toUpperCase(Locale.ROOT);
    }

    private static final Pattern OFFSET = Pattern.compile("(?:\\s*(?:UTC|Z)|\\s*([+-])(\\d{2}):?(\\d{2}))$");
    private static final Pattern LOCAL = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)");

    /** One record's values with the problems its columns can have; shared by every export kind of this package. */
    record R(String file, long line, Map<String, JsonNode> cols, Vendor vendor) {

        R(String file, long line, Map<String, JsonNode> cols) {
            this(file, line, cols, null);
        }

        /** An amount that may be negative (a credit or refund in a bill); null when empty. */
        Double signed(String col) throws InputException {
            JsonNode n = raw(col);
            if (n == null) return null;
            if (n.isNumber()) return n.asDouble();
            String t = n.asText().strip();
            try {
                double d = Double.parseDouble(t);
                if (!Double.isFinite(d)) throw new NumberFormatException();
                return d;
            } catch (NumberFormatException e) {
                throw problem(col, "\"" + shorten(t) + "\" is not a number; expected an amount such as 12.5 or -3.20");
            }
        }

        boolean has(String col) {
            return raw(col) != null;
        }

        JsonNode raw(String col) {
            JsonNode n = cols.get(col.toLowerCase(Locale.ROOT));
            if (n == null || n.isNull() || n.isMissingNode()) return null;
            if (n.isTextual()) {
                String t = n.asText();
                if (t.isEmpty() || t.equals("\\N")) return null;
            }
            return n;
        }

        InputException problem(String col, String msg) {
            return new InputException(new Problem(file, (int) Math.min(Integer.MAX_VALUE, line), 0, col, msg));
        }

        String text(String col) throws InputException {
            JsonNode n = raw(col);
            if (n == null) return null;
            if (n.isValueNode()) return n.asText();
            throw problem(col, "is " + (n.isArray() ? "a list" : "an object") + "; expected text");
        }

        Long whole(String col) throws InputException {
            JsonNode n = raw(col);
            if (n == null) return null;
            if (n.isIntegralNumber() && n.canConvertToLong()) return n.asLong();
            String t = n.isValueNode() ? n.asText().strip() : n.toString();
            try {
                BigDecimal d = new BigDecimal(t);
                if (d.signum() < 0) throw problem(col, "\"" + t + "\" is negative; expected a count of 0 or more");
                return d.setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw problem(col, "\"" + shorten(t) + "\" is not a whole number; expected a count such as 1048576");
            }
        }

        Double decimal(String col) throws InputException {
            JsonNode n = raw(col);
            if (n == null) return null;
            String t = n.isNumber() ? n.asText() : n.asText().strip();
            try {
                double d = n.isNumber() ? n.asDouble() : Double.parseDouble(t);
                if (!Double.isFinite(d) || d < 0) throw new NumberFormatException();
                return d;
            } catch (NumberFormatException e) {
                throw problem(col, "\"" + shorten(t) + "\" is not a number of 0 or more; expected e.g. 0.0125");
            }
        }

        Boolean bool(String col) throws InputException {
            JsonNode n = raw(col);
            if (n == null) return null;
            if (n.isBoolean()) return n.asBoolean();
            String t = n.asText().strip().toLowerCase(Locale.ROOT);
            if (t.equals("true")) return true;
            if (t.equals("false")) return false;
            throw problem(col, "\"" + shorten(t) + "\" is not true or false");
        }

        Instant time(String col) throws InputException {
            JsonNode n = raw(col);
            if (n == null) return null;
            String t = n.asText().strip();
            // the common ISO-8601 UTC form (FOCUS requires it) without the regular expressions
            if (t.length() >= 20 && t.length() <= 30 && t.charAt(10) == 'T' && t.charAt(t.length() - 1) == 'Z') {
                try {
                    return Instant.parse(t);
                } catch (DateTimeParseException e) {
                    // not quite ISO: the general path below says what is wrong
                }
            }
            Matcher m = LOCAL.matcher(t);
            Matcher o = OFFSET.matcher(t);
            if (!m.find() || !o.find()) {
                throw problem(col, "\"" + shorten(t) + "\" is not a timestamp with a time zone; expected e.g. 2024-05-01 10:00:00.123 -0700, "
                        + "2024-05-01T10:00:00Z or 2024-05-01 10:00:00 UTC (export TIMESTAMP_LTZ/TZ values with their offset)");
            }
            String zone = o.group(1) == null ? "Z" : o.group(1) + o.group(2) + ":" + o.group(3);
            String rest = t.substring(m.end(), o.start()).strip();
            if (!rest.isEmpty()) throw problem(col, "\"" + shorten(t) + "\" has \"" + shorten(rest) + "\" between the time and the zone");
            try {
                return OffsetDateTime.parse(m.group(1) + "T" + m.group(2) + zone).toInstant();
            } catch (DateTimeParseException e) {
                throw problem(col, "\"" + shorten(t) + "\" is not a valid date and time");
            }
        }

        /** A structured column: a JSON value in JSON lines, JSON text (TO_JSON_STRING) in a CSV cell. */
        JsonNode structure(String col) throws InputException {
            JsonNode n = raw(col);
            if (n == null) return null;
            if (!n.isTextual()) return n;
            String t = n.asText().strip();
            if (!t.startsWith("[") && !t.startsWith("{")) return n;
            try {
                return MAPPER.readTree(t);
            } catch (JsonProcessingException e) {
                throw problem(col, "is not valid JSON (" + e.getOriginalMessage() + "); a CSV export holds records as TO_JSON_STRING(" + col + ")");
            }
        }

        Map<String, String> labels(String col) throws InputException {
            JsonNode n = structure(col);
            if (n == null) return Map.of();
            Map<String, String> out = new TreeMap<>();
            if (n.isArray()) {
                for (JsonNode l : n) {
                    if (!l.isObject() || !l.path("key").isValueNode()) {
                        throw problem(col, "holds " + shorten(l.toString()) + "; expected records {key, value}");
                    }
                    out.put(l.path("key").asText(), l.path("value").isNull() ? "" : l.path("value").asText(""));
                }
                return out;
            }
            if (n.isObject()) {
                n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText("")));
                return out;
            }
            throw problem(col, "\"" + shorten(n.asText()) + "\" is not a list of {key, value} records");
        }

        List<String> tables(String col) throws InputException {
            JsonNode n = structure(col);
            if (n == null) return List.of();
            if (!n.isArray()) throw problem(col, "\"" + shorten(n.asText()) + "\" is not a list of {project_id, dataset_id, table_id} records");
            List<String> out = new ArrayList<>();
            for (JsonNode t : n) {
                if (t.isTextual()) {
                    out.add(t.asText());
                    continue;
                }
                String p = t.path("project_id").asText(""), d = t.path("dataset_id").asText(""), x = t.path("table_id").asText("");
                if (x.isEmpty()) throw problem(col, "holds " + shorten(t.toString()) + " without a table_id");
                out.add((p.isEmpty() ? "" : p + ".") + (d.isEmpty() ? "" : d + ".") + x);
            }
            return out;
        }

        String errorMessage(String col) throws InputException {
            JsonNode n = structure(col);
            if (n == null) return null;
            if (n.isObject()) {
                String msg = n.path("message").asText("");
                String reason = n.path("reason").asText("");
                return msg.isEmpty() ? (reason.isEmpty() ? "error" : reason) : msg;
            }
            return n.asText();
        }

        String normalizedHash(String col) throws InputException {
            JsonNode n = structure(col);
            if (n == null) return null;
            JsonNode h = n.path("query_hashes").path("normalized_literals");
            return h.isValueNode() && !h.asText().isEmpty() ? h.asText() : null;
        }
    }

    static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }
}
