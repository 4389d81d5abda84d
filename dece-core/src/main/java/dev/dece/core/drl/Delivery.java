package dev.dece.core.drl;

import java.util.List;

/** pipeline.extract.delivery (DECE extension): the stream's delivery guarantee. */
public enum Delivery implements Spelled {
    AT_LEAST_ONCE("at-least-once"),
    EXACTLY_ONCE("exactly-once");

    private final List<String> spellings;

    Delivery(String... spellings) {
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
