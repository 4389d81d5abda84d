package dev.dece.core.drl;

import java.util.Map;

/**
 * A string operation on a column in a WHERE or JOIN ... ON condition: a string function ({@code LOWER}, {@code TRIM},
 * {@code SUBSTR}, {@code REGEXP_*}, {@code CONCAT}, {@code ||}, a cast to text ...) or a {@code LIKE} whose pattern
 * starts with a wildcard. Each row computes it, and no index, search optimization or clustering can serve it.
 *
 * @param operation e.g. {@code LOWER()}, {@code LIKE '%...'}, {@code ||}, {@code CAST AS VARCHAR}
 * @param column    the column it works on
 * @param text      the predicate, shortened
 * @param clause    {@code WHERE} or {@code ON}
 */
public record SqlStringFilter(SqlAt at, String operation, String column, String text, String clause) implements Located {
    @Override
    public Node node() {
        return at.node(Map.of("condition", text, "operation", operation));
    }
}
