package dev.dece.rules.optimize;

import dev.dece.core.optimize.OptimizeOptions.SqlDialect;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Recommendation;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.OptimizeSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static dev.dece.rules.support.OptimizeSupport.artifact;
import static dev.dece.rules.support.OptimizeSupport.findings;
import static dev.dece.rules.support.OptimizeSupport.notes;
import static dev.dece.rules.support.OptimizeSupport.only;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per rule of SqlChecklist.drl: queries written here, parsed by JSqlParser through the real readers, with a
 * table list carrying partition keys, clustering keys, sizes and nullability; each with a triggering query and a near miss.
 */
class SqlChecklistTest {

    static final String TABLES = """
            tables:
              - name: analytics.orders
                partition_key: order_date
                clustering_keys: [customer_id]
                size_gb: 3072
                columns:
                  - {name: order_id, nullable: false}
                  - {name: customer_id}
                  - {name: order_date}
                  - {name: status}
                  - {name: amount}
              - name: analytics.events
                partition_key: event_date
                size_gb: 200
                row_count: 900000000
              - name: analytics.sessions
                clustering_keys: [user_id]
                size_gb: 50
              - name: dim_customer
                size_gb: 1
                columns: [{name: customer_id, nullable: false}, {name: region}, {name: email}]
              - name: small_facts
                size_gb: 5
              - name: refunds
                columns: [{name: order_id, nullable: true}, {name: refund_id, nullable: false}, {name: note}]
            """;

    @TempDir Path dir;
    OptimizeSupport o;

    /** The 1-based column of {@code token}'s first occurrence on 1-based {@code line} of {@code sql}. */
    static int col(String sql, int line, String token) {
        String l = sql.split("\n", -1)[line - 1];
        int i = l.indexOf(token);
        if (i < 0) throw new AssertionError(token + " is not on line " + line + ": " + l);
        return i + 1;
    }

    @BeforeEach
    void setUp() {
        o = new OptimizeSupport(dir).tables(TABLES);
    }

