package dev.dece.core.schemachange;

import dev.dece.core.contract.BoundContract;
import dev.dece.core.drl.ChangeKind;
import dev.dece.core.drl.ContractColumn;
import dev.dece.core.drl.Node;
import dev.dece.core.drl.SchemaChange;
import dev.dece.core.drl.SqlType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the column changes between two contracts, table by table (tables match by name). A removed and an
 * added column of the same table are a rename when their types are the same and their names similar enough
 * (normalised edit distance, or abbreviated words such as {@code cust_id} / {@code customer_id}); the same
 * position adds weight. Deterministic: pairs are matched best score first, ties by name.
 */
final class SchemaDiff {
    private SchemaDiff() {}

    /**
     * @param minSimilarity names at least this similar (0..1) may be a rename; same position lowers the bar by 0.2
     * @return changes in table, then column order
     */
    public static List<SchemaChange> diff(BoundContract before, BoundContract after, double minSimilarity) {
        List<SchemaChange> out = new ArrayList<>();
        Set<String> tables = new LinkedHashSet<>();
        before.tables().forEach(t -> tables.add(t.name()));
        after.tables().forEach(t -> tables.add(t.name()));
        boolean single = before.tables().size() == 1 && after.tables().size() == 1;
        for (String table : tables) {
            List<ContractColumn> olds = before.columns(table);
            List<ContractColumn> news = after.columns(table);
            if (single) { // one table each side: compare them even if the table was renamed
                olds = before.columns();
                news = after.columns();
                table = after.tables().get(0).name();
            }
            String name = table;
            boolean newTable = !single && before.tables().stream().noneMatch(x -> x.name().equals(name));
            var gone = single ? java.util.Optional.<dev.dece.core.drl.ContractTable>empty()
                    : before.tables().stream().filter(x -> x.name().equals(name)).findFirst()
                            .filter(x -> after.tables().stream().noneMatch(y -> y.name().equals(name)));
            if (gone.isPresent()) {
                // one change for the table, not one per column: every reader of the table breaks
                Node at = gone.get().node();
                out.add(new SchemaChange(at, ChangeKind.TABLE_REMOVED, table, "", "", olds.size() + " columns", "",
                        "table " + table + " is not in the new version", at));
                continue;
            }
            diffTable(table, olds, news, minSimilarity, out, newTable);
            if (single) break;
        }
        return out;
    }

    private static void diffTable(String table, List<ContractColumn> olds, List<ContractColumn> news, double minSim, List<SchemaChange> out,
                                  boolean newTable) {
        Map<String, ContractColumn> oldBy = new HashMap<>();
        olds.forEach(c -> oldBy.put(key(c.name()), c));
        Map<String, ContractColumn> newBy = new HashMap<>();
        news.forEach(c -> newBy.put(key(c.name()), c));
        List<ContractColumn> removed = new ArrayList<>();
        for (ContractColumn o : olds) if (!newBy.containsKey(key(o.name()))) removed.add(o);
        List<ContractColumn> added = new ArrayList<>();
        for (ContractColumn n : news) if (!oldBy.containsKey(key(n.name()))) added.add(n);

        // rename candidates, best first; a renamed column is looked for within RENAME_WINDOW positions of the
        // old one, so the search stays linear in the width of the table (renames keep their place or move little)
        record Pair(ContractColumn o, ContractColumn n, double sim, boolean samePos) {}
        List<Pair> pairs = new ArrayList<>();
        List<ContractColumn> addedByPos = new ArrayList<>(added);
        addedByPos.sort(Comparator.comparingInt(ContractColumn::position));
        int[] positions = addedByPos.stream().mapToInt(ContractColumn::position).toArray();
        for (ContractColumn o : removed) {
            int from = lowerBound(positions, o.position() - RENAME_WINDOW);
            for (int i = from; i < positions.length && positions[i] <= o.position() + RENAME_WINDOW; i++) {
                ContractColumn n = addedByPos.get(i);
                if (!o.type().sameAs(n.type())) continue;
                double sim = similarity(o.name(), n.name());
                boolean samePos = o.position() == n.position();
                if (sim >= minSim || samePos && sim >= minSim - 0.2) pairs.add(new Pair(o, n, sim, samePos));
            }
        }
        pairs.sort(Comparator.comparingDouble((Pair p) -> -(p.sim + (p.samePos ? 0.2 : 0)))
                .thenComparing(p -> p.o.name()).thenComparing(p -> p.n.name()));
        Map<ContractColumn, ContractColumn> renamed = new HashMap<>();
        Set<ContractColumn> taken = new java.util.HashSet<>();
        for (Pair p : pairs) {
            if (renamed.containsKey(p.o) || taken.contains(p.n)) continue;
            renamed.put(p.o, p.n);
            taken.add(p.n);
            String ev = "same type " + (p.n.type().text().isEmpty() ? "(none given)" : p.n.type().text())
                    + (p.samePos ? ", same position " + (p.n.position() + 1) : ", position " + (p.o.position() + 1) + " -> " + (p.n.position() + 1))
                    + ", name similarity " + String.format(Locale.ROOT, "%.2f", p.sim);
            out.add(new SchemaChange(p.n.nameNode(), ChangeKind.RENAMED, table, p.n.name(), p.o.name(), p.o.name(), p.n.name(), ev, p.o.nameNode()));
            compare(table, p.o, p.n, out);
        }
        for (ContractColumn o : removed) {
            if (renamed.containsKey(o)) continue;
            out.add(new SchemaChange(o.nameNode(), ChangeKind.REMOVED, table, o.name(), o.name(), o.type().text(), "",
                    "in the old contract at position " + (o.position() + 1) + ", absent from the new one", o.nameNode()));
        }
        for (ContractColumn n : added) {
            if (taken.contains(n)) continue;
            // a column of a new table is additive whatever its nullability: no old reader or old data involves it
            out.add(new SchemaChange(n.nameNode(), n.nullable() || newTable ? ChangeKind.ADDED_NULLABLE : ChangeKind.ADDED_REQUIRED, table,
                    n.name(), "", "", n.type().text(), newTable ? "in new table " + table
                    : "new at position " + (n.position() + 1) + (n.nullable() ? ", nullable" : ", not nullable"), null));
        }
        for (ContractColumn o : olds) {
            ContractColumn n = newBy.get(key(o.name()));
            if (n != null) compare(table, o, n, out);
        }
    }

