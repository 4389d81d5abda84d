package dev.dece.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The result of one DECE command: recommendations, findings, artifacts and, for commands that run
 * checks, their typed outcomes, in a deterministic order (recommendations by topic then choice;
 * findings by severity, then rule ID, then location; checks in the order the command ran them).
 *
 * @param command         e.g. {@code assess}
 * @param inputs          the input file names as given
 * @param recommendations never null
 * @param findings        never null
 * @param artifacts       never null
 * @param checks          the checks the command ran, each linked to the finding it raised; empty when it ran none
 */
public record Report(String command, List<String> inputs, List<Recommendation> recommendations,
                     List<Finding> findings, List<Artifact> artifacts, List<CheckOutcome> checks) {

    public Report {
        inputs = List.copyOf(inputs);
        recommendations = List.copyOf(recommendations);
        findings = List.copyOf(findings);
        artifacts = List.copyOf(artifacts);
        checks = List.copyOf(checks);
    }

    /** A report of a command that ran no checks. */
    public Report(String command, List<String> inputs, List<Recommendation> recommendations,
                  List<Finding> findings, List<Artifact> artifacts) {
        this(command, inputs, recommendations, findings, artifacts, List.of());
    }

    /** The most severe counting finding's severity (neither waived nor known from a baseline), if there is one. */
    public Optional<Severity> highestSeverity() {
        return active().stream().map(Finding::severity).min(Enum::compareTo);
    }

    /**
     * True when some counting finding (neither waived nor known from a baseline) is {@code threshold} or more severe;
     * drives the command line's exit code 1.
     */
    public boolean hasFindingAtLeast(Severity threshold) {
        return active().stream().anyMatch(f -> f.severity().atLeast(threshold));
    }

    /** The findings that count: neither waived nor known from a baseline, in report order. */
    public List<Finding> active() {
        return findings.stream().filter(Finding::active).toList();
    }

    /** The findings a report lists: those that count and the waived ones (marked), not those the baseline knew. */
    public List<Finding> listed() {
        return findings.stream().filter(f -> !f.known()).toList();
    }

    /** How many findings a waiver accepted. */
    public int waivedCount() {
        return (int) findings.stream().filter(Finding::waived).count();
    }

    /** How many findings the baseline already held (known, not new). */
    public int knownCount() {
        return (int) findings.stream().filter(Finding::known).count();
    }

    /** This report with {@code findings} instead of its own (already in report order), e.g. once waivers are applied. */
    public Report withFindings(List<Finding> replaced) {
        return new Report(command, inputs, recommendations, replaced, artifacts, checks);
    }

    /**
     * This report as a baseline records it: every finding, the ones a previous baseline knew counting again, so
     * {@code --write-baseline} writes the whole current estate.
     */
    public Report forBaseline() {
        return withFindings(findings.stream().map(f -> f.known() ? f.withSuppression(null) : f).toList());
    }

    /** Recommendations for one topic, in report order. */
    public List<Recommendation> recommendations(String topic) {
        return recommendations.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    /** This report with {@code more} artifacts after its own, in the order given. */
    public Report withArtifacts(List<Artifact> more) {
        List<Artifact> all = new ArrayList<>(artifacts);
        all.addAll(more);
        return new Report(command, inputs, recommendations, findings, all, checks);
    }

    /** This report with its artifacts sorted by kind, then name. */
    public Report sortArtifacts() {
        List<Artifact> all = new ArrayList<>(artifacts);
        all.sort(Comparator.comparing(Artifact::kind).thenComparing(Artifact::name));
        return new Report(command, inputs, recommendations, findings, all, checks);
    }

    /**
     * This report with the outcomes of the checks the command ran, in the order given, each linked to the most
     * severe finding whose {@link Finding#subject()} is the check's ID (findings are already in severity
     * order).
     */
    public Report withChecks(List<CheckOutcome> outcomes) {
        List<CheckOutcome> linked = new ArrayList<>(outcomes.size());
        java.util.Map<String, Finding> first = new java.util.HashMap<>();
        for (Finding f : findings) {
            if (f.subject() != null) first.putIfAbsent(f.subject(), f);
        }
        for (CheckOutcome o : outcomes) linked.add(o.withFinding(first.get(o.id())));
        return new Report(command, inputs, recommendations, findings, artifacts, linked);
    }

    /**
     * One report of the same command over several inputs ({@code --combined}): the inputs in the order given,
     * recommendations and check outcomes report by report, findings merged in report order (severity, rule, file,
     * line, column, path, message), and every artifact named {@code INPUT/NAME} so two inputs' artifacts cannot
     * collide. A single report comes back as it is.
     */
    public static Report combine(List<Report> reports) {
        if (reports.isEmpty()) throw new IllegalArgumentException("no reports to combine");
        if (reports.size() == 1) return reports.get(0);
        List<String> inputs = new ArrayList<>();
        List<Recommendation> recs = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<Artifact> artifacts = new ArrayList<>();
        List<CheckOutcome> checks = new ArrayList<>();
        for (Report r : reports) {
            String label = String.join(" ", r.inputs());
            for (String i : r.inputs()) if (!inputs.contains(i)) inputs.add(i);
            recs.addAll(r.recommendations());
            findings.addAll(r.findings());
            for (Artifact a : r.artifacts()) artifacts.add(new Artifact(a.kind(), label + "/" + a.name(), a.content()));
            checks.addAll(r.checks());
        }
        findings.sort(Finding.ORDER);
        return new Report(reports.get(0).command(), inputs, recs, findings, artifacts, checks);
    }
}
