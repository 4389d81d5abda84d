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
        List<Column> out = new ArrayList<>(cols.size());
        for (Column c : cols) {
            boolean k = pk != null && c.name().equalsIgnoreCase(pk);
            out.add(k == c.primaryKey() ? c : new Column(c.table(), c.name(), c.sqlType(), c.type(), c.tests(), k,
                    c.file(), c.line(), c.col(), c.path()));
        }
        return out;
    }
}
