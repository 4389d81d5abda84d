package dev.dece.core.lint;

import dev.dece.core.drl.Column;
import dev.dece.core.drl.ColumnType;
import dev.dece.core.drl.ObjectKind;
import dev.dece.core.drl.Table;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a dbt {@code target/manifest.json}: models and snapshots (from {@code nodes}), sources, their
 * columns, and the generic tests attached to them. Streams the file with Jackson, materialising one node
 * at a time, so a manifest of tens of thousands of models is read in one pass without holding its tree.
 *
 * <p>Supported manifest schemas: {@link #SUPPORTED} (v10 = dbt 1.6, v11 = 1.7, v12 = 1.8 and later).
 * Others are refused with the version found. Tests are read from test nodes' {@code test_metadata}
 * ({@code unique}, {@code not_null}, {@code relationships}, {@code accepted_values}, {@code dbt_utils.recency}
 * ...) and attached through {@code attached_node} (else the test's first model dependency).
 *
 * <p>Thread-safe: every call has its own parser.
 */
final class ManifestReader {
    private ManifestReader() {}

    /** Manifest schema versions read: the ones dbt 1.6 to 1.10 write. */
    public static final List<Integer> SUPPORTED = List.of(10, 11, 12);

    private static final Pattern VERSION = Pattern.compile("/manifest/v(\\d+)\\.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** True when the first bytes of a JSON file look like a dbt manifest. */
    public static boolean looksLikeManifest(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(65536);
            String s = new String(head, java.nio.charset.StandardCharsets.UTF_8);
            return s.contains("dbt_schema_version") || s.contains("schemas.getdbt.com");
        } catch (IOException e) {
            return false;
        }
    }

    /** @throws InputException for a missing or unreadable file, broken JSON, or an unsupported schema version */
    public static List<Table> read(Path file) throws InputException {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(name, in);
        } catch (NoSuchFileException e) {
            throw new InputException(Problem.file(name, "no such file"));
        } catch (IOException e) {
            throw new InputException(Problem.file(name, "cannot be read: " + e.getMessage()));
        }
    }

    /** Reads a manifest from a stream; {@code name} is used in locations. */
    public static List<Table> read(String name, InputStream in) throws InputException, IOException {
        Scan s = scan(name, in);
        List<Table> out = new ArrayList<>(s.models.size());
        for (Raw r : s.models.values()) {
            out.add(table(name, r, s.tests.getOrDefault(r.id, List.of()), s.adapter));
        }
        return out;
    }

    /** What one pass over a manifest keeps: models, snapshots and sources by unique id, their tests, the adapter. */
    record Scan(Map<String, Raw> models, Map<String, List<JsonNode>> tests, String adapter) {}

    static Scan scan(String name, InputStream in) throws InputException, IOException {
        JsonFactory f = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build();
        f.setCodec(MAPPER);
        Map<String, Raw> models = new TreeMap<>();
        Map<String, List<JsonNode>> testsByNode = new HashMap<>();
        String adapter = null;
        Integer version = null;
        try (JsonParser p = f.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException(Problem.file(name, "is not a dbt manifest: expected a JSON object"));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "metadata" -> {
                        JsonLocation loc = p.currentTokenLocation();
                        JsonNode meta = p.readValueAsTree();
                        String v = meta.path("dbt_schema_version").asText("");
                        version = checkVersion(name, loc, v, meta.path("dbt_version").asText(""));
                        adapter = meta.path("adapter_type").asText(null);
                    }
                    case "nodes", "sources" -> {
                        if (p.currentToken() != JsonToken.START_OBJECT) {
                            p.skipChildren();
                            continue;
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String id = p.currentName();
                            p.nextToken();
                            JsonLocation loc = p.currentTokenLocation();
                            JsonNode n = p.readValueAsTree();
                            String type = n.path("resource_type").asText("");
                            if (type.equals("test")) {
                                String target = attachedNode(n);
                                if (target != null) testsByNode.computeIfAbsent(target, k -> new ArrayList<>()).add(slimTest(n));
                            } else if (type.equals("model") || type.equals("snapshot") || type.equals("source")) {
                                models.put(id, new Raw(id, field, n, (int) loc.getLineNr(), (int) loc.getColumnNr()));
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new InputException(List.of(new Problem(name, l == null ? 0 : (int) l.getLineNr(), l == null ? 0 : (int) l.getColumnNr(),
                    "", "is not valid JSON: " + e.getOriginalMessage())));
        }
        if (version == null) {
            throw new InputException(Problem.file(name, "is not a dbt manifest: no metadata.dbt_schema_version; "
                    + "run 'dbt compile' or 'dbt parse' and pass target/manifest.json"));
        }
        return new Scan(models, testsByNode, adapter);
    }

    static int checkVersion(String name, JsonLocation loc, String schema, String dbtVersion) throws InputException {
        Matcher m = VERSION.matcher(schema);
        Integer v = m.find() ? Integer.valueOf(m.group(1)) : null;
        if (v == null || !SUPPORTED.contains(v)) {
            throw new InputException(List.of(new Problem(name, (int) loc.getLineNr(), (int) loc.getColumnNr(),
                    "metadata.dbt_schema_version",
                    (schema.isEmpty() ? "no schema version" : "\"" + schema + "\"")
                            + (dbtVersion.isEmpty() ? "" : " (dbt " + dbtVersion + ")")
                            + " is not a supported manifest version; DECE reads manifest v10, v11 and v12 "
                            + "(dbt 1.6 and later): re-run 'dbt parse' with a current dbt")));
        }
        return v;
    }

    static String attachedNode(JsonNode test) {
        String a = test.path("attached_node").asText(null);
        if (a != null && !a.isEmpty()) return a;
        for (JsonNode d : test.path("depends_on").path("nodes")) {
            String s = d.asText("");
            if (s.startsWith("model.") || s.startsWith("snapshot.") || s.startsWith("source.")) return s;
        }
        return null;
    }

    /** Keeps only what the rules need from a test node. */
    static JsonNode slimTest(JsonNode t) {
        var o = MAPPER.createObjectNode();
        JsonNode meta = t.path("test_metadata");
        o.put("name", meta.path("name").asText(""));
        String col = t.path("column_name").asText(null);
        if (col == null || col.isEmpty()) col = meta.path("kwargs").path("column_name").asText(null);
        if (col != null) o.put("column", col);
        String field = meta.path("kwargs").path("field").asText(null);
        if (field != null) o.put("field", field);
        return o;
    }

    record Raw(String id, String section, JsonNode node, int line, int col) {}

    static Table table(String file, Raw r, List<JsonNode> tests, String adapter) {
        JsonNode n = r.node;
        String type = n.path("resource_type").asText();
        String name = type.equals("source") ? n.path("identifier").asText(n.path("name").asText()) : n.path("alias").asText(n.path("name").asText());
        if (name.isEmpty()) name = n.path("name").asText();
        String path = r.section + "[\"" + r.id + "\"]";
        Map<String, Set<String>> colTests = new HashMap<>();
        Set<String> modelTests = new LinkedHashSet<>();
        for (JsonNode t : tests) {
            String tn = t.path("name").asText("").toLowerCase(Locale.ROOT);
            if (tn.isEmpty()) continue;
            if (t.has("column")) colTests.computeIfAbsent(t.get("column").asText().toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>()).add(tn);
            else modelTests.add(t.has("field") ? tn + ":" + t.get("field").asText().toLowerCase(Locale.ROOT) : tn);
        }
        String declaredPk = null;
        for (JsonNode c : n.path("constraints")) {
            if (c.path("type").asText().equals("primary_key") && c.path("columns").size() == 1) declaredPk = c.path("columns").get(0).asText();
        }
        List<Column> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Set<String>> ts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = n.path("columns").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode c = e.getValue();
            String cname = c.path("name").asText(e.getKey());
            String dt = c.path("data_type").isTextual() ? c.path("data_type").asText() : null;
            for (JsonNode k : c.path("constraints")) if (k.path("type").asText().equals("primary_key")) declaredPk = cname;
            Set<String> t = colTests.getOrDefault(cname.toLowerCase(Locale.ROOT), Set.of());
            names.add(cname);
            ts.add(t);
            cols.add(new Column(name, cname, dt, ColumnType.of(dt, adapter), t, false, file, r.line, r.col, path + ".columns." + cname));
        }
        ObjectKind kind = type.equals("source") ? ObjectKind.SOURCE : type.equals("snapshot") ? ObjectKind.SNAPSHOT : Tables.kindOf(name);
        String pk = Tables.primaryKey(name, names, declaredPk, ts);
        return new Table(name, kind, !type.equals("model"), "dbt", n.path("original_file_path").asText(null),
                Tables.markKey(cols, pk), pk, true, modelTests, adapter, file, r.line, r.col, path);
    }
}
