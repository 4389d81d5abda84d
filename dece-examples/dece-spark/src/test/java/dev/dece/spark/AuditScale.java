package dev.dece.spark;

import dev.dece.core.Dece;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark harness (a documented {@code main}, not a test): documents per second of the audit on Spark
 * {@code local[N]} against the same reviews in one process, one thread, in the same run, on the same generated
 * documents. The estate is generated from the bundled examples with unique names: table lists (lint, 80 %), contracts
 * (quality, 15 %) and catalog entries (5 %, in estates of 50 entries, each with the bundled manifest). Each side runs
 * once to warm up on a tenth of the documents, then {@code --runs} times; the best run is printed.
 *
 * <pre>{@code
 * java -cp ... dev.dece.spark.AuditScale --documents 100000 --master 'local[2]' --runs 3 --examples dece-examples
 * }</pre>
 */
public final class AuditScale {
    private AuditScale() {}

    public static void main(String[] args) throws Exception {
        int n = 100_000, runs = 3;
        String master = "local[2]";
        Path ex = Path.of("dece-examples");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--documents" -> n = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--master" -> master = args[i + 1];
                case "--examples" -> ex = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; --documents N --runs R --master M --examples DIR");
            }
        }
        List<Row> docs = generate(ex, n);
        List<Row> warm = docs.subList(0, Math.max(1, n / 10));

        Dece dece = Dece.builder().build();
        single(dece, warm);
        long bestSingle = Long.MAX_VALUE, singleFindings = 0;
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            singleFindings = single(dece, docs);
            bestSingle = Math.min(bestSingle, System.nanoTime() - t);
        }

        SparkSession spark = SparkSession.builder().master(master).appName("dece-audit-scale")
                .config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
        int partitions = Math.max(2, spark.sparkContext().defaultParallelism() * 4);
        spark.sparkContext().setLogLevel("WARN");
        AuditJob.findings(spark, Documents.dataset(spark, warm, partitions), "", null).count();
        long bestSpark = Long.MAX_VALUE, sparkFindings = 0;
        for (int r = 0; r < runs; r++) {
            var ds = Documents.dataset(spark, docs, partitions).cache();
            ds.count();
            long t = System.nanoTime();
            sparkFindings = AuditJob.findings(spark, ds, "", null).count();
            bestSpark = Math.min(bestSpark, System.nanoTime() - t);
            ds.unpersist();
        }
        spark.stop();

        double s1 = n / (bestSingle / 1e9), s2 = n / (bestSpark / 1e9);
        System.out.printf("documents: %d (findings: single %d, spark %d)%n", n, singleFindings, sparkFindings);
        System.out.printf("single process, 1 thread: %.0f documents/s (%.1f s)%n", s1, bestSingle / 1e9);
        System.out.printf("spark %s, %d partitions: %.0f documents/s (%.1f s)%n", master, partitions, s2, bestSpark / 1e9);
        System.out.printf("ratio spark / single: %.2fx%n", s2 / s1);
        if (singleFindings != sparkFindings) throw new IllegalStateException("the two sides found different numbers of findings");
    }

    static long single(Dece dece, List<Row> docs) {
        long findings = 0;
        Map<String, List<Reviews.Doc>> estates = new LinkedHashMap<>();
        for (Row d : docs) {
            String kind = d.getString(1);
            if (kind.startsWith("catalog-")) estates.computeIfAbsent(d.getString(0), k -> new ArrayList<>()).add(new Reviews.Doc(kind, d.getString(2), d.getString(3)));
            else findings += Reviews.document(dece, kind, d.getString(2), d.getString(3)).size();
        }
        for (List<Reviews.Doc> e : estates.values()) findings += Reviews.estate(dece, e, null).size();
        return findings;
    }

    /** {@code n} documents made from the bundled examples, each name unique. */
    static List<Row> generate(Path ex, int n) throws Exception {
        String tables = Files.readString(ex.resolve("lint/tables.yaml"), StandardCharsets.UTF_8);
        String contract = Files.readString(ex.resolve("contracts/orders.contract.yaml"), StandardCharsets.UTF_8);
        String entry = Files.readString(ex.resolve("catalog/entries/crm.yaml"), StandardCharsets.UTF_8);
        String manifest = Files.readString(ex.resolve("catalog/manifest.json"), StandardCharsets.UTF_8);
        List<Row> out = new ArrayList<>(n);
        int estate = 0, inEstate = 0;
        for (int i = 0; i < n; i++) {
            int k = i % 20;
            if (k < 16) {
                out.add(Documents.row("e0", "lint", "gen/lint/tables_" + i + ".yaml", tables.replace("name: orders", "name: orders_" + i)));
            } else if (k < 19) {
                out.add(Documents.row("e0", "contract", "gen/contracts/c" + i + ".contract.yaml", contract));
            } else {
                if (inEstate == 0) out.add(Documents.row("estate" + estate, "catalog-manifest", "gen/estate" + estate + "/manifest.json", manifest));
                out.add(Documents.row("estate" + estate, "catalog-entry", "gen/estate" + estate + "/entries/e" + i + ".yaml",
                        entry.replace("raw.crm_customers", "raw.crm_customers_" + i)));
                if (++inEstate == 50) {
                    inEstate = 0;
                    estate++;
                }
            }
        }
        return out.subList(0, n);
    }
}
