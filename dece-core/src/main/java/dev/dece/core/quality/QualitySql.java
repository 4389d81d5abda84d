package dev.dece.core.quality;

import dev.dece.core.contract.BoundContract;
import dev.dece.core.drl.Check;
import dev.dece.core.policy.Policy;
import dev.dece.core.policy.PolicyKey;
import dev.dece.core.sql.Dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes the methodology's Quality Check Templates as SQL for one {@link Dialect}. The templates' logic is
 * kept (NULL count, GROUP BY ... HAVING COUNT(*) > 1, MAX(ts) against the SLA, COUNT(*) BETWEEN, LEFT JOIN
 * orphans, value share over SUM(COUNT(*)) OVER (), source vs target SUM with a 1 % variance) and every
 * query is normalised to one row of {@code violations, total_rows, observed} so a runner can read them all
 * the same way. Stateless and thread-safe.
 *
 * <pre>{@code
 * List<SqlCheck> sql = QualitySql.generate(bound, Dialect.DUCKDB, Policy.defaults());
 * }</pre>
 */
final class QualitySql {
    private QualitySql() {}

    /** One query per check, in contract order. */
    public static List<SqlCheck> generate(BoundContract contract, Dialect d, Policy policy) {
        List<SqlCheck> out = new ArrayList<>(contract.checks().size());
        for (Check c : contract.checks()) out.add(new SqlCheck(c, d, sql(c, d, policy)));
        return out;
    }

    /**
     * A row-level or table-level check of one table as two aggregate expressions over {@code FROM table}: its
     * violations and its observed figure; the per-check query is {@code SELECT violations, COUNT(*), observed
     * FROM table}, the one-scan query ({@link ScanPlan}) puts many of them in one {@code SELECT}.
     */
    record Parts(String violations, String observed) {}

    /** True for the kinds whose query is one aggregate over their own table, which one scan can share. */
    static boolean scannable(Check c) {
        switch (c.kind()) {
            case NOT_NULL: case RANGE: case LENGTH: case ENUM: case REGEX: case FRESHNESS: case VOLUME:
                return true;
            default:
                return false;
        }
    }

    /** The aggregate expressions of a {@link #scannable} check. */
    static Parts parts(Check c, Dialect d) {
        String col = c.column() == null ? null : d.quote(c.column());
        switch (c.kind()) {
            case NOT_NULL:
                return new Parts("COALESCE(SUM(CASE WHEN " + col + " IS NULL THEN 1 ELSE 0 END), 0)", "CAST(NULL AS BIGINT)");
            case RANGE: {
                List<String> bad = new ArrayList<>();
                if (c.min() != null) bad.add(col + (c.minExclusive() ? " <= " : " < ") + num(c.min()));
                if (c.max() != null) bad.add(col + (c.maxExclusive() ? " >= " : " > ") + num(c.max()));
                return rowsWhere(String.join(" OR ", bad));
            }
            case LENGTH: {
                List<String> bad = new ArrayList<>();
                String len = "LENGTH(" + d.asText(col) + ")";
                if (c.min() != null) bad.add(len + " < " + num(c.min()));
                if (c.max() != null) bad.add(len + " > " + num(c.max()));
                return rowsWhere(col + " IS NOT NULL AND (" + String.join(" OR ", bad) + ")");
            }
            case ENUM: {
                String list = c.values().stream().map(d::string).collect(Collectors.joining(", "));
                return rowsWhere(col + " IS NOT NULL AND " + d.asText(col) + " NOT IN (" + list + ")");
            }
            case REGEX:
                return rowsWhere(col + " IS NOT NULL AND " + d.regexMismatch(d.asText(col), d.string(c.pattern())));
            case FRESHNESS: {
                long minutes = Math.round(c.hours() * 60);
                return new Parts("CASE WHEN MAX(" + col + ") IS NULL OR MAX(" + col + ") < " + d.minutesAgo(minutes) + " THEN 1 ELSE 0 END",
                        d.hoursSince("MAX(" + col + ")"));
            }
            case VOLUME:
                return new Parts("CASE WHEN " + c.expect().sql("COUNT(*)") + " THEN 0 ELSE 1 END", "COUNT(*)");
            default:
                throw new IllegalStateException(c.kind() + " is not one aggregate over its table");
        }
    }

