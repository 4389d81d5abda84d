package dev.dece.core.drl;

import java.util.List;

/** pipeline.error_handling.strategy: fail-fast | dead-letter | retry | skip-and-alert. */
public enum ErrorStrategy implements Spelled {
    FAIL_FAST("fail-fast"),
    DEAD_LETTER("dead-letter", "dlq", "dead-letter-queue"),
    RETRY("retry"),
    SKIP_AND_ALERT("skip-and-alert");

    private final List<String> spellings;

    ErrorStrategy(String... spellings) {
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
