package dev.dece.rules.optimize;

import dev.dece.core.input.InputException;
import dev.dece.core.optimize.OptimizeOptions;
import dev.dece.core.optimize.OptimizeOptions.SqlDialect;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.rules.support.OptimizeSupport;
import dev.dece.rules.support.TestDece;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static dev.dece.rules.support.OptimizeSupport.findings;
import static dev.dece.rules.support.OptimizeSupport.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SQL inputs of {@code dece optimize} through the real readers: dbt manifests' compiled SQL, query-history runs
 * grouped per statement, the table-knowledge formats, the dialects, and the bounds on hostile SQL.
 */
class SqlInputsTest {

    @TempDir Path dir;

    static String coverage(Report r) {
        return r.artifacts().stream().filter(a -> a.kind().equals("optimize-coverage")).map(Artifact::content).findFirst().orElseThrow();
    }

    static final String MANIFEST = """
            {
              "metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json", "dbt_version": "1.9.4", "adapter_type": "bigquery"},
              "nodes": {
                "model.shop.fct_events": {
                  "resource_type": "model", "name": "fct_events", "alias": "fct_events", "database": "shop-prod", "schema": "marts",
                  "original_file_path": "models/marts/fct_events.sql",
                  "compiled_path": "target/compiled/shop/models/marts/fct_events.sql",
                  "config": {"materialized": "table", "partition_by": {"field": "event_date", "data_type": "date"}, "cluster_by": ["user_id"]},
                  "columns": {"user_id": {"name": "user_id", "data_type": "string"}},
                  "compiled_code": "select\\n    user_id,\\n    event_date\\nfrom `shop-prod`.`raw`.`events`\\norder by event_date"
                },
                "model.shop.daily_users": {
                  "resource_type": "model", "name": "daily_users", "alias": "daily_users", "database": "shop-prod", "schema": "marts",
                  "original_file_path": "models/marts/daily_users.sql",
                  "compiled_path": "target/compiled/shop/models/marts/daily_users.sql",
                  "config": {"materialized": "view"},
                  "compiled_code": "select event_date, count(*) as users\\nfrom `shop-prod`.`marts`.`fct_events`\\ngroup by event_date"
                },
                "model.shop.stg_tmp": {
                  "resource_type": "model", "name": "stg_tmp", "config": {"materialized": "ephemeral"},
                  "original_file_path": "models/staging/stg_tmp.sql", "compiled_code": "select 1 as x"
                },
                "model.shop.not_compiled": {
                  "resource_type": "model", "name": "not_compiled", "config": {"materialized": "table"},
                  "original_file_path": "models/not_compiled.sql"
                },
                "test.shop.nn": {
                  "resource_type": "test", "attached_node": "model.shop.fct_events", "column_name": "user_id",
                  "test_metadata": {"name": "not_null", "kwargs": {"column_name": "user_id"}}
                }
              },
              "sources": {}
            }
            """;

    @Test
    void dbtModelsAreAnalysedAsCompiledAndTheirConfigIsTableKnowledge() throws Exception {
        OptimizeSupport o = new OptimizeSupport(dir);
        Path manifest = o.write("target/manifest.json", MANIFEST);
        Report r = TestDece.DECE.optimize(List.of(manifest), OptimizeOptions.defaults());
        // ORDER BY in a materialised model is not a presentation query; it sits on the compiled file's line
        Finding order = only(r, "SQL-008");
        assertThat(order.location().file()).isEqualTo("target/compiled/shop/models/marts/fct_events.sql");
        assertThat(order.location().line()).isEqualTo(5);
        assertThat(order.location().column()).isEqualTo(10);
        assertThat(order.message()).contains("in the dbt model has no LIMIT");
        assertThat(order.subject()).isEqualTo("model.shop.fct_events");
        // daily_users reads fct_events, which the manifest says is partitioned by event_date: a full scan of it
        Finding scan = only(r, "SQL-001");
        assertThat(scan.message()).contains("reads shop-prod.marts.fct_events without any filter").contains("partitioned by event_date");
        // the model without compiled SQL is said so, the ephemeral one is counted
        Finding nc = only(r, "SQL-012");
        assertThat(nc.message()).contains("no compiled_code for model.shop.not_compiled");
        assertThat(nc.remediation()).contains("run 'dbt compile'");
        assertThat(coverage(r)).contains("1 dbt ephemeral models");
        // dialect from the adapter: BigQuery backticks parse
        assertThat(findings(r, "SQL-012")).hasSize(1);
    }

    @Test
    void aManifestWithoutAnyCompiledSqlIsRefused() {
        OptimizeSupport o = new OptimizeSupport(dir);
        Path manifest = o.write("manifest.json", MANIFEST.replace("\"compiled_code\"", "\"raw_code\""));
        assertThatThrownBy(() -> TestDece.DECE.optimize(List.of(manifest), OptimizeOptions.defaults()))
                .isInstanceOf(InputException.class).hasMessageContaining("holds no compiled SQL").hasMessageContaining("dbt parse");
    }

