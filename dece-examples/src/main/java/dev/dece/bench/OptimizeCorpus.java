package dev.dece.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A generated corpus of SQL queries for the {@code dece optimize} benchmark against SQLFluff: one query per file, each
 * planting exactly one SQL checklist pattern (or none), over a table list that makes the partition and size rules
 * decidable. The corpus knows what it planted, so a run can check that every planted pattern was found (recall) and
 * nothing else from the checklist was (precision). ANSI SQL that SQLFluff's {@code ansi} dialect also parses.
 *
 * <p>Deterministic for a given seed.
 */
public final class OptimizeCorpus {

    /** The checklist rules the corpus plants, one template each, plus clean queries. */
    public static final List<String> PLANTED = List.of("SQL-001", "SQL-002", "SQL-003", "SQL-004", "SQL-005", "SQL-006", "SQL-007",
            "SQL-008", "SQL-009", "SQL-010", "SQL-011");

    /** Copies of each table, so the corpus is not one table's name over and over. */
    static final int TABLE_SETS = 10;

    /**
     * @param queries the .sql files, one query each
     * @param tables  the table list (partition keys, clustering keys, sizes, nullability)
     * @param planted each file's name to the rule it plants; an empty set for a clean query
     */
    public record Corpus(Path queries, Path tables, Map<String, Set<String>> planted) {}

    public static Corpus generate(Path dir, int queries, long seed) throws IOException {
        Path q = Files.createDirectories(dir.resolve("queries"));
        Random rnd = new Random(seed);
        Map<String, Set<String>> planted = new LinkedHashMap<>();
        for (int i = 0; i < queries; i++) {
            int kind = i % (PLANTED.size() + 1);
            int t = rnd.nextInt(TABLE_SETS);
            String day = "2024-05-" + String.format(java.util.Locale.ROOT, "%02d", 1 + rnd.nextInt(28));
            String sql = query(kind, t, day, rnd);
            String name = String.format(java.util.Locale.ROOT, "q%05d.sql", i);
            Files.writeString(q.resolve(name), "-- generated query " + i + "\n" + sql + "\n", StandardCharsets.UTF_8);
            planted.put(name, kind < PLANTED.size() ? Set.of(PLANTED.get(kind)) : Set.of());
        }
        Path tables = dir.resolve("tables.yaml");
        Files.writeString(tables, tables(), StandardCharsets.UTF_8);
        return new Corpus(q, tables, planted);
    }

    static String query(int kind, int t, String day, Random rnd) {
        String evt = "analytics.events_" + t, ord = "analytics.orders_" + t, dim = "analytics.dim_customer_" + t, ref = "analytics.refunds_" + t;
        String kindValue = List.of("click", "view", "purchase", "signup").get(rnd.nextInt(4));
        switch (kind) {
            case 0: // SQL-001: a partitioned table read without any filter
                return "SELECT event_id, kind\n  FROM " + evt + ";";
            case 1: // SQL-002: filtered, but not on the partition key
                return "SELECT event_id\n  FROM " + evt + "\n WHERE kind = '" + kindValue + "';";
            case 2: // SQL-003: a 3 TB table without a pruning filter
                return "SELECT order_id, amount\n  FROM " + ord + "\n WHERE status = 'paid';";
            case 3: // SQL-004: a large join aggregated after the join
                return "SELECT c.region, SUM(o.amount) AS revenue\n  FROM " + ord + " o\n  JOIN " + dim + " c ON c.customer_id = o.customer_id\n"
                        + " WHERE o.order_date >= DATE '" + day + "'\n GROUP BY c.region;";
            case 4: // SQL-005: SELECT * on a columnar store
                return "SELECT *\n  FROM " + dim + "\n WHERE customer_id = " + (1 + rnd.nextInt(100000)) + ";";
            case 5: // SQL-006: a correlated subquery
                return "SELECT c.customer_id,\n       (SELECT MAX(o.amount) FROM " + ord + " o\n         WHERE o.customer_id = c.customer_id AND o.order_date = DATE '"
                        + day + "') AS top_order\n  FROM " + dim + " c\n WHERE c.region = 'eu';";
            case 6: // SQL-007: DISTINCT over a large table
                return "SELECT DISTINCT user_id\n  FROM " + evt + "\n WHERE event_date = DATE '" + day + "';";
            case 7: // SQL-008: ORDER BY without LIMIT in a CTE
                return "WITH daily AS (\n  SELECT event_date, COUNT(*) AS n\n    FROM " + evt + "\n   WHERE event_date >= DATE '" + day + "'\n"
                        + "   GROUP BY event_date\n   ORDER BY event_date\n)\nSELECT event_date, n FROM daily;";
            case 8: // SQL-009: a string function on a column in WHERE
                return "SELECT customer_id\n  FROM " + dim + "\n WHERE LOWER(email) = 'user" + rnd.nextInt(1000) + "@example.com';";
            case 9: // SQL-010: two passes that one CASE WHEN + GROUP BY does
                return "SELECT 'click' AS kind, COUNT(*) AS n FROM " + evt + " WHERE kind = 'click' AND event_date = DATE '" + day + "'\n"
                        + "UNION ALL\nSELECT 'view', COUNT(*) FROM " + evt + " WHERE kind = 'view' AND event_date = DATE '" + day + "';";
            case 10: // SQL-011: NOT IN over a nullable column
                return "SELECT o.order_id\n  FROM " + ord + " o\n WHERE o.order_date = DATE '" + day + "'\n"
                        + "   AND o.order_id NOT IN (SELECT r.order_id FROM " + ref + " r);";
            default: // clean
                return "SELECT event_id, kind\n  FROM " + evt + "\n WHERE event_date = DATE '" + day + "'\n   AND kind = '" + kindValue + "';";
        }
    }

    static String tables() {
        StringBuilder sb = new StringBuilder("tables:\n");
        for (int t = 0; t < TABLE_SETS; t++) {
            sb.append("  - name: analytics.events_").append(t).append("\n    partition_key: event_date\n    size_gb: 200\n")
                    .append("    columns: [{name: event_id, nullable: false}, {name: user_id}, {name: event_date, nullable: false}, {name: kind}]\n");
            sb.append("  - name: analytics.orders_").append(t).append("\n    partition_key: order_date\n    clustering_keys: [customer_id]\n")
                    .append("    size_gb: 3072\n    columns: [{name: order_id, nullable: false}, {name: customer_id, nullable: false}, {name: order_date}, {name: status}, {name: amount}]\n");
            sb.append("  - name: analytics.dim_customer_").append(t).append("\n    size_gb: 2\n")
                    .append("    columns: [{name: customer_id, nullable: false}, {name: region}, {name: email}]\n");
            sb.append("  - name: analytics.refunds_").append(t).append("\n    size_gb: 1\n")
                    .append("    columns: [{name: refund_id, nullable: false}, {name: order_id, nullable: true}]\n");
        }
        return sb.toString();
    }

    private OptimizeCorpus() {}
}
