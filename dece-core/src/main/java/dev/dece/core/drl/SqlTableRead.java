package dev.dece.core.drl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table a statement reads: an occurrence in FROM or JOIN (in any query, CTE or subquery of it), the target of a
 * MERGE, UPDATE or DELETE. Not a fact of its own: rules reach it through {@code SqlTableRead() from $s.reads()}.
 *
 * @param table    as written, e.g. {@code analytics.orders}
 * @param key      the {@link KnownTable#key()} it resolves to, or the written name in lower case when no known table
 *                 matches (a CTE name never appears here: it is not a table)
 * @param clause   {@code FROM}, {@code JOIN}, {@code MERGE INTO}, {@code UPDATE} or {@code DELETE}
 * @param filters  its own predicates (WHERE and ON of the query it is read in)
 * @param pushed   per reference of the CTE or derived table it is read in, the predicates of the outer query that
 *                 reach it through that reference; empty when it is read directly
 */
public record SqlTableRead(String table, String key, String alias, String clause, SqlAt at, List<SqlFilter> filters,
                           List<List<SqlFilter>> pushed) implements Located {

    public SqlTableRead {
        filters = List.copyOf(filters);
        pushed = pushed.stream().map(List::copyOf).toList();
    }

    @Override
    public Node node() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", table);
        m.put("filters", filters.stream().map(SqlFilter::text).toList());
        return at.node(m);
    }

    /** True when any predicate constrains the table, its own or one that reaches it. */
    public boolean filtered() {
        return !filters.isEmpty() || pushed.stream().anyMatch(p -> !p.isEmpty());
    }

    /**
     * True when a predicate lets the engine prune on one of {@code keys}: one of its own, or, for a table read in a
     * CTE or derived table, one on every reference of it.
     */
    public boolean prunesOn(List<String> keys) {
        if (keys.isEmpty()) return false;
        if (prunes(filters, keys)) return true;
        if (pushed.isEmpty()) return false;
        for (List<SqlFilter> p : pushed) if (!prunes(p, keys)) return false;
        return true;
    }

    private static boolean prunes(List<SqlFilter> fs, List<String> keys) {
        for (SqlFilter f : fs) if (f.pruning() && keys.contains(f.column())) return true;
        return false;
    }

    /** The first predicate on one of {@code keys} that does not prune (own first, then pushed); null when none. */
    public SqlFilter defeatedOn(List<String> keys) {
        for (SqlFilter f : filters) if (!f.pruning() && keys.contains(f.column())) return f;
        for (List<SqlFilter> p : pushed) for (SqlFilter f : p) if (!f.pruning() && keys.contains(f.column())) return f;
        return null;
    }

    /** The columns it is filtered on, sorted, for messages: {@code "status, customer_id"}; {@code "nothing"} when none. */
    public String filteredColumns() {
        java.util.TreeSet<String> c = new java.util.TreeSet<>();
        filters.forEach(f -> c.add(f.column()));
        pushed.forEach(p -> p.forEach(f -> c.add(f.column())));
        return c.isEmpty() ? "nothing" : String.join(", ", c);
    }

    /** How the message names it: {@code analytics.orders} or {@code analytics.orders AS o}. */
    public String display() {
        return alias == null || alias.equalsIgnoreCase(table) ? table : table + " AS " + alias;
    }
}
