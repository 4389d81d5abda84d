package dev.dece.core.drl;

import java.util.List;

/**
 * Usage of the month that no pipeline could be given by the attribution rule (no tag, label, query tag or warehouse
 * mapping names one), so the allocation does not hide it.
 *
 * @param key the attribution key looked for (a tag, label or query-tag key)
 * @param top the largest unattributed resources, "name: 12.5", at most five
 */
public record UnattributedCost(Node node, double usd, long charges, String key, List<String> top) implements Located {
    public UnattributedCost {
        top = List.copyOf(top);
    }

    @Override
    public String subject() {
        return "platform.unattributed_cost";
    }
}
