package dev.dece.core.drl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One object to lint: a table from a list, a {@code CREATE TABLE} statement, or a dbt model, snapshot or
 * source. One fact per table, columns inside (DROOLS-NOTES: fewer, richer facts).
 *
 * @param name        as written
 * @param kind        declared kind, or the kind its layer prefix stands for; null when neither says
 * @param kindDeclared true when the input said the kind ({@code kind:}, a dbt snapshot or source)
 * @param origin      {@code tables}, {@code ddl} or {@code dbt}
 * @param sourceFile  for dbt, the model's {@code original_file_path}; else the input file
 * @param columns     in input order
 * @param primaryKey  the declared primary key, else the column with a unique test, else
 *                    {@code [entity]_id}, else {@code id}; null when none of those exists
 * @param testsKnown  true when the input can declare tests (a dbt manifest, or a list that uses {@code tests:});
 *                    test-coverage rules only look at such tables
 * @param modelTests  model-level tests, e.g. {@code recency} with its field: {@code recency:ordered_at}
 * @param dialect     the SQL dialect when the input says it (dbt adapter), else null
 */
public record Table(String name, ObjectKind kind, boolean kindDeclared, String origin, String sourceFile,
                    List<Column> columns, String primaryKey, boolean testsKnown, Set<String> modelTests,
                    String dialect, String file, int line, int col, String path) implements Located {

    public Table {
        columns = List.copyOf(columns);
        modelTests = Set.copyOf(modelTests);
    }

    @Override
    public Node node() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("kind", kind == null ? null : kind.label());
        m.put("primary_key", primaryKey);
        return Nodes.map(path, file, line, col, m);
    }

    /** The column called {@code name}, or null. */
    public Column column(String name) {
        for (Column c : columns) if (c.name().equalsIgnoreCase(name)) return c;
        return null;
    }

    /** The column the checklist's recency test should watch: the first event-time {@code _at} timestamp; null if none. */
    public Column freshnessColumn() {
        Column fallback = null;
        for (Column c : columns) {
            boolean ts = c.type().isTimestamp() || c.type() == ColumnType.UNKNOWN && NameRules.isTimestampName(c.name());
            if (!ts || !NameRules.isTimestampName(c.name())) continue;
            if (!NameRules.processingTime(c.name())) return c;
            if (fallback == null) fallback = c;
        }
        return fallback;
    }

    /** True when a model-level recency test watches {@code column}. */
    public boolean hasRecencyOn(String column) {
        return modelTests.contains("recency:" + column.toLowerCase(java.util.Locale.ROOT))
                || (column(column) != null && column(column).tested("recency"));
    }

    /** Where findings point: the model's SQL file for dbt, else the input. */
    public String where() {
        return sourceFile != null ? sourceFile : file;
    }
}
