package dev.dece.core.drl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parsed SQL statement ({@code dece optimize}), with what the SQL checklist's rules need worked out from its syntax
 * tree: the tables it reads with their filters, and each construct a checklist row is about, each located at its own
 * line and column. One fact per statement; the parts are reached with {@code from $s.reads()}, {@code from $s.stars()}...
 *
 * @param id           what findings are about: {@code queries/daily.sql#3}, a dbt model's unique id, or the history's
 *                     query id (or parameterized hash)
 * @param origin       {@code sql} (a .sql file), {@code dbt} (a manifest's compiled code) or {@code history}
 * @param dialect      {@code postgres}, {@code duckdb}, {@code snowflake}, {@code bigquery} or {@code spark}
 * @param kind         {@code SELECT}, {@code INSERT}, {@code CREATE TABLE AS}, {@code CREATE VIEW}, {@code MERGE},
 *                     {@code UPDATE} or {@code DELETE}
 * @param columnar     true for engines that store columns apart (every dialect but PostgreSQL)
 * @param sql          the statement's first line or 120 characters
 * @param runs         what a query-history export measured for it; null for files and dbt models
 */
public record SqlStatement(String id, String origin, String dialect, String kind, boolean columnar, SqlAt at, String sql,
                           List<SqlTableRead> reads, List<SqlStar> stars, List<SqlSubquery> correlated,
                           List<SqlDistinct> distincts, List<SqlOrderBy> orderBys, List<SqlStringFilter> stringFilters,
                           List<SqlNotIn> notIns, List<SqlRepeatedScan> repeatedScans, List<SqlAggregateJoin> aggregateJoins,
                           SqlRuns runs) implements Located {

    public SqlStatement {
        reads = List.copyOf(reads);
        stars = List.copyOf(stars);
        correlated = List.copyOf(correlated);
        distincts = List.copyOf(distincts);
        orderBys = List.copyOf(orderBys);
        stringFilters = List.copyOf(stringFilters);
        notIns = List.copyOf(notIns);
        repeatedScans = List.copyOf(repeatedScans);
        aggregateJoins = List.copyOf(aggregateJoins);
    }

    @Override
    public Node node() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sql", sql);
        m.put("kind", kind);
        return at.node(m);
    }

    @Override
    public String subject() {
        return id;
    }

    /** True when a query-history export measured it. */
    public boolean measured() {
        return runs != null;
    }

    /** The measured largest result, rows; -1 when not measured. */
    public long rowsProduced() {
        return runs == null || runs.rowsProducedMax() == null ? -1 : runs.rowsProducedMax();
    }

    /** {@code " The history measured up to 3.2 GB spilled per run."}; empty when nothing spilled or not measured. */
    public String spillText() {
        if (runs == null || runs.spilledBytesMax() == null || runs.spilledBytesMax() <= 0) return "";
        return " The query history measured up to " + Format.bytes(runs.spilledBytesMax()) + " spilled to storage per run.";
    }

    /** The TB the largest measured run scanned; -1 when not measured. */
    public double measuredTb() {
        return runs == null ? -1 : runs.maxScannedTb();
    }

    /** What the history measured, as a sentence to append to a message; empty when not measured. */
    public String measuredText() {
        return runs == null ? "" : runs.summary();
    }

    /** The name of a rewrite artifact for a finding at {@code at}: {@code rewrites/queries_daily.sql-12-8-SQL-006.sql}. */
    public static String artifactName(SqlAt at, String ruleId) {
        String f = at.file().replace('\\', '/');
        f = f.replaceAll("^(\\./)+", "").replaceAll("[^A-Za-z0-9._-]+", "_");
        return "rewrites/" + f + "-" + at.line() + "-" + at.col() + "-" + ruleId + ".sql";
    }
}
