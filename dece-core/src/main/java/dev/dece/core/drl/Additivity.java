package dev.dece.core.drl;

import java.util.List;

/** A measure's {@code type} in the Dimensional Model Template: how it may be summed. */
public enum Additivity implements Spelled {
    /** Sums across every dimension (sales amount, quantity). */
    ADDITIVE("additive"),
    /** Sums across some dimensions but not across time (account balance, inventory level). */
    SEMI_ADDITIVE("semi-additive", "semiadditive"),
    /** Never sums (ratios, percentages, unit prices, averages). */
    NON_ADDITIVE("non-additive", "nonadditive");

    private final List<String> spellings;

    Additivity(String... s) {
        this.spellings = List.of(s);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
