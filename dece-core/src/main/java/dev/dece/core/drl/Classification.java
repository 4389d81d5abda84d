package dev.dece.core.drl;

import java.util.List;

/** The Phase 6 Data Classification levels, least to most sensitive. */
public enum Classification implements Spelled {
    /** Product catalog, published stats: no restrictions. */
    PUBLIC("public"),
    /** Aggregated metrics, non-PII analytics: auth required, audit logging. */
    INTERNAL("internal"),
    /** Customer PII, financial records, HR data: encryption, column-level access, masking. */
    CONFIDENTIAL("confidential", "sensitive"),
    /** SSN, payment cards, health records, passwords: tokenization, audit every access, retention limits. */
    RESTRICTED("restricted", "secret");

    private final List<String> spellings;

    Classification(String... s) {
        this.spellings = List.of(s);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
