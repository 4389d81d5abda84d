package dev.dece.core.engine;

import dev.dece.core.Alternative;
import dev.dece.core.Artifact;
import dev.dece.core.Evidence;
import dev.dece.core.Finding;
import dev.dece.core.Recommendation;
import dev.dece.core.Report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns what the rules inserted into a {@link Report}: per (topic, slot) the best-ranked candidate that
 * no rejection removed becomes the recommendation; losing candidates and rejections become its
 * alternatives; a choice kept although rejected (nothing else fits) turns its rejections into findings.
 * Everything is sorted, so the same input always gives the same report.
 */
public final class Assembler {

    /** Topics in the order people read them; unknown topics follow alphabetically. */
    static final List<String> TOPIC_ORDER = List.of(
            "architecture.pattern", "orchestration", "processing", "storage", "modeling.methodology",
            "governance.classification", "governance", "growth", "extraction.strategy", "load.strategy", "partitioning.key", "idempotency",
            "error-handling", "schedule", "quality-gates");

    private Assembler() {}

    public static Report assemble(String command, List<String> inputs, Collection<?> objects) {
        List<Candidate> candidates = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Map<String, Artifact> artifacts = new TreeMap<>();
        for (Object o : objects) {
            if (o instanceof Candidate c) candidates.add(c);
            else if (o instanceof Rejection r) rejections.add(r);
            else if (o instanceof Finding f) findings.add(f);
            else if (o instanceof Artifact a) artifacts.put(a.kind() + "\u0000" + a.name(), a);
        }
        candidates.sort(Comparator.comparing(Candidate::topic).thenComparing(Candidate::slot)
                .thenComparingInt(Candidate::rank).thenComparing(Candidate::choice).thenComparing(Candidate::ruleId));
        rejections.sort(Comparator.comparing(Rejection::topic).thenComparing(Rejection::choice).thenComparing(Rejection::ruleId));

        // group candidates by topic + slot, keeping the best candidate per choice (merging evidence)
        Map<String, Map<String, Candidate>> slots = new TreeMap<>();
        for (Candidate c : candidates) {
            Map<String, Candidate> byChoice = slots.computeIfAbsent(c.topic() + "\u0000" + c.slot(), k -> new LinkedHashMap<>());
            Candidate prev = byChoice.get(c.choice());
            if (prev == null) {
                byChoice.put(c.choice(), c);
            } else {
                List<Evidence> ev = new ArrayList<>(prev.evidence());
                ev.addAll(c.evidence());
                String rationale = prev.rationale().equals(c.rationale()) ? prev.rationale() : prev.rationale() + " " + c.rationale();
                byChoice.put(c.choice(), new Candidate(prev.ruleId(), prev.topic(), prev.slot(), prev.choice(), prev.rank(), rationale, ev, prev.optional()));
            }
        }
        Map<String, List<Rejection>> rejectedByChoice = new TreeMap<>();
        for (Rejection r : rejections) {
            rejectedByChoice.computeIfAbsent(r.topic() + "\u0000" + r.choice(), k -> new ArrayList<>()).add(r);
        }

        List<Ranked> recs = new ArrayList<>();
        Set<Rejection> attached = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, Candidate>> e : slots.entrySet()) {
            List<Candidate> inSlot = new ArrayList<>(e.getValue().values());
            inSlot.sort(Comparator.comparingInt(Candidate::rank).thenComparing(Candidate::choice));
            Candidate winner = inSlot.stream().filter(c -> !rejectedByChoice.containsKey(key(c))).findFirst().orElse(null);
            if (winner == null && inSlot.stream().allMatch(Candidate::optional)) {
                continue; // optional and rejected: dropped; its rejections are listed where the topic is
            }
            if (winner == null) {
                winner = inSlot.get(0);
                for (Rejection r : rejectedByChoice.get(key(winner))) {
                    findings.add(new Finding(r.ruleId(), r.severity(), r.topic(),
                            winner.choice() + " is still the best fit for " + r.topic() + " although " + r.reason(),
                            r.location(), r.mitigation(), sortedEvidence(r.evidence())));
                    attached.add(r);
                }
            }
            Map<String, String> alternatives = new TreeMap<>();
            for (Candidate c : inSlot) {
                if (c == winner) continue;
                List<Rejection> rs = rejectedByChoice.get(key(c));
                if (rs != null) {
                    alternatives.put(c.choice(), reasons(rs));
                    attached.addAll(rs);
                } else {
                    alternatives.put(c.choice(), "also fits (" + c.ruleId() + ": " + c.rationale() + "), but "
                            + winner.choice() + " ranks first here");
                }
            }
            recs.add(new Ranked(winner, alternatives));
        }
        // rejections of choices that were never candidates: listed where their slot's winner is
        for (Rejection r : rejections) {
            if (attached.contains(r)) continue;
            Ranked home = recs.stream().filter(x -> x.winner.topic().equals(r.topic()) && x.winner.slot().equals(r.slot()))
                    .findFirst().orElse(recs.stream().filter(x -> x.winner.topic().equals(r.topic())).findFirst().orElse(null));
            if (home != null && !home.winner.choice().equals(r.choice())) {
                home.alternatives.merge(r.choice(), r.ruleId() + ": " + r.reason(), (a, b) -> a + "; " + b);
            }
        }

        // per topic: the required slots' winners first, then what is recommended on top of them
        recs.sort(Comparator.comparingInt((Ranked x) -> topicIndex(x.winner.topic())).thenComparing(x -> x.winner.topic())
                .thenComparing(x -> x.winner.optional()).thenComparingInt(x -> x.winner.rank())
                .thenComparing(x -> x.winner.choice()));
        List<Recommendation> out = new ArrayList<>();
        for (Ranked x : recs) {
            Candidate w = x.winner;
            List<Alternative> alts = x.alternatives.entrySet().stream()
                    .map(a -> new Alternative(a.getKey(), a.getValue())).collect(Collectors.toList());
            out.add(new Recommendation(w.ruleId(), w.topic(), w.choice(), w.rationale(), sortedEvidence(w.evidence()), alts));
        }
        findings.sort(FINDING_ORDER);
        List<Finding> unique = new ArrayList<>(new LinkedHashSet<>(findings));
        return new Report(command, inputs, out, unique, new ArrayList<>(artifacts.values()));
    }

    /** Severity, rule ID, file, line, path, message: a total order for findings. */
    public static final Comparator<Finding> FINDING_ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.location().file())
            .thenComparingInt(f -> f.location().line())
            .thenComparing(f -> f.location().path())
            .thenComparing(Finding::message);

    private static String reasons(List<Rejection> rs) {
        return rs.stream().map(r -> r.ruleId() + ": " + r.reason()).collect(Collectors.joining("; "));
    }

    private static List<Evidence> sortedEvidence(List<Evidence> ev) {
        return new ArrayList<>(new TreeSet<>(ev));
    }

    private static String key(Candidate c) {
        return c.topic() + "\u0000" + c.choice();
    }

    static int topicIndex(String topic) {
        int exact = TOPIC_ORDER.indexOf(topic);
        if (exact >= 0) return exact;
        for (int i = 0; i < TOPIC_ORDER.size(); i++) {
            if (topic.startsWith(TOPIC_ORDER.get(i) + ".")) return i;
        }
        return TOPIC_ORDER.size();
    }

    private static final class Ranked {
        final Candidate winner;
        final Map<String, String> alternatives;

        Ranked(Candidate winner, Map<String, String> alternatives) {
            this.winner = winner;
            this.alternatives = alternatives;
        }
    }
}
