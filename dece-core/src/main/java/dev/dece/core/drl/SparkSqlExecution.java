package dev.dece.core.drl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One SQL execution (a DataFrame action or a SQL statement) of a Spark application: its final physical plan's joins,
 * writes and late filters, with the SQL metrics its tasks and the driver reported, and what adaptive execution did to it.
 *
 * @param appId          the application
 * @param executionId    {@code executionId}
 * @param description    its description (the action's call site or the SQL text), shortened
 * @param aqe            true when adaptive execution planned it (the plan is an AdaptiveSparkPlan)
 * @param coalescedReads shuffle reads AQE coalesced in it
 * @param skewSplits     skewed partitions AQE split in it
 * @param convertedJoins sort-merge joins of the initial plan AQE turned into broadcast joins
 * @param shufflePartitions spark.sql.shuffle.partitions for it (the application's, or its modified configs')
 */
public record SparkSqlExecution(String appId, long executionId, String description, boolean aqe, int coalescedReads,
                                int skewSplits, int convertedJoins, int shufflePartitions, List<SparkJoin> joins,
                                List<SparkWrite> writes, List<SparkLateFilter> lateFilters, String file, int line, String path)
        implements Located {

    public SparkSqlExecution {
        joins = List.copyOf(joins);
        writes = List.copyOf(writes);
        lateFilters = List.copyOf(lateFilters);
    }

    @Override
    public Node node() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("execution", executionId);
        m.put("description", description);
        return Nodes.map(path, file, line, 0, m);
    }

    @Override
    public String subject() {
        return appId + " SQL execution " + executionId;
    }

    /** {@code "SQL execution 3 (save at Job.scala:40)"}. */
    public String label() {
        return "SQL execution " + executionId + (description.isEmpty() ? "" : " (" + description + ")");
    }

    /** What AQE did in this execution, a sentence or empty. */
    public String aqeDid() {
        if (!aqe) return " This execution was planned without AQE.";
        if (coalescedReads == 0 && skewSplits == 0 && convertedJoins == 0) return " AQE was on for this execution and changed nothing in it.";
        StringBuilder sb = new StringBuilder(" AQE was on; in this execution it");
        String sep = " ";
        if (coalescedReads > 0) { sb.append(sep).append("coalesced ").append(coalescedReads).append(" shuffle read(s)"); sep = ", "; }
        if (skewSplits > 0) { sb.append(sep).append("split ").append(skewSplits).append(" skewed partition(s)"); sep = ", "; }
        if (convertedJoins > 0) sb.append(sep).append("turned ").append(convertedJoins).append(" sort-merge join(s) into broadcast joins");
        return sb.append('.').toString();
    }
}
