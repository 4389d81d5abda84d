package dev.dece.rules.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdOutputStream;
import net.jpountz.lz4.LZ4BlockOutputStream;
import org.xerial.snappy.SnappyOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes Spark event logs for tests from the documented SparkListener JSON format (Spark's JsonProtocol field names:
 * {@code "Event"}, {@code "Stage Info"}, {@code "Task Metrics"}, ...; the SQL events with their {@code sparkPlanInfo}),
 * one event per line, plain or compressed with the codecs Spark uses. Each test builds the application it needs.
 */
public final class SparkEventLog {

    private static final ObjectMapper M = new ObjectMapper();
    private final List<String> lines = new ArrayList<>();
    private long nextAcc = 1;
    private long nextTask = 1;
    private long time = 1_714_550_400_000L;

    /** A plan operator with its SQL metrics, each given its own accumulator id. */
    public final class Op {
        final ObjectNode json = M.createObjectNode();
        final Map<String, Long> ids = new LinkedHashMap<>();

        Op(String name, String simple, String[] metrics, Op[] children) {
            json.put("nodeName", name);
            json.put("simpleString", simple);
            ArrayNode kids = json.putArray("children");
            for (Op c : children) kids.add(c.json);
            json.putObject("metadata");
            ArrayNode ms = json.putArray("metrics");
            for (String m : metrics) {
                long id = nextAcc++;
                ids.put(m, id);
                ms.addObject().put("name", m).put("accumulatorId", id).put("metricType", m.contains("size") || m.contains("written output") ? "size" : "sum");
            }
        }

        /** The accumulator id of this operator's metric {@code name}. */
        public long id(String name) {
            Long id = ids.get(name);
            if (id == null) throw new IllegalArgumentException(json.get("nodeName") + " has no metric " + name);
            return id;
        }
    }

    public Op op(String name, String simple, String[] metrics, Op... children) {
        return new Op(name, simple, metrics, children);
    }

    public static String[] metrics(String... names) {
        return names;
    }

    private SparkEventLog add(ObjectNode e) {
        lines.add(e.toString());
        return this;
    }

    private ObjectNode event(String type) {
        return M.createObjectNode().put("Event", type);
    }

    public SparkEventLog logStart(String version) {
        return add(event("SparkListenerLogStart").put("Spark Version", version));
    }

    public SparkEventLog appStart(String name, String id) {
        return add(event("SparkListenerApplicationStart").put("App Name", name).put("App ID", id).put("Timestamp", time).put("User", "etl"));
    }

    public SparkEventLog environment(Map<String, String> props) {
        ObjectNode e = event("SparkListenerEnvironmentUpdate");
        e.putObject("JVM Information").put("Java Version", "17.0.10");
        ObjectNode p = e.putObject("Spark Properties");
        props.forEach(p::put);
        e.putObject("Hadoop Properties");
        e.putObject("System Properties");
        e.putObject("Classpath Entries");
        return add(e);
    }

    public SparkEventLog executorAdded(String id, int cores) {
        ObjectNode e = event("SparkListenerExecutorAdded").put("Timestamp", time += 1000).put("Executor ID", id);
        e.putObject("Executor Info").put("Host", "worker-" + id).put("Total Cores", cores).putObject("Log Urls");
        return add(e);
    }

    public SparkEventLog executorRemoved(String id, String reason) {
        return add(event("SparkListenerExecutorRemoved").put("Timestamp", time += 1000).put("Executor ID", id).put("Removed Reason", reason));
    }

    /** A job; {@code executionId} null for an RDD job. */
    public SparkEventLog jobStart(int jobId, Long executionId, int... stageIds) {
        ObjectNode e = event("SparkListenerJobStart").put("Job ID", jobId).put("Submission Time", time += 10);
        e.putArray("Stage Infos");
        ArrayNode ids = e.putArray("Stage IDs");
        for (int s : stageIds) ids.add(s);
        ObjectNode p = e.putObject("Properties");
        if (executionId != null) p.put("spark.sql.execution.id", String.valueOf(executionId));
        return add(e);
    }

    public SparkEventLog jobEnd(int jobId) {
        ObjectNode e = event("SparkListenerJobEnd").put("Job ID", jobId).put("Completion Time", time += 10);
        e.putObject("Job Result").put("Result", "JobSucceeded");
        return add(e);
    }