    @Test
    void historyRunsAreGroupedPerStatementAndMeasured() throws Exception {
        OptimizeSupport o = new OptimizeSupport(dir).history("qh.csv", """
                QUERY_ID,QUERY_TEXT,QUERY_TYPE,WAREHOUSE_NAME,BYTES_SCANNED,QUERY_PARAMETERIZED_HASH,BYTES_SPILLED_TO_REMOTE_STORAGE
                a1,"select * from sales.orders o where o.day = '2024-05-01' order by 1",SELECT,BI_WH,1000,h1,0
                a2,"select * from sales.orders o where o.day = '2024-05-02' order by 1",SELECT,ETL_WH,3000,h1,0
                a3,SHOW TABLES,SHOW,BI_WH,0,h2,0
                a4,"insert into rpt.x select a from sales.orders order by a",INSERT,ETL_WH,500,h3,2147483648
                """);
        Report r = o.run(List.of());
        Finding star = only(r, "SQL-005");
        assertThat(star.subject()).isEqualTo("query hash h1");
        assertThat(star.location().path()).isEqualTo("rows[0].QUERY_TEXT:1:8");
        Finding order = only(r, "SQL-008");
        assertThat(order.message()).contains("INSERT ... SELECT").contains("up to 2.0 GB spilled to storage per run");
        assertThat(coverage(r)).contains("1 Snowflake SHOW statements (not queries)").contains("history runs read: 4")
                .contains("snowflake csv, 4 records").contains("2 statements analysed");
    }

    @Test
    void tableKnowledgeFromDdlWithPartitionAndClusterClauses() throws Exception {
        OptimizeSupport o = new OptimizeSupport(dir);
        Path ddl = o.write("schema.sql", """
                CREATE TABLE analytics.events (
                  event_id STRING NOT NULL,
                  user_id STRING,
                  ts TIMESTAMP
                ) PARTITION BY DATE(ts) CLUSTER BY user_id;
                CREATE TABLE analytics.refunds (order_id INT64, refund_id INT64 NOT NULL);
                """);
        Report r = TestDece.DECE.optimize(List.of(o.write("q.sql", """
                SELECT event_id FROM analytics.events;
                SELECT user_id FROM analytics.events WHERE event_id NOT IN (SELECT order_id FROM analytics.refunds);
                SELECT user_id FROM analytics.events WHERE user_id NOT IN (SELECT refund_id FROM analytics.refunds) AND ts > '2024-05-01';
                """)), OptimizeOptions.defaults().withTables(List.of(ddl)));
        assertThat(only(r, "SQL-001").message()).contains("partitioned by ts");
        assertThat(findings(r, "SQL-011")).extracting(f -> f.location().line()).containsExactly(2);
        assertThat(only(r, "SQL-011").message()).contains("analytics.refunds.order_id is nullable");
    }

    @Test
    void contractsAndDimensionalModelsGiveColumnsAndNullability() throws Exception {
        OptimizeSupport o = new OptimizeSupport(dir);
        Path contract = o.write("refunds.contract.yaml", """
                contract:
                  name: refunds
                  version: "1.0.0"
                  owner: payments
                  consumers: [finance]
                  sla: {freshness_hours: 24, availability_percent: 99.9, support_hours: business-hours}
                  schema:
                    - {column: refund_id, type: bigint, nullable: false, description: "refund", business_definition: "a refund"}
                    - {column: order_id, type: bigint, nullable: true, description: "order", business_definition: "the order"}
                  breaking_change_policy: notify-30-days
                  notification_channel: "#payments"
                """);
        Report r = TestDece.DECE.optimize(List.of(o.write("q.sql",
                "SELECT 1 FROM dim_customer c WHERE c.id NOT IN (SELECT order_id FROM refunds);\n"
                        + "SELECT 1 FROM dim_customer c WHERE c.id NOT IN (SELECT refund_id FROM refunds);\n")),
                OptimizeOptions.defaults().withTables(List.of(contract, Path.of("../dece-examples/models/orders-model.yaml"))));
        assertThat(findings(r, "SQL-011")).extracting(f -> f.location().line()).containsExactly(1);
        assertThat(coverage(r)).contains("table knowledge: ");
    }

    @Test
    void twoSourcesThatContradictEachOtherAreAProblemNamingBoth() {
        OptimizeSupport o = new OptimizeSupport(dir).tables("tables:\n  - {name: events, partition_key: event_date}\n")
                .tables("tables:\n  - {name: events, partition_key: ingest_date}\n");
        assertThatThrownBy(() -> TestDece.DECE.optimize(List.of(o.write("q.sql", "select 1;")), o.options()))
                .isInstanceOf(InputException.class).hasMessageContaining("tables-1.yaml:2:")
                .hasMessageContaining("table events has partition key ingest_date here but event_date in").hasMessageContaining("describe it one way");
        OptimizeSupport bad = new OptimizeSupport(dir).tables("tables:\n  - {name: events, size_gb: big}\n");
        assertThatThrownBy(() -> TestDece.DECE.optimize(List.of(bad.write("q.sql", "select 1;")), bad.options()))
                .isInstanceOf(InputException.class).hasMessageContaining("size_gb").hasMessageContaining("expected a size in GB");
    }

