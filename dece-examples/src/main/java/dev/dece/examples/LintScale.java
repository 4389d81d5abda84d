package dev.dece.examples;

import dev.dece.core.Dece;
import dev.dece.core.Prepared;
import dev.dece.core.report.Report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Benchmark harness (not a timed test): how many dbt models per second {@code dece lint} handles, and
 * whether that stays linear. Generates manifests (schema v12) of 2 000, 5 000 and 20 000 models with 20
 * columns each and 14 test nodes per model (unique + not_null on the key, not_null + relationships on 5
 * foreign keys, accepted_values on the status, recency on the event time), one naming slip in every tenth
 * model; warms the JVM up on the smallest, then times reading + rule evaluation ({@link Dece#lint(Path)})
 * and prints models per second.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -Xmx8g -cp "dece-examples/target/dece-examples-0.1.0.jar:dece-examples/target/lib/*" dev.dece.examples.LintScale [sizes...]
 * </pre>
 */
public final class LintScale {

    static final int COLUMNS = 20;

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {2_000, 5_000, 20_000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Path dir = Files.createTempDirectory("dece-lintscale");
        Dece dece = Dece.builder().build();
        Path warm = generate(dir, sizes[0]);
        for (int i = 0; i < 3; i++) dece.lint(warm); // warm-up: JIT, class loading, rule network
        // wall time on a shared machine includes waiting for a core; thread CPU time does not: both are printed
        System.out.printf(Locale.ROOT, "%8s %9s %7s %8s %9s %8s %12s %11s %9s%n",
                "models", "columns", "MB", "read_ms", "total_ms", "cpu_ms", "models/s", "models/cpu-s", "findings");
        Report last = null;
        for (int n : sizes) {
            Path f = generate(dir, n);
            long best = Long.MAX_VALUE, bestRead = Long.MAX_VALUE, bestCpu = Long.MAX_VALUE;
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            Report r = null;
            for (int run = 0; run < 2; run++) {
                System.gc();
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                Prepared tables = dece.prepare("lint", f);
                long t1 = System.nanoTime();
                r = dece.evaluate(tables);
                long t2 = System.nanoTime();
                bestCpu = Math.min(bestCpu, mx.getCurrentThreadCpuTime() - c0);
                best = Math.min(best, t2 - t0);
                bestRead = Math.min(bestRead, t1 - t0);
            }
            System.out.printf(Locale.ROOT, "%8d %9d %7.1f %8d %9d %8d %12.0f %11.0f %9d%n", n, n * COLUMNS,
                    Files.size(f) / 1e6, bestRead / 1_000_000, best / 1_000_000, bestCpu / 1_000_000,
                    n / (best / 1e9), n / (bestCpu / 1e9), r.findings().size());
            Files.delete(f);
            last = r;
        }
        java.util.Map<String, Long> byRule = new java.util.TreeMap<>();
        for (var fi : last.findings()) byRule.merge(fi.ruleId(), 1L, Long::sum);
        System.out.println("findings by rule at " + sizes[sizes.length - 1] + " models: " + byRule);
        Files.deleteIfExists(warm);
        Files.deleteIfExists(dir);
    }

    /** Writes a v12 manifest of {@code models} models. */
    static Path generate(Path dir, int models) throws IOException {
        Path f = dir.resolve("manifest-" + models + ".json");
        try (JsonGenerator g = new JsonFactory().createGenerator(f.toFile(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeObjectFieldStart("metadata");
            g.writeStringField("dbt_schema_version", "https://schemas.getdbt.com/dbt/manifest/v12.json");
            g.writeStringField("dbt_version", "1.9.4");
            g.writeStringField("adapter_type", "snowflake");
            g.writeEndObject();
            g.writeObjectFieldStart("nodes");
            for (int i = 0; i < models; i++) {
                String name = switch (i % 4) {
                    case 0 -> "stg_src" + (i % 50) + "__entity" + i;
                    case 1 -> "int_entity" + i + "_joined";
                    case 2 -> "fct_process" + i;
                    default -> "dim_entity" + i;
                };
                String id = "model.bench." + name;
                String pk = NameKey.of(name);
                g.writeObjectFieldStart(id);
                g.writeStringField("resource_type", "model");
                g.writeStringField("name", name);
                g.writeStringField("original_file_path", "models/" + name + ".sql");
                g.writeObjectFieldStart("columns");
                String[] cols = new String[COLUMNS];
                cols[0] = pk;
                for (int k = 1; k <= 5; k++) cols[k] = "ref" + k + "_id";
                cols[6] = "record_status";
                cols[7] = "created_at";
                cols[8] = "is_active";
                cols[9] = "event_date";
                cols[10] = i % 10 == 0 ? "total_amt" : "total_amount";
                cols[11] = "line_count";
                for (int k = 12; k < COLUMNS; k++) cols[k] = "attribute_" + k;
                String[] types = {"number", "number", "number", "number", "number", "number", "varchar", "timestamp_tz",
                        "boolean", "date", "number(18,2)", "number", "varchar", "varchar", "varchar", "varchar", "varchar",
                        "varchar", "varchar", "varchar"};
                for (int k = 0; k < COLUMNS; k++) {
                    g.writeObjectFieldStart(cols[k]);
                    g.writeStringField("name", cols[k]);
                    g.writeStringField("data_type", types[k]);
                    g.writeStringField("description", "");
                    g.writeEndObject();
                }
                g.writeEndObject();
                g.writeEndObject();
                int t = 0;
                test(g, id, i, t++, "unique", pk, null);
                test(g, id, i, t++, "not_null", pk, null);
                for (int k = 1; k <= 5; k++) {
                    test(g, id, i, t++, "not_null", cols[k], null);
                    test(g, id, i, t++, "relationships", cols[k], null);
                }
                test(g, id, i, t++, "accepted_values", "record_status", null);
                test(g, id, i, t, "recency", null, "created_at");
            }
            g.writeEndObject();
            g.writeObjectFieldStart("sources");
            g.writeEndObject();
            g.writeEndObject();
        }
        return f;
    }

    static void test(JsonGenerator g, String model, int i, int t, String name, String column, String field) throws IOException {
        g.writeObjectFieldStart("test.bench.t" + i + "_" + t);
        g.writeStringField("resource_type", "test");
        g.writeStringField("name", name + "_" + i + "_" + t);
        g.writeStringField("attached_node", model);
        if (column != null) g.writeStringField("column_name", column);
        else g.writeNullField("column_name");
        g.writeObjectFieldStart("test_metadata");
        g.writeStringField("name", name);
        g.writeObjectFieldStart("kwargs");
        if (field != null) g.writeStringField("field", field);
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("depends_on");
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The primary key column a model is given: [singular entity]_id. */
    static final class NameKey {
        static String of(String model) {
            return dev.dece.core.drl.NameRules.singular(dev.dece.core.drl.NameRules.entity(model)) + "_id";
        }
    }
}
