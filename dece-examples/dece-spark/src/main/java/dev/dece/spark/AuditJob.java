package dev.dece.spark;

import dev.dece.core.Dece;
import dev.dece.core.input.Problem;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;

/**
 * The catalog-wide audit on Spark: the lint, contract and catalog reviews of an estate given as a dataset of
 * {@link Documents}, with the findings written as Parquet and JSON lines partitioned by rule set and a summary.
 *
 * <pre>{@code
 * AuditJob.Summary s = AuditJob.run(spark, documents, policyYaml, Instant.parse("2024-05-01T12:00:00Z"), "s3://audit/2024-05-01");
 * s.counts().forEach((k, n) -> System.out.println(k + " " + n));
 * }</pre>
 *
 * <p>Two stages: lint and contract documents are reviewed where they lie ({@code mapPartitions}, no shuffle); catalog
 * documents are grouped by estate ({@code groupByKey}: the one shuffle) because the catalog review joins the whole
 * estate into one lineage graph. Each executor JVM builds DECE once (a static holder, from the broadcast policy text).
 */
public final class AuditJob {
    private AuditJob() {}

    /**
     * What an audit found: findings per {@code rule_set/severity} (sorted), documents per kind, and the total.
     *
     * @param counts    {@code "lint/P2"} to the number of findings, sorted; rule set {@code input} counts refused documents' problems
     * @param documents documents read per kind, sorted
     * @param findings  all rows written
     */
    public record Summary(Map<String, Long> counts, Map<String, Long> documents, long findings) {
        /** The summary as one JSON object, keys sorted. */
        public String json() {
            StringBuilder b = new StringBuilder("{\"findings\":").append(findings).append(",\"by_rule_set_and_severity\":{");
            append(b, counts);
            b.append("},\"documents_by_kind\":{");
            append(b, documents);
            return b.append("}}").toString();
        }

        private static void append(StringBuilder b, Map<String, Long> m) {
            boolean first = true;
            for (Map.Entry<String, Long> e : m.entrySet()) {
                if (!first) b.append(',');
                first = false;
                b.append('"').append(e.getKey()).append("\":").append(e.getValue());
            }
        }
    }

    /** The findings of the documents, not written: the two stages, unioned. */
    public static Dataset<Row> findings(SparkSession spark, Dataset<Row> documents, String policy, Instant asOf) {
        DeceHolder.get(policy); // validates the policy on the driver before any task starts
        Broadcast<String> bc = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(policy);
        String at = asOf == null ? null : asOf.toString();
        Dataset<Row> perDocument = documents.filter(col("kind").isin(Reviews.LINT, Reviews.CONTRACT))
                .mapPartitions(new DocumentReview(bc), Encoders.row(FindingRows.SCHEMA));
        Dataset<Row> perEstate = documents.filter(col("kind").startsWith("catalog-"))
                .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
                .flatMapGroups(new EstateReview(bc, at), Encoders.row(FindingRows.SCHEMA));
        // a row of a kind no review reads is said, not dropped
        Dataset<Row> unknown = documents.filter(functions.not(col("kind").isin(Documents.KINDS.toArray())))
                .map((MapFunction<Row, Row>) r -> FindingRows.of("audit", Problem.file(r.getString(2), "kind \"" + r.getString(1)
                        + "\" is not a document kind; use one of " + String.join(", ", Documents.KINDS))), Encoders.row(FindingRows.SCHEMA));
        return perDocument.union(perEstate).union(unknown);
    }

    /**
     * Runs the audit and writes, under {@code out}: {@code findings.parquet/} and {@code findings.json/} (JSON lines),
     * both partitioned by {@code rule_set}, and {@code summary.json/} (one JSON object, {@link Summary#json()}).
     *
     * @param policy a policy file's YAML text, or {@code ""} for the methodology's defaults
     * @param asOf   "now" for the catalog's refresh SLA (CAT-004), or null
     */
    public static Summary run(SparkSession spark, Dataset<Row> documents, String policy, Instant asOf, String out) {
        Dataset<Row> findings = findings(spark, documents, policy, asOf).cache();
        findings.write().mode(SaveMode.Overwrite).partitionBy("rule_set").parquet(out + "/findings.parquet");
        findings.write().mode(SaveMode.Overwrite).partitionBy("rule_set").json(out + "/findings.json");
        Map<String, Long> counts = new TreeMap<>();
        long total = 0;
        for (Row r : findings.groupBy("rule_set", "severity").count().collectAsList()) {
            counts.put(r.getString(0) + "/" + r.getString(1), r.getLong(2));
            total += r.getLong(2);
        }
        Map<String, Long> kinds = new TreeMap<>();
        for (Row r : documents.groupBy("kind").count().collectAsList()) kinds.put(r.getString(0), r.getLong(1));
        findings.unpersist();
        Summary s = new Summary(counts, kinds, total);
        spark.createDataset(List.of(s.json()), Encoders.STRING()).coalesce(1).write().mode(SaveMode.Overwrite).text(out + "/summary.json");
        return s;
    }

