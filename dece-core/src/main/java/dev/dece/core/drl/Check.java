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
 * @param expect   what the measured value must satisfy; see {@link Expect}
 */
public record Check(Node node, String id, String table, String column, CheckKind kind, Double min, Double max,
                    List<String> values, String pattern, Double hours, String refTable, String refColumn,
                    String sourceTable, String sourceColumn, Double maxPercent, String sql, Expect expect,
                    boolean derived) implements Located {

    public Check {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
