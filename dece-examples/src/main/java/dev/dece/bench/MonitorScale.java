package dev.dece.bench;

import dev.dece.core.Dece;
import dev.dece.core.monitor.MonitorOptions;
import dev.dece.core.report.CheckOutcome;
import dev.dece.core.report.Evidence;
import dev.dece.core.report.Report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scale harness for {@code Dece.monitor}: log records per second end to end (read, aggregate, rules, report) from a
 * generated file of the Structured Logging Standard, against a plain-Java computation of the same dashboard metrics
 * over the same file in the same run, for 10 000 to 1 000 000 records. Not JMH: one call reads a file once, so the
 * figure is wall and CPU time per call after warm-up, the median of {@code runs}.
 *
 * <p>The file: {@value #PIPELINES} pipelines logging hourly, one record per run with every field of the standard,
 * 1.5 % of runs failed with one of six realistic errors, numeric watermarks, some quality checks failing. The
 * baseline parses the same lines with the same Jackson streaming parser and computes, per pipeline, the success rate
 * and average runtime over 7 days, the last load, the 24 h volume against the 7 days before, the quality pass rate
 * and the failed runs of the last 24 h: what DECE's {@code Metrics} computes before the rules run, without the
 * merging by run ID, the log checks, the triage, the rules or the report. The harness checks that both agree on every
 * pipeline's success rate.
 *
 * <p>Heap: the peak used heap during the timed call (all heap pools, after a GC before it). Run with a bounded heap
 * to check the memory target (1 M records under 1 GB):
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -Xmx1g -cp "dece-examples/target/dece-examples-0.1.0.jar:dece-examples/target/lib/*" \
 *      dev.dece.bench.MonitorScale [sizes, default 10000,100000,1000000] [runs, default 3]
 * </pre>
 */
public final class MonitorScale {

    static final int PIPELINES = 200;
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    static final String[] ERRORS = {
        "psycopg2.OperationalError: connection to server at \\\"db-%d.internal\\\" (10.0.4.12), port 5432 failed: Connection timed out",
        "snowflake.connector.errors.ProgrammingError: 000904 (42000): SQL compilation error: error line 3 at position 11\\ninvalid identifier 'ORDER_STATUS_CODE'",
        "Container job-%d terminated: Reason: OOMKilled, Exit Code: 137",
        "psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint \\\"fct_%d_pkey\\\"",
        "000630 (57014): Statement reached its statement or warehouse timeout of 3,600 second(s) and was canceled.",
        "Failure in test not_null_fct_%d_customer_id (models/marts/schema.yml)\\n  Got 214 results, configured to fail if != 0"};

    private MonitorScale() {}

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length > 0 ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray() : new int[] {10_000, 100_000, 1_000_000};
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Dece dece = Dece.builder().build().warmUp();
        Path dir = Files.createTempDirectory("dece-monitor-scale");
        try {
            Path warm = dir.resolve("warm.jsonl");
            Instant warmAsOf = generate(warm, 10_000);
            for (int i = 0; i < 3; i++) {
                dece.monitor(List.of(warm), MonitorOptions.defaults().withAsOf(warmAsOf));
                Baseline.compute(warm, warmAsOf);
            }
            System.out.printf(Locale.ROOT, "%-9s %10s %12s %12s %11s %12s %7s %9s %8s%n", "records", "dece ms", "dece rec/s", "dece rec/cpu-s",
                    "plain ms", "plain rec/s", "ratio", "heap MB", "agree");
            for (int n : sizes) {
                Path f = dir.resolve("runs-" + n + ".jsonl");
                Instant asOf = generate(f, n);
                long[] wall = new long[runs];
                long[] cpu = new long[runs];
                long[] plain = new long[runs];
                long heap = 0;
                Report last = null;
                Map<String, double[]> base = null;
                for (int r = 0; r < runs; r++) {
                    System.gc();
                    resetPeaks();
                    ThreadMXBean tm = ManagementFactory.getThreadMXBean();
                    long c0 = tm.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    last = dece.monitor(List.of(f), MonitorOptions.defaults().withAsOf(asOf));
                    wall[r] = System.nanoTime() - t0;
                    cpu[r] = tm.getCurrentThreadCpuTime() - c0;
                    heap = Math.max(heap, peakHeap());
                    System.gc();
                    long p0 = System.nanoTime();
                    base = Baseline.compute(f, asOf);
                    plain[r] = System.nanoTime() - p0;
                }
                Arrays.sort(wall);
                Arrays.sort(cpu);
                Arrays.sort(plain);
                double w = wall[runs / 2] / 1e9, c = cpu[runs / 2] / 1e9, p = plain[runs / 2] / 1e9;
                System.out.printf(Locale.ROOT, "%-9d %10.0f %12.0f %12.0f %11.0f %12.0f %6.1fx %9d %8s%n", n, w * 1000, n / w, n / c, p * 1000, n / p,
                        w / p, heap / (1024 * 1024), agree(last, base));
            }
            System.out.printf(Locale.ROOT, "runs per size: %d (median); JVM: %s %s; processors: %d; max heap: %d MB%n", runs,
                    System.getProperty("java.vm.name"), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Writes {@code n} records, hourly per pipeline; returns "now": the end of the last run. */
    static Instant generate(Path f, int n) throws IOException {
        long perPipeline = Math.max(1, n / PIPELINES);
        Instant last = START;
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            long[] wm = new long[PIPELINES];
            for (int i = 0; i < n; i++) {
                int p = i % PIPELINES;
                long k = i / PIPELINES;
                Instant s = START.plusSeconds(k * 3600 + p * 7L);
                long h = hash(i);
                int minutes = 3 + (int) (h % 20);
                boolean failed = h % 1000 < 15;
                long rows = failed ? 0 : 1000 + (h >>> 8) % 4000;
                int qf = !failed && h % 97 == 0 ? 1 : 0;
                Instant e = s.plusSeconds(minutes * 60L);
                if (e.isAfter(last)) last = e;
                String err = failed ? String.format(Locale.ROOT, ERRORS[(int) ((h >>> 16) % ERRORS.length)], p) : "";
                long before = wm[p];
                long after = failed ? before : before + rows;
                wm[p] = after;
                w.write("{\"pipeline_name\": \"pipeline_" + p + "\", \"run_id\": \"run-" + p + "-" + k + "\", \"started_at\": \"" + s
                        + "\", \"completed_at\": \"" + e + "\", \"status\": \"" + (failed ? "failed" : "success") + "\", \"stage\": \""
                        + (failed ? "transform" : "load") + "\", \"rows_extracted\": " + rows + ", \"rows_transformed\": " + rows + ", \"rows_loaded\": "
                        + rows + ", \"rows_rejected\": 0, \"quality_checks_passed\": " + (failed ? 0 : 4 - qf) + ", \"quality_checks_failed\": " + qf
                        + ", \"duration_seconds\": " + minutes * 60 + ", \"error_message\": \"" + err + "\", \"watermark_before\": \"" + before
                        + "\", \"watermark_after\": \"" + after + "\"}\n");
            }
            if (perPipeline == 0) throw new IllegalStateException();
        }
        return last;
    }

    static long hash(long x) {
        x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
        x = (x ^ (x >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return (x ^ (x >>> 33)) & Long.MAX_VALUE;
    }

    /** Same success rate (two decimals) for every pipeline in DECE's check outcomes and the baseline: "yes", or what differs. */
    static String agree(Report r, Map<String, double[]> base) {
        int checked = 0;
        for (CheckOutcome c : r.checks()) {
            if (!c.kind().equals("success_rate")) continue;
            double[] b = base.get(c.subject());
            String v = c.measures().stream().filter(e -> e.path().equals("success_rate_percent")).map(Evidence::value).findFirst().orElse("-");
            if (b == null || v.equals("-") ? b != null && !Double.isNaN(b[0]) : Math.abs(Double.parseDouble(v) - b[0]) > 0.006) return "NO:" + c.subject();
            checked++;
        }
        return checked == base.size() ? "yes" : "NO:" + checked + "/" + base.size();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        return sum;
    }

    /** The plain-Java dashboard over the same file: one pass, per-pipeline accumulators, no rules. */
    static final class Baseline {
        private Baseline() {}

        static final long DAY = 86_400_000L;

        /** Per pipeline: success rate, avg runtime minutes, hours since last load, volume variance %, pass rate %, failed 24 h. */
        static Map<String, double[]> compute(Path f, Instant asOf) throws IOException {
            long now = asOf.toEpochMilli();
            JsonFactory json = new JsonFactory();
            Map<String, long[]> acc = new HashMap<>();
            try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isBlank()) continue;
                    String pipeline = null, status = null;
                    long started = 0, completed = 0, loaded = 0, passed = 0, failed = 0;
                    try (JsonParser p = json.createParser(line)) {
                        p.nextToken();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String k = p.currentName();
                            p.nextToken();
                            switch (k) {
                                case "pipeline_name" -> pipeline = p.getText();
                                case "status" -> status = p.getText();
                                case "started_at" -> started = Instant.parse(p.getText()).toEpochMilli();
                                case "completed_at" -> completed = Instant.parse(p.getText()).toEpochMilli();
                                case "rows_loaded" -> loaded = p.getLongValue();
                                case "quality_checks_passed" -> passed = p.getLongValue();
                                case "quality_checks_failed" -> failed = p.getLongValue();
                                default -> p.skipChildren();
                            }
                        }
                    }
                    // runs, succeeded, runtime ms sum, timed, last load, today rows, baseline rows, checks passed, checks failed, failed 24h, first
                    long[] a = acc.computeIfAbsent(pipeline, x -> new long[] {0, 0, 0, 0, Long.MIN_VALUE, 0, 0, 0, 0, 0, Long.MAX_VALUE});
                    a[10] = Math.min(a[10], started);
                    boolean ok = status.equals("success");
                    if (completed > now - 7 * DAY && completed <= now) {
                        a[0]++;
                        if (ok) {
                            a[1]++;
                            a[2] += completed - started;
                            a[3]++;
                        }
                        a[7] += passed;
                        a[8] += failed;
                    }
                    if (ok && loaded != 0) a[4] = Math.max(a[4], completed);
                    if (ok && completed > now - DAY) a[5] += loaded;
                    else if (ok && completed > now - 8 * DAY && completed <= now - DAY) a[6] += loaded;
                    if (!ok && completed > now - DAY) a[9]++;
                }
            }
            Map<String, double[]> out = new HashMap<>();
            for (Map.Entry<String, long[]> e : acc.entrySet()) {
                long[] a = e.getValue();
                double avg = a[6] / 7.0;
                out.put(e.getKey(), new double[] {
                    a[0] == 0 ? Double.NaN : Math.round(10_000.0 * a[1] / a[0]) / 100.0,
                    a[3] == 0 ? Double.NaN : a[2] / 60_000.0 / a[3],
                    a[4] == Long.MIN_VALUE ? Double.NaN : (now - a[4]) / 3.6e6,
                    avg == 0 ? Double.NaN : Math.abs(a[5] - avg) / avg * 100,
                    a[7] + a[8] == 0 ? Double.NaN : 100.0 * a[7] / (a[7] + a[8]),
                    a[9]});
            }
            return out;
        }
    }

}
