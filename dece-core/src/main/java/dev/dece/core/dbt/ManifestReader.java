package dev.dece.core.dbt;

import dev.dece.core.doc.Inputs;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;
import dev.dece.core.input.Problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a dbt {@code target/manifest.json} in one streaming pass, whatever the order of its keys (dbt writes
 * {@code metadata} first, but a re-serialised manifest with sorted keys puts it after megabytes of
 * {@code child_map}): one node at a time is materialised, so memory follows the largest node, not the file.
 *
 * <p>Bounded and strict: the file is read through {@link Inputs#open} up to {@link Limits#maxStreamBytes()};
 * nodes, columns and tests together may not pass {@link Limits#maxStreamRecords()}; nesting stops at 200;
 * a duplicate key anywhere, a {@code nodes}, {@code sources} or {@code columns} that is not an object, a node
 * that is not an object, or a field of the wrong type is a located problem, never a silent skip. Another dbt
 * artifact ({@code run_results.json}, {@code sources.json}, {@code catalog.json}) is refused with what it is
 * and which command reads it. Nodes of an unknown {@code resource_type} are kept in {@link Manifest#unknown()}.
 * {@code exposures}, {@code parent_map} and {@code child_map} are read too (one entry at a time; every id in them
 * counts against the record limit), for the lineage graph.
 *
 * <p>Supported manifest schemas: {@link #SUPPORTED} (v10 = dbt 1.6, v11 = 1.7, v12 = 1.8 and later).
 *
 * <p>Thread-safe: every call has its own parser.
 */
public final class ManifestReader {
    private ManifestReader() {}

    /** Manifest schema versions read: the ones dbt 1.6 to 1.10 write. */
    public static final List<Integer> SUPPORTED = List.of(10, 11, 12);

    /** The resource types dbt writes in {@code nodes} and {@code sources}; others are {@link Manifest#unknown()}. */
    static final Set<String> KNOWN = Set.of("model", "snapshot", "seed", "source", "test", "analysis", "operation",
            "sql_operation", "rpc", "unit_test", "function");

    /** Resource types that are tables. */
    static final Set<String> TABLES = Set.of("model", "snapshot", "seed", "source");

    /** Generic tests that prove a set of columns unique together, namespace stripped. */
    static final Set<String> COMBINATION_TESTS = Set.of("unique_combination_of_columns", "expect_compound_columns_to_be_unique");

    private static final int MAX_PROBLEMS = 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build()
            .setCodec(MAPPER);

    /**
     * Reads {@code file}; null when it is JSON but not a dbt artifact at all (no {@code metadata}, no {@code nodes}
     * and no {@code sources}), so the caller may read it as something else.
     *
     * @param withCode keep each node's {@code compiled_code} (for commands that read the SQL)
     * @throws InputException for an unreadable or oversized file, broken JSON, a field of the wrong type, another
     *                        dbt artifact, or an unsupported schema version
     */
    public static Manifest read(Path file, Limits limits, boolean withCode) throws InputException {
        String name = file.toString();
        try (InputStream in = Inputs.open(file, limits.maxStreamBytes(), "Limits.maxStreamBytes", "a dbt manifest.json")) {
            return read(name, in, limits, withCode);
        } catch (Inputs.TooLarge e) {
            throw Inputs.tooLarge(file, limits.maxStreamBytes(), "Limits.maxStreamBytes", "file is larger than " + limits.maxStreamBytes() + " bytes");
        } catch (IOException e) {
            throw new InputException(Problem.file(name, "cannot be read: " + e.getMessage()));
        }
    }

    /** {@link #read(Path, Limits, boolean)} for content held in memory; {@code name} is used in locations. */
    public static Manifest read(String name, byte[] content, Limits limits, boolean withCode) throws InputException {
        if (content.length > limits.maxStreamBytes()) {
            throw new InputException(Problem.file(name, content.length + " bytes; the limit is " + limits.maxStreamBytes() + " bytes (Limits.maxStreamBytes)"));
        }
        try {
            return read(name, new ByteArrayInputStream(content), limits, withCode);
        } catch (IOException e) {
            throw new InputException(Problem.file(name, "cannot be read: " + e.getMessage()));
        }
    }

    private static Manifest read(String name, InputStream in, Limits limits, boolean withCode) throws InputException, IOException {
        State s = new State(name, limits.maxStreamRecords(), withCode);
        try (JsonParser p = FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException(new Problem(name, 1, 1, "", "is not a dbt manifest: expected a JSON object"));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                JsonLocation at = p.currentTokenLocation();
                switch (field) {
                    case "metadata" -> s.metadata(p.readValueAsTree(), at);
                    case "nodes", "sources" -> s.section(p, field, at);
                    case "semantic_models", "metrics", "saved_queries" -> s.count(p, field, at);
                    case "exposures" -> s.exposures(p, at);
                    case "unit_tests" -> s.unitTests(p, at);
                    case "parent_map" -> s.map(p, field, at, s.parentMap);
                    case "child_map" -> s.map(p, field, at, s.childMap);
                    default -> p.skipChildren();
                }
                s.throwIfMany();
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage();
            if (msg != null && msg.startsWith("Duplicate field")) msg = msg + "; each key appears once in a JSON object";
            else msg = "is not valid JSON: " + msg;
            throw new InputException(List.of(new Problem(name, l == null ? 0 : (int) l.getLineNr(), l == null ? 0 : (int) l.getColumnNr(), "", msg)));
        }
        return s.finish();
    }

    /** Everything one read collects. */
    private static final class State {
        final String file;
        final long maxRecords;
        final boolean withCode;
        final List<Problem> problems = new ArrayList<>();
        final Map<String, Manifest.DbtNode> nodes = new TreeMap<>();
        final Map<String, List<Manifest.DbtTest>> tests = new HashMap<>();
        final Map<String, Manifest.Unknown> unknown = new TreeMap<>();
        final Map<String, Manifest.Exposure> exposures = new TreeMap<>();
        final Map<String, List<String>> parentMap = new TreeMap<>();
        final Map<String, List<String>> childMap = new TreeMap<>();
        final Map<String, List<String>> unitTests = new TreeMap<>();
        boolean sawNodes;
        Integer version;
        String dbtVersion = "";
        String adapter;
        String project;
        long records;
        int semantic;

        State(String file, long maxRecords, boolean withCode) {
            this.file = file;
            this.maxRecords = maxRecords;
            this.withCode = withCode;
        }

        void problem(JsonLocation at, String path, String message) {
            problems.add(new Problem(file, at == null ? 0 : (int) at.getLineNr(), at == null ? 0 : (int) at.getColumnNr(), path, message));
        }

        void throwIfMany() throws InputException {
            if (problems.size() >= MAX_PROBLEMS) throw new InputException(problems);
        }

        void record(JsonLocation at, String path) throws InputException {
            if (++records > maxRecords) {
                problem(at, path, "more than " + maxRecords + " nodes, columns and tests; the limit is Limits.maxStreamRecords");
                throw new InputException(problems);
            }
        }

        void metadata(JsonNode meta, JsonLocation at) throws InputException {
            if (!meta.isObject()) {
                problem(at, "metadata", "found " + kind(meta) + "; expected an object with dbt_schema_version");
                throw new InputException(problems);
            }
            String schema = meta.path("dbt_schema_version").asText("");
            dbtVersion = meta.path("dbt_version").asText("");
            DbtArtifact artifact = DbtArtifact.of(schema);
            if (artifact == null) {
                problem(at, "metadata.dbt_schema_version", (schema.isEmpty() ? "no schema version" : "\"" + schema + "\"")
                        + " is not a dbt schema URL; expected https://schemas.getdbt.com/dbt/manifest/v12.json (dbt's target/manifest.json)");
                throw new InputException(problems);
            }
            if (artifact != DbtArtifact.MANIFEST) {
                problem(at, "metadata.dbt_schema_version", "\"" + schema + "\": this file " + artifact.misplaced(schema, "dece lint",
                        "target/manifest.json"));
                throw new InputException(problems);
            }
            int v = DbtArtifact.version(schema);
            if (!SUPPORTED.contains(v)) {
                problem(at, "metadata.dbt_schema_version", "\"" + schema + "\"" + (dbtVersion.isEmpty() ? "" : " (dbt " + dbtVersion + ")")
                        + " is not a supported manifest version; DECE reads manifest v10, v11 and v12 "
                        + "(dbt 1.6 and later): re-run 'dbt parse' with a current dbt");
                throw new InputException(problems);
            }
            version = v;
            adapter = text(meta, "adapter_type", at, "metadata");
            project = text(meta, "project_name", at, "metadata");
        }

        /** {@code nodes} or {@code sources}: an object of nodes by unique_id. */
        void section(JsonParser p, String field, JsonLocation at) throws IOException, InputException {
            sawNodes = true;
            entries(p, field, at, "nodes", "a node", this::node);
        }

        /** What {@link #entries} does with one entry: its unique_id, its object, where it starts and its path. */
        @FunctionalInterface
        interface Entry {
            void read(String id, JsonNode n, JsonLocation loc, String path) throws InputException;
        }

        /**
         * A section that is an object of objects keyed by unique_id ({@code nodes}, {@code sources},
         * {@code unit_tests}, {@code exposures}), streamed one entry at a time: null is an empty section; anything
         * but an object, as a section or as an entry, is a located problem and is skipped.
         */
        void entries(JsonParser p, String field, JsonLocation at, String plural, String one, Entry entry) throws IOException, InputException {
            if (p.currentToken() == JsonToken.VALUE_NULL) return;
            if (p.currentToken() != JsonToken.START_OBJECT) {
                problem(at, field, "found " + token(p.currentToken()) + "; expected an object of " + plural + " keyed by unique_id");
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String id = p.currentName();
                p.nextToken();
                JsonLocation loc = p.currentTokenLocation();
                String path = field + "[\"" + id + "\"]";
                record(loc, path);
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    problem(loc, path, "found " + token(p.currentToken()) + "; expected " + one + " (an object)");
                    p.skipChildren();
                    throwIfMany();
                    continue;
                }
                entry.read(id, p.readValueAsTree(), loc, path);
                throwIfMany();
            }
        }

        /** {@code unit_tests} (dbt 1.8+): each unit test's name under the model it tests ({@code depends_on.nodes}' model). */
        void unitTests(JsonParser p, JsonLocation at) throws IOException, InputException {
            entries(p, "unit_tests", at, "unit tests", "a unit test", (id, n, loc, path) -> {
                String name = text(n, "name", loc, path);
                String target = null;
                JsonNode dependsOn = n.path("depends_on");
                if (dependsOn.isObject()) {
                    for (JsonNode d : array(dependsOn, "nodes", loc, path + ".depends_on")) {
                        if (d.asText("").startsWith("model.")) {
                            target = d.asText();
                            break;
                        }
                    }
                }
                if (target == null) {
                    problem(loc, path + ".depends_on.nodes", "names no model; a unit test tests one model (model: in its YAML)");
                } else {
                    unitTests.computeIfAbsent(target, k -> new ArrayList<>()).add(name == null || name.isEmpty() ? id : name);
                }
            });
        }

        /** Counts the entries of a semantic-layer section, which hold no tables. */
        void count(JsonParser p, String field, JsonLocation at) throws IOException {
            if (p.currentToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    p.nextToken();
                    p.skipChildren();
                    semantic++;
                }
            } else if (p.currentToken() != JsonToken.VALUE_NULL) {
                problem(at, field, "found " + token(p.currentToken()) + "; expected an object keyed by unique_id");
                p.skipChildren();
            }
        }

        /** {@code exposures}: an object of exposures keyed by unique_id. */
        void exposures(JsonParser p, JsonLocation at) throws IOException, InputException {
            entries(p, "exposures", at, "exposures", "an exposure", (id, n, loc, path) -> {
                String name = text(n, "name", loc, path);
                String owner = null;
                JsonNode o = n.get("owner");
                if (o != null && o.isObject()) {
                    owner = blankToNull(text(o, "name", loc, path + ".owner"));
                    if (owner == null) owner = blankToNull(text(o, "email", loc, path + ".owner"));
                } else if (o != null && !o.isNull()) {
                    problem(loc, path + ".owner", "found " + kind(o) + "; expected an object with name and email");
                }
                List<String> deps = new ArrayList<>();
                JsonNode dependsOn = n.path("depends_on");
                if (dependsOn.isObject()) {
                    for (JsonNode d : array(dependsOn, "nodes", loc, path + ".depends_on")) if (d.isTextual()) deps.add(d.asText());
                }
                exposures.put(id, new Manifest.Exposure(id, name == null ? id : name, text(n, "type", loc, path), owner,
                        text(n, "maturity", loc, path), deps, (int) loc.getLineNr(), (int) loc.getColumnNr(), path));
            });
        }

        /** {@code parent_map} or {@code child_map}: unique_id to a list of unique_ids, streamed one entry at a time. */
        void map(JsonParser p, String field, JsonLocation at, Map<String, List<String>> into) throws IOException, InputException {
            if (p.currentToken() == JsonToken.VALUE_NULL) return;
            if (p.currentToken() != JsonToken.START_OBJECT) {
                problem(at, field, "found " + token(p.currentToken()) + "; expected an object of unique_id lists");
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String id = p.currentName();
                JsonToken t = p.nextToken();
                JsonLocation loc = p.currentTokenLocation();
                String path = field + "[\"" + id + "\"]";
                record(loc, path);
                if (t != JsonToken.START_ARRAY) {
                    problem(loc, path, "found " + token(t) + "; expected a list of unique_ids");
                    p.skipChildren();
                    throwIfMany();
                    continue;
                }
                List<String> ids = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t != JsonToken.VALUE_STRING) {
                        problem(p.currentTokenLocation(), path, "found " + token(t) + "; expected a unique_id (a string)");
                        p.skipChildren();
                        continue;
                    }
                    record(p.currentTokenLocation(), path);
                    ids.add(p.getText());
                }
                into.put(id, ids);
                throwIfMany();
            }
        }

        void node(String id, JsonNode n, JsonLocation loc, String path) throws InputException {
            String type = text(n, "resource_type", loc, path);
            if (type == null) {
                problem(loc, path + ".resource_type", "is missing; every node has a resource_type (model, source, test, ...)");
                return;
            }
            if (!KNOWN.contains(type)) {
                unknown.put(id, new Manifest.Unknown(id, type, (int) loc.getLineNr(), (int) loc.getColumnNr(), path));
                return;
            }
            if (type.equals("test")) {
                test(n, loc, path);
                return;
            }
            if (!TABLES.contains(type)) return;
            String desc = text(n, "description", loc, path);
            String alias = text(n, type.equals("source") ? "identifier" : "alias", loc, path);
            String plain = text(n, "name", loc, path);
            String name = alias != null && !alias.isEmpty() ? alias : plain == null ? id : plain;
            JsonNode config = n.path("config");
            String materialized = config.isObject() ? text(config, "materialized", loc, path + ".config") : null;
            boolean spine = (n.has("time_spine") && !n.get("time_spine").isNull()) || "metricflow_time_spine".equalsIgnoreCase(plain);
            List<Manifest.DbtColumn> cols = columns(n, loc, path);
            List<String> key = new ArrayList<>();
            for (JsonNode c : array(n, "constraints", loc, path)) {
                if ("primary_key".equals(c.path("type").asText(null))) {
                    for (JsonNode k : array(c, "columns", loc, path + ".constraints")) if (k.isTextual()) key.add(k.asText());
                }
            }
            List<String> deps = new ArrayList<>();
            JsonNode dependsOn = n.path("depends_on");
            if (dependsOn.isObject()) {
                for (JsonNode d : array(dependsOn, "nodes", loc, path + ".depends_on")) if (d.isTextual()) deps.add(d.asText());
            }
            String code = null;
            if (withCode) {
                code = text(n, "compiled_code", loc, path);
                if (code == null) code = text(n, "compiled_sql", loc, path); // manifests before v7 named it so
            }
            List<String> partition = new ArrayList<>();
            List<String> cluster = new ArrayList<>();
            if (config.isObject()) {
                JsonNode pb = config.path("partition_by");
                if (pb.isObject()) {
                    if (pb.path("field").isTextual()) partition.add(pb.get("field").asText());
                } else {
                    names(pb, partition);
                }
                names(config.path("cluster_by"), cluster);
            }
            nodes.put(id, new Manifest.DbtNode(id, type, text(n, "package_name", loc, path), name, blankToNull(desc),
                    text(n, "original_file_path", loc, path), materialized, spine, cols, key, code, deps, plain,
                    text(n, "database", loc, path), text(n, "schema", loc, path), partition, cluster,
                    text(n, "compiled_path", loc, path), (int) loc.getLineNr(), (int) loc.getColumnNr(), path));
        }

        List<Manifest.DbtColumn> columns(JsonNode n, JsonLocation loc, String path) throws InputException {
            JsonNode cs = n.get("columns");
            if (cs == null || cs.isNull()) return List.of();
            if (!cs.isObject()) {
                problem(loc, path + ".columns", "found " + kind(cs) + "; expected an object of columns keyed by name");
                return List.of();
            }
            List<Manifest.DbtColumn> out = new ArrayList<>(cs.size());
            Map<String, String> seen = new LinkedHashMap<>();
            var it = cs.fields();
            while (it.hasNext()) {
                var e = it.next();
                String cpath = path + ".columns[\"" + e.getKey() + "\"]";
                record(loc, cpath);
                JsonNode c = e.getValue();
                if (!c.isObject()) {
                    problem(loc, cpath, "found " + kind(c) + "; expected a column (an object with name, data_type, description)");
                    continue;
                }
                String cname = text(c, "name", loc, cpath);
                if (cname == null || cname.isEmpty()) cname = e.getKey();
                String before = seen.putIfAbsent(cname.toLowerCase(Locale.ROOT), e.getKey());
                if (before != null) {
                    problem(loc, cpath, "column \"" + cname + "\" is also the column under key \"" + before + "\"; each column appears once");
                    continue;
                }
                boolean pk = false;
                boolean notNull = false;
                for (JsonNode k : array(c, "constraints", loc, cpath)) {
                    String kt = k.path("type").asText("");
                    if (kt.equals("primary_key")) pk = true;
                    if (kt.equals("primary_key") || kt.equals("not_null")) notNull = true;
                }
                out.add(new Manifest.DbtColumn(cname, text(c, "data_type", loc, cpath), blankToNull(text(c, "description", loc, cpath)), pk,
                        notNull, cpath));
            }
            return out;
        }

        void test(JsonNode n, JsonLocation loc, String path) throws InputException {
            String target = text(n, "attached_node", loc, path);
            if (target == null || target.isEmpty()) {
                target = null;
                JsonNode dependsOn = n.path("depends_on");
                if (dependsOn.isObject()) {
                    for (JsonNode d : array(dependsOn, "nodes", loc, path + ".depends_on")) {
                        String s = d.asText("");
                        if (s.startsWith("model.") || s.startsWith("snapshot.") || s.startsWith("source.") || s.startsWith("seed.")) {
                            target = s;
                            break;
                        }
                    }
                }
            }
            if (target == null) return;
            JsonNode meta = n.get("test_metadata");
            String name = "singular";
            String column = text(n, "column_name", loc, path);
            List<String> combo = new ArrayList<>();
            String field = null;
            if (meta != null && !meta.isNull()) {
                if (!meta.isObject()) {
                    problem(loc, path + ".test_metadata", "found " + kind(meta) + "; expected an object with name and kwargs");
                    return;
                }
                String tn = text(meta, "name", loc, path + ".test_metadata");
                if (tn != null && !tn.isEmpty()) name = tn.toLowerCase(Locale.ROOT);
                JsonNode kwargs = meta.path("kwargs");
                if (kwargs.isObject()) {
                    if (column == null || column.isEmpty()) column = text(kwargs, "column_name", loc, path + ".test_metadata.kwargs");
                    field = text(kwargs, "field", loc, path + ".test_metadata.kwargs");
                    JsonNode cc = kwargs.get("combination_of_columns");
                    if (cc == null) cc = kwargs.get("column_list");
                    if (cc != null && cc.isArray()) for (JsonNode c : cc) if (c.isTextual()) combo.add(c.asText());
                }
            }
            if (column != null && column.isEmpty()) column = null;
            tests.computeIfAbsent(target, k -> new ArrayList<>()).add(new Manifest.DbtTest(name, column, combo, field));
        }

        /** A string field, null when absent or null; any other type is a located problem. */
        String text(JsonNode n, String field, JsonLocation loc, String path) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) return null;
            if (v.isTextual()) return v.asText();
            problem(loc, path + "." + field, "found " + kind(v) + "; expected a string");
            return null;
        }

        /** An array field, empty when absent or null; any other type is a located problem. */
        Iterable<JsonNode> array(JsonNode n, String field, JsonLocation loc, String path) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) return List.of();
            if (v.isArray()) return v;
            problem(loc, path + "." + field, "found " + kind(v) + "; expected an array");
            return List.of();
        }

        Manifest finish() throws InputException {
            if (!problems.isEmpty()) throw new InputException(problems);
            if (version == null) {
                if (!sawNodes) return null;
                throw new InputException(Problem.file(file, "is not a dbt manifest: no metadata.dbt_schema_version; "
                        + "run 'dbt compile' or 'dbt parse' and pass target/manifest.json"));
            }
            return new Manifest(file, version, dbtVersion, adapter, project, new ArrayList<>(nodes.values()), tests, semantic,
                    new ArrayList<>(unknown.values()), new ArrayList<>(exposures.values()), parentMap, childMap, unitTests);
        }
    }

    /** A column name or a list of them, as dbt configs write {@code cluster_by} and Spark's {@code partition_by}. */
    static void names(JsonNode n, List<String> out) {
        if (n.isTextual()) out.add(n.asText());
        else if (n.isArray()) for (JsonNode x : n) if (x.isTextual()) out.add(x.asText());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String kind(JsonNode v) {
        if (v.isObject()) return "an object";
        if (v.isArray()) return "an array";
        if (v.isTextual()) return "a string";
        if (v.isNumber()) return "a number " + v.asText();
        if (v.isBoolean()) return "a boolean";
        return "null";
    }

    static String token(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> "null";
        };
    }
}
