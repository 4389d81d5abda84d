package dev.dece.core.drl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A correlated subquery: one that refers to a column of the query around it, so engines without decorrelation run it
 * once per outer row. {@code EXISTS} and {@code NOT EXISTS} are not listed (every engine runs them as semi- and
 * anti-joins), nor is {@code LATERAL}, which is correlated by design.
 *
 * @param clause      where it sits: {@code SELECT list}, {@code WHERE}, {@code HAVING} or {@code ON}
 * @param correlation the outer columns it refers to, e.g. {@code o.customer_id}
 * @param text        the subquery, shortened
 * @param rewrite     an equivalent query without the correlation, or null when DECE offers none (see docs/optimize.md)
 * @param rewriteKind {@code window} (the same table, no outer filter) or {@code join} (a pre-aggregated derived table);
 *                    null without a rewrite
 */
public record SqlSubquery(SqlAt at, String clause, String correlation, String text, String rewrite, String rewriteKind)
        implements Located {
    @Override
    public Node node() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subquery", text);
        m.put("correlation", correlation);
        return at.node(m);
    }

    /** The artifact name a rewrite of it is filed under. */
    public String rewriteName(String ruleId) {
        return SqlStatement.artifactName(at, ruleId);
    }
}
