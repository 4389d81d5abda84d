package dev.dece.core;

import java.util.List;

/**
 * A problem or risk found in the input, with its severity and how to fix it.
 *
 * @param ruleId      e.g. {@code TECH-012}
 * @param severity    P0..P3 by the methodology's severity tables
 * @param topic       e.g. {@code processing}, {@code governance.pii}
 * @param message     what is wrong, in one or two sentences
 * @param location    the input line and path it is about
 * @param remediation what to do about it
 * @param evidence    input paths and values that fired the rule, sorted by path
 */
public record Finding(String ruleId, Severity severity, String topic, String message, Location location,
                      String remediation, List<Evidence> evidence) {
    public Finding {
        evidence = List.copyOf(evidence);
    }
}
