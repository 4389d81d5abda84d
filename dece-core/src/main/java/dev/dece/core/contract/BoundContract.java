package dev.dece.core.contract;

import dev.dece.core.drl.Check;
import dev.dece.core.drl.Contract;
import dev.dece.core.drl.ContractColumn;
import dev.dece.core.drl.ContractTable;

import java.util.ArrayList;
import java.util.List;

/**
 * A contract bound into facts: the header, its tables, columns and checks, in document order.
 * Immutable; safe to share.
 */
public record BoundContract(Contract contract, List<ContractTable> tables, List<ContractColumn> columns, List<Check> checks) {

    public BoundContract {
        tables = List.copyOf(tables);
        columns = List.copyOf(columns);
        checks = List.copyOf(checks);
    }

    /** Every fact, for the rule engine. */
    public List<Object> facts() {
        List<Object> out = new ArrayList<>(1 + tables.size() + columns.size() + checks.size());
        out.add(contract);
        out.addAll(tables);
        out.addAll(columns);
        out.addAll(checks);
        return out;
    }

    /** The columns of one table, in position order. */
    public List<ContractColumn> columns(String table) {
        return columns.stream().filter(c -> c.table().equals(table)).toList();
    }
}
