package dev.dece.core.drl;

import java.util.List;

/**
 * A data contract as a fact: the Data Contract Template's header ({@code contract.*}) or the same facts
 * mapped from an Open Data Contract Standard v3 document. Each {@code ...Node} is where the value was
 * written (or a missing node located at its parent), so findings point at the right line in either format.
 *
 * @param format               {@code template}, {@code odcs} or {@code columns} (a bare column list)
 * @param consumers            teams consuming this data, as written; never null
 * @param freshnessHours       {@code sla.freshness_hours}; null when absent
 * @param pipelineEveryHours   the producing pipeline's longest gap between runs, from its schedule; null when not given
 * @param pipelineSchedule     the schedule as written (cron, {@code @daily}, ODCS {@code frequency}); null when absent
 * @param tables               number of tables the contract describes
 */
public record Contract(Node node, String format, String name, String version, String owner, List<String> consumers,
                       Double freshnessHours, Double availabilityPercent, SupportHours supportHours,
                       BreakingChangePolicy breakingChangePolicy, String notificationChannel,
                       Double pipelineEveryHours, String pipelineSchedule, int tables,
                       Node nameNode, Node versionNode, Node ownerNode, Node consumersNode, Node slaNode,
                       Node freshnessNode, Node policyNode, Node channelNode, Node scheduleNode) implements Located {

    public Contract {
        consumers = List.copyOf(consumers);
    }

    /** Number of consuming teams. */
    public int consumerCount() {
        return consumers.size();
    }

    /** True when {@code version} is a semantic version MAJOR.MINOR.PATCH (an optional leading v allowed). */
    public boolean semanticVersion() {
        return version != null && version.strip().matches("v?\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
    }

    /** The major version number, or -1 when the version is not semantic. */
    public int major() {
        if (!semanticVersion()) return -1;
        String v = version.strip();
        if (v.startsWith("v")) v = v.substring(1);
        return Integer.parseInt(v.substring(0, v.indexOf('.')));
    }
}
