package dev.dece.core.out;

import java.util.Locale;

/** How a report is rendered. */
public enum OutputFormat {
    /** For people at a terminal: grouped, short, with the why. The default. */
    TEXT,
    /** The stable contract: deterministic, byte-identical for the same input. */
    JSON,
    /** For pull-request comments and wikis. */
    MARKDOWN,
    /** JUnit XML for CI servers: one test case per quality check, one per other finding. */
    JUNIT;

    /** Parses {@code text|json|markdown|junit}; {@code null} when unknown. */
    public static OutputFormat parse(String s) {
        for (OutputFormat f : values()) {
            if (f.name().equalsIgnoreCase(s)) return f;
        }
        return null;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
