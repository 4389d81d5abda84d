package dev.dece.flink;

import dev.dece.core.Dece;
import dev.dece.core.monitor.MonitorOptions;
import dev.dece.core.report.Report;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring job on a real Flink MiniCluster (one task manager, two slots) reading from and writing to a real
 * Kafka broker in this JVM. The events are the bundled week of run logs (dece-examples/monitor/logs: five pipelines,
 * 370 Structured Logging Standard lines), written to a topic of two partitions in file order.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MonitorJobTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final Path LOG = Path.of("../monitor/logs/runs-2026-03-02_08.jsonl");
    static final Duration INTERVAL = Duration.ofHours(6);
    static final int IDLE_TICKS = 4;

    static KafkaBroker kafka;
    static List<String> lines;
    static final AtomicInteger RUN = new AtomicInteger();
    static List<String> baseline;

    @BeforeAll
    static void start() throws Exception {
        kafka = new KafkaBroker();
        lines = Files.readAllLines(LOG, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        kafka.topic("events", 2);
        kafka.send("events", 2, lines);
    }

    @AfterAll
    static void stop() throws Exception {
        if (kafka != null) kafka.close();
    }

    /** Runs the job over the events topic to its end, with this control topic content; returns what the sink committed. */
    static List<String> runJob(List<String> controls, RichMapFunction<RunEvent, RunEvent> probe) throws Exception {
        int n = RUN.incrementAndGet();
        String control = "control-" + n, alerts = "alerts-" + n;
        kafka.topic(control, 1);
        kafka.topic(alerts, 1);
        if (!controls.isEmpty()) kafka.send(control, 1, controls);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(200);
        MonitorJob.Settings s = MonitorJob.Settings.of(kafka.bootstrap()).withTopics("events", control, alerts)
                .withIds("group-" + n, "tx-" + n)
                // the bundled log's records are at most hours out of order; a day of lateness admits them all
                .withTime(INTERVAL, Duration.ofMinutes(5), Duration.ofDays(1), Duration.ofDays(9), IDLE_TICKS, null)
                .withBounded(true);
        MonitorJob.build(env, s, probe);
        env.execute("dece-monitor-test-" + n);
        return kafka.readCommitted(alerts);
    }

    static synchronized List<String> baseline() throws Exception {
        if (baseline == null) baseline = runJob(List.of(), null);
        return baseline;
    }

    /**
     * A message names the record it cites as the run read it: {@code file:line} from a file, {@code topic-partition@offset}
     * from the stream; compared as one placeholder.
     */
    static Map<String, Object> normal(Map<String, Object> a) {
        for (String k : List.of("message", "remediation")) {
            if (a.get(k) instanceof String t) a.put(k, t.replaceAll("\\S+\\.jsonl:\\d+|\\bevents-\\d+@\\d+(:\\d+)?", "<record>"));
        }
        return a;
    }

    /** The alerts open at the end: raised and changed replace, resolved removes; each without its as_of. */
    static Map<String, Map<String, Object>> fold(List<String> events) {
        Map<String, Map<String, Object>> open = new TreeMap<>();
        for (String e : events) {
            Map<String, Object> a = Alerts.parse(e);
            String kind = (String) a.remove("kind");
            if (kind.equals("late") || kind.equals("refused")) continue;
            a.remove("as_of");
            if (kind.equals("resolved")) open.remove((String) a.get("key"));
            else open.put((String) a.get("key"), normal(a));
        }
        return open;
    }

    /** Each pipeline's last tick: its latest record's tick plus the idle ticks. */
    static Map<String, Long> lastTicks() throws Exception {
        Map<String, Long> latest = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            for (var e : Dece.runTimes(Map.of("line" + i, lines.get(i)), MonitorOptions.defaults()).entrySet()) {
                latest.merge(e.getKey(), e.getValue().toEpochMilli(), Math::max);
            }
        }
        long iv = INTERVAL.toMillis();
        Map<String, Long> out = new TreeMap<>();
        latest.forEach((p, t) -> out.put(p, Math.floorDiv(t + iv - 1, iv) * iv + IDLE_TICKS * iv));
        return out;
    }

    /** What {@code dece monitor} says on the log file, pipeline by pipeline at the job's last tick, as alerts. */
    static Map<String, Map<String, Object>> monitorOnTheFile(Dece dece) throws Exception {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        for (var e : lastTicks().entrySet()) {
            Report r = dece.monitor(List.of(LOG), MonitorOptions.defaults().withAsOf(Instant.ofEpochMilli(e.getValue())));
            for (var a : Alerts.current(e.getKey(), e.getValue(), r.findings(), dece.policy()).entrySet()) {
                a.getValue().remove("as_of");
                out.put(a.getKey(), normal(a.getValue()));
            }
        }
        return out;
    }

    @Test
    void theJobsAlertsAreTheAlertsOfDeceMonitorOnTheSameEventsAsAFile() throws Exception {
        List<String> events = baseline();
        Map<String, Map<String, Object>> expected = monitorOnTheFile(Dece.builder().build());

        assertThat(expected.keySet()).as("the bundled week has alerts for every pipeline")
                .anyMatch(k -> k.startsWith("fct_orders|")).anyMatch(k -> k.startsWith("payments_to_snowflake|"))
                .anyMatch(k -> k.startsWith("web_events|"));
        assertThat(expected.values()).anyMatch(a -> "P0".equals(a.get("severity")) || "P1".equals(a.get("severity")));
        assertThat(fold(events)).isEqualTo(expected);
        assertThat(events).noneMatch(e -> e.contains("\"kind\":\"refused\"") || e.contains("\"kind\":\"late\""));
        assertThat(events).anyMatch(e -> e.startsWith("{\"kind\":\"raised\"") && e.contains("\"response_minutes\":"));
    }

    /** Fails the job once, after a checkpoint has completed, and counts the records seen after the restart. */
    static final class FailOnce extends RichMapFunction<RunEvent, RunEvent> implements CheckpointListener {
        static final AtomicInteger CHECKPOINTS = new AtomicInteger();
        static final AtomicBoolean FAILED = new AtomicBoolean();
        static final AtomicInteger AFTER_RESTART = new AtomicInteger();
        static final AtomicInteger ATTEMPTS = new AtomicInteger();
        private int seen;

        @Override
        public void open(OpenContext c) {
            if (getRuntimeContext().getTaskInfo().getAttemptNumber() > 0) ATTEMPTS.incrementAndGet();
        }

        @Override
        public RunEvent map(RunEvent e) throws Exception {
            Thread.sleep(5); // pace the stream so that checkpoints complete while it runs
            seen++;
            if (FAILED.get()) AFTER_RESTART.incrementAndGet();
            if (!FAILED.get() && CHECKPOINTS.get() >= 2 && seen >= 60) {
                FAILED.set(true);
                throw new IllegalStateException("injected task failure mid-stream");
            }
            return e;
        }

        @Override
        public void notifyCheckpointComplete(long id) {
            CHECKPOINTS.incrementAndGet();
        }
    }

    @Test
    void aTaskFailureMidStreamIsRecoveredFromTheCheckpointWithNoAlertLostOrDuplicated() throws Exception {
        List<String> expected = baseline();
        List<String> events = runJob(List.of(), new FailOnce());

        assertThat(FailOnce.FAILED).as("the failure was injected").isTrue();
        assertThat(FailOnce.ATTEMPTS.get()).as("tasks were restarted").isGreaterThan(0);
        assertThat(FailOnce.AFTER_RESTART.get()).as("the restart resumed from the checkpoint, not from the first record")
                .isGreaterThan(0).isLessThan(lines.size());
        assertThat(count(events)).isEqualTo(count(expected));
        assertThat(events).hasSameSizeAs(expected).doesNotHaveDuplicates();
    }

    static Map<String, Integer> count(List<String> events) {
        Map<String, Integer> m = new TreeMap<>();
        for (String e : events) m.merge(e, 1, Integer::sum);
        return m;
    }

    @Test
    void aThresholdChangeOnTheControlStreamChangesTheAlertsAfterIt() throws Exception {
        // the first tick at which the defaults raise web_events' volume alert (MON-006: 70 % fewer rows)
        String tick = null;
        for (String e : baseline()) {
            Map<String, Object> a = Alerts.parse(e);
            if (tick == null && "raised".equals(a.get("kind")) && "MON-006".equals(a.get("rule_id")) && "web_events".equals(a.get("pipeline"))) {
                tick = (String) a.get("as_of");
            }
        }
        assertThat(tick).as("\"MON-006\" is raised for web_events under the defaults").isNotNull();
        long t = Instant.parse(tick).toEpochMilli();

        // from that tick on, a 70 % drop is below the new alert line (95 %) and the new target (90 %)
        String policy = "thresholds:\n  volume_variance_alert_percent: 95\n  volume_variance_target_percent: 90\n";
        Map<String, Object> control = new LinkedHashMap<>();
        control.put("effective_from", tick);
        control.put("policy", policy);
        List<String> events = runJob(List.of(Alerts.json(control)), null);
        Path file = Files.createTempFile("policy", ".yaml");
        Files.writeString(file, policy);
        Dece defaults = Dece.builder().build(), changed = Dece.builder().policyFile(file).build();

        Map<String, Map<String, Object>> withDefaults = fold(upTo(baseline(), tick), "web_events");
        Map<String, Map<String, Object>> withChange = fold(upTo(events, tick), "web_events");
        assertThat(withDefaults).isEqualTo(monitorOnTheFile(defaults, "web_events", t));
        assertThat(withDefaults.keySet()).anyMatch(k -> k.contains("|MON-006|"));
        assertThat(withChange).isEqualTo(monitorOnTheFile(changed, "web_events", t));
        assertThat(withChange.keySet()).noneMatch(k -> k.contains("|MON-006|"));
        assertThat(events).noneMatch(e -> e.contains("\"kind\":\"refused\""));

        // ticks before effective_from ran on the defaults: every event before it is the baseline's
        List<String> before = new ArrayList<>(), beforeNow = new ArrayList<>();
        for (String e : baseline()) if (asOf(e).compareTo(tick) < 0) before.add(e);
        for (String e : events) if (asOf(e).compareTo(tick) < 0) beforeNow.add(e);
        assertThat(count(beforeNow)).isEqualTo(count(before)).isNotEmpty();
    }

    static List<String> upTo(List<String> events, String asOf) {
        List<String> out = new ArrayList<>();
        for (String e : events) if (asOf(e).compareTo(asOf) <= 0) out.add(e);
        return out;
    }

    static Map<String, Map<String, Object>> fold(List<String> events, String pipeline) {
        Map<String, Map<String, Object>> out = new TreeMap<>(fold(events));
        out.keySet().removeIf(k -> !k.startsWith(pipeline + "|"));
        return out;
    }

    /** {@code dece monitor} on the file at {@code asOf}: one pipeline's alerts. */
    static Map<String, Map<String, Object>> monitorOnTheFile(Dece dece, String pipeline, long asOf) throws Exception {
        Report r = dece.monitor(List.of(LOG), MonitorOptions.defaults().withAsOf(Instant.ofEpochMilli(asOf)));
        Map<String, Map<String, Object>> out = new TreeMap<>();
        for (var a : Alerts.current(pipeline, asOf, r.findings(), dece.policy()).entrySet()) {
            a.getValue().remove("as_of");
            out.put(a.getKey(), normal(a.getValue()));
        }
        return out;
    }

    static String asOf(String event) {
        Object v = Alerts.parse(event).get("as_of");
        return v == null ? "" : v.toString();
    }
}
