package dev.dece.bench;

import dev.dece.core.Dece;
import dev.dece.core.audit.AuditOptions;
import dev.dece.core.report.Report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Scale harness for {@code Dece.audit}: a generated platform folder of {@code pipelines} Universal Pipeline Template
 * specs (one file each), a dbt manifest of {@code models} models (each with not_null and unique tests, every tenth with
 * a unit test), a catalog entry per pipeline, and run logs of the Structured Logging Standard (one file, {@value #RUNS}
 * hourly runs per pipeline, 1 % failed), audited end to end (recognition, every command's run, measures, rules, the
 * scorecard), against a plain-Java baseline in the same run: walking the same folder and parsing every file with
 * Jackson (YAML and JSON documents; the log line by line), which is the floor any audit of these files pays. Reported:
 * the median wall time of {@code runs} calls after one warm-up, and the ratio to the baseline. Goal (issue 17): 1 000
 * pipelines and 10 000 models under 60 s.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -Xmx2g -cp "dece-examples/target/dece-examples-0.1.0.jar:dece-examples/target/lib/*" \
 *      dev.dece.bench.AuditScale [pipelines, default 1000] [models, default 10000] [runs, default 3]
 * </pre>
 */
public final class AuditScale {
    private AuditScale() {}

    static final int RUNS = 24;
    static final Instant AS_OF = Instant.parse("2026-03-08T23:59:00Z");

    public static void main(String[] args) throws Exception {
        int pipelines = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int models = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("dece-audit-scale");
        try {
            generate(dir, pipelines, models);
            Dece dece = Dece.builder().build();
            AuditOptions o = AuditOptions.defaults().withAsOf(AS_OF);
            Report warm = dece.audit(List.of(dir), o);
            long baseWarm = baseline(dir);
            double[] audit = new double[runs], base = new double[runs];
            int checks = warm.checks().size();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                base[i] = baseline(dir) >= 0 ? (System.nanoTime() - t0) / 1e9 : 0;
                long t1 = System.nanoTime();
                Report r = dece.audit(List.of(dir), o);
                audit[i] = (System.nanoTime() - t1) / 1e9;
                if (r.checks().size() != checks) throw new IllegalStateException("the audit changed between runs");
            }
            Arrays.sort(audit);
            Arrays.sort(base);
            double a = audit[runs / 2], b = base[runs / 2];
            System.out.printf(Locale.ROOT, "pipelines=%d models=%d files=%d checks=%d findings=%d baseline_docs=%d%n", pipelines, models,
                    warm.inputs().size(), checks, warm.findings().size(), baseWarm);
            System.out.printf(Locale.ROOT, "audit median %.2f s, plain-Java parse of the same files %.2f s, ratio %.1fx%n", a, b, b == 0 ? 0 : a / b);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted((x, y) -> y.compareTo(x)).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Walks the folder and parses every file with Jackson; returns the documents parsed. */
    static long baseline(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper(), yaml = new ObjectMapper(new YAMLFactory());
        long n = 0;
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".jsonl")) {
                try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    for (String l = r.readLine(); l != null; l = r.readLine()) {
                        json.readTree(l);
                        n++;
                    }
                }
            } else if (name.endsWith(".json")) {
                json.readTree(f.toFile());
                n++;
            } else {
                yaml.readTree(f.toFile());
                n++;
            }
        }
        return n;
    }

    static void generate(Path dir, int pipelines, int models) throws IOException {
        Files.createDirectories(dir.resolve("pipelines"));
        Files.createDirectories(dir.resolve("catalog"));
        Files.createDirectories(dir.resolve("logs"));
        for (int i = 0; i < pipelines; i++) {
            String name = "p" + i;
            Files.writeString(dir.resolve("pipelines/" + name + ".yaml"), """
                    pipeline:
                      name: %s
                      owner: team-%d
                      schedule: "0 * * * *"
                      sla_minutes: 30
                      tier: 2
                      extract: {source_system: postgres db%d, connection: ro, strategy: cdc, incremental_key: "", watermark_storage: state table,
                                source_profile: {type: database, supports_cdc: true, row_count: 200000, hard_deletes: false}}
                      transform: {engine: dbt, stages: [{name: clean, operations: [trim]}]}
                      load: {target_system: snowflake, strategy: upsert, merge_keys: [id], partition_key: day, clustering_keys: [id],
                             data_profile: {nature: mutable, daily_gb: 0.5, retention_days: 730, data_type: transactional}}
                      quality_gates: {pre_load: [schema matches contract, row_count > 0], post_load: [unique(id)]}
                      error_handling: {strategy: retry, max_retries: 3, retry_delay_seconds: 300, alert_channels: [slack-data]}
                    """.formatted(name, i % 40, i));
            Files.writeString(dir.resolve("catalog/" + name + ".yaml"), """
                    dataset:
                      name: "analytics.%s"
                      description: "Dataset %d"
                      owner_team: "team-%d"
                      domain: "d%d"
                      tier: "silver"
                      lineage: {sources: [db%d], transformations: "clean", downstream: []}
                      refresh: {schedule: "0 * * * *", sla_hours: 24, last_successful_run: "2026-03-08T22:00:00Z"}
                      access: {classification: "internal", pii_columns: [], access_request_process: "ticket", controls: ["encryption"]}
                    """.formatted(name, i, i % 40, i % 10, i));
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("logs/runs.jsonl"), StandardCharsets.UTF_8)) {
            Instant start = AS_OF.minus(RUNS + 1, ChronoUnit.HOURS);
            int k = 0;
            for (int h = 0; h < RUNS; h++) {
                for (int i = 0; i < pipelines; i++) {
                    Instant s = start.plus(h, ChronoUnit.HOURS);
                    boolean fail = (k++ % 100) == 7;
                    w.write("{\"pipeline_name\": \"p" + i + "\", \"run_id\": \"p" + i + "-" + h + "\", \"started_at\": \"" + s + "\", \"completed_at\": \""
                            + s.plusSeconds(600) + "\", \"status\": \"" + (fail ? "failed" : "success") + "\", \"stage\": \"load\", \"rows_extracted\": 1000, "
                            + "\"rows_transformed\": 1000, \"rows_loaded\": " + (fail ? 0 : 1000) + ", \"rows_rejected\": 0, \"quality_checks_passed\": 2, "
                            + "\"quality_checks_failed\": 0, \"duration_seconds\": 600, \"error_message\": \"" + (fail ? "connection timed out" : "")
                            + "\", \"watermark_before\": \"\", \"watermark_after\": \"\"}\n");
                }
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("manifest.json"), StandardCharsets.UTF_8)) {
            w.write("{\n\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v12.json\", \"dbt_version\": \"1.9.4\", "
                    + "\"adapter_type\": \"snowflake\", \"project_name\": \"shop\"},\n\"nodes\": {\n");
            List<String> units = new ArrayList<>();
            for (int m = 0; m < models; m++) {
                String id = "model.shop.m" + m;
                if (m > 0) w.write(",\n");
                w.write("\"" + id + "\": {\"unique_id\": \"" + id + "\", \"resource_type\": \"model\", \"package_name\": \"shop\", \"name\": \"m" + m
                        + "\", \"alias\": \"m" + m + "\", \"description\": \"model " + m + "\", \"original_file_path\": \"models/m" + m + ".sql\", "
                        + "\"config\": {\"materialized\": \"table\"}, \"depends_on\": {\"nodes\": []}, \"columns\": {\"id\": {\"name\": \"id\", "
                        + "\"data_type\": \"bigint\", \"description\": \"key\", \"constraints\": []}}},\n");
                for (String t : List.of("not_null", "unique")) {
                    w.write("\"test.shop." + t + m + "\": {\"unique_id\": \"test.shop." + t + m + "\", \"resource_type\": \"test\", \"name\": \"" + t + "_m" + m
                            + "_id\", \"attached_node\": \"" + id + "\", \"column_name\": \"id\", \"depends_on\": {\"nodes\": [\"" + id + "\"]}, "
                            + "\"test_metadata\": {\"name\": \"" + t + "\", \"kwargs\": {\"column_name\": \"id\"}}}" + (t.equals("unique") ? "" : ",\n"));
                }
                if (m % 10 == 0) units.add("\"unit_test.shop.m" + m + ".u\": {\"name\": \"u" + m + "\", \"depends_on\": {\"nodes\": [\"" + id + "\"]}}");
            }
            w.write("\n},\n\"sources\": {},\n\"unit_tests\": {" + String.join(",\n", units) + "}\n}\n");
        }
    }
}
