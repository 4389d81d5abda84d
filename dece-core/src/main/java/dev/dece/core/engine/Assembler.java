package dev.dece.core.engine;

import dev.dece.core.drl.Candidate;
import dev.dece.core.drl.Chosen;
import dev.dece.core.drl.NotChosen;
import dev.dece.core.drl.Rejection;
import dev.dece.core.report.Alternative;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.Evidence;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Recommendation;
import dev.dece.core.report.Report;

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
 * The winner step, and the report. After each phase, {@link #decide} takes what the phase's rules
 * inserted and, per (topic, slot), makes the best-ranked candidate that no rejection of that slot
 * removed the winner: this is the only place rank, tie-break (the alphabetically first choice) and
 * merging are defined. Losing candidates and rejections become the winner's alternatives; a required
 * slot whose every candidate is rejected keeps the least bad one and turns its rejections into findings;
 * a rejected optional recommendation is dropped. The winners come back as {@link Chosen} facts (and the
 * losers as {@link NotChosen}) for the next phase. {@link #report} then orders everything, so the same
 * input always gives the same report. Not thread-safe: one assembler per evaluation.
 */
final class Assembler {

    private final List<Ranked> decided = new ArrayList<>();
    /** Slots decided by earlier phases: no later phase may vote in them again. */
    private final Set<String> decidedSlots = new java.util.HashSet<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Artifact> artifacts = new TreeMap<>();

    /**
     * Decides the slots voted on in one phase.
     *
     * @param objects everything the phase's session holds (facts and results; results are picked by type)
     * @return the {@link Chosen} and {@link NotChosen} facts of this phase's slots, in slot order
     */
    List<Object> decide(Collection<?> objects) {
        List<Candidate> candidates = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (Object o : objects) {
            if (o instanceof Candidate c) candidates.add(c);
            else if (o instanceof Rejection r) rejections.add(r);
            else if (o instanceof Finding f) findings.add(f);
            else if (o instanceof Artifact a) artifacts.put(a.kind() + "\u0000" + a.name(), a);
        }
        candidates.sort(Comparator.comparing(Candidate::topic).thenComparing(Candidate::slot)
                .thenComparingInt(Candidate::rank).thenComparing(Candidate::choice).thenComparing(Candidate::ruleId));
        rejections.sort(Comparator.comparing(Rejection::topic).thenComparing(Rejection::slot)
                .thenComparing(Rejection::choice).thenComparing(Rejection::ruleId));

        // per topic + slot, the best candidate of each choice; later votes for it add their evidence
        Map<String, Map<String, Vote>> slots = new TreeMap<>();
        for (Candidate c : candidates) {
            if (decidedSlots.contains(slotKey(c.topic(), c.slot()))) {
                throw new IllegalStateException("rule " + c.ruleId() + " votes for " + c.choice() + " in slot " + c.slot() + " of "
                        + c.topic() + ", which an earlier phase already decided; a rule that follows a choice matches its Chosen fact"
                        + " and votes in a slot of its own");
            }
            Map<String, Vote> byChoice = slots.computeIfAbsent(slotKey(c.topic(), c.slot()), k -> new LinkedHashMap<>());
            Vote prev = byChoice.get(c.choice());
            if (prev == null) byChoice.put(c.choice(), new Vote(c));
            else prev.merge(c);
        }
        // per topic + slot + choice, one rejection per rule: the first, with the evidence of its repeats (a rule
        // that fires once per consumer rejects once, citing them all, so the report stays linear in the input)
        Map<String, Map<String, Rejection>> byRule = new TreeMap<>();
        for (Rejection r : rejections) {
            byRule.computeIfAbsent(choiceKey(r.topic(), r.slot(), r.choice()), k -> new LinkedHashMap<>())
                    .merge(r.ruleId(), r, Assembler::mergeEvidence);
        }
        Map<String, List<Rejection>> rejected = new TreeMap<>();
        byRule.forEach((k, v) -> rejected.put(k, new ArrayList<>(v.values())));
        rejections = new ArrayList<>();
        for (List<Rejection> rs : rejected.values()) rejections.addAll(rs);

        List<Object> facts = new ArrayList<>();
        List<Ranked> now = new ArrayList<>();
        Set<Rejection> attached = new LinkedHashSet<>();
        for (Map<String, Vote> bySlot : slots.values()) {
            List<Vote> inSlot = new ArrayList<>(bySlot.values());
            inSlot.sort(Comparator.comparingInt((Vote v) -> v.best.rank()).thenComparing(v -> v.best.choice()));
            Vote winner = inSlot.stream().filter(v -> !rejected.containsKey(v.key())).findFirst().orElse(null);
            boolean contested = false;
            if (winner == null && inSlot.stream().allMatch(v -> v.best.optional())) {
                for (Vote v : inSlot) facts.add(v.notChosen(rejected.get(v.key())));
                continue; // optional and rejected: dropped; its rejections are listed where the topic is
            }
            if (winner == null) {
                winner = inSlot.get(0);
                contested = true;
                for (Rejection r : rejected.get(winner.key())) {
                    findings.add(new Finding(r.ruleId(), r.severity(), r.topic(),
                            winner.best.choice() + " is still the best fit for " + r.topic() + " although " + r.reason(),
                            r.location(), r.mitigation(), sortedEvidence(r.evidence())));
                    attached.add(r);
                }
            }
            Map<String, String> alternatives = new TreeMap<>();
            for (Vote v : inSlot) {
                if (v == winner) continue;
                List<Rejection> rs = rejected.get(v.key());
                if (rs != null) {
                    alternatives.put(v.best.choice(), reasons(rs));
                    attached.addAll(rs);
                } else {
                    alternatives.put(v.best.choice(), "also fits (" + v.best.ruleId() + ": " + v.rationale + "), but "
                            + winner.best.choice() + " ranks first here");
                }
                facts.add(v.notChosen(rs));
            }
            Ranked x = new Ranked(winner.candidate(), alternatives);
            now.add(x);
            facts.add(new Chosen(winner.best.topic(), winner.best.slot(), winner.best.choice(), winner.ruleIds,
                    sortedEvidence(winner.evidence), winner.best.optional(), contested));
        }
        // rejections of choices that were never candidates in their slot: listed where the slot's winner is,
        // else with the first winner of the topic, this phase's before an earlier phase's
        List<Ranked> homes = new ArrayList<>(now);
        homes.addAll(decided);
        decided.addAll(now);
        decidedSlots.addAll(slots.keySet());
        for (Rejection r : rejections) {
            if (attached.contains(r)) continue;
            Ranked home = homes.stream().filter(x -> x.winner.topic().equals(r.topic()) && x.winner.slot().equals(r.slot()))
                    .findFirst().orElse(homes.stream().filter(x -> x.winner.topic().equals(r.topic())).findFirst().orElse(null));
            if (home != null && !home.winner.choice().equals(r.choice())) {
                home.alternatives.merge(r.choice(), r.ruleId() + ": " + r.reason(), (a, b) -> a + "; " + b);
            }
        }
        return facts;
    }

    /** Everything decided and found so far, ordered: the report of the evaluation. */
    Report report(Command command, List<String> inputs) {
        List<Ranked> recs = new ArrayList<>(decided);
        // per topic: the required slots' winners first, then what is recommended on top of them
        recs.sort(Comparator.comparingInt((Ranked x) -> command.topicIndex(x.winner.topic())).thenComparing(x -> x.winner.topic())
                .thenComparing(x -> x.winner.optional()).thenComparingInt(x -> x.winner.rank())
                .thenComparing(x -> x.winner.choice()));
        List<Recommendation> out = new ArrayList<>();
        for (Ranked x : recs) {
            Candidate w = x.winner;
            List<Alternative> alts = x.alternatives.entrySet().stream()
                    .map(a -> new Alternative(a.getKey(), a.getValue())).collect(Collectors.toList());
            out.add(new Recommendation(w.ruleId(), w.topic(), w.choice(), w.rationale(), sortedEvidence(w.evidence()), alts));
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(FINDING_ORDER);
        List<Finding> unique = new ArrayList<>(new LinkedHashSet<>(sorted));
        return new Report(command.name(), inputs, out, unique, new ArrayList<>(artifacts.values()), List.of());
    }

    /** Severity, rule ID, file, line, column, path, message: a total order for findings. */
    static final Comparator<Finding> FINDING_ORDER = Finding.ORDER;

    private static Rejection mergeEvidence(Rejection first, Rejection again) {
        List<Evidence> ev = new ArrayList<>(first.evidence());
        ev.addAll(again.evidence());
        return new Rejection(first.ruleId(), first.topic(), first.slot(), first.choice(), first.reason(), first.mitigation(),
                first.severity(), first.location(), new ArrayList<>(new TreeSet<>(ev)));
    }

    private static String reasons(List<Rejection> rs) {
        return rs.stream().map(r -> r.ruleId() + ": " + r.reason()).collect(Collectors.joining("; "));
    }

    private static List<Evidence> sortedEvidence(List<Evidence> ev) {
        return new ArrayList<>(new TreeSet<>(ev));
    }

    private static String slotKey(String topic, String slot) {
        return topic + "\u0000" + slot;
    }

    private static String choiceKey(String topic, String slot, String choice) {
        return topic + "\u0000" + slot + "\u0000" + choice;
    }

    /** The votes for one choice in one slot: the best-ranked one leads, the others add their evidence. */
    private static final class Vote {
        final Candidate best;
        final List<Evidence> evidence;
        final List<String> ruleIds = new ArrayList<>();
        String rationale;

        Vote(Candidate c) {
            best = c;
            evidence = new ArrayList<>(c.evidence());
            rationale = c.rationale();
            ruleIds.add(c.ruleId());
        }

        /** Another vote for the same choice: its evidence joins; its rationale joins once per rule, not per repeat. */
        void merge(Candidate c) {
            evidence.addAll(c.evidence());
            if (ruleIds.contains(c.ruleId())) return;
            if (!rationale.equals(c.rationale())) rationale = rationale + " " + c.rationale();
            ruleIds.add(c.ruleId());
        }

        String key() {
            return choiceKey(best.topic(), best.slot(), best.choice());
        }

        Candidate candidate() {
            return new Candidate(best.ruleId(), best.topic(), best.slot(), best.choice(), best.rank(), rationale, evidence, best.optional());
        }

        NotChosen notChosen(List<Rejection> rs) {
            List<String> by = rs == null ? List.of() : rs.stream().map(Rejection::ruleId).distinct().sorted().toList();
            return new NotChosen(best.topic(), best.slot(), best.choice(), ruleIds, by);
        }
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
