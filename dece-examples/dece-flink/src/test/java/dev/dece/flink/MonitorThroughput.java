package dev.dece.flink;

import dev.dece.core.Dece;
import dev.dece.core.monitor.MonitorOptions;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark harness (a documented {@code main}, not a test): run events per second through the monitoring job on a
 * local MiniCluster with {@code --slots} slots, reading from and writing to a Kafka broker in this JVM, against
 * {@code Dece.monitor} on the same events as one file in one process, measured in the same run. The events are
 * {@code --pipelines} pipelines' hourly runs over {@code --days} days (Structured Logging Standard lines; every 40th
 * run fails). The job evaluates every pipeline at every tick ({@code --interval}, default 1 h) while
 * {@code dece monitor} evaluates once at the end: the ratio is the price of continuous alerts.
 *
 * <pre>{@code
 * java -cp ... dev.dece.flink.MonitorThroughput --pipelines 200 --days 7 --slots 2
 * }</pre>
 */
public final class MonitorThroughput {
    private MonitorThroughput() {}

    public static void main(String[] args) throws Exception {
        int pipelines = 200, days = 7, slots = 2;
        Duration interval = Duration.ofHours(1);
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--pipelines" -> pipelines = Integer.parseInt(args[i + 1]);
                case "--days" -> days = Integer.parseInt(args[i + 1]);
                case "--slots" -> slots = Integer.parseInt(args[i + 1]);
                case "--interval" -> interval = Duration.parse(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; --pipelines N --days D --slots S --interval PT1H");
            }
        }
        List<String> events = generate(pipelines, days);

        Path file = Files.createTempFile("dece-bench", ".jsonl");
        Files.write(file, events, StandardCharsets.UTF_8);
        Dece dece = Dece.builder().build();
        dece.monitor(List.of(file), MonitorOptions.defaults());
        long t0 = System.nanoTime();
        int findings = dece.monitor(List.of(file), MonitorOptions.defaults()).findings().size();
        long single = System.nanoTime() - t0;

        Configuration conf = new Configuration();
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        try (KafkaBroker kafka = new KafkaBroker()) {
            kafka.topic("events", slots);
            kafka.topic("control", 1);
            kafka.topic("alerts", 1);
            kafka.send("events", slots, events);
            // a local MiniCluster of one task manager with this many slots
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(slots, conf);
            env.enableCheckpointing(10_000);
            MonitorJob.build(env, MonitorJob.Settings.of(kafka.bootstrap()).withTopics("events", "control", "alerts")
                    .withTime(interval, Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(8), 24, null).withBounded(true));
            long t1 = System.nanoTime();
            env.execute("dece-monitor-bench");
            long job = System.nanoTime() - t1;
            int written = kafka.readCommitted("alerts").size();

            double e1 = events.size() / (single / 1e9), e2 = events.size() / (job / 1e9);
            System.out.printf("events: %d of %d pipelines over %d days%n", events.size(), pipelines, days);
            System.out.printf("dece monitor, one process, one evaluation: %.0f events/s (%.2f s, %d findings)%n", e1, single / 1e9, findings);
            System.out.printf("flink job, %d slots, a tick every %s: %.0f events/s, %.0f events/s per slot (%.2f s, %d alert records)%n",
                    slots, interval, e2, e2 / slots, job / 1e9, written);
            System.out.printf("ratio job per slot / dece monitor: %.3f%n", (e2 / slots) / e1);
        }
    }

    static List<String> generate(int pipelines, int days) {
        List<String> out = new ArrayList<>();
        Instant start = Instant.parse("2026-03-02T00:00:00Z");
        for (int h = 0; h < days * 24; h++) {
            for (int p = 0; p < pipelines; p++) {
                Instant s = start.plusSeconds(h * 3600L + (p % 50) * 30L);
                Instant e = s.plusSeconds(300 + (p * 7 + h) % 200);
                boolean failed = (p + h) % 40 == 0;
                long rows = failed ? 0 : 10_000 + (p * 31 + h * 17) % 2_000;
                out.add("{\"pipeline_name\": \"pipeline_" + p + "\", \"run_id\": \"r-" + p + "-" + h + "\", \"started_at\": \"" + s
                        + "\", \"completed_at\": \"" + e + "\", \"status\": \"" + (failed ? "failed" : "success") + "\", \"stage\": \"load\", "
                        + "\"rows_extracted\": " + rows + ", \"rows_transformed\": " + rows + ", \"rows_loaded\": " + rows
                        + ", \"rows_rejected\": 0, \"quality_checks_passed\": 3, \"quality_checks_failed\": 0, \"duration_seconds\": "
                        + (e.getEpochSecond() - s.getEpochSecond()) + ", \"error_message\": \"" + (failed ? "connection timed out after 30s" : "")
                        + "\", \"watermark_before\": \"" + s.minusSeconds(3600) + "\", \"watermark_after\": \"" + s + "\"}");
            }
        }
        return out;
    }
}
