package dev.dece.core.drl;

import java.util.List;

/** The Data Contract Template's {@code sla.support_hours}. */
public enum SupportHours implements Spelled {
    BUSINESS_HOURS("business-hours"),
    ALWAYS("24x7", "24/7");

    private final List<String> spellings;

    SupportHours(String... s) {
        this.spellings = List.of(s);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