    /** Reviews each lint or contract document of a partition with this JVM's DECE. */
    static final class DocumentReview implements MapPartitionsFunction<Row, Row> {
        private final Broadcast<String> policy;

        DocumentReview(Broadcast<String> policy) {
            this.policy = policy;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> docs) {
            Dece dece = DeceHolder.get(policy.value());
            List<Row> out = new ArrayList<>();
            while (docs.hasNext()) {
                Row d = docs.next();
                out.addAll(Reviews.document(dece, d.getString(1), d.getString(2), d.getString(3)));
            }
            return out.iterator();
        }
    }

    /** Reviews one estate's catalog documents in one catalog call. */
    static final class EstateReview implements FlatMapGroupsFunction<String, Row, Row> {
        private final Broadcast<String> policy;
        private final String asOf;

        EstateReview(Broadcast<String> policy, String asOf) {
            this.policy = policy;
            this.asOf = asOf;
        }

        @Override
        public Iterator<Row> call(String estate, Iterator<Row> docs) {
            List<Reviews.Doc> all = new ArrayList<>();
            while (docs.hasNext()) {
                Row d = docs.next();
                all.add(new Reviews.Doc(d.getString(1), d.getString(2), d.getString(3)));
            }
            return Reviews.estate(DeceHolder.get(policy.value()), all, asOf == null ? null : Instant.parse(asOf)).iterator();
        }
    }

    /**
     * {@code spark-submit --class dev.dece.spark.AuditJob dece-spark.jar --out DIR [--documents URI] [--policy FILE]
     * [--as-of TIME] [--partitions N] [--lint P]... [--contract P]... [--entries P]... [--manifest P]... [--pipelines P]...
     * [--catalog-contract P]... [--estate NAME]}: {@code --documents} reads a JSON lines or Parquet dataset of
     * documents (by its extension); the other inputs are local files the driver reads. Prints the summary.
     */
    public static void main(String[] args) throws IOException {
        String out = null, documents = null, policy = "", estate = "estate";
        Instant asOf = null;
        int partitions = 0;
        Map<String, List<Path>> local = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) usage(a + " needs a value");
            String v = args[++i];
            switch (a) {
                case "--out" -> out = v;
                case "--documents" -> documents = v;
                case "--policy" -> policy = Files.readString(Path.of(v), StandardCharsets.UTF_8);
                case "--as-of" -> asOf = Instant.parse(v);
                case "--partitions" -> partitions = Integer.parseInt(v);
                case "--estate" -> estate = v;
                case "--lint" -> local.computeIfAbsent(Reviews.LINT, k -> new ArrayList<>()).add(Path.of(v));
                case "--contract" -> local.computeIfAbsent(Reviews.CONTRACT, k -> new ArrayList<>()).add(Path.of(v));
                case "--entries" -> local.computeIfAbsent(Reviews.ENTRY, k -> new ArrayList<>()).add(Path.of(v));
                case "--manifest" -> local.computeIfAbsent(Reviews.MANIFEST, k -> new ArrayList<>()).add(Path.of(v));
                case "--pipelines" -> local.computeIfAbsent(Reviews.PIPELINE, k -> new ArrayList<>()).add(Path.of(v));
                case "--catalog-contract" -> local.computeIfAbsent(Reviews.CATALOG_CONTRACT, k -> new ArrayList<>()).add(Path.of(v));
                default -> usage("unknown option " + a);
            }
        }
        if (out == null) usage("--out DIR is required");
        SparkSession spark = SparkSession.builder().appName("dece-audit").getOrCreate();
        try {
            List<Row> rows = new ArrayList<>();
            for (Map.Entry<String, List<Path>> e : local.entrySet()) rows.addAll(Documents.of(estate, e.getKey(), e.getValue()));
            Dataset<Row> docs = spark.createDataFrame(rows, Documents.SCHEMA);
            if (documents != null) {
                Dataset<Row> read = documents.endsWith(".parquet") ? spark.read().parquet(documents)
                        : spark.read().schema(Documents.SCHEMA).json(documents);
                docs = docs.union(read.select("estate", "kind", "name", "content"));
            }
            if (partitions > 0) docs = docs.repartition(partitions);
            System.out.println(run(spark, docs, policy, asOf, out).json());
        } finally {
            spark.stop();
        }
    }

    private static void usage(String why) {
        System.err.println("dece-audit: " + why + "; usage: --out DIR [--documents URI] [--policy FILE] [--as-of TIME] [--partitions N] "
                + "[--lint P] [--contract P] [--entries P] [--manifest P] [--pipelines P] [--catalog-contract P] [--estate NAME]");
        System.exit(2);
    }
}
