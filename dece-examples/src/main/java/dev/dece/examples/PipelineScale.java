package dev.dece.examples;

import dev.dece.core.Dece;
import dev.dece.core.report.Report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Scale harness for {@code Dece.pipeline}: how long reviewing N pipeline specs in ONE call takes, for
 * N = 1 000, 2 000, 5 000 and 10 000, in one JVM after warm-up. Not a JMH benchmark (that lives in
 * the lead's dece-bench module); a documented, repeatable measurement of growth with N.
 *
 * <p>Each N gets its own temporary directory of generated specs, ten YAML documents per file, cycling
 * through eight realistic shapes (CDC and incremental database replicas, a small full extraction,
 * Kafka streams, cursor and full-pull APIs, partner files, reference tables), a mix of review and
 * design mode, with the values varied per spec so findings differ. Writing the files is not timed;
 * the timed call reads, binds, evaluates and assembles, as {@code dece pipeline DIR} does.
 * Warm-up: five calls on 1 000 specs. Then each size is timed {@code runs} times (default 5) and the
 * median is reported with specs per second; "of which read" is the median time of reading and binding
 * the same directory alone ({@code PipelineBinder.load}), the rest is rule evaluation and assembly.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -Xmx2g -cp "dece-examples/target/dece-examples-0.1.0.jar:dece-examples/target/lib/*" \
 *      dev.dece.examples.PipelineScale [runs]
 * </pre>
 */
public final class PipelineScale {

    private PipelineScale() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int[] sizes = {1_000, 2_000, 5_000, 10_000};
        Dece dece = Dece.builder().build();
        Path root = Files.createTempDirectory("dece-scale");
        try {
            Path warm = generate(root.resolve("warm"), 1_000);
            for (int i = 0; i < 5; i++) dece.pipeline(List.of(warm), null);
            System.out.printf(Locale.ROOT, "%-8s %10s %12s %10s %10s %14s%n", "specs", "median ms", "specs/s", "ms/spec", "findings", "of which read");
            for (int n : sizes) {
                Path dir = generate(root.resolve("n" + n), n);
                long[] ms = new long[runs];
                long[] read = new long[runs];
                Report last = null;
                for (int r = 0; r < runs; r++) {
                    System.gc();
                    long t0 = System.nanoTime();
                    last = dece.pipeline(List.of(dir), null);
                    ms[r] = (System.nanoTime() - t0) / 1_000_000;
                    // the reading and binding part alone, timed separately (same work the call starts with)
                    long t1 = System.nanoTime();
                    dece.prepare("pipeline", dir);
                    read[r] = (System.nanoTime() - t1) / 1_000_000;
                }
                Arrays.sort(ms);
                Arrays.sort(read);
                long median = ms[runs / 2];
                System.out.printf(Locale.ROOT, "%-8d %10d %12.0f %10.3f %10d %14d%n", n, median, n * 1000.0 / median,
                        median / (double) n, last.findings().size(), read[runs / 2]);
            }
            System.out.printf(Locale.ROOT, "runs per size: %d (median); JVM: %s %s; processors: %d; max heap: %d MB%n", runs,
                    System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        } finally {
            delete(root);
        }
    }

    /** Writes {@code n} specs, ten documents per file, under {@code dir}; deterministic. */
    static Path generate(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i % 10 != 0) file.append("---\n");
            file.append(spec(i));
            if (i % 10 == 9 || i == n - 1) {
                Files.writeString(dir.resolve(String.format(Locale.ROOT, "specs-%05d.yaml", i / 10)), file.toString());
                file.setLength(0);
            }
        }
        return dir;
    }

    static final String[] CRONS = {"0 2 * * *", "15 * * * *", "*/30 * * * *", "0 */6 * * *", "30 3 * * *", "0 5 * * 1", "*/5 * * * *", "0 1 * * *"};

    /** One spec of eight shapes; {@code i} varies names, sizes and a few deliberate mistakes. */
    static String spec(int i) {
        String name = "p" + i;
        String cron = CRONS[i % CRONS.length];
        int sla = 20 + (i % 7) * 15;
        int tier = 1 + i % 3;
        long rows = 10_000L * (1 + i % 400);
        double gb = 0.05 * (1 + i % 60);
        String common = "  name: \"" + name + "\"\n  owner: \"team-" + (i % 17) + "\"\n  schedule: \"" + cron + "\"\n  sla_minutes: " + sla
                + "\n  tier: " + tier + "\n";
        String gates = "  quality_gates:\n    pre_load: [" + (i % 9 == 0 ? "" : "schema, row_count > 0") + "]\n    post_load: [row_count matches extract]\n";
        String errors = "  error_handling:\n    strategy: \"" + (i % 11 == 0 ? "skip-and-alert" : "retry") + "\"\n    max_retries: 3\n    retry_delay_seconds: "
                + (i % 13 == 0 ? 0 : 300) + "\n    alert_channels: [" + (i % 5 == 0 ? "" : "slack-data") + "]\n";
        switch (i % 8) {
            case 0: case 1: {
                boolean cdc = i % 8 == 0;
                return "pipeline:\n" + common + "  extract:\n    source_system: \"postgres db" + i % 20 + "\"\n    strategy: \"" + (cdc ? "cdc" : "incremental")
                        + "\"\n    incremental_key: \"" + (cdc ? "" : "updated_at") + "\"\n    watermark_storage: \"" + (i % 23 == 0 ? "hardcoded" : "state table")
                        + "\"\n    source_profile: {type: database, supports_cdc: " + cdc + ", updated_at_column: updated_at, row_count: " + rows
                        + ", hard_deletes: " + (i % 3 == 0) + "}\n  transform:\n    engine: \"dbt\"\n    stages:\n      - name: \"clean\"\n        operations: [trim]\n"
                        + "  load:\n    target_system: \"snowflake\"\n    strategy: \"" + (i % 29 == 0 ? "append" : "merge") + "\"\n    merge_keys: [id]\n    partition_key: \"event_date\"\n"
                        + "    clustering_keys: [id]\n    data_profile: {nature: mutable, daily_gb: " + gb + ", retention_days: 730, data_type: transactional}\n" + gates + errors;
            }
            case 2:
                return "pipeline:\n" + common + "  extract:\n    source_system: \"mysql small" + i % 7 + "\"\n    strategy: \"full\"\n"
                        + "    source_profile: {type: database, supports_cdc: false, row_count: " + rows * 3 + "}\n  load:\n    target_system: \"bigquery\"\n"
                        + "    strategy: \"truncate-reload\"\n    data_profile: {nature: reference, data_type: reference}\n" + gates + errors;
            case 3:
                return "pipeline:\n" + common.replace("  schedule: \"" + cron + "\"\n", "") + "  extract:\n    source_system: \"kafka topic" + i % 30 + "\"\n"
                        + "    strategy: \"stream-consumer\"\n    watermark_storage: \"consumer-group offsets\"\n    delivery: \"at-least-once\"\n"
                        + (i % 4 == 3 ? "    consumer_lag_alert_seconds: 300\n" : "") + "  transform:\n    engine: \"Spark\"\n    stages:\n      - name: \"clean\"\n"
                        + "        operations: [deduplicate on event_id]\n  load:\n    target_system: \"delta lake\"\n    strategy: \"append\"\n    merge_keys: [event_id]\n"
                        + "    partition_key: \"event_date, event_hour\"\n    data_profile: {nature: immutable-events, daily_gb: " + gb * 40 + ", retention_days: 30, data_type: log}\n"
                        + gates + errors;
            case 4:
                return "pipeline:\n" + common + "  extract:\n    source_system: \"vendor api " + i % 12 + "\"\n    strategy: \"api-cursor\"\n"
                        + "    watermark_storage: \"" + (i % 3 == 0 ? "" : "state table") + "\"\n    source_profile: {type: api, webhooks: false, pagination: cursor}\n"
                        + "  load:\n    target_system: \"snowflake\"\n    strategy: \"upsert\"\n    merge_keys: [" + (i % 6 == 0 ? "" : "id") + "]\n"
                        + "    data_profile: {nature: mutable, daily_gb: 0.02, retention_days: 365, data_type: transactional}\n" + gates + errors;
            case 5:
                return "pipeline:\n" + common + "  extract:\n    source_system: \"rates api " + i % 5 + "\"\n    source_profile: {type: api, pagination: none}\n"
                        + "  load:\n    target_system: \"postgres\"\n    data_profile: {nature: reference, data_type: reference}\n";
            case 6:
                return "pipeline:\n" + common + "  extract:\n    source_system: \"s3://drop/" + i % 40 + "\"\n    strategy: \"file-event\"\n    source_profile: {type: files}\n"
                        + "  load:\n    target_system: \"databricks\"\n    strategy: \"partition-swap\"\n    partition_key: \"tenant_id, sale_date\"\n"
                        + "    data_profile: {nature: immutable-events, daily_gb: " + gb * 10 + ", retention_days: 365, data_type: multi-tenant, key_cardinality: " + (5 + i % 50) + "}\n"
                        + gates + errors;
            default:
                return "pipeline:\n  name: \"" + name + "\"\n  tier: " + tier + "\n  extract:\n    source_system: \"postgres draft" + i % 9 + "\"\n"
                        + "    source_profile: {supports_cdc: " + (i % 2 == 0) + ", updated_at_column: modified_at, row_count: " + rows + "}\n"
                        + "  load:\n    target_system: \"snowflake\"\n    merge_keys: [id]\n"
                        + "    data_profile: {nature: mutable, daily_gb: " + gb + ", retention_days: 1095, data_type: transactional}\n";
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> all = new ArrayList<>(s.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
