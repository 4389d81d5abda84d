package dev.dece.core.report;

import java.util.List;

/**
 * A typed, explained recommendation: what to choose for a topic, why, on which input facts, and which
 * alternatives lost and why.
 *
 * @param ruleId       the rule that recommends it, e.g. {@code PAT-003}
 * @param topic        e.g. {@code architecture.pattern}, {@code processing}
 * @param choice       kebab-case choice, e.g. {@code streaming}, {@code duckdb}
 * @param rationale    one or two sentences, in the methodology's terms
 * @param evidence     input paths and values that fired the rule, sorted by path
 * @param alternatives choices this recommendation beat, sorted by choice
 */
public record Recommendation(String ruleId, String topic, String choice, String rationale,
                             List<Evidence> evidence, List<Alternative> alternatives) {
    public Recommendation {
        evidence = List.copyOf(evidence);
        alternatives = List.copyOf(alternatives);
    }
}
