package dev.dece.core.report;

/**
 * What a rule is, read from its DRL metadata; this feeds the rule catalog and {@code dece rules}.
 *
 * @param id          stable ID, the first word of the rule name, e.g. {@code PAT-003}
 * @param title       the rest of the rule name
 * @param ruleSet     the DRL package's last segment, e.g. {@code architecture}
 * @param topic       the {@code @topic} metadata
 * @param severity    the {@code @severity} metadata, or {@code null} for rules that only recommend
 * @param section     the methodology section it encodes ({@code @section})
 */
public record RuleInfo(String id, String title, String ruleSet, String topic, Severity severity, String section) {}