    private static void compare(String table, ContractColumn o, ContractColumn n, List<SchemaChange> out) {
        SqlType a = o.type();
        SqlType b = n.type();
        if (!a.sameAs(b) && !(a.text().isEmpty() || b.text().isEmpty())) {
            ChangeKind k = a.widens(b) ? ChangeKind.TYPE_WIDENED : b.widens(a) ? ChangeKind.TYPE_NARROWED : ChangeKind.TYPE_CHANGED;
            String ev = k == ChangeKind.TYPE_WIDENED ? "every " + a.text() + " value fits " + b.text()
                    : k == ChangeKind.TYPE_NARROWED ? "some " + a.text() + " values do not fit " + b.text()
                    : "neither " + a.text() + " nor " + b.text() + " holds the other's values";
            out.add(new SchemaChange(n.typeNode(), k, table, n.name(), o.name(), a.text(), b.text(), ev, o.typeNode()));
        }
        if (o.nullable() != n.nullable()) {
            out.add(new SchemaChange(n.nullableNode().isPresent() ? n.nullableNode() : n.nameNode(),
                    n.nullable() ? ChangeKind.NULLABILITY_RELAXED : ChangeKind.NULLABILITY_TIGHTENED, table, n.name(), o.name(),
                    o.nullable() ? "nullable" : "not null", n.nullable() ? "nullable" : "not null",
                    "nullable " + o.nullable() + " -> " + n.nullable(), o.nullableNode()));
        }
        if (!o.enumValues().isEmpty() && !n.enumValues().isEmpty()) {
            Set<String> gone = new TreeSet<>(o.enumValues());
            gone.removeAll(n.enumValues());
            Set<String> fresh = new TreeSet<>(n.enumValues());
            fresh.removeAll(o.enumValues());
            if (!gone.isEmpty()) {
                out.add(new SchemaChange(n.nameNode(), ChangeKind.ENUM_VALUES_REMOVED, table, n.name(), o.name(),
                        String.join(", ", o.enumValues()), String.join(", ", n.enumValues()), "removed: " + String.join(", ", gone), o.nameNode()));
            }
            if (!fresh.isEmpty()) {
                out.add(new SchemaChange(n.nameNode(), ChangeKind.ENUM_VALUES_ADDED, table, n.name(), o.name(),
                        String.join(", ", o.enumValues()), String.join(", ", n.enumValues()), "added: " + String.join(", ", fresh), o.nameNode()));
            }
        }
        if (o.pii() != n.pii()) {
            out.add(new SchemaChange(n.piiNode().isPresent() ? n.piiNode() : n.nameNode(),
                    n.pii() ? ChangeKind.PII_FLAG_ADDED : ChangeKind.PII_FLAG_REMOVED, table, n.name(), o.name(),
                    piiText(o), piiText(n), "pii " + piiText(o) + " -> " + piiText(n), o.piiNode()));
        }
        if (o.classification() != n.classification() && (o.classification() != null || n.classification() != null)) {
            int before = o.classification() == null ? -1 : o.classification().ordinal();
            int after = n.classification() == null ? -1 : n.classification().ordinal();
            String from = o.classification() == null ? "unclassified" : o.classification().label();
            String to = n.classification() == null ? "unclassified" : n.classification().label();
            out.add(new SchemaChange(n.classificationNode().isPresent() ? n.classificationNode() : n.nameNode(),
                    after < before ? ChangeKind.CLASSIFICATION_LOWERED : ChangeKind.CLASSIFICATION_RAISED, table, n.name(), o.name(),
                    from, to, "classification " + from + " -> " + to, o.classificationNode()));
        }
    }

    private static String piiText(ContractColumn c) {
        return c.pii() ? "true" + (c.classification() != null ? " (" + c.classification().label() + ")" : "")
                : c.classification() != null ? "false (" + c.classification().label() + ")" : "false";
    }

    /** How far (in column positions) a renamed column may have moved to be recognised as a rename. */
    static final int RENAME_WINDOW = 64;

    /** The first index whose value is at least {@code v} in a sorted array. */
    private static int lowerBound(int[] sorted, int v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * Name similarity in 0..1: the better of normalised edit distance and word matching, where a word
     * matches an equal word or one it abbreviates ({@code cust} / {@code customer}, at least 3 letters).
     */
    public static double similarity(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int max = Math.max(x.length(), y.length());
        double lev = max == 0 ? 1 : 1.0 - (double) dev.dece.core.doc.Suggest.editDistance(x, y) / max;
        String[] xs = x.split("[_\\s-]+");
        String[] ys = y.split("[_\\s-]+");
        int matched = 0;
        boolean[] used = new boolean[ys.length];
        for (String w : xs) {
            for (int i = 0; i < ys.length; i++) {
                if (used[i]) continue;
                String v = ys[i];
                if (w.equals(v) || w.length() >= 3 && v.startsWith(w) || v.length() >= 3 && w.startsWith(v)) {
                    used[i] = true;
                    matched++;
                    break;
                }
            }
        }
        double words = (double) matched / Math.max(xs.length, ys.length);
        return Math.max(lev, words);
    }

}
