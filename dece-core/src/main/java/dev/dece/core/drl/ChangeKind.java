package dev.dece.core.drl;

/**
 * How one column changed between two versions of a contract, with what it breaks by the methodology's
 * Schema Evolution definitions: <em>backward compatible</em> = old code reads new data; <em>forward
 * compatible</em> = new code reads old data.
 */
public enum ChangeKind {
    /** A new nullable column, or any column of a new table: old readers ignore it, new readers accept its absence. */
    ADDED_NULLABLE(false, false),
    /** A new required column: new readers expect it in old data, which lacks it. */
    ADDED_REQUIRED(false, true),
    /** Old readers still select the column. */
    REMOVED(true, false),
    /** Old readers use the old name; new readers the new one. */
    RENAMED(true, true),
    /** New values may not fit old readers' type; old values fit the new type. */
    TYPE_WIDENED(true, false),
    /** Old values may not fit the new type. */
    TYPE_NARROWED(false, true),
    /** Neither type holds the other's values. */
    TYPE_CHANGED(true, true),
    /** New data may hold nulls that old readers do not expect. */
    NULLABILITY_RELAXED(true, false),
    /** Old data holds nulls new readers do not expect. */
    NULLABILITY_TIGHTENED(false, true),
    /** Old data holds values new readers no longer accept. */
    ENUM_VALUES_REMOVED(false, true),
    /** New data holds values old readers do not know. */
    ENUM_VALUES_ADDED(true, false),
    /** A table of the old version is gone: old readers still select from it. */
    TABLE_REMOVED(true, false),
    /** Governance only: the column's handling changes, not its shape. */
    PII_FLAG_ADDED(false, false),
    /** Governance only: a lower Phase 6 level, so masking, encryption or audit may be dropped downstream. */
    CLASSIFICATION_LOWERED(false, false),
    /** Governance only: a higher Phase 6 level; copies already downstream are under-protected. */
    CLASSIFICATION_RAISED(false, false),
    /** Governance only: masking and audit may be dropped downstream. */
    PII_FLAG_REMOVED(false, false);

    private final boolean breaksBackward;
    private final boolean breaksForward;

    ChangeKind(boolean breaksBackward, boolean breaksForward) {
        this.breaksBackward = breaksBackward;
        this.breaksForward = breaksForward;
    }

    /** True when old code can no longer read new data. */
    public boolean breaksBackward() {
        return breaksBackward;
    }

    /** True when new code cannot read old data. */
    public boolean breaksForward() {
        return breaksForward;
    }
}
