package dev.dece.bench;

import dev.dece.core.Dece;
import dev.dece.core.optimize.OptimizeOptions;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark harness (not a timed test): {@code dece optimize} against SQLFluff, the SQL linter data engineers use most,
 * on the same generated corpus in the same run ({@link OptimizeCorpus}: one query per file, each planting one SQL
 * checklist pattern or none). It measures, each as the best of {@code runs}:
 * <ul>
 *   <li>{@code sqlfluff lint DIR --dialect ansi --processes 1} as a subprocess (the peer, one process);</li>
 *   <li>{@code bin/dece optimize DIR --tables tables.yaml} as a subprocess (the command line, JVM start-up included);</li>
 *   <li>{@code Dece.optimize} in this JVM, warmed up (a long-lived service or CI runner);</li>
 * </ul>
 * prints files per second for each and the ratios, and checks DECE's recall and precision against what the corpus
 * planted (it fails when a planted pattern is missed).
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -cp "dece-examples/target/dece-examples-0.1.0.jar:dece-examples/target/lib/*" dev.dece.bench.OptimizeBenchmark \
 *     [--queries 500] [--runs 3] [--sqlfluff sqlfluff] [--dece bin/dece]
 * </pre>
 */
public final class OptimizeBenchmark {

    public static void main(String[] args) throws Exception {
        int queries = 500, runs = 3;
        String sqlfluff = "sqlfluff", dece = "bin/dece";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--queries" -> queries = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--sqlfluff" -> sqlfluff = args[i + 1];
                case "--dece" -> dece = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --queries, --runs, --sqlfluff, --dece");
            }
        }
        Path dir = Files.createTempDirectory("dece-optimize-bench");
        OptimizeCorpus.Corpus c = OptimizeCorpus.generate(dir, queries, 42);
        System.out.printf(Locale.ROOT, "corpus: %d queries in %s%n", queries, c.queries());

        Dece d = Dece.builder().build();
        OptimizeOptions o = OptimizeOptions.defaults().withTables(List.of(c.tables()));
        for (int i = 0; i < 3; i++) d.optimize(List.of(c.queries()), o); // warm-up: JIT, class loading, rule network
        long inProcess = Long.MAX_VALUE;
        Report report = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            report = d.optimize(List.of(c.queries()), o);
            inProcess = Math.min(inProcess, System.nanoTime() - t0);
        }
        double[] quality = recall(c, report);

        long cli = best(runs, List.of(dece, "optimize", c.queries().toString(), "--tables", c.tables().toString(), "--format", "json"));
        long fluff = best(runs, List.of(sqlfluff, "lint", c.queries().toString(), "--dialect", "ansi", "--processes", "1", "--nofail"));

        System.out.printf(Locale.ROOT, "%-44s %10s %10s%n", "tool", "wall_ms", "files/s");
        System.out.printf(Locale.ROOT, "%-44s %10d %10.1f%n", "sqlfluff lint --dialect ansi --processes 1", fluff / 1_000_000, rate(queries, fluff));
        System.out.printf(Locale.ROOT, "%-44s %10d %10.1f%n", "bin/dece optimize (subprocess, cold JVM)", cli / 1_000_000, rate(queries, cli));
        System.out.printf(Locale.ROOT, "%-44s %10d %10.1f%n", "Dece.optimize (in-process, warm)", inProcess / 1_000_000, rate(queries, inProcess));
        System.out.printf(Locale.ROOT, "ratio dece CLI / sqlfluff (files/s): %.1fx%n", (double) fluff / cli);
        System.out.printf(Locale.ROOT, "ratio dece warm / sqlfluff (files/s): %.1fx%n", (double) fluff / inProcess);
        System.out.printf(Locale.ROOT, "recall of planted checklist patterns: %.1f%%, precision: %.1f%%%n", quality[0] * 100, quality[1] * 100);
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        if (quality[0] < 1) System.exit(1);
    }

    /** {recall, precision} of DECE's checklist findings (SQL-001..011) against the planted patterns, per file. */
    public static double[] recall(OptimizeCorpus.Corpus c, Report r) {
        Map<String, Set<String>> found = new TreeMap<>();
        for (Finding f : r.findings()) {
            if (!OptimizeCorpus.PLANTED.contains(f.ruleId())) continue;
            String file = new File(f.location().file()).getName();
            found.computeIfAbsent(file, k -> new TreeSet<>()).add(f.ruleId());
        }
        int planted = 0, hit = 0, reported = 0;
        for (Map.Entry<String, Set<String>> e : c.planted().entrySet()) {
            Set<String> got = found.getOrDefault(e.getKey(), Set.of());
            planted += e.getValue().size();
            for (String id : e.getValue()) if (got.contains(id)) hit++;
            reported += got.size();
        }
        return new double[] {planted == 0 ? 1 : hit / (double) planted, reported == 0 ? 1 : hit / (double) reported};
    }

    private static double rate(int files, long nanos) {
        return files / (nanos / 1e9);
    }

    /** The best wall time of {@code runs} runs of a command, its output discarded; fails when it cannot run. */
    private static long best(int runs, List<String> command) throws Exception {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " ran longer than 30 minutes");
            }
            long t = System.nanoTime() - t0;
            if (p.exitValue() > 1) throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue());
            best = Math.min(best, t);
        }
        return best;
    }

    private OptimizeBenchmark() {}
}
