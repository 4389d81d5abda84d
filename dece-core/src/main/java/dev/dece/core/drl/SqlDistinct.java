package dev.dece.core.drl;

import java.util.List;
import java.util.Map;

/**
 * A de-duplication of rows: {@code SELECT DISTINCT}, or {@code UNION} without {@code ALL}. Inside {@code EXISTS} or
 * {@code IN (...)} it is not listed (engines drop it there).
 *
 * @param kind         {@code DISTINCT} or {@code UNION}
 * @param overJoin     true when the query joins: duplicates then usually come from join fan-out
 * @param tables       the tables it reads, as keys
 * @param largestTable the largest of them by known size (else by rows); null when none has a known size or row count
 * @param largestGb    the largest known size among them, GB; null when none is known
 * @param largestRows  the largest known row count among them; null when none is known
 */
public record SqlDistinct(SqlAt at, String kind, boolean overJoin, List<String> tables, String largestTable, Double largestGb,
                          Long largestRows) implements Located {
    public SqlDistinct {
        tables = List.copyOf(tables);
    }

    @Override
    public Node node() {
        return at.node(Map.of("kind", kind, "tables", String.join(", ", tables)));
    }

    /** The largest table's GB; -1 when unknown, so a threshold comparison is false. */
    public double gb() {
        return largestGb == null ? -1 : largestGb;
    }

    /** The largest table's rows; -1 when unknown. */
    public long rows() {
        return largestRows == null ? -1 : largestRows;
    }

    /** {@code "analytics.events (up to 2.0 TB, 9000000000 rows)"} for messages. */
    public String largest() {
        if (largestTable == null) return "";
        return largestTable + " (" + (largestGb == null ? "" : Format.bytes(largestGb * (1L << 30)))
                + (largestGb != null && largestRows != null ? ", " : "") + (largestRows == null ? "" : largestRows + " rows")
                + (tables.size() > 1 ? " at most among " + String.join(", ", tables) : "") + ")";
    }
}
