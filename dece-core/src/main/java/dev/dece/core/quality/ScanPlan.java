package dev.dece.core.quality;

import dev.dece.core.drl.Check;
import dev.dece.core.drl.CheckKind;
import dev.dece.core.sql.Dialect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One scan per table: the checks of a contract grouped into as few queries as give the same results as the
 * per-check queries of {@link QualitySql}, the way one-pass metric tools compute many metrics of a table at once.
 * <ul>
 *   <li><b>Row scan</b>: every not-null, range, length, enum, regex, freshness and volume check of a table is one
 *       pair of aggregate expressions ({@link QualitySql#parts}) in a single {@code SELECT ... FROM table}, so the
 *       table is read once; at most {@link #MAX_CHECKS_PER_SCAN} checks share a query (a wider table gets more).</li>
 *   <li><b>Key scan</b>: the uniqueness checks of a table with different keys share one
 *       {@code GROUP BY GROUPING SETS ((k1), (k2, k3), ...)} query; each key's groups are told apart by
 *       {@code GROUPING()}, rows with a null key part are left out as the per-check query's {@code WHERE} does.</li>
 *   <li>Referential, reconciliation, distribution and custom checks read another table or group by their own
 *       column: each stays its own query, as does a scan that would hold a single check.</li>
 * </ul>
 * The runner falls back to the per-check queries of a scan's checks when the scan fails (a missing column, a
 * timeout), so one bad check hides no other. Stateless and thread-safe.
 */
final class ScanPlan {
    private ScanPlan() {}

    /** Most checks one scan query answers (about two aggregate expressions each). */
    static final int MAX_CHECKS_PER_SCAN = 200;

    /** How a scan's query answers its checks. */
    enum Shape {
        /** One aggregate row over the table: {@code total_rows}, then {@code violations_i, observed_i} per check. */
        ROWS,
        /** Grouping sets over the uniqueness keys: {@code total_rows}, then {@code violations_i, observed_i} per check. */
        KEYS,
        /** The check's own per-check query. */
        SINGLE
    }

    /**
     * One query and the checks it answers, in contract order.
     *
     * @param index the position of each member in the contract's check list, so results keep that order
     */
    record Scan(String table, Shape shape, List<SqlCheck> members, List<Integer> index, String sql) {

        /** The file text: a header naming the scan and which columns answer which check, then the query. */
        String file() {
            StringBuilder sb = new StringBuilder("-- scan: ").append(SqlCheck.safe(table)).append(" (")
                    .append(shape == Shape.ROWS ? "one pass over the table" : "one grouping-sets pass over its keys")
                    .append(", ").append(members.size()).append(" checks)\n-- dialect: ").append(members.get(0).dialect().label())
                    .append("\n-- columns: total_rows, then violations_N and observed_N for check N; each passes as its own query would:\n");
            for (int i = 0; i < members.size(); i++) {
                SqlCheck c = members.get(i);
                sb.append("--   ").append(i + 1).append(": ").append(SqlCheck.safe(c.check().id())).append(" (")
                        .append(c.check().kind().label()).append("), passes when ").append(SqlCheck.safe(c.passCondition())).append('\n');
            }
            return sb.append(sql).append(";\n").toString();
        }
    }

    /** The scans of one table, row scans first, then the key scan, then the checks that stay their own queries. */
    record TableWork(String table, List<Scan> scans) {
        int checks() {
            return scans.stream().mapToInt(s -> s.members().size()).sum();
        }
    }

    /** Groups {@code checks} (all in one dialect) by table, in the order the tables first appear. */
    static List<TableWork> plan(List<SqlCheck> checks) {
        Map<String, List<Integer>> byTable = new LinkedHashMap<>();
        for (int i = 0; i < checks.size(); i++) byTable.computeIfAbsent(checks.get(i).check().table(), t -> new ArrayList<>()).add(i);
        List<TableWork> out = new ArrayList<>(byTable.size());
        for (Map.Entry<String, List<Integer>> e : byTable.entrySet()) {
            List<Integer> rows = new ArrayList<>(), keys = new ArrayList<>(), own = new ArrayList<>();
            for (int i : e.getValue()) {
                Check c = checks.get(i).check();
                if (QualitySql.scannable(c)) rows.add(i);
                else if (c.kind() == CheckKind.UNIQUE) keys.add(i);
                else own.add(i);
            }
            List<Scan> scans = new ArrayList<>();
            for (int from = 0; from < rows.size(); from += MAX_CHECKS_PER_SCAN) {
                List<Integer> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_CHECKS_PER_SCAN));
                if (chunk.size() == 1) own.add(chunk.get(0));
                else scans.add(rowScan(e.getKey(), members(checks, chunk), List.copyOf(chunk)));
            }
            if (keySets(members(checks, keys)).size() >= 2) {
                for (int from = 0; from < keys.size(); from += MAX_CHECKS_PER_SCAN) {
                    List<Integer> chunk = keys.subList(from, Math.min(keys.size(), from + MAX_CHECKS_PER_SCAN));
                    if (keySets(members(checks, chunk)).size() >= 2) scans.add(keyScan(e.getKey(), members(checks, chunk), List.copyOf(chunk)));
                    else own.addAll(chunk);
                }
            } else {
                own.addAll(keys);
            }
            own.sort(null);
            for (int i : own) scans.add(new Scan(e.getKey(), Shape.SINGLE, List.of(checks.get(i)), List.of(i), checks.get(i).sql()));
            out.add(new TableWork(e.getKey(), List.copyOf(scans)));
        }
        return List.copyOf(out);
    }

    /** Today's form: every check its own query, grouped by table so {@code jobs} can still run tables side by side. */
    static List<TableWork> perCheck(List<SqlCheck> checks) {
        Map<String, List<Scan>> byTable = new LinkedHashMap<>();
        for (int i = 0; i < checks.size(); i++) {
            SqlCheck c = checks.get(i);
            byTable.computeIfAbsent(c.check().table(), t -> new ArrayList<>()).add(new Scan(c.check().table(), Shape.SINGLE, List.of(c), List.of(i), c.sql()));
        }
        List<TableWork> out = new ArrayList<>();
        byTable.forEach((t, s) -> out.add(new TableWork(t, List.copyOf(s))));
        return List.copyOf(out);
    }

    /** The scans that combine two checks or more, for the SQL artifacts. */
    static List<Scan> combined(List<TableWork> plan) {
        List<Scan> out = new ArrayList<>();
        for (TableWork w : plan) for (Scan s : w.scans()) if (s.shape() != Shape.SINGLE) out.add(s);
        return out;
    }

    private static List<SqlCheck> members(List<SqlCheck> checks, List<Integer> index) {
        return index.stream().map(checks::get).toList();
    }

    static Scan rowScan(String table, List<SqlCheck> members, List<Integer> index) {
        Dialect d = members.get(0).dialect();
        StringBuilder sb = new StringBuilder("SELECT COUNT(*) AS total_rows");
        for (int i = 0; i < members.size(); i++) {
            QualitySql.Parts p = QualitySql.parts(members.get(i).check(), d);
            sb.append(",\n       ").append(p.violations()).append(" AS violations_").append(i + 1)
                    .append(",\n       ").append(p.observed()).append(" AS observed_").append(i + 1);
        }
        sb.append("\nFROM ").append(d.table(table));
        return new Scan(table, Shape.ROWS, List.copyOf(members), index, sb.toString());
    }

    /** The distinct key sets of uniqueness checks, each in its columns' order. */
    private static List<List<String>> keySets(List<SqlCheck> unique) {
        List<List<String>> sets = new ArrayList<>();
        for (SqlCheck c : unique) {
            List<String> k = c.check().keyColumns();
            if (sets.stream().noneMatch(s -> sameSet(s, k))) sets.add(k);
        }
        return sets;
    }

    private static boolean sameSet(List<String> a, List<String> b) {
        return a.size() == b.size() && a.containsAll(b) && b.containsAll(a);
    }

    static Scan keyScan(String table, List<SqlCheck> members, List<Integer> index) {
        Dialect d = members.get(0).dialect();
        String t = d.table(table);
        List<List<String>> sets = keySets(members);
        List<String> all = new ArrayList<>();
        for (List<String> s : sets) for (String c : s) if (!all.contains(c)) all.add(c);
        // key set n is the one whose own columns are grouped (GROUPING = 0) and every other column rolled up (= 1)
        List<String> which = new ArrayList<>();
        for (List<String> s : sets) {
            which.add(all.stream().map(c -> "GROUPING(" + d.quote(c) + ") = " + (s.contains(c) ? 0 : 1)).collect(Collectors.joining(" AND ")));
        }
        StringBuilder keySet = new StringBuilder("CASE");
        StringBuilder having = new StringBuilder();
        for (int n = 0; n < sets.size(); n++) {
            keySet.append(" WHEN ").append(which.get(n)).append(" THEN ").append(n + 1);
            if (n > 0) having.append("\n             OR ");
            having.append('(').append(which.get(n)).append(" AND ")
                    .append(sets.get(n).stream().map(c -> d.quote(c) + " IS NOT NULL").collect(Collectors.joining(" AND "))).append(')');
        }
        keySet.append(" END");
        StringBuilder sb = new StringBuilder("SELECT (SELECT COUNT(*) FROM ").append(t).append(") AS total_rows");
        for (int i = 0; i < members.size(); i++) {
            List<String> k = members.get(i).check().keyColumns();
            int n = 0;
            while (!sameSet(sets.get(n), k)) n++;
            sb.append(",\n       COALESCE(SUM(CASE WHEN dupes.key_set = ").append(n + 1).append(" THEN dupes.dupe_count ELSE 0 END), 0) AS violations_").append(i + 1)
                    .append(",\n       COUNT(CASE WHEN dupes.key_set = ").append(n + 1).append(" THEN 1 END) AS observed_").append(i + 1);
        }
        sb.append("\nFROM (SELECT ").append(keySet).append(" AS key_set, COUNT(*) AS dupe_count\n      FROM ").append(t)
                .append("\n      GROUP BY GROUPING SETS (")
                .append(sets.stream().map(s -> "(" + s.stream().map(d::quote).collect(Collectors.joining(", ")) + ")").collect(Collectors.joining(", ")))
                .append(")\n      HAVING COUNT(*) > 1\n         AND (").append(having).append(")) dupes");
        return new Scan(table, Shape.KEYS, List.copyOf(members), index, sb.toString());
    }
}
