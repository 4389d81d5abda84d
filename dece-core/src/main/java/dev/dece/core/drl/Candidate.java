package dev.dece.core.drl;

import dev.dece.core.report.Evidence;

import java.util.List;

/**
 * A rule's vote for a choice in one slot of a topic. The engine turns, per (topic, slot), the
 * best-ranked candidate that no {@link Rejection} removed into a recommendation; the others become its
 * alternatives. Lower rank wins; ties go to the alphabetically first choice, so output is deterministic.
 * An {@code optional} candidate (a pattern or tool that is recommended on top of the required ones) is
 * dropped when rejected; a required one is kept as the least bad fit, and its rejections become findings.
 */
public record Candidate(String ruleId, String topic, String slot, String choice, int rank, String rationale,
                        List<Evidence> evidence, boolean optional) {}
