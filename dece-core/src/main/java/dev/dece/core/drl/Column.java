package dev.dece.core.drl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One column of a linted {@link Table}. Not a fact of its own: rules reach columns through
 * {@code Column() from $t.columns()}, which keeps a 400 000-column manifest at one fact per model.
 * Its located {@link Node} is built only when a rule cites it.
 *
 * @param table      the table's name
 * @param name       as written
 * @param sqlType    the SQL type as written; null when the input does not say
 * @param type       what the type means; {@link ColumnType#UNKNOWN} when not given
 * @param tests      dbt tests on the column ({@code unique}, {@code not_null}, {@code relationships},
 *                   {@code accepted_values}, {@code recency}, ...), namespace stripped
 * @param primaryKey true for the table's primary key (see {@link Table#primaryKey()})
 * @param path       where it is in the input, e.g. {@code tables[0].columns[3]}
 * @param description the column's description; null when the input has none (or cannot have one, like DDL)
 * @param nested     true when {@code name} is a path of nested fields ({@code customer.address.city}, as dbt
 *                   documents BigQuery records): naming rules then judge each segment, and {@link #leaf()} is the last
 * @param quoted     true when the name is a quoted (case-sensitive) identifier; an unquoted name is case-insensitive
 *                   in SQL, so {@code L_ORDERKEY} is read as {@code l_orderkey}
 * @param prefix     a prefix every column of the table shares ({@code l_} in {@code l_orderkey, l_partkey, ...}), a
 *                   convention of its own that naming rules look past; {@code ""} when none
 */
public record Column(String table, String name, String sqlType, ColumnType type, Set<String> tests,
                     boolean primaryKey, String file, int line, int col, String path, String description,
                     boolean nested, boolean quoted, String prefix) implements Located {

    public Column {
        tests = Set.copyOf(tests);
        if (prefix == null) prefix = "";
    }

    /** A top-level, unquoted column without a description. */
    public Column(String table, String name, String sqlType, ColumnType type, Set<String> tests,
                  boolean primaryKey, String file, int line, int col, String path) {
        this(table, name, sqlType, type, tests, primaryKey, file, line, col, path, null, false, false, "");
    }

    /** An unquoted column without a shared prefix. */
    public Column(String table, String name, String sqlType, ColumnType type, Set<String> tests,
                  boolean primaryKey, String file, int line, int col, String path, String description, boolean nested) {
        this(table, name, sqlType, type, tests, primaryKey, file, line, col, path, description, nested, false, "");
    }

    /** The last segment of a nested path, else the whole name, as written. */
    public String leaf() {
        return nested ? name.substring(name.lastIndexOf('.') + 1) : name;
    }

    /**
     * What the naming rules judge: the {@link #leaf()} without the table's shared {@link #prefix()}, in lower case
     * when the name is unquoted and written in capitals (an unquoted name is case-insensitive).
     */
    public String word() {
        String w = leaf();
        if (!quoted && w.equals(w.toUpperCase(java.util.Locale.ROOT))) w = w.toLowerCase(java.util.Locale.ROOT);
        if (!prefix.isEmpty() && w.length() > prefix.length() && w.toLowerCase(java.util.Locale.ROOT).startsWith(prefix)) w = w.substring(prefix.length());
        return w;
    }

    /** The segments above the leaf, with a trailing dot ({@code customer.address.}); empty when not nested. */
    public String parentPath() {
        return nested ? name.substring(0, name.lastIndexOf('.') + 1) : "";
    }

    /** The full name with its {@link #word()} replaced, keeping the path above and the shared prefix. */
    public String renamed(String word) {
        return parentPath() + prefix + word;
    }

    /** The segments of the name that are not snake_case (an unquoted all-capitals segment is, case-insensitively). */
    public List<String> unsnakeSegments() {
        List<String> out = new java.util.ArrayList<>();
        for (String s : nested ? name.split("\\.", -1) : new String[] {name}) {
            if (!snakeSegment(s) && !out.contains(s)) out.add(s);
        }
        return out;
    }

    private boolean snakeSegment(String s) {
        return NameRules.isSnake(s) || !quoted && s.equals(s.toUpperCase(java.util.Locale.ROOT)) && NameRules.isSnake(s.toLowerCase(java.util.Locale.ROOT));
    }

    /** The name with every segment in snake_case. */
    public String snakeName() {
        if (!nested) return NameRules.snake(name);
        List<String> out = new java.util.ArrayList<>();
        for (String s : name.split("\\.", -1)) out.add(snakeSegment(s) ? s : NameRules.snake(s));
        return String.join(".", out);
    }

    /** This column with the table's shared prefix set. */
    public Column withPrefix(String shared) {
        return new Column(table, name, sqlType, type, tests, primaryKey, file, line, col, path, description, nested, quoted, shared);
    }

    /** True when the column has a non-blank description. */
    public boolean described() {
        return description != null && !description.isBlank();
    }

    /** This column with its primary-key flag set to {@code key}. */
    public Column withPrimaryKey(boolean key) {
        return key == primaryKey ? this : new Column(table, name, sqlType, type, tests, key, file, line, col, path, description, nested, quoted, prefix);
    }

    @Override
    public Node node() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("type", sqlType);
        m.put("tests", tests.stream().sorted().toList());
        return Nodes.map(path, file, line, col, m);
    }

    public boolean tested(String test) {
        return tests.contains(test);
    }

    /** The tests from {@code wanted} this column lacks, in the given order. */
    public List<String> missing(String... wanted) {
        return java.util.Arrays.stream(wanted).filter(w -> !tests.contains(w)).toList();
    }
}
