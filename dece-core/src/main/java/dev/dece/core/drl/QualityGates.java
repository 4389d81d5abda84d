package dev.dece.core.drl;

import java.util.List;
import java.util.Locale;

/** {@code pipeline.quality_gates}: checks before and after the load, as written. */
public record QualityGates(Node node, List<String> preLoad, List<String> postLoad) implements Located {
    public QualityGates {
        preLoad = List.copyOf(preLoad);
        postLoad = List.copyOf(postLoad);
    }

    /** True when some pre-load check mentions one of {@code words} (case-insensitive). */
    public boolean preLoadMentions(String... words) {
        for (String c : preLoad) {
            String l = c.toLowerCase(Locale.ROOT);
            for (String w : words) if (l.contains(w)) return true;
        }
        return false;
    }
}
