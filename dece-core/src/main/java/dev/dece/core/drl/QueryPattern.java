package dev.dece.core.drl;

import java.util.List;

/** data_consumers[].query_pattern: how a consumer reads the data. */
public enum QueryPattern implements Spelled {
    AD_HOC("ad-hoc", "adhoc"),
    SCHEDULED("scheduled"),
    API("API"),
    DASHBOARD("dashboard");

    private final List<String> spellings;

    QueryPattern(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
