package dev.dece.core.doc;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for unknown keys and values: the closest known name within a small edit distance. */
public final class Suggest {
    private Suggest() {}

    /** The closest candidate, or {@code null} when none is close enough to be a plausible typo. */
    public static String closest(String given, Collection<String> known) {
        String g = norm(given);
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : known) {
            String kn = norm(k);
            int d = kn.equals(g) ? 0 : distance(g, kn);
            if (d < bestD || (d == bestD && best != null && k.compareTo(best) < 0)) {
                bestD = d;
                best = k;
            }
        }
        // a suggestion must keep most of what was typed: "4" is not a typo of "1"
        int allowed = Math.min(Math.max(2, g.length() / 4), g.length() - 1);
        return bestD <= allowed ? best : null;
    }

    static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_').strip();
    }

    /** Levenshtein distance for suggestions: names longer than 64 characters are never "close". */
    static int distance(String a, String b) {
        if (a.length() > 64 || b.length() > 64) return Integer.MAX_VALUE / 2;
        return editDistance(a, b);
    }

    /** Levenshtein distance (insertions, deletions, substitutions), O(n*m) time and O(m) memory. */
    public static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
