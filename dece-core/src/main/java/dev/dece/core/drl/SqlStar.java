package dev.dece.core.drl;

import java.util.List;
import java.util.Map;

/**
 * A {@code SELECT *} (or {@code t.*}) whose columns reach the statement's result: in the query that returns or writes
 * rows, directly over tables or through CTEs and derived tables that themselves select {@code *}. A star in a CTE that
 * a later query narrows to named columns is not one: columnar engines prune the unused columns.
 *
 * @param text    as written, e.g. {@code *}, {@code o.*}, {@code * EXCEPT (payload)}
 * @param tables  the tables whose every column it reads, as keys
 * @param through the CTEs or derived tables it expands through, empty when it is over the tables themselves
 */
public record SqlStar(SqlAt at, String text, List<String> tables, List<String> through) implements Located {
    public SqlStar {
        tables = List.copyOf(tables);
        through = List.copyOf(through);
    }

    @Override
    public Node node() {
        return at.node(Map.of("select", text, "tables", String.join(", ", tables)));
    }
}
