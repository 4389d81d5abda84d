package dev.dece.core.drl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Spark application read from its event log, with what the log measured over all of it (figures aggregated while
 * the log streams by; there is no fact per event or task). Stages and SQL executions are facts of their own that name
 * this application's {@link #appId()}.
 *
 * @param appId               {@code App ID} (the log's name when the log has none)
 * @param name                {@code App Name}
 * @param sparkVersion        from {@code SparkListenerLogStart}; empty when absent
 * @param master              {@code spark.master}
 * @param aqeEnabled          {@code spark.sql.adaptive.enabled} (or the version's default: on from 3.2)
 * @param aqeCoalesce         {@code spark.sql.adaptive.coalescePartitions.enabled} (default on)
 * @param aqeSkewJoin         {@code spark.sql.adaptive.skewJoin.enabled} (default on)
 * @param shufflePartitions   {@code spark.sql.shuffle.partitions} (default 200)
 * @param broadcastThresholdBytes {@code spark.sql.autoBroadcastJoinThreshold} (default 10 MB; -1 disables it)
 * @param cores               the most executor cores alive at once (from {@code ExecutorAdded}/{@code Removed}, or the
 *                            {@code local[N]} master); 0 when the log does not tell
 * @param executorMemory      {@code spark.executor.memory}; empty when not set
 * @param memoryOverhead      {@code spark.executor.memoryOverhead}; empty when not set
 * @param executorsAdded      executors added
 * @param executorsLost       executors removed for a failure (not by dynamic allocation or at the end)
 * @param memoryLosses        of which for memory (OOM, container killed for exceeding memory, exit code 137)
 * @param oomTasks            tasks that failed with an OutOfMemoryError or because their executor died of memory
 * @param lostReasons         the removal and failure reasons, most frequent first, each with its count
 * @param complete            true when the log ends with {@code SparkListenerApplicationEnd}
 * @param durationMs          start to end (or to the last event of an incomplete log)
 * @param repeats             computations run more than once without a cache
 * @param targets             the paths and tables written, with how often and how much
 * @param aqeCoalescedReads   shuffle reads adaptive execution coalesced, over all SQL executions
 * @param aqeSkewSplits       skewed partitions adaptive execution split, over all SQL executions
 * @param sqlExecutions       SQL executions in the log
 */
public record SparkApplication(String appId, String name, String sparkVersion, String master, boolean aqeEnabled,
                               boolean aqeCoalesce, boolean aqeSkewJoin, int shufflePartitions, long broadcastThresholdBytes,
                               int cores, String executorMemory, String memoryOverhead, int executorsAdded, int executorsLost,
                               int memoryLosses, long oomTasks, List<String> lostReasons, boolean complete, long durationMs,
                               List<SparkRepeat> repeats, List<SparkWriteTarget> targets, long aqeCoalescedReads,
                               long aqeSkewSplits, int sqlExecutions, String file, int line, String path) implements Located {

    public SparkApplication {
        lostReasons = List.copyOf(lostReasons);
        repeats = List.copyOf(repeats);
        targets = List.copyOf(targets);
    }

    @Override
    public Node node() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("app_id", appId);
        m.put("spark.sql.adaptive.enabled", aqeEnabled);
        m.put("spark.sql.shuffle.partitions", shufflePartitions);
        m.put("cores", cores);
        m.put("spark.executor.memory", executorMemory);
        return Nodes.map(path, file, line, 0, m);
    }

    @Override
    public String subject() {
        return appId;
    }

    /** Shuffle partitions per core; -1 when the cores are unknown. */
    public double partitionsPerCore() {
        return cores <= 0 ? -1 : shufflePartitions / (double) cores;
    }

    /**
     * What adaptive query execution is and did, for every Spark finding:
     * {@code " AQE is on (Spark 3.5.1); across the application it coalesced 12 shuffle reads and split 3 skewed partitions."}
     */
    public String aqeNote() {
        if (!aqeEnabled) return " AQE is off (spark.sql.adaptive.enabled=false" + (sparkVersion.isEmpty() ? "" : ", Spark " + sparkVersion) + ").";
        StringBuilder sb = new StringBuilder(" AQE is on").append(sparkVersion.isEmpty() ? "" : " (Spark " + sparkVersion + ")");
        if (aqeCoalescedReads == 0 && aqeSkewSplits == 0) return sb.append(" and changed no shuffle read in this application.").toString();
        sb.append("; across the application it ");
        if (aqeCoalescedReads > 0) sb.append("coalesced ").append(aqeCoalescedReads).append(aqeCoalescedReads == 1 ? " shuffle read" : " shuffle reads");
        if (aqeCoalescedReads > 0 && aqeSkewSplits > 0) sb.append(" and ");
        if (aqeSkewSplits > 0) sb.append("split ").append(aqeSkewSplits).append(aqeSkewSplits == 1 ? " skewed partition" : " skewed partitions");
        return sb.append('.').toString();
    }

    /** {@code spark.executor.memory=4g, spark.executor.memoryOverhead=1g} as set, for fixes. */
    public String memorySettings() {
        String m = executorMemory.isEmpty() ? "spark.executor.memory not set (1g by default)" : "spark.executor.memory=" + executorMemory;
        return m + (memoryOverhead.isEmpty() ? "" : ", spark.executor.memoryOverhead=" + memoryOverhead);
    }
}
