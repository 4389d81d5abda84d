package dev.dece.core.drl;

import java.util.List;

/** pipeline.extract.source_profile.pagination (DECE extension): how an API pages its results. */
public enum Pagination implements Spelled {
    CURSOR("cursor", "token", "keyset"),
    OFFSET("offset", "page", "page-number"),
    NONE("none", "no");

    private final List<String> spellings;

    Pagination(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }

    /** The kebab-case name used in reports and choices, e.g. {@code skip-and-alert}. */
    public String choice() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
