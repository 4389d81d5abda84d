package dev.dece.core.triage;

import dev.dece.core.drl.FailureBranch;
import dev.dece.core.drl.PatternMatch;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Matches an error text against the triage patterns and returns what matched: at most one match per branch (the
 * best-ranked pattern of that branch), best first. The text is cut at {@value #MAX_TEXT} characters, and every
 * regex search has a step budget, so a team's pattern with nested quantifiers cannot hang a run: it is
 * reported, located at the pattern, instead. Results are cached per text (a log repeats its errors). Not
 * thread-safe: one classifier per call.
 */
final class Classifier {

    static final int MAX_TEXT = 4_000;
    /** Character reads one regex search may make per character of text, beyond a fixed allowance. */
    static final long STEPS_PER_CHAR = 2_000;
    static final int CACHE = 10_000;

    private final PatternSet patterns;
    private final Map<String, List<PatternMatch>> cache = new HashMap<>();

    Classifier(PatternSet patterns) {
        this.patterns = patterns;
    }

    /** @throws InputException when a team pattern exhausts its step budget on this text */
    List<PatternMatch> classify(String error) throws InputException {
        String text = error == null ? "" : error.length() > MAX_TEXT ? error.substring(0, MAX_TEXT) : error;
        if (text.isBlank()) return List.of();
        List<PatternMatch> hit = cache.get(text);
        if (hit != null) return hit;
        Map<FailureBranch, PatternMatch> best = new EnumMap<>(FailureBranch.class);
        for (PatternSet.Entry e : patterns.entries()) { // best first, so the first match of a branch is its best
            if (best.containsKey(e.branch())) continue;
            // the built-in patterns are written without nested quantifiers; only a team's regex needs the step budget
            Budgeted in = e.builtIn() ? null : new Budgeted(text, 100_000 + STEPS_PER_CHAR * text.length());
            try {
                Matcher m = e.regex().matcher(in == null ? text : in);
                if (m.find()) {
                    String found = text.substring(m.start(), m.end()).strip().replaceAll("\\s+", " ");
                    if (found.length() > 120) found = found.substring(0, 117) + "...";
                    best.put(e.branch(), new PatternMatch(e.id(), e.vendor(), e.branch(), e.kind(), e.rank(), found));
                }
            } catch (Budgeted.Exhausted x) {
                throw new InputException(Problem.at(e.node().get("regex"), "took more than " + in.budget
                        + " steps on a " + text.length() + "-character error message; simplify the regular expression "
                        + "(nested or overlapping quantifiers such as (a+)+ backtrack without end)"));
            }
        }
        List<PatternMatch> out = new ArrayList<>(best.values());
        out.sort(java.util.Comparator.comparingInt(PatternMatch::rank).thenComparing(PatternMatch::pattern));
        List<PatternMatch> result = List.copyOf(out);
        if (cache.size() < CACHE) cache.put(text, result);
        return result;
    }

    /** A text that counts the characters the regex engine reads and stops it past a budget. */
    static final class Budgeted implements CharSequence {
        static final class Exhausted extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Exhausted() {
                super(null, null, false, false);
            }
        }

        private final String s;
        final long budget;
        private final long[] left;
        private final int from;
        private final int to;

        Budgeted(String s, long budget) {
            this(s, budget, new long[] {budget}, 0, s.length());
        }

        private Budgeted(String s, long budget, long[] left, int from, int to) {
            this.s = s;
            this.budget = budget;
            this.left = left;
            this.from = from;
            this.to = to;
        }

        @Override
        public char charAt(int i) {
            if (--left[0] < 0) throw new Exhausted();
            return s.charAt(from + i);
        }

        @Override
        public int length() {
            return to - from;
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(s, budget, left, from + start, from + end);
        }

        @Override
        public String toString() {
            return s.substring(from, to);
        }
    }
}
