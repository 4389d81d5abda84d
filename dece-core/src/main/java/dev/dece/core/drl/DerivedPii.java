package dev.dece.core.drl;

import java.util.List;

/**
 * Classification along lineage: {@code dataset} derives personal data from {@code upstream}, a catalogued dataset
 * classified {@code upstreamLevel} that holds PII, through lineage declared at {@code via} ({@code file:line}).
 * {@code columns} are the upstream PII columns that reach the dataset; a column the dataset's
 * {@code lineage.pii_handling} marks hashed, tokenized or dropped does not count, and when none is left Java
 * creates no fact. Located at the dataset's {@code lineage.sources}.
 */
public record DerivedPii(Node node, String dataset, Classification classification, String upstream,
                         Classification upstreamLevel, List<String> columns, String via) implements Located {
    public DerivedPii {
        columns = List.copyOf(columns);
    }

    @Override
    public String subject() {
        return dataset;
    }

    /** Rank of the dataset's own classification; -1 when it has none. */
    public int level() {
        return classification == null ? -1 : classification.ordinal();
    }
}