    /** An RDD of a stage's lineage: {@code {id, name, callsite, cached, parents...}}. */
    public static Object[] rdd(long id, String name, String callsite, boolean cached, long... parents) {
        return new Object[] {id, name, callsite, cached, parents};
    }

    public SparkEventLog stageSubmitted(int id, int attempt, String name, int tasks, Object[]... rdds) {
        ObjectNode e = event("SparkListenerStageSubmitted");
        ObjectNode info = stageInfo(id, attempt, name, tasks, rdds);
        e.set("Stage Info", info);
        e.putObject("Properties");
        return add(e);
    }

    private ObjectNode stageInfo(int id, int attempt, String name, int tasks, Object[]... rdds) {
        ObjectNode info = M.createObjectNode().put("Stage ID", id).put("Stage Attempt ID", attempt).put("Stage Name", name)
                .put("Number of Tasks", tasks);
        ArrayNode ri = info.putArray("RDD Info");
        for (Object[] r : rdds) {
            ObjectNode o = ri.addObject().put("RDD ID", (Long) r[0]).put("Name", (String) r[1]).put("Callsite", (String) r[2])
                    .put("Number of Partitions", tasks);
            ArrayNode parents = o.putArray("Parent IDs");
            for (long p : (long[]) r[4]) parents.add(p);
            boolean cached = (Boolean) r[3];
            o.putObject("Storage Level").put("Use Disk", false).put("Use Memory", cached).put("Deserialized", cached).put("Replication", 1);
        }
        info.putArray("Parent IDs");
        info.put("Details", "");
        info.put("Submission Time", time);
        info.putArray("Accumulables");
        return info;
    }

    /**
     * A successful task: run time, input bytes, shuffle bytes read, memory and disk bytes spilled, bytes written, and the
     * SQL metric updates it reports ({accumulator id, value} pairs).
     */
    public SparkEventLog task(int stage, long runMs, long input, long shuffleRead, long memSpill, long diskSpill, long output, long[]... sql) {
        ObjectNode e = event("SparkListenerTaskEnd").put("Stage ID", stage).put("Stage Attempt ID", 0).put("Task Type", "ResultTask");
        e.putObject("Task End Reason").put("Reason", "Success");
        taskInfo(e, sql);
        ObjectNode m = e.putObject("Task Metrics");
        m.put("Executor Deserialize Time", 5).put("Executor Deserialize CPU Time", 4_000_000).put("Executor Run Time", runMs)
                .put("Executor CPU Time", runMs * 900_000).put("Peak Execution Memory", 0).put("Result Size", 2000).put("JVM GC Time", 0)
                .put("Result Serialization Time", 0).put("Memory Bytes Spilled", memSpill).put("Disk Bytes Spilled", diskSpill);
        m.putObject("Shuffle Read Metrics").put("Remote Blocks Fetched", 1).put("Local Blocks Fetched", 1).put("Fetch Wait Time", 0)
                .put("Remote Bytes Read", shuffleRead / 2).put("Remote Bytes Read To Disk", 0).put("Local Bytes Read", shuffleRead - shuffleRead / 2)
                .put("Total Records Read", shuffleRead / 100);
        m.putObject("Shuffle Write Metrics").put("Shuffle Bytes Written", 0).put("Shuffle Write Time", 0).put("Shuffle Records Written", 0);
        m.putObject("Input Metrics").put("Bytes Read", input).put("Records Read", input / 100);
        m.putObject("Output Metrics").put("Bytes Written", output).put("Records Written", output / 100);
        m.putArray("Updated Blocks");
        return add(e);
    }

    /** A failed task, its {@code Task End Reason} as Spark writes it. */
    public SparkEventLog taskFailed(int stage, ObjectNode reason) {
        ObjectNode e = event("SparkListenerTaskEnd").put("Stage ID", stage).put("Stage Attempt ID", 0).put("Task Type", "ShuffleMapTask");
        e.set("Task End Reason", reason);
        taskInfo(e);
        return add(e);
    }

    public static ObjectNode oomFailure() {
        ObjectNode r = M.createObjectNode().put("Reason", "ExceptionFailure").put("Class Name", "java.lang.OutOfMemoryError")
                .put("Description", "Java heap space");
        r.putArray("Stack Trace");
        return r;
    }

