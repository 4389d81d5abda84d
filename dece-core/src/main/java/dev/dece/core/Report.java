package dev.dece.core;

import java.util.List;
import java.util.Optional;

/**
 * The result of one DECE command: recommendations, findings and artifacts, in a deterministic order
 * (recommendations by topic then choice; findings by severity, then rule ID, then location).
 *
 * @param command         e.g. {@code assess}
 * @param inputs          the input file names as given
 * @param recommendations never null
 * @param findings        never null
 * @param artifacts       never null
 */
public record Report(String command, List<String> inputs, List<Recommendation> recommendations,
                     List<Finding> findings, List<Artifact> artifacts) {

    public Report {
        inputs = List.copyOf(inputs);
        recommendations = List.copyOf(recommendations);
        findings = List.copyOf(findings);
        artifacts = List.copyOf(artifacts);
    }

    /** The most severe finding's severity, if there is a finding. */
    public Optional<Severity> highestSeverity() {
        return findings.stream().map(Finding::severity).min(Enum::compareTo);
    }

    /** True when some finding is {@code threshold} or more severe; drives the command line's exit code 1. */
    public boolean hasFindingAtLeast(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }

    /** Recommendations for one topic, in report order. */
    public List<Recommendation> recommendations(String topic) {
        return recommendations.stream().filter(r -> r.topic().equals(topic)).toList();
    }
}
