package dev.dece.examples;

import dev.dece.core.Dece;
import dev.dece.core.quality.QualityOptions;
import dev.dece.core.report.CheckOutcome;
import dev.dece.core.report.Report;
import dev.dece.core.sql.Dialect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scale harness for {@code dece quality}: an ODCS v3 contract of 100 tables x 20 columns (2 000 columns)
 * with checks of every row-level kind plus a row count per table, run on an embedded DuckDB holding the same
 * tables with {@code ROWS} rows each (about 1 % of the rows of every fourth column fail its range check, so the
 * severity rules have results to rate). Runs the whole check (read, review, execute, rate) through the facade in
 * three modes taking turns, after a warm-up round: one query per check (the mode before one scan per table), one
 * scan per table, and one scan per table with two jobs; prints the median of {@link #ROUNDS} rounds, checks per
 * second end to end, the ratio to the per-check mode, and whether every mode gave the same outcome per check.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -cp "dece-examples/target/dece-examples-0.1.0.jar:dece-examples/target/lib/*" dev.dece.examples.QualityScale [TABLES] [COLUMNS] [ROWS]
 * </pre>
 * Defaults: 100 tables, 20 columns, 10 000 rows per table. Figures go to standard output; see docs/quality.md.
 */
public final class QualityScale {
    private QualityScale() {}

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int columns = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        String yaml = contract(tables, columns);

        long t0 = System.nanoTime();
        Dece dece = Dece.builder().build();
        long tBuild = System.nanoTime() - t0;

        // the tables go into a DuckDB file, which dece then opens read-only, as a user's --jdbc would
        Path dbFile = Files.createTempFile("dece-qualityscale", ".duckdb");
        Files.delete(dbFile);
        try {
            long tl = System.nanoTime();
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dbFile); Statement st = c.createStatement()) {
                for (int t = 0; t < tables; t++) st.execute(table(t, columns, rows));
            }
            long tLoad = System.nanoTime() - tl;
            QualityOptions oneScan = QualityOptions.run("jdbc:duckdb:" + dbFile);
            Map<String, QualityOptions> modes = new java.util.LinkedHashMap<>();
            modes.put("per check (before)", oneScan.withPerCheck(true));
            modes.put("one scan per table", oneScan);
            modes.put("one scan, --jobs 2", oneScan.withJobs(2));

            long g = System.nanoTime();
            Report review = dece.quality("scale.odcs.yaml", yaml, QualityOptions.generate(Dialect.DUCKDB));
            double generate = (System.nanoTime() - g) / 1e6;
            // warm-up round (JIT, DuckDB caches), then ROUNDS measured rounds, the modes taking turns
            Map<String, List<Double>> ms = new java.util.LinkedHashMap<>();
            Map<String, String> outcome = new TreeMap<>();
            int checks = 0;
            for (int round = 0; round <= ROUNDS; round++) {
                for (Map.Entry<String, QualityOptions> m : modes.entrySet()) {
                    long a = System.nanoTime();
                    Report rated = dece.quality("scale.odcs.yaml", yaml, m.getValue());
                    double took = (System.nanoTime() - a) / 1e6;
                    if (round > 0) ms.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add(took);
                    checks = rated.checks().size();
                    // every mode must give the same outcome per check (status, rows, total rows, share; a freshness age moves with the clock) and findings
                    String same = rated.checks().stream().map(x -> x.id() + "=" + x.status() + x.measures().subList(0, 3)).reduce("", String::concat)
                            + rated.findings().size();
                    outcome.put(m.getKey(), same);
                    if (round == 1 && m.getKey().startsWith("per check")) {
                        long failed = rated.checks().stream().filter(x -> x.status() == CheckOutcome.Status.FAIL).count();
                        long errors = rated.checks().stream().filter(x -> x.status() == CheckOutcome.Status.ERROR).count();
                        System.out.printf(Locale.ROOT, "contract: %d tables x %d columns, %d checks, %d KB of YAML; %d rows per table (%,d rows)%n",
                                tables, columns, checks, yaml.length() / 1024, rows, (long) rows * tables);
                        System.out.printf(Locale.ROOT, "results: %d failed, %d errors; review findings %d, rated findings %d%n",
                                failed, errors, review.findings().size(), rated.findings().size());
                    }
                }
            }
            System.out.printf(Locale.ROOT, "engine build: %.0f ms; loading %d tables into DuckDB: %.0f ms; read, review and generate SQL alone: %.0f ms%n",
                    tBuild / 1e6, tables, tLoad / 1e6, generate);
            System.out.println("same outcome per check in every mode: " + (new java.util.HashSet<>(outcome.values()).size() == 1 ? "yes" : "NO"));
            double base = median(ms.get("per check (before)"));
            for (Map.Entry<String, List<Double>> e : ms.entrySet()) {
                double med = median(e.getValue());
                System.out.printf(Locale.ROOT, "  %-22s median %8.1f ms of %d rounds  %7.0f checks/s end to end  %5.2fx%n",
                        e.getKey(), med, e.getValue().size(), checks / (med / 1000), base / med);
            }
        } finally {
            Files.deleteIfExists(dbFile);
            Files.deleteIfExists(Path.of(dbFile + ".wal"));
        }
    }

    /** Column j of every table: a rotation of kinds so every row-level check kind appears. */
    /** Measured rounds per mode, after one warm-up round. */
    static final int ROUNDS = 5;

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        java.util.Collections.sort(s);
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }

    static String contract(int tables, int columns) {
        StringBuilder sb = new StringBuilder("apiVersion: v3.0.2\nkind: DataContract\nid: scale\nname: scale\nversion: 1.0.0\n"
                + "status: active\nteam:\n  - {username: data-platform, role: owner}\n"
                + "customProperties:\n  - {property: consumers, value: [bi, finance]}\n"
                + "  - {property: breakingChangePolicy, value: notify-30-days}\n"
                + "support:\n  - {channel: '#data', url: 'https://chat/data', scope: announcements}\n"
                + "slaDefaultElement: t000.loaded_at\nslaProperties:\n  - {property: latency, value: 24, unit: h}\nschema:\n");
        for (int t = 0; t < tables; t++) {
            String name = String.format(Locale.ROOT, "t%03d", t);
            sb.append("  - name: ").append(name).append("\n    quality:\n      - {metric: rowCount, mustBeGreaterThan: 0}\n    properties:\n");
            sb.append("      - {name: id, physicalType: bigint, primaryKey: true}\n");
            sb.append("      - {name: loaded_at, physicalType: timestamp, required: true}\n");
            for (int j = 2; j < columns; j++) {
                String col = String.format(Locale.ROOT, "c%02d", j);
                switch (j % 4) {
                    case 0:
                        sb.append("      - {name: ").append(col).append(", physicalType: integer, required: true, logicalTypeOptions: {minimum: 0, maximum: 99}}\n");
                        break;
                    case 1:
                        sb.append("      - name: ").append(col).append("\n        physicalType: varchar\n        quality:\n"
                                + "          - {metric: invalidValues, arguments: {validValues: [a, b, c, d]}}\n");
                        break;
                    case 2:
                        sb.append("      - {name: ").append(col).append(", physicalType: varchar, logicalTypeOptions: {pattern: '^[a-z]+[0-9]*$'}}\n");
                        break;
                    default:
                        sb.append("      - name: ").append(col).append("\n        physicalType: bigint\n        relationships: [{to: t000.id}]\n");
                }
            }
        }
        return sb.toString();
    }

    static String table(int t, int columns, int rows) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "CREATE TABLE t%03d AS SELECT i AS id, "
                + "CAST(CURRENT_TIMESTAMP AS TIMESTAMP) - INTERVAL 1 HOUR AS loaded_at", t));
        for (int j = 2; j < columns; j++) {
            String col = String.format(Locale.ROOT, "c%02d", j);
            switch (j % 4) {
                case 0: sb.append(", CAST(i % 101 AS INTEGER) AS ").append(col); break; // 100 is out of range: ~1 % of rows fail
                case 1: sb.append(", CASE i % 4 WHEN 0 THEN 'a' WHEN 1 THEN 'b' WHEN 2 THEN 'c' ELSE 'd' END AS ").append(col); break;
                case 2: sb.append(", 'v' || CAST(i % 7 AS VARCHAR) AS ").append(col); break;
                default: sb.append(", i % ").append(rows).append(" AS ").append(col);
            }
        }
        return sb.append(" FROM range(").append(rows).append(") r(i)").toString();
    }
}
