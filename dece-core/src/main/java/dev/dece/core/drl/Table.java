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
 * @param description the table's description; null when it has none
 * @param docsKnown   true when the input can carry descriptions (a dbt manifest, or a list that uses {@code description:});
 *                    documentation rules only look at such tables
 * @param keyColumns  the columns of a composite key (a primary_key constraint over several columns, or a
 *                    {@code unique_combination_of_columns} test), in key order; empty when the key is one column or none
 */
public record Table(String name, ObjectKind kind, boolean kindDeclared, String origin, String sourceFile,
                    List<Column> columns, String primaryKey, boolean testsKnown, Set<String> modelTests,
                    String dialect, String file, int line, int col, String path, String description,
                    boolean docsKnown, List<String> keyColumns) implements Located {

    public Table {
        columns = List.copyOf(columns);
        modelTests = Set.copyOf(modelTests);
        keyColumns = List.copyOf(keyColumns);
    }

    /** A table without documentation or a composite key. */
    public Table(String name, ObjectKind kind, boolean kindDeclared, String origin, String sourceFile,
                 List<Column> columns, String primaryKey, boolean testsKnown, Set<String> modelTests,
                 String dialect, String file, int line, int col, String path) {
        this(name, kind, kindDeclared, origin, sourceFile, columns, primaryKey, testsKnown, modelTests, dialect, file, line, col,
                path, null, false, List.of());
    }

    /** True when a test proves rows unique on the whole key: unique + not_null on one column, or a combination test. */
    public boolean hasKeyTest() {
        if (modelTests.stream().anyMatch(t -> t.startsWith(COMBINATION + ":"))) return true;
        for (Column c : columns) if (c.tested("unique") && c.tested("not_null")) return true;
        return false;
    }

    /** True when a combination test covers exactly {@code key}'s columns (in any order, case-insensitively). */
    public boolean hasCombinationTest(List<String> key) {
        Set<String> want = new java.util.TreeSet<>();
        for (String k : key) want.add(k.toLowerCase(java.util.Locale.ROOT));
        for (String t : modelTests) {
            if (!t.startsWith(COMBINATION + ":")) continue;
            Set<String> got = new java.util.TreeSet<>(java.util.Arrays.asList(t.substring(COMBINATION.length() + 1).split(",")));
            if (got.equals(want)) return true;
        }
        return false;
    }

    /** The model-level test name under which a multi-column uniqueness test is recorded, with its columns after a colon. */
    public static final String COMBINATION = "unique_combination_of_columns";

    /** True when the table has a non-blank description. */
    public boolean described() {
        return description != null && !description.isBlank();
    }

    /** Its columns without a description, by name, in input order. */
    public List<String> undescribedColumns() {
        return columns.stream().filter(c -> !c.described()).map(Column::name).toList();
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