    @Test
    void sql001_fullScanOfAPartitionedOrClusteredTable() {
        Report r = o.sql("""
                SELECT event_id FROM analytics.events;
                SELECT user_id
                  FROM analytics.sessions s;
                SELECT event_id FROM analytics.events WHERE event_date = DATE '2024-05-01';
                SELECT region FROM dim_customer;
                """);
        List<Finding> fs = findings(r, "SQL-001");
        assertThat(fs).hasSize(2);
        Finding f = fs.get(0);
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.topic()).isEqualTo("optimize.sql");
        assertThat(f.message()).contains("reads analytics.events without any filter")
                .contains("every partition of a table partitioned by event_date").contains("200 GB");
        assertThat(f.remediation()).contains("Filter on event_date").contains("10-100x faster");
        assertThat(f.location().file()).endsWith("q.sql");
        assertThat(f.location().line()).isEqualTo(1);
        assertThat(f.location().column()).isEqualTo(col("SELECT event_id FROM analytics.events;", 1, "analytics.events"));
        assertThat(f.location().path()).isEqualTo("statements[0]");
        assertThat(fs.get(1).message()).contains("analytics.sessions AS s").contains("every block of a table clustered by user_id");
        assertThat(fs.get(1).location().line()).isEqualTo(3);
        // near misses: the filtered read (statement 3) and the unpartitioned table (statement 4)
        assertThat(fs).noneMatch(x -> x.location().line() >= 4);
        // a table above the large-table line without a filter is SQL-003's, not SQL-001's
        assertThat(findings(o.sql("SELECT order_id FROM analytics.orders;"), "SQL-001")).isEmpty();
    }

    @Test
    void sql002_partitionedTableFilteredWithoutAPruningPredicateOnItsKey() {
        String sql = """
                SELECT event_id FROM analytics.events WHERE kind = 'click';
                SELECT count(*) FROM analytics.events WHERE DATE(event_date) = '2024-05-01';
                SELECT event_id FROM analytics.events WHERE event_date = '2024-05-01' OR kind = 'click';
                SELECT event_id FROM analytics.events WHERE event_date BETWEEN '2024-05-01' AND '2024-05-07' AND kind = 'click';
                WITH e AS (SELECT * FROM analytics.events) SELECT event_id FROM e WHERE event_date >= '2024-05-01';
                SELECT event_id FROM analytics.events WHERE event_date IN ('2024-05-01', '2024-05-02');
                """;
        Report r = o.sql(sql);
        List<Finding> fs = findings(r, "SQL-002");
        assertThat(fs).extracting(x -> x.location().line()).containsExactly(1, 2, 3);
        assertThat(fs.get(0).message()).contains("filters analytics.events on kind but not on its partition key event_date");
        assertThat(fs.get(0).remediation()).contains("Always include the partition key in WHERE clauses");
        assertThat(fs.get(1).severity()).isEqualTo(Severity.P2);
        assertThat(fs.get(1).message()).contains("on its partition key event_date, but the predicate wraps it in DATE()");
        assertThat(fs.get(1).location().column()).as("located at the DATE() call").isEqualTo(col(sql, 2, "DATE("));
        assertThat(fs.get(1).remediation()).contains("Compare the bare partition key with constants");
        assertThat(fs.get(2).message()).contains("sits under an OR whose other branch does not filter it");
    }

    @Test
    void sql002_aSubqueryOnTheKeyDefeatsPruningOnBigQueryOnly() {
        String sql = "SELECT event_id FROM analytics.events WHERE event_date > (SELECT MAX(event_date) FROM analytics.events_done);\n";
        Finding bq = only(o.dialect(SqlDialect.BIGQUERY).sql(sql), "SQL-002");
        assertThat(bq.message()).contains("compared with a subquery, which BigQuery does not prune on");
        assertThat(findings(o.dialect(SqlDialect.SNOWFLAKE).sql(sql), "SQL-002")).isEmpty();
        // BigQuery prunes a TIMESTAMP-partitioned table through DATE(); other engines do not
        String date = "SELECT event_id FROM analytics.events WHERE DATE(event_date) = '2024-05-01';\n";
        assertThat(findings(o.dialect(SqlDialect.BIGQUERY).sql(date), "SQL-002")).isEmpty();
        assertThat(findings(o.dialect(SqlDialect.SPARK).sql(date), "SQL-002")).hasSize(1);
    }

    @ParameterizedTest(name = "{0} GB: SQL-003 {1}, SQL-001 {2}")
    @CsvSource({"1023, false, true", "1024, true, false", "1025, true, false"})
    void sql003_fullScanOfATableAboveTheLargeTableSize(double sizeGb, boolean redFlag, boolean plainScan) {
        OptimizeSupport s = new OptimizeSupport(dir).tables("""
                tables:
                  - name: logs
                    partition_key: log_date
                    size_gb: %s
                """.formatted(sizeGb));
        Report r = s.sql("SELECT msg FROM logs WHERE level = 'ERROR';\nSELECT msg FROM logs;\nSELECT msg FROM logs WHERE log_date = '2024-05-01';\n");
        assertThat(findings(r, "SQL-003")).hasSize(redFlag ? 2 : 0);
        assertThat(findings(r, "SQL-001")).hasSize(plainScan ? 1 : 0);
        if (redFlag) {
            Finding f = findings(r, "SQL-003").get(0);
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("scans all of logs").contains("above the 1 TB cost red-flag line")
                    .contains("it filters level, and its keys are log_date");
            assertThat(f.location().line()).isEqualTo(1);
            assertThat(findings(r, "SQL-003").get(1).message()).contains("it has no filter at all");
        }
    }

    @Test
    void sql003_theRedFlagNamesTheDefeatedKeyAndAnUnpartitionedTable() {
        String sql = "SELECT order_id FROM analytics.orders WHERE CAST(order_date AS DATE) = '2024-05-01';\n";
        Report r = o.sql(sql);
        Finding f = only(r, "SQL-003");
        assertThat(f.message()).contains("3.0 TB").contains("its predicate on order_date casts it");
        assertThat(f.location().column()).isEqualTo(col(sql, 1, "CAST("));
        OptimizeSupport s = new OptimizeSupport(dir).tables("tables:\n  - {name: big_raw, size_gb: 5000}\n");
        assertThat(only(s.sql("SELECT * FROM big_raw WHERE id = 3;\n"), "SQL-003").remediation())
                .contains("Partition (or cluster) the table by the column queries filter on");
        assertThat(findings(o.sql("SELECT order_id FROM analytics.orders WHERE order_date >= '2024-05-01';\n"), "SQL-003")).isEmpty();
    }

    @ParameterizedTest(name = "{0} GB fires: {1}")
    @CsvSource({"9.99, false", "10, true", "10.01, true"})
    void sql004_largeJoinThatCouldPreAggregate(double sizeGb, boolean fires) {
        OptimizeSupport s = new OptimizeSupport(dir).tables("""
                tables:
                  - {name: sales, size_gb: %s}
                  - {name: stores, size_gb: 0.01}
                """.formatted(sizeGb));
        Report r = s.sql("""
                SELECT st.region, SUM(sa.amount) AS revenue, COUNT(*) AS n
                  FROM sales sa
                  JOIN stores st ON st.store_id = sa.store_id
                 GROUP BY st.region;
                """);
        assertThat(findings(r, "SQL-004")).hasSize(fires ? 1 : 0);
        if (fires) {
            Finding f = only(r, "SQL-004");
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).contains("joins sales").contains("on sa.store_id").contains("by st.region");
            assertThat(f.remediation()).contains("5-50x faster").contains("rewrites/");
            assertThat(f.location().line()).isEqualTo(3);
            String rw = artifact(r, f.remediation().replaceAll(".*see artifact (\\S+)\\. .*", "$1")).content();
            assertThat(rw).contains("WITH sales_agg AS (").contains("SELECT sa.store_id, SUM(sa.amount) AS sum_1, COUNT(*) AS count_2")
                    .contains("GROUP BY sa.store_id").contains("COUNT(*) -> SUM(count_2)");
        }
    }

    @Test
    void sql004_aggregatesOverBothSidesCannotPreAggregate() {
        Report r = o.sql("""
                SELECT c.region, SUM(o.amount * c.discount) FROM analytics.orders o
                  JOIN dim_customer c ON c.customer_id = o.customer_id
                 WHERE o.order_date = '2024-05-01' GROUP BY c.region;
                SELECT o.customer_id, COUNT(DISTINCT o.order_id) FROM analytics.orders o
                  JOIN dim_customer c ON c.customer_id = o.customer_id
                 WHERE o.order_date = '2024-05-01' GROUP BY o.customer_id;
                """);
        assertThat(findings(r, "SQL-004")).isEmpty();
    }

    @Test
    void sql005_selectStarOnAColumnarStore() {
        String sql = """
                SELECT * FROM analytics.events WHERE event_date = '2024-05-01';
                WITH e AS (SELECT * FROM analytics.events WHERE event_date = '2024-05-01') SELECT e.* FROM e;
                WITH e AS (SELECT * FROM analytics.events WHERE event_date = '2024-05-01') SELECT event_id, kind FROM e;
                SELECT COUNT(*) FROM analytics.events WHERE event_date = '2024-05-01';
                SELECT region FROM dim_customer c WHERE EXISTS (SELECT * FROM refunds r WHERE r.refund_id = c.customer_id);
                """;
        Report r = o.dialect(SqlDialect.SNOWFLAKE).sql(sql);
        List<Finding> fs = findings(r, "SQL-005");
        assertThat(fs).extracting(f -> f.location().line()).containsExactly(1, 2);
        assertThat(fs).hasSize(2);
        assertThat(fs.get(0).severity()).isEqualTo(Severity.P3);
        assertThat(fs.get(0).message()).contains("SELECT * returns every column of analytics.events").contains("a snowflake scan");
        assertThat(fs.get(0).remediation()).contains("2-10x faster (columnar stores)");
        assertThat(fs.get(0).location().line()).isEqualTo(1);
        assertThat(fs.get(0).location().column()).isEqualTo(8);
        assertThat(fs.get(1).message()).contains("SELECT e.*").contains("(through CTE e)");
        assertThat(fs.get(1).location().column()).isEqualTo(col(sql, 2, "e.*"));
        // PostgreSQL stores rows: the checklist row is about columnar stores
        assertThat(findings(o.dialect(SqlDialect.POSTGRES).sql(sql), "SQL-005")).isEmpty();
    }

    @Test
    void sql006_correlatedSubquery() {
        Report r = o.sql("""
                SELECT o.order_id,
                       (SELECT MAX(r.refund_id) FROM refunds r WHERE r.order_id = o.order_id AND r.note IS NOT NULL) AS last_refund
                  FROM analytics.orders o WHERE o.order_date = '2024-05-01';
                SELECT e.event_id FROM analytics.events e
                 WHERE e.event_date = '2024-05-01'
                   AND e.duration > (SELECT AVG(e2.duration) FROM analytics.events e2 WHERE e2.kind = e.kind);
                SELECT o.order_id, (SELECT MAX(refund_id) FROM refunds) FROM analytics.orders o WHERE o.order_date = '2024-05-01';
                SELECT o.order_id FROM analytics.orders o
                 WHERE o.order_date = '2024-05-01' AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.order_id);
                """);
        List<Finding> fs = findings(r, "SQL-006");
        assertThat(fs).hasSize(2);
        Finding join = fs.get(0);
        assertThat(join.severity()).isEqualTo(Severity.P2);
        assertThat(join.message()).contains("The subquery in the SELECT list refers to o.order_id of the outer query");
        assertThat(join.location().line()).isEqualTo(2);
        assertThat(join.location().column()).isEqualTo(8);  // the subquery's opening parenthesis
        assertThat(join.remediation()).contains("a JOIN to a pre-aggregated derived table").contains("10-100x faster");
        assertThat(artifact(r, join.remediation().replaceAll(".*see artifact (\\S+)\\. .*", "$1")).content())
                .contains("SELECT r.order_id, MAX(r.refund_id) AS agg_value").contains("WHERE r.note IS NOT NULL")
                .contains(") AS sq ON sq.order_id = o.order_id");
        Finding where = fs.get(1);
        assertThat(where.message()).contains("in the WHERE refers to e.kind");
        // e2 reads the same table per kind, but the outer query filters it: only the join rewrite keeps the meaning
        assertThat(where.remediation()).contains("a JOIN to a pre-aggregated derived table");
        Report window = o.sql("SELECT e.event_id, (SELECT AVG(e2.duration) FROM analytics.events e2 WHERE e2.kind = e.kind) FROM analytics.events e;\n");
        Finding w = only(window, "SQL-006");
        assertThat(w.remediation()).contains("a window function");
        assertThat(artifact(window, w.remediation().replaceAll(".*see artifact (\\S+)\\. .*", "$1")).content())
                .contains("AVG(e.duration) OVER (PARTITION BY e.kind)");
    }

    @ParameterizedTest(name = "{0} rows fires: {1}")
    @CsvSource({"999999, false", "1000000, true", "1000001, true"})
    void sql007_distinctOnALargeResult(long rows, boolean fires) {
        OptimizeSupport s = new OptimizeSupport(dir).tables("tables:\n  - {name: visits, row_count: " + rows + "}\n  - {name: users, size_gb: 0.5}\n");
        Report r = s.sql("SELECT DISTINCT v.user_id FROM visits v JOIN users u ON u.id = v.user_id;\n");
        assertThat(findings(r, "SQL-007")).hasSize(fires ? 1 : 0);
        if (fires) {
            Finding f = only(r, "SQL-007");
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).contains("SELECT DISTINCT de-duplicates a large result: it reads users (512 MB, " + rows + " rows at most among visits, users)")
                    .contains("Over a join, the duplicates usually come from a join key that is not unique");
            assertThat(f.remediation()).contains("2-5x faster");
            assertThat(f.location().column()).isEqualTo(8);
        }
    }

    @Test
    void sql007_unionAndTheMeasuredResultSize() {
        String sql = """
                SELECT kind FROM analytics.events WHERE event_date = '2024-05-01' UNION SELECT kind FROM analytics.events WHERE event_date = '2024-05-02';
                SELECT region FROM dim_customer WHERE customer_id IN (SELECT DISTINCT customer_id FROM analytics.orders WHERE order_date = '2024-05-01');
                SELECT DISTINCT region FROM dim_customer;
                """;
        Report r = o.sql(sql);
        Finding u = only(r, "SQL-007");
        assertThat(u.message()).startsWith("UNION (without ALL) de-duplicates a large result");
        assertThat(u.remediation()).contains("Use UNION ALL when the branches cannot overlap");
        assertThat(u.location().line()).isEqualTo(1);
        assertThat(u.location().column()).isEqualTo(col(sql, 1, "UNION"));
        Report measured = new OptimizeSupport(dir).history("qh.csv", "QUERY_TEXT,QUERY_TYPE,ROWS_PRODUCED\n"
                + "SELECT DISTINCT user_id FROM web.clicks,SELECT,2500000\nSELECT DISTINCT user_id FROM web.views,SELECT,20\n").run(List.of());
        Finding m = only(measured, "SQL-007");
        assertThat(m.message()).contains("the history measured up to 2500000 result rows");
    }

    @Test
    void sql008_orderByWithoutLimitOutsideTheFinalQuery() {
        Report r = o.sql("""
                WITH daily AS (SELECT event_date, COUNT(*) AS n FROM analytics.events WHERE event_date > '2024-05-01' GROUP BY event_date ORDER BY event_date)
                SELECT * FROM daily ORDER BY n DESC;
                INSERT INTO report.daily SELECT event_date, kind FROM analytics.events WHERE event_date > '2024-05-01' ORDER BY kind;
                SELECT * FROM (SELECT event_id FROM analytics.events WHERE event_date > '2024-05-01' ORDER BY duration DESC LIMIT 10) t;
                SELECT event_id, ROW_NUMBER() OVER (PARTITION BY kind ORDER BY duration) FROM analytics.events WHERE event_date > '2024-05-01';
                """);
        List<Finding> fs = findings(r, "SQL-008");
        assertThat(fs).hasSize(2);
        assertThat(fs.get(0).severity()).isEqualTo(Severity.P3);
        assertThat(fs.get(0).message()).contains("ORDER BY event_date in the CTE daily has no LIMIT");
        assertThat(fs.get(0).remediation()).contains("prevents memory spills");
        assertThat(fs.get(0).location().line()).isEqualTo(1);
        assertThat(fs.get(1).message()).contains("ORDER BY kind in the INSERT ... SELECT");
        assertThat(fs.get(1).remediation()).contains("to cluster the written data on purpose");
        // the final query's ORDER BY (line 2), a top-N (line 4) and a window (line 5) are not findings
        assertThat(fs).extracting(f -> f.location().line()).containsExactly(1, 3);
    }

    @Test
    void sql009_stringOperationOnAColumnInWhere() {
        String sql = """
                SELECT customer_id FROM dim_customer WHERE LOWER(TRIM(email)) = 'a@b.c';
                SELECT customer_id FROM dim_customer WHERE email LIKE '%@example.com';
                SELECT customer_id FROM dim_customer WHERE CAST(customer_id AS VARCHAR) = '42';
                SELECT customer_id FROM dim_customer WHERE region || '-' || email = 'eu-x';
                SELECT customer_id FROM dim_customer WHERE email LIKE 'support@%';
                SELECT customer_id FROM dim_customer WHERE email = LOWER('A@B.C');
                SELECT LOWER(email) FROM dim_customer WHERE customer_id = 42;
                """;
        Report r = o.sql(sql);
        List<Finding> fs = findings(r, "SQL-009");
        assertThat(fs).extracting(f -> f.location().line()).containsExactly(1, 2, 3, 4);
        assertThat(fs.get(0).severity()).isEqualTo(Severity.P3);
        assertThat(fs.get(0).message()).contains("The WHERE condition applies LOWER() to column email");
        assertThat(fs.get(0).location().column()).as("the outer call, reported once").isEqualTo(col(sql, 1, "LOWER("));
        assertThat(fs.get(0).remediation()).contains("enables index usage");
        assertThat(fs.get(1).message()).contains("applies LIKE '%@example.com'");
        assertThat(fs.get(2).message()).contains("CAST AS VARCHAR");
        assertThat(fs.get(3).message()).contains("applies ||");
    }

    @Test
    void sql010_severalPassesOverTheSameTable() {
        String sql = """
                SELECT 'paid' AS status, COUNT(*) AS n FROM analytics.orders WHERE status = 'paid' AND order_date = '2024-05-01'
                UNION ALL
                SELECT 'refunded', COUNT(*) FROM analytics.orders WHERE status = 'refunded' AND order_date = '2024-05-01';
                SELECT (SELECT COUNT(*) FROM analytics.events WHERE kind = 'click' AND event_date = '2024-05-01') AS clicks,
                       (SELECT SUM(duration) FROM analytics.events WHERE kind = 'view' AND event_date = '2024-05-01') AS view_time;
                SELECT COUNT(*) FROM analytics.events WHERE event_date = '2024-05-01'
                UNION ALL SELECT COUNT(*) FROM analytics.orders WHERE order_date = '2024-05-01';
                """;
        Report r = o.sql(sql);
        List<Finding> fs = findings(r, "SQL-010");
        assertThat(fs).hasSize(2);
        Finding u = fs.get(0);
        assertThat(u.severity()).isEqualTo(Severity.P3);
        assertThat(u.message()).contains("reads analytics.orders 2 times in UNION ALL branches (also at 3:" + col(sql, 3, "analytics.orders") + ")");
        assertThat(u.remediation()).contains("CASE WHEN").contains("2-5x faster");
        assertThat(artifact(r, u.remediation().replaceAll(".*see artifact (\\S+)\\. .*", "$1")).content())
                .contains("SELECT status,\n       COUNT(*) AS n\nFROM analytics.orders\nWHERE status IN ('paid', 'refunded') AND order_date = '2024-05-01'\nGROUP BY status");
        Finding s = fs.get(1);
        assertThat(s.message()).contains("reads analytics.events 2 times in scalar subqueries");
        assertThat(artifact(r, s.remediation().replaceAll(".*see artifact (\\S+)\\. .*", "$1")).content())
                .contains("COUNT(CASE WHEN kind = 'click' AND event_date = '2024-05-01' THEN 1 END) AS clicks")
                .contains("SUM(CASE WHEN kind = 'view' AND event_date = '2024-05-01' THEN duration END) AS view_time");
        // the last statement scans two different tables: no finding on line 6
        assertThat(fs).noneMatch(f -> f.location().line() == 6);
    }

    @Test
    void sql011_notInOverASubqueryThatCanReturnNull() {
        String sql = """
                SELECT o.order_id FROM analytics.orders o WHERE o.order_date = '2024-05-01' AND o.order_id NOT IN (SELECT order_id FROM refunds);
                SELECT o.order_id FROM analytics.orders o WHERE o.order_date = '2024-05-01' AND o.status NOT IN ('void', NULL);
                SELECT c.customer_id FROM dim_customer c WHERE c.customer_id NOT IN (SELECT r.refund_id FROM refunds r);
                SELECT o.order_id FROM analytics.orders o WHERE o.order_date = '2024-05-01' AND o.order_id NOT IN (SELECT order_id FROM refunds WHERE order_id IS NOT NULL);
                SELECT o.order_id FROM analytics.orders o WHERE o.order_date = '2024-05-01' AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.order_id);
                """;
        Report r = o.sql(sql);
        List<Finding> fs = findings(r, "SQL-011");
        assertThat(fs).extracting(f -> f.location().line()).containsExactly(1, 2);
        Finding f = fs.get(0);
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.message()).contains("NOT IN over refunds.order_id, which can be NULL").contains("refunds.order_id is nullable")
                .contains("silently returns no rows");
        assertThat(f.location().column()).isEqualTo(col(sql, 1, "o.order_id NOT IN"));
        assertThat(f.remediation()).contains("Use NOT EXISTS").contains("correctness + performance");
        assertThat(artifact(r, f.remediation().replaceAll(".*see artifact (\\S+)\\. .*", "$1")).content())
                .contains("NOT EXISTS (SELECT 1 FROM refunds WHERE refunds.order_id = o.order_id)");
        assertThat(fs.get(1).message()).contains("NOT IN over a list that holds NULL");
        Report outer = o.sql("SELECT c.customer_id FROM dim_customer c WHERE c.customer_id NOT IN "
                + "(SELECT r.refund_id FROM analytics.orders x LEFT JOIN refunds r ON r.order_id = x.order_id WHERE x.order_date = '2024-05-01');\n");
        assertThat(only(outer, "SQL-011").message()).contains("the outer side of an outer join");
    }

    @Test
    void sql012_statementNotAnalysed() {
        Report r = o.sql("""
                SELECT region FROM dim_customer;
                SELECT FROM WHERE;
                SELECT * FROM {{ ref('orders') }};
                SELECT event_id FROM analytics.events WHERE kind = 'x';
                """ + "SELECT " + "(".repeat(120) + "1" + ")".repeat(120) + ";\n");
        List<Finding> fs = findings(r, "SQL-012");
        assertThat(fs).hasSize(3);
        Finding f = fs.get(0);
        assertThat(f.severity()).isEqualTo(Severity.P3);
        assertThat(f.message()).contains("'SELECT FROM WHERE' was not analysed").contains("Encountered unexpected token");
        assertThat(f.location().line()).isEqualTo(2);
        assertThat(f.location().column()).as("where the parser stopped").isEqualTo(1);
        assertThat(fs.get(1).remediation()).contains("pass the dbt manifest");
        assertThat(fs.get(2).message()).contains("nests parentheses 120 deep, above the limit of 100");
        // the statements around them are analysed as usual
        assertThat(findings(r, "SQL-002")).extracting(x -> x.location().line()).containsExactly(4);
    }

    @ParameterizedTest(name = "{0} bytes per run fires: {1}")
    @CsvSource({"1099511627775, false", "1099511627776, true", "1099511627777, true"})
    void sql013_runMeasuredScanningMoreThanTheLargeTableSize(long bytes, boolean fires) {
        Report r = new OptimizeSupport(dir).history("qh.csv", "QUERY_ID,QUERY_TEXT,QUERY_TYPE,WAREHOUSE_NAME,BYTES_SCANNED,PARTITIONS_SCANNED,PARTITIONS_TOTAL\n"
                + "q1,SELECT * FROM raw.clicks WHERE ts > '2024-05-01',SELECT,BI_WH," + bytes + ",990,1000\n"
                + "q2,SELECT * FROM raw.clicks WHERE ts > '2024-05-01',SELECT,BI_WH,1000,1,1000\n").run(List.of());
        assertThat(findings(r, "SQL-013")).hasSize(fires ? 1 : 0);
        if (fires) {
            Finding f = only(r, "SQL-013");
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("A run of this statement scanned 1.0 TB, above the 1 TB cost red-flag line")
                    .contains("2 runs").contains("990 of 1000 partitions").contains("on BI_WH");
            assertThat(f.location().file()).endsWith("qh.csv");
            assertThat(f.location().line()).isEqualTo(2);
            assertThat(f.location().path()).isEqualTo("rows[0].QUERY_TEXT");
            assertThat(f.subject()).isEqualTo("query q1");
        }
    }

    @Test
    void sql013_notRepeatedWhenTheTableKnowledgeAlreadyFlagsTheScan() {
        Report r = o.history("qh.csv", "QUERY_TEXT,QUERY_TYPE,BYTES_SCANNED\n\"SELECT order_id FROM analytics.orders\",SELECT,3298534883328\n").run(List.of());
        assertThat(findings(r, "SQL-003")).hasSize(1);
        assertThat(findings(r, "SQL-013")).isEmpty();
        assertThat(only(r, "SQL-003").message()).contains("Measured in the query history: 1 run, up to 3.0 TB scanned per run");
    }

    @Test
    void sql014_noTableKnowledgeGiven() {
        Report none = new OptimizeSupport(dir).sql("SELECT a FROM t WHERE b = 1;\nSELECT c FROM u;\n");
        List<Recommendation> n = notes(none, "SQL-014");
        assertThat(n).hasSize(1);
        assertThat(n.get(0).topic()).isEqualTo("optimize.knowledge");
        assertThat(n.get(0).rationale()).contains("No table knowledge was given").contains("SQL-001, SQL-002").contains("Pass --tables");
        assertThat(notes(o.sql("SELECT region FROM dim_customer;\n"), "SQL-014")).isEmpty();
    }

    @Test
    void sql015_tableTheQueriesReadIsNotDescribed() {
        Report r = o.sql("SELECT a FROM staging.unknown_table;\nSELECT region FROM dim_customer;\nSELECT b FROM staging.unknown_table;\n");
        List<Recommendation> n = notes(r, "SQL-015");
        assertThat(n).hasSize(1);
        assertThat(n.get(0).choice()).isEqualTo("describe staging.unknown_table");
        assertThat(n.get(0).rationale()).contains("which no table-knowledge input describes");
        assertThat(notes(o.sql("SELECT region FROM dim_customer;\n"), "SQL-015")).isEmpty();
        // a CTE is not a table: WITH t AS (...) SELECT FROM t reads only what t reads
        assertThat(notes(o.sql("WITH t AS (SELECT region FROM dim_customer) SELECT region FROM t;\n"), "SQL-015")).isEmpty();
    }

    @Test
    void sql016_sizeUnknownForADistinct() {
        Report r = o.sql("SELECT DISTINCT note FROM refunds;\n");
        List<Recommendation> n = notes(r, "SQL-016");
        assertThat(n).hasSize(1);
        assertThat(n.get(0).choice()).isEqualTo("sizes of refunds");
        assertThat(n.get(0).rationale()).contains("SQL-007 (DISTINCT on a large result) could not judge the DISTINCT over refunds");
        assertThat(notes(o.sql("SELECT DISTINCT region FROM dim_customer;\n"), "SQL-016")).isEmpty();
    }

    @Test
    void sql017_nullabilityUnknownForANotIn() {
        Report r = o.sql("SELECT region FROM dim_customer WHERE region NOT IN (SELECT status FROM analytics.orders WHERE order_date = '2024-05-01');\n");
        List<Recommendation> n = notes(r, "SQL-017");
        assertThat(n).hasSize(1);
        assertThat(n.get(0).choice()).isEqualTo("nullability of analytics.orders.status");
        assertThat(findings(r, "SQL-011")).isEmpty();
        assertThat(notes(o.sql("SELECT region FROM dim_customer WHERE customer_id NOT IN (SELECT refund_id FROM refunds);\n"), "SQL-017")).isEmpty();
    }

    @Test
    void sql018_sizeUnknownForAJoinThatCouldPreAggregate() {
        Report r = o.sql("SELECT c.region, SUM(r.amount) FROM refunds r JOIN dim_customer c ON c.customer_id = r.refund_id GROUP BY c.region;\n");
        List<Recommendation> n = notes(r, "SQL-018");
        assertThat(n).hasSize(1);
        assertThat(n.get(0).choice()).isEqualTo("size of refunds");
        assertThat(n.get(0).rationale()).contains("SQL-004 (large joins: pre-aggregate before joining) could not judge");
        assertThat(notes(o.sql("SELECT c.region, SUM(s.x) FROM small_facts s JOIN dim_customer c ON c.customer_id = s.cid GROUP BY c.region;\n"),
                "SQL-018")).isEmpty();
    }
}
