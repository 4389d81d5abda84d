package dev.dece.core.drl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A join followed by GROUP BY whose aggregates (SUM, COUNT, MIN, MAX, AVG) all read one side: that side could be
 * aggregated to one row per join key before the join, so the join handles far fewer rows.
 *
 * @param table      the aggregated side (a key)
 * @param joinKeys   its join columns, e.g. {@code o.customer_id}
 * @param groupKeys  the GROUP BY, shortened
 * @param aggregates the aggregates, shortened
 * @param sizeGb     the aggregated table's known size in GB; null when unknown
 * @param rows       its rows; null when unknown
 * @param rewrite    the pre-aggregation CTE and how to use it
 */
public record SqlAggregateJoin(SqlAt at, String table, String joinKeys, String groupKeys, String aggregates, Double sizeGb,
                               Long rows, String rewrite) implements Located {
    @Override
    public Node node() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", table);
        m.put("group_by", groupKeys);
        return at.node(m);
    }

    public String rewriteName(String ruleId) {
        return SqlStatement.artifactName(at, ruleId);
    }

    /** Rows of the aggregated side: known, else -1. */
    public long knownRows() {
        return rows == null ? -1 : rows;
    }

    /** GB of the aggregated side: known, else -1. */
    public double knownGb() {
        return sizeGb == null ? -1 : sizeGb;
    }
}
