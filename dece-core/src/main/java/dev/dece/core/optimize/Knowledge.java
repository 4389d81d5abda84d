package dev.dece.core.optimize;

import dev.dece.core.drl.KnownColumn;
import dev.dece.core.drl.KnownTable;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every table DECE knows, merged from all the knowledge inputs, and the resolution of a name as a query writes it
 * ({@code orders}, {@code sales.orders}, {@code "ANALYTICS"."SALES"."ORDERS"}, {@code `shop-prod.sales.orders`}) to one
 * known table. Names match case-insensitively and without quotes; a query's name matches a known table when one of
 * them is a dotted suffix of the other and no second known table matches it the same way. Two inputs that describe the
 * same table are merged field by field; a contradiction (two partition keys, nullable and NOT NULL) is a problem
 * naming both places.
 */
final class Knowledge {

    private final Map<String, KnownTable> byKey = new TreeMap<>();
    /** Suffix (e.g. {@code orders}, {@code sales.orders}) to the one key it belongs to; null when several share it. */
    private final Map<String, String> bySuffix = new HashMap<>();

    static final Knowledge NONE = new Knowledge(List.of());

    private Knowledge(List<KnownTable> tables) {
        for (KnownTable t : tables) byKey.put(t.key(), t);
        for (String key : byKey.keySet()) {
            String[] parts = key.split("\\.");
            for (int i = 0; i < parts.length; i++) {
                String suffix = String.join(".", java.util.Arrays.copyOfRange(parts, i, parts.length));
                if (bySuffix.containsKey(suffix) && !Objects.equals(bySuffix.get(suffix), key)) bySuffix.put(suffix, null);
                else bySuffix.put(suffix, key);
            }
        }
    }

    /** Merges the tables of every source, in order. */
    static Knowledge of(List<KnownTable> tables) throws InputException {
        Map<String, KnownTable> merged = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (KnownTable t : tables) {
            KnownTable prev = merged.get(t.key());
            merged.put(t.key(), prev == null ? t : merge(prev, t, problems));
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return new Knowledge(new ArrayList<>(merged.values()));
    }

    private static KnownTable merge(KnownTable a, KnownTable b, List<Problem> problems) {
        List<String> part = pick(a, b, a.partitionKeys(), b.partitionKeys(), "partition key", problems);
        List<String> clus = pick(a, b, a.clusteringKeys(), b.clusteringKeys(), "clustering keys", problems);
        Double size = a.sizeGb() != null ? a.sizeGb() : b.sizeGb();
        if (a.sizeGb() != null && b.sizeGb() != null && !a.sizeGb().equals(b.sizeGb())) conflict(a, b, "size_gb", a.sizeGb(), b.sizeGb(), problems);
        Long rows = a.rowCount() != null ? a.rowCount() : b.rowCount();
        if (a.rowCount() != null && b.rowCount() != null && !a.rowCount().equals(b.rowCount())) conflict(a, b, "row_count", a.rowCount(), b.rowCount(), problems);
        Map<String, KnownColumn> cols = new LinkedHashMap<>();
        for (KnownColumn c : a.columns()) cols.put(c.name(), c);
        for (KnownColumn c : b.columns()) {
            KnownColumn p = cols.get(c.name());
            if (p == null) {
                cols.put(c.name(), c);
                continue;
            }
            Boolean n = p.nullable() != null ? p.nullable() : c.nullable();
            if (p.nullable() != null && c.nullable() != null && !p.nullable().equals(c.nullable())) {
                problems.add(new Problem(b.file(), b.line(), b.col(), b.path(), "column " + a.name() + "." + c.name() + " is "
                        + word(c.nullable()) + " here but " + word(p.nullable()) + " in " + a.source() + "; describe it one way"));
            }
            cols.put(c.name(), new KnownColumn(c.name(), p.type() != null ? p.type() : c.type(), n));
        }
        return new KnownTable(a.key(), a.name(), a.origin() + "+" + b.origin(), new ArrayList<>(cols.values()), part, clus, size, rows,
                a.file(), a.line(), a.col(), a.path());
    }

    private static String word(Boolean nullable) {
        return nullable ? "nullable" : "NOT NULL";
    }

    private static List<String> pick(KnownTable a, KnownTable b, List<String> x, List<String> y, String what, List<Problem> problems) {
        if (x.isEmpty()) return y;
        if (!y.isEmpty() && !x.equals(y)) conflict(a, b, what, String.join(", ", x), String.join(", ", y), problems);
        return x;
    }

    private static void conflict(KnownTable a, KnownTable b, String what, Object va, Object vb, List<Problem> problems) {
        problems.add(new Problem(b.file(), b.line(), b.col(), b.path(), "table " + a.name() + " has " + what + " " + vb + " here but "
                + va + " in " + a.source() + "; describe it one way"));
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    List<KnownTable> tables() {
        return new ArrayList<>(byKey.values());
    }

    KnownTable table(String key) {
        return key == null ? null : byKey.get(key);
    }

    /** The key of the known table {@code parts} names, or the parts joined in lower case when none (or several) match. */
    String resolve(List<String> parts) {
        List<String> norm = new ArrayList<>();
        for (String p : parts) if (p != null && !p.isEmpty()) norm.add(unquote(p).toLowerCase(Locale.ROOT));
        String written = String.join(".", norm);
        if (byKey.containsKey(written)) return written;
        String k = bySuffix.get(written);
        if (k != null) return k;
        // the query is more qualified than the knowledge: analytics.sales.orders against a known sales.orders or orders
        for (int i = 1; i < norm.size(); i++) {
            String suffix = String.join(".", norm.subList(i, norm.size()));
            if (byKey.containsKey(suffix)) return suffix;
        }
        return written;
    }

    static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("`") && t.endsWith("`")
                || t.startsWith("[") && t.endsWith("]"))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}
