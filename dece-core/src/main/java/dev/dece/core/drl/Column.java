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
 */
public record Column(String table, String name, String sqlType, ColumnType type, Set<String> tests,
                     boolean primaryKey, String file, int line, int col, String path) implements Located {

    public Column {
        tests = Set.copyOf(tests);
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
