package dev.dece.core.drl;

import java.util.List;

/** A measure's {@code aggregation} in the Dimensional Model Template. */
public enum Aggregation implements Spelled {
    SUM("SUM"),
    AVG("AVG", "average", "mean"),
    COUNT("COUNT"),
    MIN("MIN"),
    MAX("MAX"),
    COUNT_DISTINCT("COUNT DISTINCT", "distinct count");

    private final List<String> spellings;

    Aggregation(String... s) {
        this.spellings = List.of(s);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
