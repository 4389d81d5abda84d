package dev.dece.core.drl;


/**
 * One column change between an old and a new contract. {@link #node()} is where the change shows: the new
 * column, or the old one for a removal.
 *
 * @param column    the column's name in the new contract (the old name for a removal)
 * @param oldColumn the column's name in the old contract ({@code ""} for an addition)
 * @param oldValue  the old value (type, nullable, values, pii), {@code ""} when not applicable
 * @param newValue  the new value, {@code ""} when not applicable
 * @param detection how the change was detected, e.g. for a rename "same type bigint, same position 2, name similarity 0.73"
 */
public record SchemaChange(Node node, ChangeKind kind, String table, String column, String oldColumn, String oldValue,
                           String newValue, String detection, Node oldNode) implements Located {

    public boolean breaksBackward() {
        return kind.breaksBackward();
    }

    public boolean breaksForward() {
        return kind.breaksForward();
    }

    /** {@code table.column}. */
    public String qualified() {
        return table + "." + column;
    }
}
