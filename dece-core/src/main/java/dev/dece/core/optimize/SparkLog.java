package dev.dece.core.optimize;

import dev.dece.core.drl.SparkApplication;
import dev.dece.core.drl.SparkJoin;
import dev.dece.core.drl.SparkLateFilter;
import dev.dece.core.drl.SparkRepeat;
import dev.dece.core.drl.SparkSqlExecution;
import dev.dece.core.drl.SparkStage;
import dev.dece.core.drl.SparkWrite;
import dev.dece.core.drl.SparkWriteTarget;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state of one Spark application while its event log streams by: one event at a time goes in, the application's,
 * stages' and SQL executions' facts come out at the end. Memory stays bounded by what is running, not by the log's
 * length: a stage's per-task figures are kept until the stage completes (for exact medians), a SQL execution's plans
 * and metric values until it ends; what remains for the whole application is one number per stage, per distinct
 * sub-plan and per RDD ({@link #MAX_TRACKED} at most, beyond which the coverage note says so). Not thread-safe.
 */
final class SparkLog {

    /** The most distinct sub-plans and RDDs tracked for repeated computation. */
    static final int MAX_TRACKED = 500_000;

    private static final Pattern MEMORY = Pattern.compile("(?i)outofmemory|out of memory|exceeding memory|memory limit|memoryoverhead"
            + "|exit code (137|52)|exit status:? (137|52)|oomkilled|java heap space|gc overhead");
    private static final Pattern NOT_A_FAILURE = Pattern.compile("(?i)killed by driver|decommission|idle|explicit termination request"
            + "|application finished|stopped by|requested by driver");
    private static final Pattern WRITE = Pattern.compile("(?i)InsertIntoHadoopFsRelationCommand|InsertIntoHiveTable|CreateHiveTableAsSelect"
            + "|CreateDataSourceTableAsSelect|SaveIntoDataSourceCommand|WriteIntoDelta|AppendData|OverwriteByExpression|OverwritePartitionsDynamic"
            + "|ReplaceData|WriteToDataSourceV2|CreateTableAsSelect|ReplaceTableAsSelect|AtomicCreateTableAsSelect|AtomicReplaceTableAsSelect");
    private static final Pattern FORMAT = Pattern.compile("(?i)^(parquet|orc|csv|json|text|avro|delta|iceberg|hudi)$");

    private final String logName;

    // application
    String appId = "", appName = "", version = "";
    String appFile = "";
    int appLine;
    long startTime = -1, endTime = -1, lastTime = -1;
    boolean complete;
    final Map<String, String> props = new HashMap<>();
    final Map<String, Integer> alive = new HashMap<>();
    int cores, peakCores, executorsAdded, executorsLost, memoryLosses;
    long oomTasks, lateTaskEnds;
    final Map<String, Integer> reasons = new HashMap<>();
    long events, eventsUnused;
    boolean truncated;

    // jobs and stages
    final Map<Integer, Long> stageExecution = new HashMap<>();
    final Map<String, StageAcc> running = new HashMap<>();
    final List<SparkStage> stages = new ArrayList<>();

    // SQL executions
    final Map<Long, ExecAcc> executions = new LinkedHashMap<>();
    final List<SparkSqlExecution> done = new ArrayList<>();
    final Map<Long, long[]> accumulators = new HashMap<>();   // accumulator id -> {sum}, for ids a running plan registered
    final Map<String, int[]> targets = new TreeMap<>();
    final Map<String, long[]> targetBytes = new TreeMap<>();
    int sqlExecutions;
    long coalescedReads, skewSplits;

    // repeated computation
    final Map<Long, Repeat> subplans = new HashMap<>();
    final Map<Long, RddInfo> rdds = new HashMap<>();
    boolean trackingFull;

    SparkLog(String logName) {
        this.logName = logName;
    }

    static final class StageAcc {
        int id, attempt, tasks, failed, oom;
        String name = "";
        long[] runTimes = new long[16];
        long[] inputs = new long[16];
        int ok;
        long memSpill, diskSpill, shuffleRead, output;
        long execution = -1;

        void add(long run, long input) {
            if (ok == runTimes.length) {
                runTimes = Arrays.copyOf(runTimes, ok * 2);
                inputs = Arrays.copyOf(inputs, ok * 2);
            }
            runTimes[ok] = run;
            inputs[ok] = input;
            ok++;
        }
    }

    static final class ExecAcc {
        long id;
        String description = "";
        String file = "";
        int line;
        PlanNode initial, last;
        final Set<Long> accIds = new HashSet<>();
        Integer shufflePartitions;
        final List<long[]> pendingRepeats = new ArrayList<>();   // {fingerprint} and the scan accumulators below it
        final List<List<Long>> pendingScanIds = new ArrayList<>();
    }

    static final class Repeat {
        final String description;
        final TreeSet<Long> executions = new TreeSet<>();
        int times;
        long bytes;
        final Set<Long> parents = new HashSet<>();
        boolean measured;

        Repeat(String d) {
            description = d;
        }
    }

    static final class RddInfo {
        final String description;
        final boolean cached;
        final long[] parents;
        final TreeSet<Long> stages = new TreeSet<>();
        int times;

        RddInfo(String d, boolean cached, long[] parents) {
            description = d;
            this.cached = cached;
            this.parents = parents;
        }
    }

    // ------------------------------------------------------------------ events

    void event(JsonNode e, String file, int line) {
        events++;
        String type = e.path("Event").asText("");
        JsonNode ts = e.path("Timestamp");
        if (ts.isNumber()) lastTime = Math.max(lastTime, ts.asLong());
        switch (type) {
            case "SparkListenerLogStart" -> version = e.path("Spark Version").asText("");
            case "SparkListenerApplicationStart" -> {
                appName = e.path("App Name").asText("");
                appId = e.path("App ID").asText("");
                startTime = e.path("Timestamp").asLong(-1);
                appFile = file;
                appLine = line;
            }
            case "SparkListenerApplicationEnd" -> {
                complete = true;
                endTime = e.path("Timestamp").asLong(-1);
            }
            case "SparkListenerEnvironmentUpdate" -> {
                JsonNode p = e.path("Spark Properties");
                if (p.isObject()) p.fields().forEachRemaining(x -> props.put(x.getKey(), x.getValue().asText("")));
                else for (JsonNode pair : p) if (pair.isArray() && pair.size() == 2) props.put(pair.get(0).asText(), pair.get(1).asText());
            }
            case "SparkListenerExecutorAdded" -> {
                int c = e.path("Executor Info").path("Total Cores").asInt(0);
                String id = e.path("Executor ID").asText("");
                if (!alive.containsKey(id)) {
                    alive.put(id, c);
                    cores += c;
                    peakCores = Math.max(peakCores, cores);
                    executorsAdded++;
                }
            }
            case "SparkListenerExecutorRemoved" -> {
                Integer c = alive.remove(e.path("Executor ID").asText(""));
                if (c != null) cores -= c;
                String reason = e.path("Removed Reason").asText("");
                if (!NOT_A_FAILURE.matcher(reason).find()) {
                    executorsLost++;
                    if (MEMORY.matcher(reason).find()) memoryLosses++;
                    reasons.merge(reasonKey(reason), 1, Integer::sum);
                }
            }
            case "SparkListenerJobStart" -> {
                String exec = e.path("Properties").path("spark.sql.execution.id").asText("");
                if (!exec.isEmpty()) {
                    try {
                        long id = Long.parseLong(exec.strip());
                        for (JsonNode s : e.path("Stage IDs")) stageExecution.put(s.asInt(), id);
                    } catch (NumberFormatException ignored) {
                        // a non-numeric id is no SQL execution DECE can link; the stages stay RDD stages
                    }
                }
            }
            case "SparkListenerStageSubmitted" -> stageSubmitted(e.path("Stage Info"));
            case "SparkListenerTaskEnd" -> taskEnd(e);
            case "SparkListenerStageCompleted" -> stageCompleted(e.path("Stage Info"), file, line);
            case "org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart" -> sqlStart(e, file, line);
            case "org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveExecutionUpdate" -> sqlUpdate(e);
            case "org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveSQLMetricUpdates" -> {
                ExecAcc x = executions.get(e.path("executionId").asLong(-1));
                if (x != null) for (JsonNode m : e.path("sqlPlanMetrics")) register(x, m.path("accumulatorId").asLong(-1));
            }
            case "org.apache.spark.sql.execution.ui.SparkListenerDriverAccumUpdates" -> {
                for (JsonNode u : e.path("accumUpdates")) {
                    if (u.isArray() && u.size() == 2) add(u.get(0).asLong(-1), u.get(1));
                }
            }
            case "org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd" -> {
                ExecAcc x = executions.remove(e.path("executionId").asLong(-1));
                if (x != null) finish(x);
            }
            default -> eventsUnused++;
        }
    }

    private static String reasonKey(String reason) {
        String one = reason.replaceAll("\\s+", " ").strip();
        one = one.replaceAll("container_[0-9_e]+", "container_*").replaceAll("\\d+(\\.\\d+)? ?(GB|MB|KB)", "N $2");
        return one.length() > 140 ? one.substring(0, 137) + "..." : one;
    }

    private void stageSubmitted(JsonNode info) {
        int id = info.path("Stage ID").asInt();
        int attempt = info.path("Stage Attempt ID").asInt();
        StageAcc s = new StageAcc();
        s.id = id;
        s.attempt = attempt;
        s.name = SqlAnalyzer.shorten(info.path("Stage Name").asText(""), 80);
        s.execution = stageExecution.getOrDefault(id, -1L);
        running.put(id + "." + attempt, s);
        if (attempt == 0) rddsOfStage(id, info.path("RDD Info"));
    }

    /** The RDDs a stage computes: its own and its narrow ancestors, stopping at a persisted one (served from its cache). */
    private void rddsOfStage(int stage, JsonNode infos) {
        if (!infos.isArray() || infos.isEmpty()) return;
        Map<Long, JsonNode> byId = new HashMap<>();
        for (JsonNode r : infos) byId.put(r.path("RDD ID").asLong(), r);
        List<Long> todo = new ArrayList<>(List.of(infos.get(0).path("RDD ID").asLong()));
        Set<Long> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            long id = todo.remove(todo.size() - 1);
            if (!seen.add(id)) continue;
            JsonNode r = byId.get(id);
            if (r == null) continue;
            JsonNode level = r.path("Storage Level");
            boolean cached = level.path("Use Memory").asBoolean(false) || level.path("Use Disk").asBoolean(false);
            String name = r.path("Name").asText("");
            RddInfo info = rdds.get(id);
            if (info == null) {
                if (rdds.size() >= MAX_TRACKED) {
                    trackingFull = true;
                    continue;
                }
                long[] parents = new long[r.path("Parent IDs").size()];
                for (int i = 0; i < parents.length; i++) parents[i] = r.path("Parent IDs").get(i).asLong();
                info = new RddInfo(name + (r.path("Callsite").asText("").isEmpty() ? "" : " at " + r.path("Callsite").asText("")), cached, parents);
                rdds.put(id, info);
            }
            if (!name.startsWith("Shuffled") && info.stages.size() < 10) info.stages.add((long) stage);
            if (!name.startsWith("Shuffled")) info.times++;
            if (cached) continue;
            for (JsonNode p : r.path("Parent IDs")) todo.add(p.asLong());
        }
    }

    private void taskEnd(JsonNode e) {
        int id = e.path("Stage ID").asInt();
        int attempt = e.path("Stage Attempt ID").asInt();
        JsonNode reason = e.path("Task End Reason");
        String r = reason.path("Reason").asText("Success");
        boolean oom = false;
        if (!r.equals("Success")) {
            String why = reason.path("Class Name").asText("") + " " + reason.path("Description").asText("") + " "
                    + reason.path("Loss Reason").asText("") + " " + reason.path("Kill Reason").asText("");
            oom = MEMORY.matcher(why).find();
            if (oom) {
                oomTasks++;
                String key = reason.path("Class Name").asText("").isEmpty() ? reasonKey(why) : reason.path("Class Name").asText("")
                        + (reason.path("Description").asText("").isEmpty() ? "" : ": " + reasonKey(reason.path("Description").asText("")));
                reasons.merge("task failed: " + key, 1, Integer::sum);
            }
        }
        // SQL metrics reported with the task
        for (JsonNode a : e.path("Task Info").path("Accumulables")) {
            long acc = a.path("ID").asLong(-1);
            if (accumulators.containsKey(acc) && a.has("Update")) add(acc, a.get("Update"));
        }
        StageAcc s = running.get(id + "." + attempt);
        if (s == null) {
            lateTaskEnds++;
            return;
        }
        s.tasks++;
        if (!r.equals("Success")) {
            s.failed++;
            if (oom) s.oom++;
        }
        JsonNode m = e.path("Task Metrics");
        if (!m.isObject()) return;
        long input = m.path("Input Metrics").path("Bytes Read").asLong(0);
        long shuffle = m.path("Shuffle Read Metrics").path("Remote Bytes Read").asLong(0) + m.path("Shuffle Read Metrics").path("Local Bytes Read").asLong(0);
        s.memSpill += m.path("Memory Bytes Spilled").asLong(0);
        s.diskSpill += m.path("Disk Bytes Spilled").asLong(0);
        s.shuffleRead += shuffle;
        s.output += m.path("Output Metrics").path("Bytes Written").asLong(0);
        if (r.equals("Success")) s.add(m.path("Executor Run Time").asLong(0), input + shuffle);
    }

    private void stageCompleted(JsonNode info, String file, int line) {
        int id = info.path("Stage ID").asInt();
        int attempt = info.path("Stage Attempt ID").asInt();
        StageAcc s = running.remove(id + "." + attempt);
        if (s == null) {
            s = new StageAcc();
            s.id = id;
            s.attempt = attempt;
            s.name = SqlAnalyzer.shorten(info.path("Stage Name").asText(""), 80);
            s.execution = stageExecution.getOrDefault(id, -1L);
        }
        long[] run = Arrays.copyOf(s.runTimes, s.ok);
        long[] in = Arrays.copyOf(s.inputs, s.ok);
        Arrays.sort(run);
        Arrays.sort(in);
        stages.add(new SparkStage(appIdOr(), id, attempt, s.name, s.execution, s.tasks, s.failed, s.oom,
                run.length == 0 ? 0 : run[run.length - 1], median(run), in.length == 0 ? 0 : in[in.length - 1], median(in),
                s.memSpill, s.diskSpill, s.shuffleRead, s.output, SqlAnalyzer.shorten(info.path("Failure Reason").asText(""), 200),
                file, line, "stages[" + id + "." + attempt + "]"));
    }

    private static long median(long[] sorted) {
        if (sorted.length == 0) return 0;
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private String appIdOr() {
        return appId.isEmpty() ? logName : appId;
    }

    // ------------------------------------------------------------------ SQL executions

    private void sqlStart(JsonNode e, String file, int line) {
        ExecAcc x = new ExecAcc();
        x.id = e.path("executionId").asLong(-1);
        x.description = SqlAnalyzer.shorten(e.path("description").asText(""), 100);
        x.file = file;
        x.line = line;
        x.initial = PlanNode.of(e.path("sparkPlanInfo"));
        JsonNode mc = e.path("modifiedConfigs");
        if (mc.has("spark.sql.shuffle.partitions")) x.shufflePartitions = intOr(mc.get("spark.sql.shuffle.partitions").asText(), null);
        if (x.initial != null) {
            registerAll(x, x.initial);
            fingerprints(x, x.initial);
        }
        executions.put(x.id, x);
        sqlExecutions++;
    }

    private void sqlUpdate(JsonNode e) {
        ExecAcc x = executions.get(e.path("executionId").asLong(-1));
        if (x == null) return;
        PlanNode p = PlanNode.of(e.path("sparkPlanInfo"));
        if (p == null) return;
        x.last = p;
        registerAll(x, p);
    }

    private void registerAll(ExecAcc x, PlanNode p) {
        p.each(n -> n.metrics.values().forEach(id -> register(x, id)));
    }

    private void register(ExecAcc x, long id) {
        if (id < 0) return;
        x.accIds.add(id);
        accumulators.computeIfAbsent(id, k -> new long[2]);
    }

    private void add(long id, JsonNode value) {
        long[] v = accumulators.get(id);
        if (v == null) return;
        if (value.isNumber()) {
            v[0] += value.asLong();
            v[1]++;
        } else {
            try {
                v[0] += Long.parseLong(value.asText("0").strip());
                v[1]++;
            } catch (NumberFormatException ignored) {
                // a metric DECE does not sum (a string metric of a custom accumulator)
            }
        }
    }

    /** The summed updates of {@code n}'s metric {@code name}; -1 when it has none or no update arrived (not measured). */
    private long metric(PlanNode n, String name) {
        Long id = n.metrics.get(name);
        if (id == null) return -1;
        long[] v = accumulators.get(id);
        return v == null || v[1] == 0 ? -1 : v[0];
    }

    /** Fingerprints of the initial plan's subtrees that hold a shuffle, for repeated computation across executions. */
    private long fingerprints(ExecAcc x, PlanNode root) {
        return fp(x, root, -1, new Set[] {new HashSet<Long>()})[0];
    }

    /** {fingerprint, operators, has-exchange} of {@code n}'s subtree (wrappers are skipped). */
    @SuppressWarnings("unchecked")
    private long[] fp(ExecAcc x, PlanNode n, long parent, Set<Long>[] seen) {
        if (n.wrapper()) {
            long[] acc = {0, 0, 0};
            for (PlanNode c : n.children) {
                long[] r = fp(x, c, parent, seen);
                acc[0] = acc[0] * 31 + r[0];
                acc[1] += r[1];
                acc[2] |= r[2];
            }
            return acc;
        }
        long h = n.kind().hashCode() * 1_000_003L + n.normalized().hashCode();
        long count = 1, exchange = n.exchange() ? 1 : 0;
        List<long[]> kids = new ArrayList<>();
        for (PlanNode c : n.children) {
            long[] r = fp(x, c, Long.MIN_VALUE, seen);
            kids.add(r);
        }
        for (long[] r : kids) {
            h = h * 1_000_033L + r[0];
            count += r[1];
            exchange |= r[2];
        }
        // children registered with this node as their parent, now that its fingerprint is known
        for (int i = 0; i < n.children.size(); i++) linkParent(kids.get(i)[0], h);
        if (exchange == 1 && count >= 3 && !n.kind().equals("Scan")) {
            Repeat r = subplans.get(h);
            if (r == null && subplans.size() < MAX_TRACKED) {
                r = new Repeat(describe(n));
                subplans.put(h, r);
            } else if (r == null) {
                trackingFull = true;
            }
            if (r != null && seen[0].add(h)) {
                r.times++;
                if (r.executions.size() < 10) r.executions.add(x.id);
                List<Long> scans = new ArrayList<>();
                n.each(d -> {
                    if (d.scan()) {
                        Long id = d.metrics.get("size of files read");
                        if (id != null) scans.add(id);
                    }
                });
                x.pendingRepeats.add(new long[] {h});
                x.pendingScanIds.add(scans);
            }
        }
        return new long[] {h, count, exchange};
    }

    private void linkParent(long child, long parent) {
        Repeat r = subplans.get(child);
        if (r != null && r.parents.size() < 16) r.parents.add(parent);
    }

    private static String describe(PlanNode n) {
        Set<String> tables = new TreeSet<>();
        n.each(d -> {
            if (d.scan()) tables.add(d.name.startsWith("Scan ") ? d.name.substring(5) : d.display(60));
        });
        return n.kind() + " over " + (tables.isEmpty() ? "no file scan" : String.join(", ", tables));
    }

    /** The execution's facts, from its plans and the metric values its tasks and the driver reported. */
    private void finish(ExecAcc x) {
        PlanNode plan = x.last != null ? x.last : x.initial;
        boolean aqe = x.initial != null && x.initial.kind().equals("AdaptiveSparkPlan")
                || plan != null && containsKind(plan, "AdaptiveSparkPlan");
        List<SparkJoin> joins = new ArrayList<>();
        List<SparkWrite> writes = new ArrayList<>();
        List<SparkLateFilter> late = new ArrayList<>();
        int[] aqeCounts = {0, 0};
        if (plan != null) {
            plan.each(n -> {
                if (n.join()) joins.add(join(n));
                String k = n.kind();
                if ((k.equals("AQEShuffleRead") || k.equals("CustomShuffleReader")) && n.text.contains("coalesced")) aqeCounts[0]++;
                if (k.equals("AQEShuffleRead") || k.equals("CustomShuffleReader")) {
                    long sk = metric(n, "number of skewed partitions");
                    if (sk > 0) aqeCounts[1] += (int) Math.min(Integer.MAX_VALUE, sk);
                    else if (sk < 0 && n.text.contains("skewed")) aqeCounts[1]++;
                }
                if (n.kind().equals("Filter")) {
                    SparkLateFilter f = lateFilter(n);
                    if (f != null) late.add(f);
                }
            });
        }
        Set<String> seenWrites = new HashSet<>();
        for (PlanNode p : x.initial == null ? List.<PlanNode>of() : List.of(x.initial)) {
            p.each(n -> {
                if (WRITE.matcher(n.name).find() && seenWrites.add(n.text)) writes.add(write(n));
            });
        }
        if (plan != null && plan != x.initial) {
            plan.each(n -> {
                if (WRITE.matcher(n.name).find() && seenWrites.add(n.text)) writes.add(write(n));
            });
        }
        int converted = 0;
        if (x.initial != null && plan != x.initial && plan != null) {
            int before = count(x.initial, "SortMergeJoin") + count(x.initial, "ShuffledHashJoin");
            int after = count(plan, "SortMergeJoin") + count(plan, "ShuffledHashJoin");
            converted = Math.max(0, before - after);
        }
        coalescedReads += aqeCounts[0];
        skewSplits += aqeCounts[1];
        for (SparkWrite w : writes) {
            targets.computeIfAbsent(w.target(), k -> new int[] {0, (int) Math.min(Integer.MAX_VALUE, x.id)})[0]++;
            long[] b = targetBytes.computeIfAbsent(w.target(), k -> new long[2]);
            if (w.bytes() > 0) {
                b[0] += w.bytes();
                b[1] = Math.max(b[1], w.bytes());
            }
        }
        for (int i = 0; i < x.pendingRepeats.size(); i++) {
            Repeat r = subplans.get(x.pendingRepeats.get(i)[0]);
            if (r == null) continue;
            for (long id : x.pendingScanIds.get(i)) {
                long[] v = accumulators.get(id);
                if (v != null && v[1] > 0) {
                    r.bytes += v[0];
                    r.measured = true;
                }
            }
        }
        int sp = x.shufflePartitions != null ? x.shufflePartitions : shufflePartitions();
        done.add(new SparkSqlExecution(appIdOr(), x.id, x.description, aqe, aqeCounts[0], aqeCounts[1], converted, sp, joins, writes, late,
                x.file, x.line, "sql[" + x.id + "]"));
        for (long id : x.accIds) accumulators.remove(id);
    }

    private static boolean containsKind(PlanNode p, String kind) {
        boolean[] f = {false};
        p.each(n -> f[0] |= n.kind().equals(kind));
        return f[0];
    }

    private static int count(PlanNode p, String kind) {
        int[] c = {0};
        p.each(n -> {
            if (n.kind().equals(kind)) c[0]++;
        });
        return c[0];
    }

    private static final Pattern JOIN_ARGS = Pattern.compile("^\\S+(?:\\(skew=true\\))?\\s+\\[(.*?)],\\s*\\[(.*?)],\\s*(\\w+)");

    private SparkJoin join(PlanNode n) {
        String keys = "";
        String type = "";
        Matcher m = JOIN_ARGS.matcher(n.text);
        if (m.find()) {
            keys = strip(m.group(1)) + " = " + strip(m.group(2));
            type = m.group(3);
        }
        long left = n.children.size() > 0 ? sideBytes(n.children.get(0), 0) : -1;
        long right = n.children.size() > 1 ? sideBytes(n.children.get(1), 0) : -1;
        return new SparkJoin(n.kind(), type, keys, left, right, n.text.contains("skew=true") || n.text.contains("isSkewJoin=true"));
    }

    private static String strip(String s) {
        return s.replaceAll("#\\d+L?", "").strip();
    }

    /** The bytes one join side shuffled: the data size of the exchange under it (through sorts and wrappers), else its scan's. */
    private long sideBytes(PlanNode n, int depth) {
        if (depth > 64) return -1;
        if (n.exchange()) {
            long d = metric(n, "data size");
            if (d >= 0) return d;
            return metric(n, "shuffle bytes written");
        }
        if (n.scan()) return metric(n, "size of files read");
        String k = n.kind();
        if (n.wrapper() || k.equals("Sort") || k.equals("Project") || k.equals("AQEShuffleRead") || k.equals("CustomShuffleReader")
                || k.equals("Filter") || k.equals("ShuffleQueryStage")) {
            if (n.children.size() == 1) return sideBytes(n.children.get(0), depth + 1);
        }
        return -1;
    }

    private static final Set<String> TRANSPARENT = Set.of("Project", "Sort", "AQEShuffleRead", "CustomShuffleReader",
            "BatchEvalPython", "ArrowEvalPython", "BatchEvalPythonUDTF", "ArrowEvalPythonUDTF");

    /** A Filter above a shuffle, join, aggregate or window that reads only columns from below it, with its measured rows. */
    private SparkLateFilter lateFilter(PlanNode f) {
        if (f.children.size() != 1) return null;
        PlanNode below = f.children.get(0);
        Set<String> udfOutputs = new HashSet<>();
        while (below.wrapper() || TRANSPARENT.contains(below.kind())) {
            // a Python UDF's result is computed just above the operator: the filter on it could run below with the UDF
            if (below.kind().contains("EvalPython")) udfOutputs.addAll(below.ids());
            if (below.children.size() != 1) return null;
            below = below.children.get(0);
        }
        String k = below.kind();
        boolean blocks = below.exchange() || below.join() || below.aggregate() || k.equals("Window");
        if (!blocks) return null;
        Set<String> refs = new HashSet<>(conditionIds(f));
        refs.removeAll(udfOutputs);
        if (refs.isEmpty() && udfOutputs.isEmpty()) return null;
        boolean pushable;
        if (below.join()) {
            pushable = false;
            for (PlanNode side : below.children) if (side.subtreeIds().containsAll(refs)) pushable = true;
        } else if (below.exchange()) {
            pushable = below.subtreeIds().containsAll(refs);
        } else {
            Set<String> input = new HashSet<>();
            for (PlanNode c : below.children) input.addAll(c.subtreeIds());
            pushable = input.containsAll(refs);
        }
        if (!pushable) return null;
        long out = metric(f, "number of output rows");
        long in = rowsOf(below, 0);
        if (out < 0 || in <= 0) return null;
        String cond = f.text.startsWith("Filter ") ? f.text.substring(7) : f.text;
        return new SparkLateFilter(SqlAnalyzer.shorten(cond.replaceAll("#\\d+L?", ""), 120), k, in, out);
    }

    private static Set<String> conditionIds(PlanNode f) {
        return f.ids();
    }

    private long rowsOf(PlanNode n, int depth) {
        if (depth > 64) return -1;
        long r = metric(n, "number of output rows");
        if (r >= 0) return r;
        if (n.exchange()) {
            long w = metric(n, "shuffle records written");
            if (w >= 0) return w;
        }
        for (PlanNode c : n.children) {
            long x = rowsOf(c, depth + 1);
            if (x >= 0 && n.children.size() == 1) return x;
        }
        return -1;
    }

    private SparkWrite write(PlanNode n) {
        String cmd = n.kind();
        List<String> args = splitTop(n.text.replaceFirst("^Execute\\s+\\S+\\s*", ""));
        String target = args.isEmpty() ? "" : args.get(0).strip();
        String format = "unknown";
        int fi = -1;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).strip();
            String simple = a.replaceAll(".*\\.", "").replaceAll("(?i)FileFormat$", "").replaceAll("(?i)^org\\.apache.*", "");
            if (FORMAT.matcher(a).matches() || FORMAT.matcher(simple).matches() && a.toLowerCase(Locale.ROOT).contains("fileformat")) {
                format = (FORMAT.matcher(a).matches() ? a : simple).toLowerCase(Locale.ROOT);
                fi = i;
                break;
            }
        }
        if (format.equals("unknown")) {
            String t = (n.name + " " + n.text).toLowerCase(Locale.ROOT);
            for (String f : List.of("delta", "iceberg", "hudi", "parquet", "orc", "avro", "csv", "json")) {
                if (t.contains(f)) {
                    format = f;
                    break;
                }
            }
        }
        List<String> partitionColumns = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        String mode = "";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).strip();
            if (a.startsWith("[") && a.endsWith("]")) {
                String inner = a.substring(1, a.length() - 1);
                if (inner.contains("=")) {
                    for (String kv : splitTop(inner)) {
                        int eq = kv.indexOf('=');
                        if (eq > 0) options.put(kv.substring(0, eq).strip().toLowerCase(Locale.ROOT), kv.substring(eq + 1).strip());
                    }
                } else if (fi >= 0 && i < fi && inner.contains("#")) {
                    for (String c : splitTop(inner)) {
                        String col = c.strip().replaceAll("#\\d+L?$", "").replaceAll("`", "").toLowerCase(Locale.ROOT);
                        if (!col.isEmpty()) partitionColumns.add(col);
                    }
                }
            } else if (a.matches("Append|Overwrite|ErrorIfExists|Ignore")) {
                mode = a;
            }
        }
        if (options.containsKey("path") && (target.isEmpty() || target.startsWith("["))) target = options.get("path");
        if (target.startsWith("[") || target.isEmpty()) target = n.display(80);
        String codec = options.getOrDefault("compression", options.getOrDefault(format + ".compression", null));
        if (codec == null) codec = defaultCodec(format);
        return new SparkWrite(cmd, target, format, codec.toLowerCase(Locale.ROOT).replace("uncompressed", "none"), partitionColumns, mode,
                metric(n, "number of written files"), metric(n, "written output"), metric(n, "number of output rows"));
    }

    private String defaultCodec(String format) {
        switch (format) {
            case "parquet": case "delta": case "iceberg": case "hudi":
                return props.getOrDefault("spark.sql.parquet.compression.codec", "snappy");
            case "orc":
                return props.getOrDefault("spark.sql.orc.compression.codec", version.startsWith("4") ? "zstd" : "snappy");
            case "avro":
                return props.getOrDefault("spark.sql.avro.compression.codec", "snappy");
            case "unknown":
                return "unknown";
            default:
                return "none";
        }
    }

    /** Splits {@code a, [b, c], d(e, f)} at the commas outside brackets and parentheses. */
    static List<String> splitTop(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0, from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[' || c == '(' || c == '{') depth++;
            else if (c == ']' || c == ')' || c == '}') depth--;
            else if (c == ',' && depth == 0) {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        if (from < s.length()) out.add(s.substring(from));
        return out;
    }

    // ------------------------------------------------------------------ the end

    int shufflePartitions() {
        Integer v = intOr(props.get("spark.sql.shuffle.partitions"), 200);
        return v == null ? 200 : v;
    }

    private static Integer intOr(String s, Integer or) {
        if (s == null) return or;
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return or;
        }
    }

    /** {@code 10485760}, {@code 10m}, {@code 10MB}, {@code 1g}, {@code -1}: bytes. */
    static long bytes(String s, long or) {
        if (s == null || s.isBlank()) return or;
        Matcher m = Pattern.compile("(?i)^\\s*(-?\\d+)\\s*([kmgt]?)(i?b)?\\s*$").matcher(s);
        if (!m.matches()) return or;
        long v = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> v << 10;
            case "m" -> v << 20;
            case "g" -> v << 30;
            case "t" -> v << 40;
            default -> v;
        };
    }

    boolean aqeEnabled() {
        String v = props.get("spark.sql.adaptive.enabled");
        if (v != null) return v.strip().equalsIgnoreCase("true");
        return versionAtLeast(3, 2);
    }

    private boolean versionAtLeast(int major, int minor) {
        Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version);
        if (!m.find()) return true;  // no LogStart: assume a current Spark, and say so in the coverage note
        int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(2));
        return a > major || a == major && b >= minor;
    }

    /** The cores of a local master ({@code local[4]}, {@code local[4,2]}); 0 for {@code local[*]} or a cluster. */
    int localCores() {
        String master = props.getOrDefault("spark.master", "");
        Matcher m = Pattern.compile("^local\\[(\\d+)").matcher(master);
        if (m.find()) return Integer.parseInt(m.group(1));
        return master.equals("local") ? 1 : 0;
    }

    /** The application's fact; unfinished stages and executions are finished with what was logged. */
    SparkApplication application() {
        for (ExecAcc x : new ArrayList<>(executions.values())) finish(x);
        executions.clear();
        boolean local = props.getOrDefault("spark.master", "").startsWith("local");
        int c = local ? localCores() : peakCores;
        List<String> lost = new ArrayList<>();
        reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).forEach(e -> lost.add(e.getValue() + " x " + e.getKey()));
        List<SparkRepeat> repeats = new ArrayList<>();
        Set<Long> repeated = new HashSet<>();
        subplans.forEach((h, r) -> {
            if (r.times >= 2) repeated.add(h);
        });
        for (Map.Entry<Long, Repeat> e : subplans.entrySet()) {
            Repeat r = e.getValue();
            if (r.times < 2) continue;
            boolean covered = false;
            for (long p : r.parents) {
                Repeat pr = subplans.get(p);
                if (pr != null && repeated.contains(p) && pr.times >= r.times) covered = true;
            }
            if (!covered) repeats.add(new SparkRepeat("plan", r.description, r.times, new ArrayList<>(r.executions), r.measured ? r.bytes : -1));
        }
        Map<Long, Set<Long>> children = new HashMap<>();
        rdds.forEach((id, r) -> {
            for (long p : r.parents) children.computeIfAbsent(p, k -> new HashSet<>()).add(id);
        });
        for (Map.Entry<Long, RddInfo> e : rdds.entrySet()) {
            RddInfo r = e.getValue();
            if (r.cached || r.stages.size() < 2) continue;
            boolean covered = false;
            for (long ch : children.getOrDefault(e.getKey(), Set.of())) {
                RddInfo cr = rdds.get(ch);
                if (cr != null && !cr.cached && cr.stages.equals(r.stages)) covered = true;
            }
            if (!covered) repeats.add(new SparkRepeat("rdd", "RDD " + e.getKey() + " (" + r.description + ")", r.stages.size(), new ArrayList<>(r.stages), -1));
        }
        repeats.sort(java.util.Comparator.comparing(SparkRepeat::kind).thenComparing(r -> r.where().get(0)).thenComparing(SparkRepeat::description));
        List<SparkWriteTarget> ts = new ArrayList<>();
        for (Map.Entry<String, int[]> e : targets.entrySet()) {
            long[] b = targetBytes.get(e.getKey());
            ts.add(new SparkWriteTarget(e.getKey(), e.getValue()[0], b[0], b[1], e.getValue()[1]));
        }
        long end = complete && endTime > 0 ? endTime : lastTime;
        return new SparkApplication(appIdOr(), appName, version, props.getOrDefault("spark.master", ""), aqeEnabled(),
                !props.getOrDefault("spark.sql.adaptive.coalescePartitions.enabled", "true").equalsIgnoreCase("false"),
                !props.getOrDefault("spark.sql.adaptive.skewJoin.enabled", "true").equalsIgnoreCase("false"),
                shufflePartitions(), bytes(props.get("spark.sql.autoBroadcastJoinThreshold"), 10L << 20), c,
                props.getOrDefault("spark.executor.memory", ""), props.getOrDefault("spark.executor.memoryOverhead", ""),
                executorsAdded, executorsLost, memoryLosses, oomTasks, lost, complete,
                startTime > 0 && end > 0 ? Math.max(0, end - startTime) : 0, repeats, ts, coalescedReads, skewSplits, sqlExecutions,
                appFile.isEmpty() ? logName : appFile, appLine, "application");
    }

    /** The stages still running at the end of the log (an incomplete log). */
    int unfinishedStages() {
        return running.size();
    }
}
