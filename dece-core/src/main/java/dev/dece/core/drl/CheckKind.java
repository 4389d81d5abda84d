package dev.dece.core.drl;

import java.util.List;
import java.util.Locale;

/**
 * The check kinds of the methodology's Quality Check Templates and the Data Contract Template's
 * {@code checks[].type} ({@code not_null | unique | range | enum | regex | custom}), plus the table-level
 * templates (freshness, volume, referential, distribution, cross-system reconciliation).
 */
public enum CheckKind implements Spelled {
    /** Completeness: required fields not null. Threshold 0. */
    NOT_NULL("Completeness", "not_null", "not-null", "completeness", "nullValues", "missingValues"),
    /** Uniqueness: no duplicate keys. Threshold 0. */
    UNIQUE("Uniqueness", "unique", "uniqueness", "duplicateValues"),
    /** Validity: values within a numeric range. */
    RANGE("Validity", "range", "accepted_range"),
    /** Validity: text lengths within a range (ODCS {@code minLength}, {@code maxLength}). */
    LENGTH("Validity", "length", "value_length"),
    /** Validity: values from an allowed list. */
    ENUM("Validity", "enum", "accepted_values", "validValues"),
    /** Validity: values match a regular expression. */
    REGEX("Validity", "regex", "pattern"),
    /** Freshness: the newest row is younger than the SLA. */
    FRESHNESS("Freshness", "freshness", "recency"),
    /** Completeness: row count within the expected range. */
    VOLUME("Completeness", "volume", "row_count", "rowCount"),
    /** Consistency: every foreign key finds its dimension row. Threshold 0. */
    REFERENTIAL("Consistency", "referential", "relationships", "foreign_key"),
    /** Validity: no single value holds more than its share of rows. */
    DISTRIBUTION("Validity", "distribution", "skew"),
    /** Accuracy: source and target totals agree within 1 %. */
    RECONCILIATION("Accuracy", "reconciliation", "sum_reconciliation"),
    /** A team's own SQL returning one number. */
    CUSTOM("Validity", "custom", "sql");

    private final String dimension;
    private final List<String> spellings;

    CheckKind(String dimension, String... spellings) {
        this.dimension = dimension;
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }

    /** The methodology's Quality Dimension this kind measures. */
    public String dimension() {
        return dimension;
    }

    /** True for kinds that count offending rows out of the table's rows (so a share of records applies). */
    public boolean countsRows() {
        return this == NOT_NULL || this == UNIQUE || this == RANGE || this == LENGTH || this == ENUM || this == REGEX || this == REFERENTIAL;
    }

    /** True for kinds that test one column; the others test a table. */
    public boolean perColumn() {
        return this != VOLUME && this != CUSTOM;
    }

    /** {@code not_null}, {@code unique}, ... as used in check IDs. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