    /** The query for one check. */
    public static String sql(Check c, Dialect d, Policy policy) {
        String t = d.table(c.table());
        String col = c.column() == null ? null : d.quote(c.column());
        if (scannable(c)) {
            Parts p = parts(c, d);
            return "SELECT " + p.violations() + " AS violations,\n       COUNT(*) AS total_rows,\n       " + p.observed() + " AS observed\nFROM " + t;
        }
        switch (c.kind()) {
            case UNIQUE:
                if (c.composite()) {
                    String cols = c.columns().stream().map(d::quote).collect(Collectors.joining(", "));
                    String notNull = c.columns().stream().map(x -> d.quote(x) + " IS NOT NULL").collect(Collectors.joining(" AND "));
                    return "SELECT COALESCE(SUM(dupes.dupe_count), 0) AS violations,\n"
                            + "       (SELECT COUNT(*) FROM " + t + ") AS total_rows,\n"
                            + "       COUNT(*) AS observed\n"
                            + "FROM (SELECT " + cols + ", COUNT(*) AS dupe_count\n      FROM " + t + "\n      WHERE " + notNull
                            + "\n      GROUP BY " + cols + "\n      HAVING COUNT(*) > 1) dupes";
                }
                return "SELECT COALESCE(SUM(dupes.dupe_count), 0) AS violations,\n"
                        + "       (SELECT COUNT(*) FROM " + t + ") AS total_rows,\n"
                        + "       COUNT(*) AS observed\n"
                        + "FROM (SELECT " + col + ", COUNT(*) AS dupe_count\n      FROM " + t + "\n      WHERE " + col
                        + " IS NOT NULL\n      GROUP BY " + col + "\n      HAVING COUNT(*) > 1) dupes";
            case REFERENTIAL: {
                if (c.composite()) {
                    List<String> fk = c.columns(), rk = c.refKeyColumns();
                    String fcols = fk.stream().map(x -> "f." + d.quote(x)).collect(Collectors.joining(", "));
                    List<String> on = new ArrayList<>();
                    for (int i = 0; i < fk.size(); i++) on.add("f." + d.quote(fk.get(i)) + " = d." + d.quote(rk.get(i)));
                    String notNull = fk.stream().map(x -> "f." + d.quote(x) + " IS NOT NULL").collect(Collectors.joining(" AND "));
                    return "SELECT COALESCE(SUM(orphans.cnt), 0) AS violations,\n       (SELECT COUNT(*) FROM " + t + ") AS total_rows,\n"
                            + "       COUNT(*) AS observed\nFROM (SELECT " + fcols + ", COUNT(*) AS cnt\n      FROM " + t + " f\n      LEFT JOIN "
                            + d.table(c.refTable()) + " d ON " + String.join(" AND ", on) + "\n      WHERE " + notNull + " AND d."
                            + d.quote(rk.get(0)) + " IS NULL\n      GROUP BY " + fcols + ") orphans";
                }
                String rc = d.quote(c.refColumn());
                return "SELECT COUNT(*) AS violations,\n       (SELECT COUNT(*) FROM " + t + ") AS total_rows,\n"
                        + "       COUNT(DISTINCT f." + col + ") AS observed\nFROM " + t + " f\nLEFT JOIN "
                        + d.table(c.refTable()) + " d ON f." + col + " = d." + rc + "\nWHERE f." + col
                        + " IS NOT NULL AND d." + rc + " IS NULL";
            }
            case DISTRIBUTION: {
                double max = c.maxPercent() != null ? c.maxPercent() : policy.value(PolicyKey.DISTRIBUTION_MAX_VALUE_PERCENT);
                return "SELECT COALESCE(SUM(CASE WHEN shares.pct > " + num(max) + " THEN shares.cnt ELSE 0 END), 0) AS violations,\n"
                        + "       COALESCE(SUM(shares.cnt), 0) AS total_rows,\n       MAX(shares.pct) AS observed\n"
                        + "FROM (SELECT " + col + ", COUNT(*) AS cnt,\n             100.0 * COUNT(*) / SUM(COUNT(*)) OVER () AS pct\n"
                        + "      FROM " + t + "\n      GROUP BY " + col + ") shares";
            }
            case RECONCILIATION: {
                double max = c.maxPercent() != null ? c.maxPercent() : policy.value(PolicyKey.RECONCILIATION_MAX_VARIANCE_PERCENT);
                String src = "(SELECT SUM(" + d.quote(c.sourceColumn()) + ") AS total FROM " + d.table(c.sourceTable()) + ")";
                String tgt = "(SELECT SUM(" + col + ") AS total FROM " + t + ")";
                return "SELECT CASE WHEN source.total IS NULL AND target.total IS NULL THEN 0\n"
                        + "            WHEN source.total IS NULL OR target.total IS NULL THEN 1\n"
                        + "            WHEN source.total = target.total THEN 0\n"
                        + "            WHEN source.total = 0 THEN 1\n"
                        + "            WHEN ABS(source.total - target.total) < " + num(max / 100.0) + " * ABS(source.total) THEN 0\n"
                        + "            ELSE 1 END AS violations,\n"
                        + "       CAST(NULL AS BIGINT) AS total_rows,\n"
                        + "       CASE WHEN source.total IS NULL OR source.total = 0 THEN NULL\n"
                        + "            ELSE 100.0 * ABS(source.total - target.total) / ABS(source.total) END AS observed\n"
                        + "FROM " + src + " source\nCROSS JOIN " + tgt + " target";
            }
            case CUSTOM: {
                String q = c.sql().strip();
                if (q.endsWith(";")) q = q.substring(0, q.length() - 1).strip();
                q = q.replace("${table}", t);
                if (col != null) q = q.replace("${column}", col);
                return q;
            }
            default:
                throw new IllegalStateException("no SQL for " + c.kind());
        }
    }

    private static Parts rowsWhere(String bad) {
        return new Parts("COALESCE(SUM(CASE WHEN " + bad + " THEN 1 ELSE 0 END), 0)", "CAST(NULL AS BIGINT)");
    }

    static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return String.format(Locale.ROOT, "%s", java.math.BigDecimal.valueOf(d).toPlainString());
    }
}
