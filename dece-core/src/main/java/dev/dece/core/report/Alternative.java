package dev.dece.core.report;

/**
 * A choice that lost to the recommendation it is listed in, and why.
 *
 * @param choice kebab-case name, e.g. {@code lambda}
 * @param reason why it was not chosen; for a rule-based rejection this starts with the rule ID
 */
public record Alternative(String choice, String reason) {}
