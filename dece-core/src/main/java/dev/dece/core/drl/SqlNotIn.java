package dev.dece.core.drl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code NOT IN} over a subquery (or over a value list holding NULL). If the subquery returns one NULL, the
 * predicate is never true and the query silently returns no rows.
 *
 * @param text           the predicate, shortened
 * @param table          the table the subquery's column comes from (a key); null when it selects an expression
 * @param column         that column
 * @param nullable       TRUE when the column can be NULL: the list holds NULL, the column is on the outer side of a
 *                       LEFT/RIGHT/FULL JOIN, or the table knowledge says nullable; FALSE when it cannot (the knowledge
 *                       says NOT NULL, the subquery filters {@code IS NOT NULL}, or it selects a constant); null unknown
 * @param why            what says so, e.g. {@code "tables.yaml:14: analytics.refunds.order_id nullable: true"}
 * @param rewrite        the equivalent NOT EXISTS, or null when DECE offers none
 */
public record SqlNotIn(SqlAt at, String text, String table, String column, Boolean nullable, String why, String rewrite)
        implements Located {
    @Override
    public Node node() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("predicate", text);
        m.put("column", table == null ? null : table + "." + column);
        return at.node(m);
    }

    public String rewriteName(String ruleId) {
        return SqlStatement.artifactName(at, ruleId);
    }
}
