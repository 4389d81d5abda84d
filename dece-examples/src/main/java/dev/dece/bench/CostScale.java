package dev.dece.bench;

import dev.dece.core.Dece;
import dev.dece.core.cost.CostOptions;
import dev.dece.core.report.Report;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark harness (not a timed test): {@code dece cost} on a generated FOCUS 1.x usage export of 10 k to 1 M rows
 * (daily charges of many resources over one month, 90 % tagged with one of 200 pipelines, a share of storage, transfer
 * and dev resources), against a plain-Java baseline in the same run: the same file read line by line with
 * {@code String.split} and summed per pipeline and category (no CSV quoting, no validation, no rules), the floor any
 * reader of the file pays. Each size is measured as the best of {@code runs} after one warm-up run; it prints rows per
 * second, the ratio to the baseline, the time per row (linear when it stays flat from 10 k to 1 M) and the heap used
 * after the run. Run it with {@code -Xmx1g} and one core to check the issue's target (1 M rows in under 20 s, under
 * 1 GB).
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * taskset -c 0 java -Xmx1g -cp "dece-examples/target/dece-examples-0.1.0.jar:dece-examples/target/lib/*" dev.dece.bench.CostScale \
 *     [--sizes 10000,100000,1000000] [--runs 3]
 * </pre>
 */
public final class CostScale {

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
        int runs = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--sizes" -> {
                    List<Integer> s = new ArrayList<>();
                    for (String x : args[i + 1].split(",")) s.add(Integer.parseInt(x.strip()));
                    sizes = s;
                }
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --sizes, --runs");
            }
        }
        Path dir = Files.createTempDirectory("dece-cost-bench");
        Dece dece = Dece.builder().build();
        System.out.printf(Locale.ROOT, "%10s %12s %12s %8s %12s %10s%n", "rows", "dece rows/s", "java rows/s", "ratio", "dece us/row", "heap MB");
        for (int n : sizes) {
            Path focus = generate(dir.resolve("focus-" + n + ".csv"), n);
            CostOptions o = CostOptions.defaults().withUsage(List.of(focus)).withAsOf(java.time.LocalDate.parse("2026-03-31"));
            dece.cost(List.of(), o); // warm-up
            baseline(focus);
            long best = Long.MAX_VALUE, bestJava = Long.MAX_VALUE;
            Report r = null;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                r = dece.cost(List.of(), o);
                best = Math.min(best, System.nanoTime() - t0);
                long t1 = System.nanoTime();
                double check = baseline(focus);
                bestJava = Math.min(bestJava, System.nanoTime() - t1);
                if (check <= 0) throw new IllegalStateException("the baseline summed nothing");
            }
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;
            System.out.printf(Locale.ROOT, "%10d %12.0f %12.0f %8.2f %12.2f %10d   (%d findings, %d proposals)%n", n, n / (best / 1e9),
                    n / (bestJava / 1e9), (double) best / bestJava, best / 1e3 / n, heap, r.findings().size(), r.recommendations().size());
            Files.deleteIfExists(focus);
        }
    }

    /** A FOCUS CSV of {@code n} rows: daily charges of n / 31 resources over March 2026, deterministic. */
    static Path generate(Path file, int n) throws java.io.IOException {
        java.util.Random rnd = new java.util.Random(42);
        String[] cats = {"Compute", "Compute", "Compute", "Storage", "Networking"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ServiceCategory,ServiceName,"
                    + "ResourceId,ResourceName,RegionId,PricingCategory,ChargeDescription,Tags\n");
            for (int i = 0; i < n; i++) {
                int resource = i / 31, day = i % 31 + 1;
                String cat = cats[resource % cats.length];
                double cost = Math.round(rnd.nextDouble() * 5000) / 100.0;
                String pipeline = resource % 10 == 9 ? null : "p" + (resource % 200);
                String env = resource % 7 == 0 ? "dev" : "prod";
                String desc = cat.equals("Networking") ? (resource % 2 == 0 ? "Inter-Region data transfer" : "Data transfer out") : cat + " usage";
                String tags = pipeline == null ? "\"{\"\"environment\"\":\"\"" + env + "\"\"}\""
                        : "\"{\"\"environment\"\":\"\"" + env + "\"\",\"\"pipeline\"\":\"\"" + pipeline + "\"\"}\"";
                w.write(String.format(Locale.ROOT, "%.2f,%.2f,USD,2026-03-%02dT00:00:00Z,2026-03-%02dT00:00:00Z,Usage,%s,Service,r-%d,r-%d,us-east-1,%s,%s,%s%n",
                        cost, cost, day, day + 1, cat, resource, resource, resource % 3 == 0 ? "Committed" : "Standard", desc, tags)
                        .replace("2026-03-32", "2026-04-01"));
            }
        }
        return file;
    }

    /** The plain-Java floor: split each line, sum EffectiveCost per pipeline tag and category. */
    static double baseline(Path file) throws java.io.IOException {
        Map<String, double[]> sums = new HashMap<>();
        double total = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            r.readLine();
            for (String l; (l = r.readLine()) != null; ) {
                String[] f = l.split(",", 14);
                double cost = Double.parseDouble(f[1]);
                int p = f[13].indexOf("pipeline\"\":\"\"");
                String pipeline = p < 0 ? "" : f[13].substring(p + 14, f[13].indexOf('"', p + 14));
                int cat = f[6].equals("Storage") ? 1 : f[6].equals("Networking") ? 2 : 0;
                sums.computeIfAbsent(pipeline, k -> new double[3])[cat] += cost;
                total += cost;
            }
        }
        return total;
    }
}
