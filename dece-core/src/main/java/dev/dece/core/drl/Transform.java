package dev.dece.core.drl;

import java.util.List;
import java.util.Locale;

/** {@code pipeline.transform}: the engine and the stages, in order. */
public record Transform(Node node, TransformEngine engine, List<Stage> stages) implements Located {
    public Transform {
        stages = List.copyOf(stages);
    }

    /**
     * The node of the first operation that deduplicates ({@code dedupe}, {@code dedup},
     * {@code deduplicate}, {@code distinct}, ...), or {@code null} when no stage deduplicates.
     */
    public Node dedupOperation() {
        for (Stage s : stages) {
            var items = s.node().get("operations");
            for (Node op : items.isList() ? items.items() : List.of(items)) {
                if (op.isScalar() && isDedup(op.text())) return op;
            }
        }
        return null;
    }

    /** True when some stage deduplicates. */
    public boolean dedups() {
        return dedupOperation() != null;
    }

    static boolean isDedup(String op) {
        String o = op.toLowerCase(Locale.ROOT);
        return o.contains("dedup") || o.contains("distinct") || o.contains("duplicate");
    }
}
