package dev.dece.core.lint;

import dev.dece.core.drl.Column;
import dev.dece.core.drl.NameRules;
import dev.dece.core.drl.ObjectKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Shared steps of every lint reader: the primary-key choice and the kind a name implies. */
final class Tables {
    private Tables() {}

    /**
     * The declared key when there is one; else the column with a {@code unique} test; else
     * {@code [singular entity]_id}; else {@code id}; else the dimension's {@code [entity]_key} or {@code _sk}.
     */
    static String primaryKey(String table, List<String> columns, String declared, List<Set<String>> tests) {
        if (declared != null) return declared;
        for (int i = 0; i < columns.size(); i++) {
            if (tests.get(i).contains("unique")) return columns.get(i);
        }
        String e = NameRules.singular(NameRules.entity(table));
        for (String want : List.of(e + "_id", "id", e + "_key", e + "_sk")) {
            for (String c : columns) if (c.toLowerCase(Locale.ROOT).equals(want)) return c;
        }
        return null;
    }

    static ObjectKind kindOf(String name) {
        return ObjectKind.ofPrefix(NameRules.layerPrefix(name));
    }

    /** Rebuilds columns with the primary-key flag set. */
    static List<Column> markKey(List<Column> cols, String pk) {
        return markKey(cols, pk, List.of());
    }

    /**
     * Rebuilds columns with the primary-key flag set on {@code pk}, or on every column of a composite {@code key},
     * and with the table's {@link #sharedPrefix shared column prefix}, if any.
     */
    static List<Column> markKey(List<Column> cols, String pk, List<String> key) {
        String shared = sharedPrefix(cols);
        List<Column> out = new ArrayList<>(cols.size());
        for (Column c : cols) {
            boolean k = pk != null && c.name().equalsIgnoreCase(pk)
                    || key.stream().anyMatch(x -> x.equalsIgnoreCase(c.name()));
            Column m = c.withPrimaryKey(k);
            out.add(shared.isEmpty() ? m : m.withPrefix(shared));
        }
        return out;
    }

    private static final java.util.regex.Pattern SHORT_PREFIX = java.util.regex.Pattern.compile("([a-z]{1,4}_)[a-z0-9].*");

    /** Prefixes that carry meaning of their own (booleans, counts, layers), never a table's column convention. */
    private static final Set<String> MEANINGFUL = Set.of("is_", "has_", "num_", "cnt_", "nbr_", "dim_", "fct_", "stg_", "int_",
            "mrt_", "raw_", "snp_", "src_", "dt_", "amt_", "flag_", "bool_", "ts_");

    /**
     * A prefix of one to four letters and an underscore that every column of the table shares, as benchmark
     * schemas write them ({@code l_orderkey, l_partkey, l_shipdate} or {@code ss_item_sk, ss_sold_date_sk}): a
     * convention naming rules look past, so {@code n_name} is not read as "n means count". {@code ""} when fewer
     * than three columns, or they share no such prefix.
     */
    static String sharedPrefix(List<Column> cols) {
        if (cols.size() < 3) return "";
        String shared = null;
        for (Column c : cols) {
            java.util.regex.Matcher m = SHORT_PREFIX.matcher(c.leaf().toLowerCase(Locale.ROOT));
            if (!m.matches()) return "";
            if (shared == null) shared = m.group(1);
            else if (!shared.equals(m.group(1))) return "";
        }
        return shared == null || MEANINGFUL.contains(shared) ? "" : shared;
    }

    /** A name seen before (case-insensitively, as SQL compares unquoted names) is a located problem naming the first. */
    static void unique(dev.dece.core.doc.Binder b, java.util.Map<String, dev.dece.core.drl.Node> seen, dev.dece.core.drl.Node at,
                       String name, String what) {
        if (name == null) return;
        dev.dece.core.drl.Node first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), at);
        if (first != null) b.problem(at, "\"" + name + "\" is already the name of the " + what + " at line " + first.line() + "; each name appears once");
    }
}
