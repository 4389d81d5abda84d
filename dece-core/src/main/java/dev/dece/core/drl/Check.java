package dev.dece.core.drl;

import java.util.List;

/**
 * One quality check of a contract, declared ({@code checks[]}, ODCS {@code quality[]}) or derived from a
 * declarative constraint (ODCS {@code required}, {@code unique}, {@code primaryKey}, {@code logicalTypeOptions},
 * {@code relationships}; the SLA's freshness). Parameters unused by a kind are null.
 *
 * @param id       stable and unique within the contract: {@code table.column.kind}, e.g. {@code fct_orders.order_id.unique}
 * @param column   null for table-level kinds (volume, custom)
 * @param derived  true when DECE derived it rather than the contract declaring it
 * @param columns  a composite key's columns in key order (a {@code unique} check over the primary key's tuple, a
 *                 {@code referential} check of a composite foreign key), with {@code column} null; empty otherwise
 * @param refColumns the referenced key's columns of a composite foreign key, in the order of {@code columns}
 * @param minExclusive a {@code range} whose {@code min} itself is out of range (ODCS {@code exclusiveMinimum})
 * @param maxExclusive a {@code range} whose {@code max} itself is out of range (ODCS {@code exclusiveMaximum})
 * @param expect   what the measured value must satisfy; see {@link Expect}
 */
public record Check(Node node, String id, String table, String column, CheckKind kind, Double min, Double max,
                    List<String> values, String pattern, Double hours, String refTable, String refColumn,
                    String sourceTable, String sourceColumn, Double maxPercent, String sql, Expect expect,
                    boolean derived, List<String> columns, List<String> refColumns, boolean minExclusive,
                    boolean maxExclusive) implements Located {

    public Check {
        values = values == null ? List.of() : List.copyOf(values);
        columns = columns == null ? List.of() : List.copyOf(columns);
        refColumns = refColumns == null ? List.of() : List.copyOf(refColumns);
    }

    /** The checked columns: the composite key's, or the one column; empty for table-level checks. */
    public List<String> keyColumns() {
        if (!columns.isEmpty()) return columns;
        return column == null ? List.of() : List.of(column);
    }

    /** The referenced columns, in key order: the composite key's, or {@code refColumn}. */
    public List<String> refKeyColumns() {
        if (!refColumns.isEmpty()) return refColumns;
        return refColumn == null ? List.of() : List.of(refColumn);
    }

    /** One {@code table.column} a check names. */
    public record Ref(String table, String column) {
        public String qualified() {
            return table + "." + column;
        }
    }

    /**
     * Every column a referential check names: its own key columns on {@code table} and the referenced ones on
     * {@code refTable}, for the rule that each exists (CON-015); empty for other kinds.
     */
    public List<Ref> references() {
        if (kind != CheckKind.REFERENTIAL || refTable == null) return List.of();
        List<Ref> out = new java.util.ArrayList<>();
        for (String c : keyColumns()) out.add(new Ref(table, c));
        for (String c : refKeyColumns()) out.add(new Ref(refTable, c));
        return out;
    }

    /** True for a check over a composite key (several columns as one tuple). */
    public boolean composite() {
        return columns.size() > 1;
    }

    /** The checked columns as written in messages: {@code order_id} or {@code (order_id, line_no)}. */
    public String columnLabel() {
        List<String> k = keyColumns();
        return k.size() == 1 ? k.get(0) : "(" + String.join(", ", k) + ")";
    }
}
