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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dbt's {@code run_results.json} (schemas v4, v5, v6: dbt 1.0 and later) and {@code sources.json} (v3), one
 * invocation per file. Streamed: the {@code results} array is read one result at a time. Models, seeds and
 * snapshots are runs of a pipeline named after the node ({@code model.shop.fct_orders} is {@code fct_orders}),
 * the invocation ID being the run ID; tests are quality checks of the model whose name their own name carries
 * ({@code not_null_fct_orders_customer_id} tests {@code fct_orders}; the longest such model wins; a test naming
 * none counts for the project), attached once every file is read; source freshness results are freshness
 * measurements of {@code source_name.table}. Hooks and operations are not pipelines and are not counted.
 * Not thread-safe.
 */
final class DbtReader {

    static final Pattern RUN_RESULTS = Pattern.compile("/run-results/v(\\d+)\\.json");
    static final Pattern SOURCES = Pattern.compile("/sources/v(\\d+)\\.json");
    static final List<Integer> RUN_RESULTS_VERSIONS = List.of(4, 5, 6);
    static final List<Integer> SOURCES_VERSIONS = List.of(3);
    /** The fields every result of run_results has in the published schemas; a missing one is a logging gap. */
    static final List<String> RESULT_FIELDS = List.of("status", "timing", "thread_id", "execution_time", "adapter_response", "unique_id");
    static final List<String> FRESHNESS_FIELDS = List.of("unique_id", "max_loaded_at", "snapshotted_at", "max_loaded_at_time_ago_in_s",
            "status", "criteria", "adapter_response", "timing", "thread_id", "execution_time");

    /** A test result waiting for its model to be known. */
    record PendingTest(String project, String test, String invocation, String status, Long failures, String message,
                       long started, long completed, double seconds, String file, int line, int column, String missing) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Reading reading;
    private final RunStore store;

    DbtReader(Reading reading, RunStore store) {
        this.reading = reading;
        this.store = store;
    }