    public static ObjectNode executorLost(String lossReason) {
        return M.createObjectNode().put("Reason", "ExecutorLostFailure").put("Executor ID", "3").put("Exit Caused By App", true)
                .put("Loss Reason", lossReason);
    }

    private void taskInfo(ObjectNode e, long[]... sql) {
        long id = nextTask++;
        ObjectNode ti = e.putObject("Task Info").put("Task ID", id).put("Index", id).put("Attempt", 0).put("Launch Time", time)
                .put("Executor ID", "1").put("Host", "worker-1").put("Locality", "PROCESS_LOCAL").put("Speculative", false)
                .put("Getting Result Time", 0).put("Finish Time", time + 10).put("Failed", false).put("Killed", false);
        ArrayNode acc = ti.putArray("Accumulables");
        for (long[] u : sql) {
            acc.addObject().put("ID", u[0]).put("Name", "sql metric").put("Update", String.valueOf(u[1])).put("Value", String.valueOf(u[1]))
                    .put("Internal", true).put("Count Failed Values", true).put("Metadata", "sql");
        }
    }

    public SparkEventLog stageCompleted(int id, int attempt, String name, int tasks) {
        ObjectNode e = event("SparkListenerStageCompleted");
        ObjectNode info = stageInfo(id, attempt, name, tasks);
        info.put("Completion Time", time += 100);
        e.set("Stage Info", info);
        return add(e);
    }

    public SparkEventLog sqlStart(long executionId, String description, Op plan) {
        ObjectNode e = event("org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart").put("executionId", executionId)
                .put("rootExecutionId", executionId).put("description", description).put("details", description)
                .put("physicalPlanDescription", "== Physical Plan ==\n" + plan.json.get("simpleString").asText()).put("time", time += 10);
        e.set("sparkPlanInfo", plan.json);
        e.putObject("modifiedConfigs");
        return add(e);
    }

    public SparkEventLog sqlAdaptiveUpdate(long executionId, Op plan) {
        ObjectNode e = event("org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveExecutionUpdate").put("executionId", executionId)
                .put("physicalPlanDescription", "== Physical Plan ==\n" + plan.json.get("simpleString").asText());
        e.set("sparkPlanInfo", plan.json);
        return add(e);
    }

    public SparkEventLog driverAccum(long executionId, long[]... updates) {
        ObjectNode e = event("org.apache.spark.sql.execution.ui.SparkListenerDriverAccumUpdates").put("executionId", executionId);
        ArrayNode a = e.putArray("accumUpdates");
        for (long[] u : updates) a.addArray().add(u[0]).add(u[1]);
        return add(e);
    }

    public SparkEventLog sqlEnd(long executionId) {
        return add(event("org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd").put("executionId", executionId).put("time", time += 10));
    }

    public SparkEventLog appEnd() {
        return add(event("SparkListenerApplicationEnd").put("Timestamp", time += 1000));
    }

    /** A line as written, for hostile-input tests. */
    public SparkEventLog raw(String line) {
        lines.add(line);
        return this;
    }

    public String text() {
        return String.join("\n", lines) + "\n";
    }

    /** Writes the log to {@code file}, compressed with {@code codec}: none, lz4, snappy or zstd. */
    public Path write(Path file, String codec) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream raw = Files.newOutputStream(file); OutputStream out = wrap(raw, codec)) {
                out.write(text().getBytes(StandardCharsets.UTF_8));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OutputStream wrap(OutputStream raw, String codec) throws IOException {
        return switch (codec) {
            case "lz4" -> new LZ4BlockOutputStream(raw);
            case "snappy" -> new SnappyOutputStream(raw);
            case "zstd" -> new ZstdOutputStream(raw);
            default -> raw;
        };
    }

    public Path write(Path file) {
        return write(file, "none");
    }

    public static long[] u(long id, long value) {
        return new long[] {id, value};
    }

    /** The usual start of an application: log start, application start, environment, executors. */
    public static SparkEventLog app(String version, String name, Map<String, String> props, int executors, int coresEach) {
        SparkEventLog l = new SparkEventLog().logStart(version).appStart(name, "app-20240501-" + name).environment(props);
        for (int i = 1; i <= executors; i++) l.executorAdded(String.valueOf(i), coresEach);
        return l;
    }
}
