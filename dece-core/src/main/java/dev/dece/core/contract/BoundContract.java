package dev.dece.core.contract;

import dev.dece.core.drl.Check;
import dev.dece.core.drl.Contract;
import dev.dece.core.drl.ContractColumn;
import dev.dece.core.drl.ContractNote;
import dev.dece.core.drl.ContractTable;

import java.util.ArrayList;
import java.util.List;

/**
 * A contract bound into facts: the header, its tables, columns and checks, in document order, and the notes on
 * what was read but not checked or departs from the standard. Immutable; safe to share.
 */
public record BoundContract(Contract contract, List<ContractTable> tables, List<ContractColumn> columns, List<Check> checks,
                            List<ContractNote> notes) {

    public BoundContract {
        tables = List.copyOf(tables);
        columns = List.copyOf(columns);
        checks = List.copyOf(checks);
        notes = List.copyOf(notes);
    }

    /** Every fact, for the rule engine. */
    public List<Object> facts() {
        List<Object> out = new ArrayList<>(1 + tables.size() + columns.size() + checks.size() + notes.size());
        out.add(contract);
        out.addAll(tables);
        out.addAll(columns);
        out.addAll(checks);
        out.addAll(notes);
        return out;
    }

    /** The columns of one table, in position order. */
    public List<ContractColumn> columns(String table) {
        return columns.stream().filter(c -> c.table().equals(table)).toList();
    }
}
