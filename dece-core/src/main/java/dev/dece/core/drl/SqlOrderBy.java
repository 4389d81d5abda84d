package dev.dece.core.drl;

import java.util.Map;

/**
 * An {@code ORDER BY} of a query (not of an aggregate's argument list).
 *
 * @param text         the sort keys as written
 * @param limited      true when the same query has LIMIT, FETCH FIRST or TOP: a top-N, which engines run cheaply
 * @param presentation true for the final query of a plain SELECT statement (a result shown to someone); false in CTEs,
 *                     subqueries, views, INSERT ... SELECT, CREATE TABLE AS and dbt models, whose order nobody sees
 * @param inWindow     true for a window's {@code OVER (... ORDER BY ...)}, which defines the window, not an output order
 * @param scope        where it is, for messages: {@code CTE daily}, {@code subquery}, {@code INSERT ... SELECT},
 *                     {@code view}, {@code dbt model}, {@code query}, {@code window}
 */
public record SqlOrderBy(SqlAt at, String text, boolean limited, boolean presentation, boolean inWindow, String scope)
        implements Located {
    @Override
    public Node node() {
        return at.node(Map.of("order_by", text, "scope", scope));
    }
}
