package dev.dece.core.report;

/**
 * Severity of a finding, as the methodology's Quality Severity Levels and Alert Severity tables define
 * it. {@code P0} is the most severe; {@link #atLeast(Severity)} compares in that order.
 */
public enum Severity {
    /** Data corruption, wrong numbers in production, compliance data wrong: stop, alert, roll back. */
    P0("critical"),
    /** Missing data for key reports, SLA breach, more than 5% of records affected: fix within 4 hours. */
    P1("high"),
    /** Non-critical field quality, under 1% of records, no downstream impact: fix next sprint. */
    P2("medium"),
    /** Cosmetic issues, edge cases, non-critical data: backlog. */
    P3("low"),
    /**
     * Not a defect: what a command read but did not judge or could not check (a package's models, a check
     * for another engine), said so nothing is skipped in silence. Below P3; asks for no action.
     */
    INFO("info");

    private final String word;

    Severity(String word) {
        this.word = word;
    }

    /** "critical", "high", "medium" or "low". */
    public String word() {
        return word;
    }

    /** True when this severity is {@code other} or more severe (P0 is at least P2). */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    /** Parses {@code P0}..{@code P3} or {@code INFO}, case-insensitively; {@code null} when it is none of them. */
    public static Severity parse(String s) {
        if (s == null) return null;
        for (Severity v : values()) {
            if (v.name().equalsIgnoreCase(s.strip())) return v;
        }
        return null;
    }
}