    /** Reads one artifact; {@code sources} tells sources.json from run_results.json (found by the format check). */
    void read(InputStream in, String file, boolean sources) throws IOException, InputException {
        try (JsonParser p = reading.json.createParser(in)) {
            p.setCodec(MAPPER);
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalStateException("not an object");
            String invocation = null;
            long generated = Run.NONE;
            boolean versionOk = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("metadata")) {
                    JsonLocation loc = p.currentTokenLocation();
                    JsonNode meta = p.readValueAsTree();
                    String schema = meta.path("dbt_schema_version").asText("");
                    Matcher m = (sources ? SOURCES : RUN_RESULTS).matcher(schema);
                    Integer v = m.find() ? Integer.valueOf(m.group(1)) : null;
                    List<Integer> ok = sources ? SOURCES_VERSIONS : RUN_RESULTS_VERSIONS;
                    if (v == null || !ok.contains(v)) {
                        reading.problem(file, (int) loc.getLineNr(), (int) loc.getColumnNr(), "metadata.dbt_schema_version",
                                "\"" + schema + "\"" + (meta.has("dbt_version") ? " (dbt " + meta.path("dbt_version").asText() + ")" : "")
                                        + " is not a supported " + (sources ? "sources.json" : "run_results.json") + " version; DECE reads "
                                        + (sources ? "sources v3" : "run-results v4, v5 and v6 (dbt 1.0 and later)"));
                        return;
                    }
                    versionOk = true;
                    invocation = meta.path("invocation_id").isTextual() ? meta.path("invocation_id").asText() : null;
                    if (meta.path("generated_at").isTextual()) {
                        try {
                            generated = Times.parse(meta.path("generated_at").asText());
                        } catch (IllegalArgumentException e) {
                            reading.problem(file, (int) loc.getLineNr(), (int) loc.getColumnNr(), "metadata.generated_at", e.getMessage());
                        }
                    }
                } else if (field.equals("results")) {
                    if (!versionOk) {
                        JsonLocation loc = p.currentTokenLocation();
                        reading.problem(file, (int) loc.getLineNr(), (int) loc.getColumnNr(), "results",
                                "comes before metadata; DECE reads the artifacts as dbt writes them, metadata first");
                        return;
                    }
                    if (p.currentToken() != JsonToken.START_ARRAY) {
                        JsonLocation loc = p.currentTokenLocation();
                        reading.problem(file, (int) loc.getLineNr(), (int) loc.getColumnNr(), "results", "expected a list of results");
                        return;
                    }
                    String inv = invocation != null ? invocation : file + "@" + (generated == Run.NONE ? "" : Times.format(generated));
                    int i = 0;
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonLocation loc = p.currentTokenLocation();
                        reading.record(file, (int) loc.getLineNr());
                        JsonNode r = p.readValueAsTree();
                        if (sources) freshness(r, file, (int) loc.getLineNr(), (int) loc.getColumnNr(), i, inv, generated);
                        else result(r, file, (int) loc.getLineNr(), (int) loc.getColumnNr(), i, inv, generated);
                        i++;
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!versionOk) reading.problem(file, 0, 0, "metadata", "is missing: a dbt artifact starts with metadata.dbt_schema_version");
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            reading.problem(file, l == null ? 0 : (int) l.getLineNr(), l == null ? 0 : (int) l.getColumnNr(), "", "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private void result(JsonNode r, String file, int line, int col, int i, String inv, long generated) throws InputException {
        String path = "results[" + i + "]";
        String uid = r.path("unique_id").asText("");
        String status = r.path("status").isTextual() ? r.path("status").asText() : null;
        if (uid.isEmpty() || uid.split("\\.").length < 3) {
            reading.problem(file, line, col, path + ".unique_id", uid.isEmpty() ? "is required: the node's unique_id, e.g. model.shop.fct_orders"
                    : "\"" + uid + "\" is not a dbt unique_id (resource_type.project.name)");
            return;
        }
        if (status == null) {
            reading.problem(file, line, col, path + ".status", "is required: success, error, skipped, partial success, no-op (models) or pass, fail, warn, error, skipped (tests)");
            return;
        }
        String[] parts = uid.split("\\.");
        String type = parts[0];
        long[] times = timing(r.path("timing"), file, line, col, path);
        if (times == null) return;
        long started = times[0];
        long completed = times[1] != Run.NONE ? times[1] : generated;
        double seconds = r.path("execution_time").isNumber() ? r.path("execution_time").asDouble() : Double.NaN;
        String missing = missing(r, RESULT_FIELDS);
        String message = r.path("message").isTextual() ? r.path("message").asText() : null;
        String s = status.strip().toLowerCase(Locale.ROOT);
        switch (type) {
            case "model", "seed", "snapshot" -> {
                Run.Status st = switch (s) {
                    case "success", "no-op" -> Run.Status.SUCCESS;
                    case "error" -> Run.Status.FAILED;
                    case "skipped" -> Run.Status.SKIPPED;
                    case "partial success" -> Run.Status.PARTIAL;
                    default -> null;
                };
                if (st == null) {
                    reading.problem(file, line, col, path + ".status", "\"" + status + "\" is not a status of a " + type
                            + "; dbt writes success, error, skipped, partial success or no-op");
                    return;
                }
                Run run = store.run(parts[2], inv, Run.Kind.RUN, "dbt", file, line, col);
                run.started = started;
                run.completed = completed;
                run.status(st, s);
                run.stage = type;
                run.durationSeconds = seconds;
                JsonNode rows = r.path("adapter_response").path("rows_affected");
                if (rows.canConvertToLong() && rows.asLong() >= 0) run.loaded = rows.asLong();
                if (st == Run.Status.FAILED || st == Run.Status.PARTIAL) run.error = message == null ? "" : cut(message);
                run.missingText = missing;
                store.time(started);
                store.time(completed);
            }
            case "test", "unit_test" -> {
                if (!List.of("pass", "fail", "warn", "error", "skipped").contains(s)) {
                    reading.problem(file, line, col, path + ".status", "\"" + status + "\" is not a status of a test; dbt writes pass, fail, warn, error or skipped");
                    return;
                }
                if (s.equals("skipped")) return; // a skipped test did not run: it is neither passed nor failed
                JsonNode f = r.path("failures");
                store.pendingTests.add(new PendingTest(parts[1], parts[2], inv, s, f.canConvertToLong() ? f.asLong() : null,
                        message, started, completed, seconds, file, line, col, missing));
                store.time(completed);
            }
            default -> {
                // hooks, operations, analyses: not pipelines
            }
        }
    }

    private void freshness(JsonNode r, String file, int line, int col, int i, String inv, long generated) throws InputException {
        String path = "results[" + i + "]";
        String uid = r.path("unique_id").asText("");
        String[] parts = uid.split("\\.");
        if (parts.length < 4 || !parts[0].equals("source")) {
            reading.problem(file, line, col, path + ".unique_id", uid.isEmpty() ? "is required: the source's unique_id, e.g. source.shop.raw.orders"
                    : "\"" + uid + "\" is not a dbt source unique_id (source.project.source_name.table)");
            return;
        }
        String status = r.path("status").asText("").strip().toLowerCase(Locale.ROOT);
        if (!List.of("pass", "warn", "error", "runtime error").contains(status)) {
            reading.problem(file, line, col, path + ".status", "\"" + r.path("status").asText("") + "\" is not a source freshness status; dbt writes pass, warn, error or runtime error");
            return;
        }
        String name = parts[2] + "." + parts[3];
        Run run = store.run(name, inv, Run.Kind.FRESHNESS, "dbt", file, line, col);
        long snap = generated;
        if (r.path("snapshotted_at").isTextual()) {
            try {
                snap = Times.parse(r.path("snapshotted_at").asText());
            } catch (IllegalArgumentException e) {
                reading.problem(file, line, col, path + ".snapshotted_at", e.getMessage());
                return;
            }
        }
        run.completed = snap;
        run.stage = "source freshness";
        if (status.equals("runtime error")) {
            run.status(Run.Status.FAILED, status);
            run.error = cut(r.path("error").asText(r.path("message").asText("")));
        } else {
            run.status(Run.Status.SUCCESS, status);
            try {
                run.maxLoadedAt = Times.parse(r.path("max_loaded_at").asText(""));
            } catch (IllegalArgumentException e) {
                reading.problem(file, line, col, path + ".max_loaded_at", e.getMessage());
                return;
            }
            JsonNode after = r.path("criteria").path("error_after");
            if (after.path("count").canConvertToLong() && after.path("period").isTextual()) {
                double count = after.path("count").asDouble();
                run.errorAfterHours = switch (after.path("period").asText()) {
                    case "minute" -> count / 60.0;
                    case "hour" -> count;
                    case "day" -> count * 24;
                    default -> Double.NaN;
                };
            }
            run.missingText = missing(r, FRESHNESS_FIELDS);
        }
        store.time(snap);
    }

    /** Attaches the tests read so far to their models: call once, after every file. */
    static void attachTests(RunStore store) {
        List<String> models = new ArrayList<>(store.pipelines().keySet());
        models.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        for (PendingTest t : store.pendingTests) {
            String owner = null;
            for (String m : models) {
                String lt = t.test().toLowerCase(Locale.ROOT);
                String lm = m.toLowerCase(Locale.ROOT);
                if (lt.equals(lm) || lt.contains("_" + lm + "_") || lt.endsWith("_" + lm) || lt.startsWith(lm + "_")) {
                    owner = m;
                    break;
                }
            }
            if (owner == null) owner = t.project();
            Run run = store.run(owner, t.invocation() + ":" + t.test(), Run.Kind.CHECKS, "dbt", t.file(), t.line(), t.column());
            run.started = t.started();
            run.completed = t.completed();
            run.durationSeconds = t.seconds();
            run.stage = t.test();
            boolean pass = t.status().equals("pass");
            run.checksPassed = pass ? 1 : 0;
            run.checksFailed = pass ? 0 : 1;
            run.status(pass ? Run.Status.SUCCESS : t.status().equals("warn") ? Run.Status.PARTIAL : Run.Status.FAILED, t.status());
            if (!pass) {
                String m = t.message() == null ? "" : t.message();
                run.error = cut("Failure in test " + t.test() + (m.isEmpty() ? "" : ": " + m)
                        + (t.failures() != null && !m.contains("results") ? " (" + t.failures() + " failing rows)" : ""));
            }
            run.missingText = t.missing();
        }
        store.pendingTests.clear();
    }

    /** [started, completed] from a dbt timing list; null after a problem. */
    private long[] timing(JsonNode timing, String file, int line, int col, String path) throws InputException {
        long s = Run.NONE;
        long c = Run.NONE;
        for (JsonNode t : timing) {
            for (String k : new String[] {"started_at", "completed_at"}) {
                JsonNode v = t.path(k);
                if (!v.isTextual()) continue;
                long x;
                try {
                    x = Times.parse(v.asText());
                } catch (IllegalArgumentException e) {
                    reading.problem(file, line, col, path + ".timing." + k, e.getMessage());
                    return null;
                }
                if (k.equals("started_at")) s = s == Run.NONE ? x : Math.min(s, x);
                else c = c == Run.NONE ? x : Math.max(c, x);
            }
        }
        return new long[] {s, c};
    }

    private static String missing(JsonNode r, List<String> fields) {
        List<String> out = new ArrayList<>();
        for (String f : fields) if (!r.has(f)) out.add(f);
        return out.isEmpty() ? null : String.join(", ", out);
    }

    static String cut(String s) {
        return s.length() > 4000 ? s.substring(0, 4000) : s;
    }

    /** Keys that tell dbt artifacts from other JSON: used by the format check. */
    static final Map<String, String> KINDS = Map.of("run-results", "run_results.json", "sources", "sources.json",
            "manifest", "manifest.json", "catalog", "catalog.json");
}
