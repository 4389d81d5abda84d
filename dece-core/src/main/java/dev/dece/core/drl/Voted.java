package dev.dece.core.drl;

import java.util.List;

/**
 * A choice some rule voted for in a slot, as the engine decided it between phases: {@link Chosen} when it
 * won, {@link NotChosen} when it did not. Match {@code Voted} when a rule cares that a choice was in the
 * running, whatever became of it.
 */
public interface Voted {
    String topic();

    String slot();

    String choice();

    /** Every rule that voted for the choice, the best-ranked first; never empty. */
    List<String> ruleIds();

    /** The best-ranked rule that voted for the choice. */
    default String ruleId() {
        return ruleIds().get(0);
    }
}
