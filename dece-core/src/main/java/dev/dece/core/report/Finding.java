package dev.dece.core.report;

import java.util.List;

/**
 * A problem or risk found in the input, with its severity and how to fix it.
 *
 * @param ruleId      e.g. {@code PRC-018}
 * @param severity    P0..P3 by the methodology's severity tables, or INFO for what was read but not judged
 * @param topic       e.g. {@code processing}, {@code governance.pii}
 * @param message     what is wrong, in one or two sentences
 * @param location    the input line and path it is about
 * @param remediation what to do about it
 * @param evidence    input paths and values that fired the rule, sorted by path
 * @param subject     what the finding is about by name (a pipeline, a check, a table), or {@code null}
 *                    when the rule did not say; stable across edits that move lines
 * @param suppression why the finding does not count (a waiver, a baseline), or {@code null} for a finding that counts
 */
public record Finding(String ruleId, Severity severity, String topic, String message, Location location,
                      String remediation, List<Evidence> evidence, String subject, Suppression suppression) {

    /** Severity, rule ID, file, line, column, path, message: the total order findings are listed in. */
    public static final java.util.Comparator<Finding> ORDER = java.util.Comparator.comparing(Finding::severity)
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.location().file())
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column())
            .thenComparing(f -> f.location().path())
            .thenComparing(Finding::message);

    public Finding {
        evidence = List.copyOf(evidence);
    }

    /** A finding that counts (no waiver, not in a baseline). */
    public Finding(String ruleId, Severity severity, String topic, String message, Location location,
                   String remediation, List<Evidence> evidence, String subject) {
        this(ruleId, severity, topic, message, location, remediation, evidence, subject, null);
    }

    /** A finding about no named subject. */
    public Finding(String ruleId, Severity severity, String topic, String message, Location location,
                   String remediation, List<Evidence> evidence) {
        this(ruleId, severity, topic, message, location, remediation, evidence, null);
    }

    /** This finding with another severity, e.g. one that depends on how soon a line is crossed. */
    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, topic, message, location, remediation, evidence, subject, suppression);
    }

    /** This finding suppressed by {@code s}, or counting again when {@code s} is null. */
    public Finding withSuppression(Suppression s) {
        return new Finding(ruleId, severity, topic, message, location, remediation, evidence, subject, s);
    }

    /** True when the finding counts: neither waived nor known from a baseline. */
    public boolean active() {
        return suppression == null;
    }

    /** True when a waiver (file or inline) accepted the finding: it is reported, marked waived. */
    public boolean waived() {
        return suppression != null && suppression.waived();
    }

    /** True when the baseline already held the finding: it is counted, not listed. */
    public boolean known() {
        return suppression != null && !suppression.waived();
    }
}
