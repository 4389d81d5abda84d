package dev.dece.core.drl;

/**
 * One predicate of a query on one column of one table it reads, as the query's WHERE, JOIN ... ON or MERGE ... ON
 * states it, or as a filter on a CTE or derived table that reaches the table through it.
 *
 * @param column  the table's column, lower case
 * @param pruning true when an engine can skip partitions with it: the bare column compared with constants
 *                ({@code =}, {@code <}, {@code BETWEEN}, {@code IN (...)}, {@code IS NULL}) in a conjunct of the
 *                WHERE (or an OR whose every branch constrains the column); on BigQuery also {@code DATE()},
 *                {@code TIMESTAMP_TRUNC()} and {@code DATE_TRUNC()} of the column; a subquery counts except on BigQuery
 * @param defeat  why it does not prune when {@code pruning} is false, e.g. {@code "wraps the column in DATE()"},
 *                {@code "compares it with a subquery, which BigQuery does not prune on"}; null when it prunes
 * @param text    the predicate as written (normalised by the parser, shortened)
 * @param at      where the filtered expression is (the column, or the function around it)
 */
public record SqlFilter(String column, boolean pruning, String defeat, String text, SqlAt at) implements Located {
    @Override
    public Node node() {
        return at.node(java.util.Map.of("filter", text, "column", column));
    }
}
