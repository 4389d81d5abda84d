package dev.dece.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The quality and schema-change commands on the bundled examples, as a user runs them. */
class QualityCommandTest {

    record Run(int code, String out, String err) {}

    static Run dece(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static final String CONTRACT = "contracts/orders.contract.yaml";
    static final String SEED = "contracts/orders.seed.sql";

    @Test
    void withoutJdbcItPrintsTheChecks() {
        Run r = dece("quality", CONTRACT, "--dialect", "snowflake");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("ARTIFACT sql-check: snowflake/fct_orders.order_id.unique.sql")
                .contains("FROM \"FCT_ORDERS\"").contains("ARTIFACT dbt-tests: schema.yml").doesNotContain("quality-results");
    }

    @Test
    void theBundledExampleRunsOnEmbeddedDuckDb() {
        Run r = dece("quality", CONTRACT, "--jdbc", "jdbc:duckdb:", "--seed", SEED, "--fail-on", "P1");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("QLT-006").contains("fct_orders.order_status.enum\tenum\tfct_orders\torder_status\tfail\t1\t10\t10.00");
        assertThat(dece("quality", CONTRACT, "--jdbc", "jdbc:duckdb:", "--seed", SEED, "--fail-on", "P0").code()).isZero();
    }

    @Test
    void junitXmlHasOneTestCasePerCheck() {
        Run r = dece("quality", CONTRACT, "--jdbc", "jdbc:duckdb:", "--seed", SEED, "--format", "junit");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("<?xml").contains("tests=\"14\" failures=\"3\" errors=\"0\"")
                .contains("<testcase classname=\"dece.quality.fct_orders\" name=\"fct_orders.order_id.unique\"/>")
                .contains("<failure type=\"P1\" message=\"P1 QLT-006: Check fct_orders.order_status.enum failed");
    }

    @Test
    void theOdcsVersionOfTheExampleRunsToo() {
        Run r = dece("quality", "contracts/orders.odcs.yaml", "--jdbc", "jdbc:duckdb:", "--seed", SEED, "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"ruleId\" : \"QLT-006\"").contains("fct_orders.order_amount.custom");
    }

    @Test
    void badInputIsLocatedAndExitsTwo() {
        Run r = dece("quality", "contracts/orders.seed.sql");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("dece: contracts/orders.seed.sql");
        Run d = dece("quality", CONTRACT, "--dialect", "oracle");
        assertThat(d.code()).isEqualTo(2);
        assertThat(d.err()).contains("\"oracle\" is not a dialect; use postgresql, duckdb, snowflake, bigquery");
        Run j = dece("quality", CONTRACT, "--jdbc", "jdbc:nosuchdb:x");
        assertThat(j.code()).isEqualTo(2);
        assertThat(j.err()).contains("dece: jdbc:nosuchdb:x: cannot open or seed the database");
    }

    @Test
    void schemaChangeClassifiesAndFollowsFailOn() {
        Run r = dece("schema-change", CONTRACT, "contracts/orders.v2.contract.yaml", "--fail-on", "P0");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("SCH-003").contains("SCH-004").contains("looks renamed to customer_email_address")
                .contains("none  [SCH-023]");
        Run same = dece("schema-change", CONTRACT, "contracts/orders.odcs.yaml", "--fail-on", "P2"); // same table; ODCS adds dim_customers (P3)
        assertThat(same.code()).as(same.out()).isZero();
        assertThat(same.out()).contains("full  [SCH-020]");
    }

    @Test
    void outputIsDeterministic() {
        assertThat(dece("quality", CONTRACT, "--format", "json").out()).isEqualTo(dece("quality", CONTRACT, "--format", "json").out());
    }
}
