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
 */
public record Finding(String ruleId, Severity severity, String topic, String message, Location location,
                      String remediation, List<Evidence> evidence, String subject) {
    public Finding {
        evidence = List.copyOf(evidence);
    }

    /** A finding about no named subject. */
    public Finding(String ruleId, Severity severity, String topic, String message, Location location,
                   String remediation, List<Evidence> evidence) {
        this(ruleId, severity, topic, message, location, remediation, evidence, null);
    }

    /** This finding with another severity, e.g. one that depends on how soon a line is crossed. */
    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, topic, message, location, remediation, evidence, subject);
    }
}
