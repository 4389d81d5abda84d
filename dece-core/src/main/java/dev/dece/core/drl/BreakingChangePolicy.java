package dev.dece.core.drl;

import java.util.List;

/** The Data Contract Template's {@code breaking_change_policy}. */
public enum BreakingChangePolicy implements Spelled {
    /** Consumers are told a set number of days (30 by default) before a breaking change ships. */
    NOTIFY_30_DAYS("notify-30-days", "notify"),
    /** A breaking change ships only under a new major version of the contract. */
    VERSION_BUMP("version-bump", "versioned"),
    /** Breaking changes are not allowed at all. */
    NEVER_BREAK("never-break", "never");

    private final List<String> spellings;

    BreakingChangePolicy(String... s) {
        this.spellings = List.of(s);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
