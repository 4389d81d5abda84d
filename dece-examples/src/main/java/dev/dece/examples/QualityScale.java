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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scale harness for {@code dece quality}: an ODCS v3 contract of 100 tables x 20 columns (2 000 columns)
 * with checks of every row-level kind plus a row count per table, run on an embedded DuckDB holding the same
 * tables with {@code ROWS} rows each (about 1 % of the rows of every fourth column fail its range check, so the
 * severity rules have results to rate). Reports where the time goes: loading and binding the contract, the
 * review and SQL generation alone, then the whole run with execution and rating, through the facade; and checks per second.
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
            QualityOptions run = QualityOptions.run("jdbc:duckdb:" + dbFile);

            // warm-up round (JIT, DuckDB caches), then the measured round
            Map<String, Double> last = null;
            int checks = 0;
            for (int round = 0; round < 2; round++) {
                Map<String, Double> ms = new TreeMap<>();
                long a = System.nanoTime();
                Report review = dece.quality("scale.odcs.yaml", yaml, QualityOptions.generate(Dialect.DUCKDB));
                ms.put("1 read, review, generate SQL", (System.nanoTime() - a) / 1e6);
                a = System.nanoTime();
                Report rated = dece.quality("scale.odcs.yaml", yaml, run);
                ms.put("2 same + execute + rate", (System.nanoTime() - a) / 1e6);
                checks = rated.checks().size();
                long failed = rated.checks().stream().filter(x -> x.status() == CheckOutcome.Status.FAIL).count();
                long errors = rated.checks().stream().filter(x -> x.status() == CheckOutcome.Status.ERROR).count();
                if (round == 1) {
                    System.out.printf(Locale.ROOT, "contract: %d tables x %d columns, %d checks, %d KB of YAML; %d rows per table (%,d rows)%n",
                            tables, columns, checks, yaml.length() / 1024, rows, (long) rows * tables);
                    System.out.printf(Locale.ROOT, "results: %d failed, %d errors; review findings %d, rated findings %d%n",
                            failed, errors, review.findings().size(), rated.findings().size());
                }
                last = ms;
            }
            double generate = last.get("1 read, review, generate SQL");
            double total = last.get("2 same + execute + rate");
            System.out.printf(Locale.ROOT, "engine build: %.0f ms; loading %d tables into DuckDB: %.0f ms (not counted below)%n",
                    tBuild / 1e6, tables, tLoad / 1e6);
            for (Map.Entry<String, Double> e : last.entrySet()) {
                System.out.printf(Locale.ROOT, "  %-30s %9.1f ms%n", e.getKey(), e.getValue());
            }
            System.out.printf(Locale.ROOT, "generation: %.0f checks/s; execution and rating: %.0f checks/s; end to end: %.0f checks/s%n",
                    checks / (generate / 1000), checks / ((total - generate) / 1000), checks / (total / 1000));
        } finally {
            Files.deleteIfExists(dbFile);
            Files.deleteIfExists(Path.of(dbFile + ".wal"));
        }
    }

    /** Column j of every table: a rotation of kinds so every row-level check kind appears. */
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
