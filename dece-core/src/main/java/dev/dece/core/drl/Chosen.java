package dev.dece.core.drl;

import dev.dece.core.report.Evidence;

import java.util.List;

/**
 * The winner of one slot, decided by the engine between two phases of a command: the only definition
 * of "which choice won". Rules of a later phase match it instead of comparing {@link Candidate} ranks
 * and {@link Rejection}s themselves, so every rule sees the same winner the report shows.
 *
 * <pre>
 * rule "GRO-004 Polars outgrows its daily-volume line"
 * when
 *     Chosen( topic == "processing", choice == "polars", !contested )
 *     ...
 * </pre>
 *
 * @param topic     e.g. {@code processing}
 * @param slot      e.g. {@code batch}; an optional recommendation's slot is its choice
 * @param choice    the winning choice
 * @param ruleIds   every rule that voted for it, the first being the one the report names; never empty
 * @param evidence  the merged evidence of those votes, sorted
 * @param optional  true for a recommendation made on top of the required slots (e.g. lakehouse)
 * @param contested true when every candidate of the slot was rejected and this one was kept as the
 *                  least bad fit: its rejections are findings of the report
 */
public record Chosen(String topic, String slot, String choice, List<String> ruleIds, List<Evidence> evidence,
                     boolean optional, boolean contested) implements Voted {

    public Chosen {
        ruleIds = List.copyOf(ruleIds);
        evidence = List.copyOf(evidence);
    }
}
