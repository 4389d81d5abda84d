package dev.dece.rules.support;

import dev.dece.core.report.Alternative;
import dev.dece.core.report.Evidence;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Recommendation;
import dev.dece.core.report.Report;

import java.util.List;
import java.util.Optional;

/** Lookups into a report, so tests read as what a user sees. */
public final class Results {
    private Results() {}

    /** The chosen values for a topic, in report order. */
    public static List<String> choices(Report r, String topic) {
        return r.recommendations(topic).stream().map(Recommendation::choice).toList();
    }

    public static Optional<Recommendation> rec(Report r, String topic, String choice) {
        return r.recommendations(topic).stream().filter(x -> x.choice().equals(choice)).findFirst();
    }

    /** The reason a choice was rejected inside any recommendation of the topic. */
    public static Optional<String> rejected(Report r, String topic, String choice) {
        return r.recommendations(topic).stream().flatMap(x -> x.alternatives().stream())
                .filter(a -> a.choice().equals(choice)).map(Alternative::reason).findFirst();
    }

    /** The one finding of {@code ruleId} in {@code r}; fails unless there is exactly one. */
    public static Finding only(Report r, String ruleId) {
        List<Finding> f = findings(r, ruleId);
        org.assertj.core.api.Assertions.assertThat(f).as(ruleId + " findings").hasSize(1);
        return f.get(0);
    }

    public static List<Finding> findings(Report r, String ruleId) {
        return r.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    public static List<String> paths(List<Evidence> ev) {
        return ev.stream().map(Evidence::path).toList();
    }

    /** True when the rule produced anything visible: a recommendation, a finding or an alternative. */
    public static boolean fired(Report r, String ruleId) {
        return r.recommendations().stream().anyMatch(x -> x.ruleId().equals(ruleId))
                || r.findings().stream().anyMatch(f -> f.ruleId().equals(ruleId))
                || r.recommendations().stream().flatMap(x -> x.alternatives().stream())
                        .anyMatch(a -> a.reason().contains(ruleId + ":"));
    }
}
