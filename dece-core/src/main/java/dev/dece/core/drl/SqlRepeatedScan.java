package dev.dece.core.drl;

import java.util.List;
import java.util.Map;

/**
 * Several passes over the same table in one statement that one pass with {@code CASE WHEN} (and {@code GROUP BY})
 * could do: UNION ALL branches, scalar subqueries, or joined CTEs that each aggregate the same table under a
 * different filter.
 *
 * @param table   the table read again and again (a key)
 * @param scans   how many times
 * @param shape   {@code UNION ALL branches}, {@code scalar subqueries} or {@code CTEs}
 * @param others  where the other passes start, {@code line:col}
 * @param rewrite the one-pass query, or null when DECE offers none (see docs/optimize.md for when it does)
 */
public record SqlRepeatedScan(SqlAt at, String table, int scans, String shape, List<String> others, String rewrite)
        implements Located {
    public SqlRepeatedScan {
        others = List.copyOf(others);
    }

    @Override
    public Node node() {
        return at.node(Map.of("table", table, "scans", scans));
    }

    public String rewriteName(String ruleId) {
        return SqlStatement.artifactName(at, ruleId);
    }
}
