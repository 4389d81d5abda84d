package dev.dece.core.drl;

import java.util.List;

/** pipeline.tier: 1 (critical) | 2 (important) | 3 (nice-to-have). */
public enum Tier implements Spelled {
    CRITICAL("1 (critical)", "1", "critical", "tier-1"),
    IMPORTANT("2 (important)", "2", "important", "tier-2"),
    NICE_TO_HAVE("3 (nice-to-have)", "3", "nice-to-have", "tier-3");

    private final List<String> spellings;

    Tier(String... spellings) {
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
