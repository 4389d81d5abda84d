package dev.dece.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The quality and schema-change commands on the bundled examples, as a user runs them. */
class QualityCommandTest {


    static CliRun dece(String... args) {
        return CliRun.dece(args);
    }

    static final String CONTRACT = "contracts/orders.contract.yaml";
    static final String SEED = "contracts/orders.seed.sql";

    @Test
    void withoutJdbcItPrintsTheChecks() {
        CliRun r = dece("quality", CONTRACT, "--dialect", "snowflake");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("ARTIFACT sql-check: snowflake/fct_orders.order_id.unique.sql")
                .contains("FROM \"FCT_ORDERS\"").contains("ARTIFACT dbt-tests: schema.yml").doesNotContain("quality-results");
    }

    @Test
    void theBundledExampleRunsOnEmbeddedDuckDb() {
        CliRun r = dece("quality", CONTRACT, "--jdbc", "jdbc:duckdb:", "--seed", SEED, "--fail-on", "P1");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("QLT-006").contains("fct_orders.order_status.enum\tenum\tfct_orders\torder_status\tfail\t1\t10\t10.00");
        assertThat(dece("quality", CONTRACT, "--jdbc", "jdbc:duckdb:", "--seed", SEED, "--fail-on", "P0").code()).isZero();
    }

    @Test
    void junitXmlHasOneTestCasePerCheck() {
        CliRun r = dece("quality", CONTRACT, "--jdbc", "jdbc:duckdb:", "--seed", SEED, "--format", "junit");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("<?xml").contains("tests=\"15\" failures=\"3\" errors=\"0\" skipped=\"1\"")
                .contains("<testcase classname=\"dece.quality.fct_orders\" name=\"fct_orders.order_id.unique\"/>")
                .contains("<failure type=\"P1\" message=\"P1 QLT-006: Check fct_orders.order_status.enum failed");
    }

    @Test
    void theOdcsVersionOfTheExampleRunsToo() {
        CliRun r = dece("quality", "contracts/orders.odcs.yaml", "--jdbc", "jdbc:duckdb:", "--seed", SEED, "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"ruleId\" : \"QLT-006\"").contains("fct_orders.order_amount.custom");
    }

    @Test
    void badInputIsLocatedAndExitsTwo() {
        CliRun r = dece("quality", "contracts/orders.seed.sql");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("dece: contracts/orders.seed.sql");
        CliRun d = dece("quality", CONTRACT, "--dialect", "oracle");
        assertThat(d.code()).isEqualTo(2);
        assertThat(d.err()).contains("\"oracle\" is not a dialect; use postgres, duckdb, snowflake, bigquery");
        CliRun j = dece("quality", CONTRACT, "--jdbc", "jdbc:nosuchdb:x");
        assertThat(j.code()).isEqualTo(2);
        assertThat(j.err()).contains("dece: jdbc:nosuchdb:x: cannot connect: No suitable driver found for jdbc:nosuchdb:x");
    }

    @Test
    void schemaChangeClassifiesAndFollowsFailOn() {
        CliRun r = dece("schema-change", CONTRACT, "contracts/orders.v2.contract.yaml", "--fail-on", "P0");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("SCH-003").contains("SCH-004").contains("looks renamed to customer_email_address")
                .contains("none  [SCH-023]");
        CliRun same = dece("schema-change", CONTRACT, "contracts/orders.odcs.yaml", "--fail-on", "P2"); // same table; ODCS adds dim_customers (P3)
        assertThat(same.code()).as(same.out()).isZero();
        assertThat(same.out()).contains("full  [SCH-020]");
    }

    @Test
    void outputIsDeterministic() {
        assertThat(dece("quality", CONTRACT, "--format", "json").out()).isEqualTo(dece("quality", CONTRACT, "--format", "json").out());
    }

    @Test
    void theSameContractRunsOnARealPostgresServer() throws Exception {
        try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
             java.sql.Connection c = pg.getPostgresDatabase().getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE dim_customers (customer_id BIGINT)");
            st.execute("INSERT INTO dim_customers VALUES (1), (2)");
            st.execute("CREATE TABLE src_orders (amount DECIMAL(12,2))");
            st.execute("INSERT INTO src_orders SELECT 10 FROM generate_series(1, 6)");
            st.execute("CREATE TABLE fct_orders (order_id BIGINT, customer_id BIGINT, customer_email VARCHAR, order_amount DECIMAL(12,2),"
                    + " order_status VARCHAR, loaded_at TIMESTAMP)");
            st.execute("INSERT INTO fct_orders SELECT g, 1 + g % 2, 'a@b.io', 10, CASE WHEN g = 1 THEN 'pending' ELSE 'shipped' END,"
                    + " LOCALTIMESTAMP FROM generate_series(1, 5) g");
            st.execute("INSERT INTO fct_orders VALUES (5, 1, 'a@b.io', 10, 'lost', LOCALTIMESTAMP)"); // duplicate key, bad status
            String url = pg.getJdbcUrl("postgres", "postgres");
            CliRun r = dece("quality", CONTRACT, "--jdbc", url, "--fail-on", "P0");
            assertThat(r.code()).as(r.err() + r.out()).isEqualTo(1);
            assertThat(r.out()).contains("ARTIFACT sql-check: postgres/")
                    .contains("QLT-001").contains("fct_orders.order_id.unique\tunique\tfct_orders\torder_id\tfail\t2\t6")
                    .contains("fct_orders.order_status.enum\tenum\tfct_orders\torder_status\tfail\t1\t6");
            try (java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM fct_orders")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(6);
            }
        }
    }
}
