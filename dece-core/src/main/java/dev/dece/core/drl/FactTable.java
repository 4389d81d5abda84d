package dev.dece.core.drl;

import java.util.List;

/**
 * The {@code fact_table} of a Dimensional Model Template.
 *
 * @param name                  e.g. {@code fct_orders}; null when absent
 * @param grain                 "one row = one [what]"; null when absent or blank
 * @param grainStatement        "One row per [...] at [time grain]"; null when absent or blank
 * @param degenerateDimensions  IDs stored in the fact (order_number, invoice_id), in document order
 * @param foreignKeys           links to dimension tables, as written, in document order
 */
public record FactTable(Node node, String name, String grain, String grainStatement,
                        List<String> degenerateDimensions, List<String> foreignKeys) implements Located {
    public FactTable {
        degenerateDimensions = List.copyOf(degenerateDimensions);
        foreignKeys = List.copyOf(foreignKeys);
    }
}
