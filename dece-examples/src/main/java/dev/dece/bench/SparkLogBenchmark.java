package dev.dece.bench;

import dev.dece.core.Dece;
import dev.dece.core.optimize.OptimizeOptions;
import dev.dece.core.report.Report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Benchmark harness (not a timed test): how long {@code dece optimize} takes to read and evaluate a Spark event log of
 * a given size (target: 100 MB in under 10 s), against a plain-Java baseline measured in the same run: reading the same
 * file line by line and parsing every line with Jackson, which no reader of the log can go below. The log is generated
 * in the SparkListener JSON format: one application of 16 executors, jobs of SQL executions (a sort-merge join and a
 * write each, with their plans and SQL metrics) whose stages have 200 tasks, until the file reaches the size.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -Xmx1g -cp "dece-examples/target/dece-examples-0.1.0.jar:dece-examples/target/lib/*" dev.dece.bench.SparkLogBenchmark [--mb 100] [--runs 3]
 * </pre>
 * The {@code -Xmx1g} is part of the measurement: the reader streams, so the heap does not grow with the log.
 */
public final class SparkLogBenchmark {

    public static void main(String[] args) throws Exception {
        int mb = 100, runs = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--mb" -> mb = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --mb, --runs");
            }
        }
        Path dir = Files.createTempDirectory("dece-spark-bench");
        Path warm = generate(dir.resolve("app-warm"), 2);
        Path log = generate(dir.resolve("app-bench"), mb);
        System.out.printf(Locale.ROOT, "log: %s, %.1f MB%n", log, Files.size(log) / 1048576.0);
        Dece dece = Dece.builder().build();
        OptimizeOptions warmOptions = OptimizeOptions.defaults().withEventLogs(List.of(warm));
        for (int i = 0; i < 3; i++) dece.optimize(List.of(), warmOptions);
        baseline(warm);
        long base = Long.MAX_VALUE, full = Long.MAX_VALUE;
        Report r = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            long events = baseline(log);
            base = Math.min(base, System.nanoTime() - t0);
            if (events == 0) throw new IllegalStateException("empty log");
            t0 = System.nanoTime();
            r = dece.optimize(List.of(), OptimizeOptions.defaults().withEventLogs(List.of(log)));
            full = Math.min(full, System.nanoTime() - t0);
        }
        System.out.printf(Locale.ROOT, "%-46s %10s%n", "what", "seconds");
        System.out.printf(Locale.ROOT, "%-46s %10.2f%n", "baseline: read + Jackson-parse every line", base / 1e9);
        System.out.printf(Locale.ROOT, "%-46s %10.2f%n", "Dece.optimize (read, aggregate, rules)", full / 1e9);
        System.out.printf(Locale.ROOT, "ratio dece / baseline: %.2fx; target: under 10 s for 100 MB%n", (double) full / base);
        System.out.printf(Locale.ROOT, "findings: %d, heap used now: %d MB%n", r.findings().size(),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        Files.deleteIfExists(warm);
        Files.deleteIfExists(log);
        Files.deleteIfExists(dir);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Reads every line and parses it with Jackson: the floor under any reader of the log. */
    static long baseline(Path log) throws IOException {
        long n = 0;
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            for (String l; (l = in.readLine()) != null; ) {
                if (MAPPER.readTree(l).has("Event")) n++;
            }
        }
        return n;
    }

    private static final JsonFactory JSON = new JsonFactory();

    /** Writes an event log of about {@code mb} MB. */
    public static Path generate(Path file, int mb) throws IOException {
        long target = (long) mb << 20;
        Random rnd = new Random(1);
        long written = 0;
        long time = 1_714_550_400_000L;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            written += line(out, "{\"Event\":\"SparkListenerLogStart\",\"Spark Version\":\"3.5.1\"}");
            written += line(out, "{\"Event\":\"SparkListenerApplicationStart\",\"App Name\":\"bench\",\"App ID\":\"app-bench\",\"Timestamp\":" + time + ",\"User\":\"etl\"}");
            written += line(out, "{\"Event\":\"SparkListenerEnvironmentUpdate\",\"JVM Information\":{},\"Spark Properties\":{\"spark.master\":\"yarn\","
                    + "\"spark.sql.adaptive.enabled\":\"true\",\"spark.sql.shuffle.partitions\":\"200\",\"spark.executor.memory\":\"8g\"},"
                    + "\"Hadoop Properties\":{},\"System Properties\":{},\"Classpath Entries\":{}}");
            for (int e = 1; e <= 16; e++) {
                written += line(out, "{\"Event\":\"SparkListenerExecutorAdded\",\"Timestamp\":" + time + ",\"Executor ID\":\"" + e
                        + "\",\"Executor Info\":{\"Host\":\"w" + e + "\",\"Total Cores\":4,\"Log Urls\":{}}}");
            }
            long acc = 1, task = 1;
            int stage = 0;
            for (long exec = 0; written < target; exec++) {
                long scanL = acc++, scanR = acc++, exL = acc++, exR = acc++, rows = acc++, files = acc++, bytes = acc++;
                String plan = "{\"nodeName\":\"Execute InsertIntoHadoopFsRelationCommand\",\"simpleString\":\"Execute InsertIntoHadoopFsRelationCommand s3://lake/t"
                        + (exec % 7) + ", false, [dt#9], Parquet, [path=s3://lake/t" + (exec % 7) + "], Append, [id, dt]\",\"children\":[{\"nodeName\":\"AdaptiveSparkPlan\","
                        + "\"simpleString\":\"AdaptiveSparkPlan isFinalPlan=false\",\"children\":[{\"nodeName\":\"SortMergeJoin\",\"simpleString\":\"SortMergeJoin [k#1L], [k#5L], Inner\","
                        + "\"children\":[" + exchange(exL, scanL, "a", exec) + "," + exchange(exR, scanR, "b", exec) + "],\"metadata\":{},\"metrics\":[{\"name\":\"number of output rows\",\"accumulatorId\":"
                        + rows + ",\"metricType\":\"sum\"}]}],\"metadata\":{},\"metrics\":[]}],\"metadata\":{},\"metrics\":[{\"name\":\"number of written files\",\"accumulatorId\":" + files
                        + ",\"metricType\":\"sum\"},{\"name\":\"written output\",\"accumulatorId\":" + bytes + ",\"metricType\":\"size\"}]}";
                written += line(out, "{\"Event\":\"SparkListenerJobStart\",\"Job ID\":" + exec + ",\"Submission Time\":" + time + ",\"Stage Infos\":[],\"Stage IDs\":["
                        + stage + "," + (stage + 1) + "],\"Properties\":{\"spark.sql.execution.id\":\"" + exec + "\"}}");
                written += line(out, "{\"Event\":\"org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart\",\"executionId\":" + exec
                        + ",\"description\":\"save at Bench.scala:" + exec + "\",\"details\":\"\",\"physicalPlanDescription\":\"== Physical Plan ==\",\"sparkPlanInfo\":"
                        + plan + ",\"time\":" + time + ",\"modifiedConfigs\":{}}");
                for (int s = 0; s < 2; s++, stage++) {
                    written += line(out, "{\"Event\":\"SparkListenerStageSubmitted\",\"Stage Info\":{\"Stage ID\":" + stage + ",\"Stage Attempt ID\":0,\"Stage Name\":\"save at Bench.scala:"
                            + exec + "\",\"Number of Tasks\":200,\"RDD Info\":[],\"Parent IDs\":[],\"Details\":\"\",\"Accumulables\":[]},\"Properties\":{}}");
                    for (int t = 0; t < 200; t++, task++) {
                        long run = 2000 + rnd.nextInt(3000) + (t == 199 && exec % 5 == 0 ? 200_000 : 0);
                        long in = (64L << 20) + rnd.nextInt(1 << 20);
                        written += line(out, taskEnd(stage, task, time, run, in, s == 0 ? exL : exR, in / 4, rows));
                    }
                    written += line(out, "{\"Event\":\"SparkListenerStageCompleted\",\"Stage Info\":{\"Stage ID\":" + stage + ",\"Stage Attempt ID\":0,\"Stage Name\":\"save at Bench.scala:"
                            + exec + "\",\"Number of Tasks\":200,\"RDD Info\":[],\"Parent IDs\":[],\"Details\":\"\",\"Submission Time\":" + time + ",\"Completion Time\":" + (time += 60_000)
                            + ",\"Accumulables\":[]}}");
                }
                written += line(out, "{\"Event\":\"org.apache.spark.sql.execution.ui.SparkListenerDriverAccumUpdates\",\"executionId\":" + exec
                        + ",\"accumUpdates\":[[" + files + ",400],[" + bytes + "," + (400L << 20) + "]]}");
                written += line(out, "{\"Event\":\"SparkListenerJobEnd\",\"Job ID\":" + exec + ",\"Completion Time\":" + time + ",\"Job Result\":{\"Result\":\"JobSucceeded\"}}");
                written += line(out, "{\"Event\":\"org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd\",\"executionId\":" + exec + ",\"time\":" + time + "}");
            }
            line(out, "{\"Event\":\"SparkListenerApplicationEnd\",\"Timestamp\":" + time + "}");
        }
        return file;
    }

    private static String exchange(long ex, long scan, String table, long exec) {
        return "{\"nodeName\":\"Exchange\",\"simpleString\":\"Exchange hashpartitioning(k#" + (table.equals("a") ? 1 : 5) + "L, 200), ENSURE_REQUIREMENTS, [plan_id="
                + exec + "]\",\"children\":[{\"nodeName\":\"Scan parquet db." + table + "\",\"simpleString\":\"FileScan parquet db." + table + "[k#"
                + (table.equals("a") ? 1 : 5) + "L] Batched: true\",\"children\":[],\"metadata\":{},\"metrics\":[{\"name\":\"size of files read\",\"accumulatorId\":"
                + scan + ",\"metricType\":\"size\"}]}],\"metadata\":{},\"metrics\":[{\"name\":\"data size\",\"accumulatorId\":" + ex + ",\"metricType\":\"size\"}]}";
    }

    private static String taskEnd(int stage, long task, long time, long run, long input, long exchange, long shuffled, long rows) throws IOException {
        StringWriter w = new StringWriter(1600);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("Event", "SparkListenerTaskEnd");
            g.writeNumberField("Stage ID", stage);
            g.writeNumberField("Stage Attempt ID", 0);
            g.writeStringField("Task Type", "ShuffleMapTask");
            g.writeObjectFieldStart("Task End Reason");
            g.writeStringField("Reason", "Success");
            g.writeEndObject();
            g.writeObjectFieldStart("Task Info");
            g.writeNumberField("Task ID", task);
            g.writeNumberField("Index", task % 200);
            g.writeNumberField("Attempt", 0);
            g.writeNumberField("Launch Time", time);
            g.writeStringField("Executor ID", String.valueOf(1 + task % 16));
            g.writeStringField("Host", "w" + (1 + task % 16));
            g.writeStringField("Locality", "PROCESS_LOCAL");
            g.writeBooleanField("Speculative", false);
            g.writeNumberField("Getting Result Time", 0);
            g.writeNumberField("Finish Time", time + run);
            g.writeBooleanField("Failed", false);
            g.writeBooleanField("Killed", false);
            g.writeArrayFieldStart("Accumulables");
            for (long[] a : new long[][] {{exchange, shuffled}, {rows, input / 100}}) {
                g.writeStartObject();
                g.writeNumberField("ID", a[0]);
                g.writeStringField("Name", "sql metric");
                g.writeStringField("Update", String.valueOf(a[1]));
                g.writeStringField("Value", String.valueOf(a[1]));
                g.writeBooleanField("Internal", true);
                g.writeBooleanField("Count Failed Values", true);
                g.writeStringField("Metadata", "sql");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("Task Executor Metrics");
            g.writeNumberField("JVMHeapMemory", 512L << 20);
            g.writeNumberField("OnHeapExecutionMemory", 64L << 20);
            g.writeEndObject();
            g.writeObjectFieldStart("Task Metrics");
            g.writeNumberField("Executor Deserialize Time", 10);
            g.writeNumberField("Executor Deserialize CPU Time", 9_000_000);
            g.writeNumberField("Executor Run Time", run);
            g.writeNumberField("Executor CPU Time", run * 800_000);
            g.writeNumberField("Peak Execution Memory", 64L << 20);
            g.writeNumberField("Result Size", 2500);
            g.writeNumberField("JVM GC Time", run / 20);
            g.writeNumberField("Result Serialization Time", 0);
            g.writeNumberField("Memory Bytes Spilled", 0);
            g.writeNumberField("Disk Bytes Spilled", 0);
            g.writeObjectFieldStart("Shuffle Read Metrics");
            g.writeNumberField("Remote Blocks Fetched", 0);
            g.writeNumberField("Local Blocks Fetched", 0);
            g.writeNumberField("Fetch Wait Time", 0);
            g.writeNumberField("Remote Bytes Read", 0);
            g.writeNumberField("Remote Bytes Read To Disk", 0);
            g.writeNumberField("Local Bytes Read", 0);
            g.writeNumberField("Total Records Read", 0);
            g.writeEndObject();
            g.writeObjectFieldStart("Shuffle Write Metrics");
            g.writeNumberField("Shuffle Bytes Written", shuffled);
            g.writeNumberField("Shuffle Write Time", run * 100_000);
            g.writeNumberField("Shuffle Records Written", input / 100);
            g.writeEndObject();
            g.writeObjectFieldStart("Input Metrics");
            g.writeNumberField("Bytes Read", input);
            g.writeNumberField("Records Read", input / 100);
            g.writeEndObject();
            g.writeObjectFieldStart("Output Metrics");
            g.writeNumberField("Bytes Written", 0);
            g.writeNumberField("Records Written", 0);
            g.writeEndObject();
            g.writeArrayFieldStart("Updated Blocks");
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
        return w.toString();
    }

    private static long line(BufferedWriter out, String s) throws IOException {
        out.write(s);
        out.write('\n');
        return s.length() + 1;
    }

    private SparkLogBenchmark() {}
}
