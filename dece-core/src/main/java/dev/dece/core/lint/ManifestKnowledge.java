package dev.dece.core.lint;

import dev.dece.core.drl.KnownColumn;
import dev.dece.core.drl.KnownTable;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A dbt manifest as {@code dece optimize} reads it, in the same single pass {@link ManifestReader} makes: each model's,
 * snapshot's and source's relation ({@code database.schema.alias}) as a {@link KnownTable} (columns, {@code not_null}
 * tests and constraints, {@code config.partition_by} and {@code config.cluster_by}), and each model's compiled SQL.
 */
final class ManifestKnowledge {
    private ManifestKnowledge() {}

    static LintCommand.Manifest read(Path file) throws InputException {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(name, ManifestReader.scan(name, in));
        } catch (NoSuchFileException e) {
            throw new InputException(Problem.file(name, "no such file"));
        } catch (IOException e) {
            throw new InputException(Problem.file(name, "cannot be read: " + e.getMessage()));
        }
    }

    static LintCommand.Manifest read(String file, ManifestReader.Scan scan) {
        List<KnownTable> tables = new ArrayList<>();
        List<LintCommand.CompiledModel> models = new ArrayList<>();
        for (ManifestReader.Raw r : scan.models().values()) {
            JsonNode n = r.node();
            String type = n.path("resource_type").asText("");
            String ident = type.equals("source") ? n.path("identifier").asText(n.path("name").asText())
                    : n.path("alias").asText(n.path("name").asText());
            if (ident.isEmpty()) ident = n.path("name").asText();
            String db = n.path("database").asText("");
            String schema = n.path("schema").asText("");
            String qualified = (db.isEmpty() ? "" : db + ".") + (schema.isEmpty() ? "" : schema + ".") + ident;
            String path = r.section() + "[\"" + r.id() + "\"]";
            java.util.Set<String> notNull = new java.util.HashSet<>();
            for (JsonNode t : scan.tests().getOrDefault(r.id(), List.of())) {
                if (t.path("name").asText("").equalsIgnoreCase("not_null") && t.has("column")) {
                    notNull.add(t.get("column").asText().toLowerCase(Locale.ROOT));
                }
            }
            List<KnownColumn> cols = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.path("columns").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode c = e.getValue();
                String cname = c.path("name").asText(e.getKey()).toLowerCase(Locale.ROOT);
                boolean nn = notNull.contains(cname);
                for (JsonNode k : c.path("constraints")) {
                    String kt = k.path("type").asText("");
                    if (kt.equals("not_null") || kt.equals("primary_key")) nn = true;
                }
                cols.add(new KnownColumn(cname, c.path("data_type").isTextual() ? c.path("data_type").asText() : null, nn ? Boolean.FALSE : null));
            }
            JsonNode config = n.path("config");
            tables.add(new KnownTable(qualified.toLowerCase(Locale.ROOT), qualified, "dbt", cols, partitionBy(config.path("partition_by")),
                    names(config.path("cluster_by")), null, null, file, r.line(), r.col(), path));
            if (!type.equals("model")) continue;
            String materialized = config.path("materialized").asText("");
            JsonNode code = n.has("compiled_code") ? n.get("compiled_code") : n.get("compiled_sql");
            String sql = code != null && code.isTextual() ? code.asText() : null;
            String compiledPath = n.path("compiled_path").asText(null);
            models.add(new LintCommand.CompiledModel(r.id(), n.path("name").asText(ident), qualified, materialized,
                    n.path("original_file_path").asText(null), compiledPath, sql, file, r.line(), r.col(), path + ".compiled_code"));
        }
        return new LintCommand.Manifest(scan.adapter(), tables, models);
    }

    /** BigQuery {@code {field: order_date, data_type: date}}; Spark/Databricks {@code [dt]} or {@code "dt"}. */
    static List<String> partitionBy(JsonNode p) {
        if (p.isObject()) return p.path("field").isTextual() ? List.of(p.get("field").asText().toLowerCase(Locale.ROOT)) : List.of();
        return names(p);
    }

    static List<String> names(JsonNode n) {
        List<String> raw = new ArrayList<>();
        if (n.isTextual()) raw.add(n.asText());
        else if (n.isArray()) for (JsonNode x : n) if (x.isTextual()) raw.add(x.asText());
        return TableListBinder.keys(raw);
    }
}
