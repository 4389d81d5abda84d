package dev.dece.core.drl;

import java.util.List;

/** One {@code pipeline.transform.stages[i]}: a name and its operations as written. */
public record Stage(Node node, String name, List<String> operations) implements Located {
    public Stage {
        operations = List.copyOf(operations);
    }
}
