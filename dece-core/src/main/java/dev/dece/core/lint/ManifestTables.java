package dev.dece.core.lint;

import dev.dece.core.dbt.Manifest;
import dev.dece.core.drl.Column;
import dev.dece.core.drl.ColumnType;
import dev.dece.core.drl.ObjectKind;
import dev.dece.core.drl.Skipped;
import dev.dece.core.drl.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A read {@link Manifest} as lint facts: one {@link Table} per model, snapshot and source of the root project
 * (seeds are data files, not models, and are not linted), with its columns, its tests from the manifest's test
 * nodes (a column named only by a test is a column too, so a model without documented columns is still
 * checked), its description, and a composite key from a {@code primary_key} constraint or a combination test;
 * and one {@link Skipped} fact per kind of node left out (packages, the time spine, semantic-layer nodes,
 * unknown resource types).
 */
final class ManifestTables {
    private ManifestTables() {}

    static List<Object> facts(Manifest m, LintOptions options) {
        List<Object> out = new ArrayList<>();
        Map<String, Integer> packages = new TreeMap<>();
        List<String> spines = new ArrayList<>();
        String project = m.projectName() != null ? m.projectName() : likelyProject(m);
        for (Manifest.DbtNode n : m.nodes()) {
            if (n.resourceType().equals("seed")) continue;
            boolean own = project == null || n.packageName() == null || n.packageName().equals(project);
            if (!own && !options.includePackages()) {
                packages.merge(n.packageName(), 1, Integer::sum);
                continue;
            }
            if (n.timeSpine() && !options.includePackages()) {
                spines.add(n.name());
                continue;
            }
            out.add(table(m, n));
        }
        if (!packages.isEmpty()) {
            int total = packages.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder d = new StringBuilder();
            packages.forEach((p, c) -> d.append(d.length() == 0 ? "" : ", ").append(p).append(": ").append(c));
            out.add(new Skipped(total == 1 ? "model or source of an installed package" : "models and sources of installed packages", total, d.toString(),
                    "they belong to the packages' authors; --include-packages lints them too", m.file(), 0, 0, "nodes"));
        }
        if (!spines.isEmpty()) {
            out.add(new Skipped(spines.size() == 1 ? "MetricFlow time-spine model" : "MetricFlow time-spine models", spines.size(), String.join(", ", spines),
                    "a generated date table whose names MetricFlow fixes; --include-packages lints it too", m.file(), 0, 0, "nodes"));
        }
        if (m.semanticNodes() > 0) {
            out.add(new Skipped(m.semanticNodes() == 1 ? "semantic-layer node" : "semantic-layer nodes", m.semanticNodes(),
                    "semantic_models, metrics, saved_queries",
                    "they are definitions over models, not tables; the models they use are linted", m.file(), 0, 0, "semantic_models"));
        }
        if (!m.unknown().isEmpty()) {
            Map<String, List<String>> byType = new TreeMap<>();
            for (Manifest.Unknown u : m.unknown()) byType.computeIfAbsent(u.resourceType(), k -> new ArrayList<>()).add(u.uniqueId());
            StringBuilder d = new StringBuilder();
            byType.forEach((t, ids) -> d.append(d.length() == 0 ? "" : "; ").append('"').append(t).append("\": ")
                    .append(String.join(", ", ids.subList(0, Math.min(5, ids.size())))).append(ids.size() > 5 ? ", ..." : ""));
            Manifest.Unknown first = m.unknown().get(0);
            out.add(new Skipped(m.unknown().size() == 1 ? "node of a resource_type DECE does not know" : "nodes of resource types DECE does not know", m.unknown().size(), d.toString(),
                    "a newer dbt may have added the type; DECE reads model, snapshot, seed, source and test nodes",
                    m.file(), first.line(), first.col(), first.path()));
        }
        return out;
    }

    /** Without {@code metadata.project_name}: the package that defines the most models (ties by name), or null. */
    static String likelyProject(Manifest m) {
        Map<String, Integer> models = new TreeMap<>();
        for (Manifest.DbtNode n : m.nodes()) if (n.resourceType().equals("model") && n.packageName() != null) models.merge(n.packageName(), 1, Integer::sum);
        String best = null;
        for (Map.Entry<String, Integer> e : models.entrySet()) if (best == null || e.getValue() > models.get(best)) best = e.getKey();
        return best;
    }

    static Table table(Manifest m, Manifest.DbtNode n) {
        String file = m.file();
        List<Manifest.DbtTest> tests = m.testsOf(n.uniqueId());
        Map<String, Set<String>> colTests = new HashMap<>();
        Set<String> modelTests = new LinkedHashSet<>();
        List<String> comboKey = List.of();
        for (Manifest.DbtTest t : tests) {
            String tn = t.name();
            if (t.column() != null) {
                colTests.computeIfAbsent(t.column().toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>()).add(tn);
            } else if (!t.columns().isEmpty()) {
                modelTests.add(Table.COMBINATION + ":" + String.join(",", t.columns()).toLowerCase(Locale.ROOT));
                if (comboKey.isEmpty()) comboKey = t.columns();
            } else {
                modelTests.add(t.field() != null ? tn + ":" + t.field().toLowerCase(Locale.ROOT) : tn);
            }
        }
        String declaredPk = n.keyColumns().size() == 1 ? n.keyColumns().get(0) : null;
        List<String> key = n.keyColumns().size() > 1 ? n.keyColumns() : comboKey.size() > 1 ? comboKey : List.of();
        List<Column> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Set<String>> ts = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Manifest.DbtColumn c : n.columns()) {
            if (c.primaryKey()) declaredPk = c.name();
            Set<String> t = colTests.getOrDefault(c.name().toLowerCase(Locale.ROOT), Set.of());
            seen.add(c.name().toLowerCase(Locale.ROOT));
            names.add(c.name());
            ts.add(t);
            cols.add(new Column(n.name(), c.name(), c.dataType(), ColumnType.of(c.dataType(), m.adapter()), t, false, file, n.line(), n.col(),
                    c.path(), c.description(), c.name().indexOf('.') > 0));
        }
        // columns that only tests name: real columns of the model, undocumented
        Map<String, String> testOnly = new LinkedHashMap<>();
        for (Manifest.DbtTest t : tests) {
            if (t.column() != null && !seen.contains(t.column().toLowerCase(Locale.ROOT))) testOnly.putIfAbsent(t.column().toLowerCase(Locale.ROOT), t.column());
        }
        for (String c : testOnly.values()) {
            Set<String> t = colTests.get(c.toLowerCase(Locale.ROOT));
            names.add(c);
            ts.add(t);
            cols.add(new Column(n.name(), c, null, ColumnType.UNKNOWN, t, false, file, n.line(), n.col(),
                    n.path() + ".columns[\"" + c + "\"]", null, c.indexOf('.') > 0));
        }
        String type = n.resourceType();
        ObjectKind kind = type.equals("source") ? ObjectKind.SOURCE : type.equals("snapshot") ? ObjectKind.SNAPSHOT : Tables.kindOf(n.name());
        String pk = key.isEmpty() ? Tables.primaryKey(n.name(), names, declaredPk, ts) : null;
        return new Table(n.name(), kind, !type.equals("model"), "dbt", n.originalFile(), Tables.markKey(cols, pk, key), pk, true,
                modelTests, m.adapter(), file, n.line(), n.col(), n.path(), n.description(), true, key);
    }
}