    /** What each dialect needs parses; a construct JSqlParser does not read is an SQL-012 finding, the rest still run. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "postgres | SELECT a::int FROM t WHERE c ILIKE 'x%' AND d > now() - INTERVAL '7 days'",
            "postgres | SELECT DISTINCT ON (a) a, b FROM t ORDER BY a, b",
            "duckdb   | SELECT * EXCLUDE (a) FROM t QUALIFY row_number() OVER (PARTITION BY b ORDER BY c) = 1",
            "snowflake | SELECT v:field::string, f.value FROM t, LATERAL FLATTEN(input => t.v) f WHERE d >= DATEADD(day, -7, CURRENT_DATE())",
            "snowflake | SELECT * FROM IDENTIFIER('db.s.t') SAMPLE (10)",
            "bigquery | SELECT * EXCEPT (a) FROM `proj.ds.tbl`, UNNEST(arr) AS x WHERE _PARTITIONDATE = '2024-01-01' AND s = 'it\\'s'",
            "bigquery | SELECT SAFE_CAST(a AS INT64) FROM `p.d.events_*` WHERE _TABLE_SUFFIX BETWEEN '20240101' AND '20240107' AND d = @run_date",
            "bigquery | SELECT a  # a BigQuery comment<NL> FROM `p.d.t`",
            "spark    | SELECT /*+ BROADCAST(d) */ f.a FROM f JOIN d ON f.k = d.k WHERE f.s = 'it\\'s'",
            "spark    | SELECT a, e FROM t LATERAL VIEW explode(arr) x AS e",
            "spark    | INSERT OVERWRITE TABLE t PARTITION (dt = '2024-01-01') SELECT a, b FROM s WHERE s.t = 'it\\'s'"})
    void eachDialectsSyntaxParses(String dialect, String sql) {
        Report r = new OptimizeSupport(dir).dialect(SqlDialect.valueOf(dialect.strip().toUpperCase(java.util.Locale.ROOT) ))
                .sql(sql.replace("<NL>", "\n") + ";\n");
        assertThat(findings(r, "SQL-012")).as(r.findings().toString()).isEmpty();
        assertThat(coverage(r)).contains("1 statements analysed");
    }

    @ParameterizedTest(name = "{0} does not parse: {1}")
    @CsvSource(delimiter = '|', value = {
            "duckdb | FROM t SELECT a",
            "snowflake | SELECT * FROM t AT(OFFSET => -60)",
            "bigquery | DECLARE x INT64 DEFAULT 1",
            "spark | SELECT * FROM t DISTRIBUTE BY a SORT BY b",
            "spark | SELECT f.a, e FROM f JOIN d ON f.k = d.k LATERAL VIEW explode(f.arr) x AS e"})
    void whatTheParserDoesNotReadIsReportedAndTheRestRuns(String dialect, String sql) {
        Report r = new OptimizeSupport(dir).dialect(SqlDialect.valueOf(dialect.strip().toUpperCase(java.util.Locale.ROOT)))
                .sql(sql + ";\nSELECT DISTINCT a FROM big WHERE x = 1;\n");
        Finding f = only(r, "SQL-012");
        assertThat(f.location().line()).isEqualTo(1);
        assertThat(f.remediation()).contains("docs/optimize.md lists the syntax the parser does not read");
        assertThat(coverage(r)).contains("1 statements analysed, 1 not analysed");
    }

    @Test
    void hostileSqlIsBoundedBySizeNestingAndTime() {
        String big = "SELECT 1 FROM t WHERE a IN (" + "1, ".repeat(400_000) + "1);\n";
        Finding f = only(new OptimizeSupport(dir).sql(big), "SQL-012");
        assertThat(f.message()).contains("characters long, above the limit of 1048576");
        // a one-millisecond budget: the parser is stopped and the statement reported, the run goes on
        OptimizeSupport slow = new OptimizeSupport(dir);
        Report r;
        try {
            r = TestDece.DECE.optimize(List.of(slow.write("q.sql", "SELECT " + "CASE WHEN a = 1 THEN (b + (c * (d - e))) ELSE 0 END + ".repeat(3000) + "1 FROM t;\n")),
                    slow.options().withParseTimeout(1));
        } catch (InputException e) {
            throw new AssertionError(e);
        }
        assertThat(only(r, "SQL-012").message()).containsAnyOf("parsing took longer than 1 ms", "analysing it took longer than 1 ms");
    }

    @Test
    void semicolonsInStringsCommentsAndDollarQuotesDoNotSplitStatements() {
        Report r = new OptimizeSupport(dir).dialect(SqlDialect.POSTGRES).sql("""
                -- a comment; with a semicolon
                SELECT 'a;b' AS x, "odd;name" FROM t /* ; */ WHERE y = $$;$$;
                SELECT 1;
                """);
        assertThat(findings(r, "SQL-012")).isEmpty();
        assertThat(coverage(r)).contains("2 statements analysed");
    }
}
