package dev.dece.core.drl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One completed attempt of one stage of a Spark application, with its tasks' figures aggregated while the log streams
 * by (the medians are exact: each task's figures are kept until the stage completes, then dropped).
 *
 * @param appId             the application
 * @param stageId           {@code Stage ID}
 * @param attempt           {@code Stage Attempt ID}
 * @param name              {@code Stage Name}, shortened
 * @param executionId       the SQL execution its job ran for; -1 for RDD jobs
 * @param tasks             tasks that ended (successful or not)
 * @param failedTasks       of which failed
 * @param oomTasks          of which failed for memory
 * @param taskTimeMaxMs     the longest successful task's executor run time
 * @param taskTimeMedianMs  the median successful task's
 * @param inputMaxBytes     the most one task read (input plus shuffle read)
 * @param inputMedianBytes  the median task's
 * @param memorySpilledBytes memory bytes spilled, all tasks
 * @param diskSpilledBytes  disk bytes spilled, all tasks
 * @param shuffleReadBytes  shuffle bytes read, all tasks
 * @param outputBytes       bytes written, all tasks
 * @param failureReason     why the attempt failed; empty when it succeeded
 */
public record SparkStage(String appId, int stageId, int attempt, String name, long executionId, int tasks, int failedTasks,
                         int oomTasks, long taskTimeMaxMs, long taskTimeMedianMs, long inputMaxBytes, long inputMedianBytes,
                         long memorySpilledBytes, long diskSpilledBytes, long shuffleReadBytes, long outputBytes, String failureReason,
                         String file, int line, String path) implements Located {

    @Override
    public Node node() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", stageId + "." + attempt);
        m.put("name", name);
        m.put("tasks", tasks);
        return Nodes.map(path, file, line, 0, m);
    }

    @Override
    public String subject() {
        return appId + " stage " + stageId + "." + attempt;
    }

    /** Slowest task over the median task, by run time; 0 when the median is 0. */
    public double timeSkew() {
        return taskTimeMedianMs <= 0 ? 0 : taskTimeMaxMs / (double) taskTimeMedianMs;
    }

    /** Largest task input over the median task's; 0 when the median is 0. */
    public double inputSkew() {
        return inputMedianBytes <= 0 ? 0 : inputMaxBytes / (double) inputMedianBytes;
    }

    public double taskTimeMaxSeconds() {
        return taskTimeMaxMs / 1000.0;
    }

    public double inputMaxMb() {
        return inputMaxBytes / 1048576.0;
    }

    public double diskSpilledMb() {
        return diskSpilledBytes / 1048576.0;
    }

    /** {@code "stage 7 (join at Job.scala:42)"}. */
    public String label() {
        return "stage " + stageId + (attempt > 0 ? " attempt " + attempt : "") + " (" + name + ")"
                + (executionId >= 0 ? " of SQL execution " + executionId : "");
    }
}
