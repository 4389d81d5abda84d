package dev.dece.core.drl;

import java.util.List;

/**
 * A candidate that did not win its slot, decided by the engine between two phases (see {@link Chosen}).
 *
 * @param topic      e.g. {@code processing}
 * @param slot       e.g. {@code batch}
 * @param choice     the losing choice
 * @param ruleIds    the rules that voted for it
 * @param rejectedBy the rules that rejected it, sorted; empty when it was only outranked
 */
public record NotChosen(String topic, String slot, String choice, List<String> ruleIds, List<String> rejectedBy) implements Voted {

    public NotChosen {
        ruleIds = List.copyOf(ruleIds);
        rejectedBy = List.copyOf(rejectedBy);
    }

    /** True when some rule rejected it (rather than it being outranked). */
    public boolean rejected() {
        return !rejectedBy.isEmpty();
    }
}
