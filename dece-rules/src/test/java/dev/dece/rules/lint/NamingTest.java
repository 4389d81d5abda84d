package dev.dece.rules.lint;

import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.dece.rules.support.LintSupport.findings;
import static dev.dece.rules.support.LintSupport.lint;
import static dev.dece.rules.support.LintSupport.only;
import static dev.dece.rules.support.LintSupport.tables;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Naming.drl: a table list that triggers it and a near miss that must not. */
class NamingTest {

    static Report t(String table, String... columns) {
        return lint("tables.yaml", tables(table, columns));
    }

    static Report kind(String table, String kind) {
        return lint("tables.yaml", "tables:\n  - name: " + table + "\n    kind: " + kind + "\n    columns: []\n");
    }

    @Test
    void name001_nonStandardLayerPrefix() {
        Finding f = only(t("fact_orders"), "NAME-001");
        assertThat(f.severity()).isEqualTo(Severity.P3);
        assertThat(f.topic()).isEqualTo("naming.object");
        assertThat(f.message()).contains("'fact_orders' uses the prefix 'fact_'; rename it to 'fct_orders'");
        assertThat(f.location().path()).isEqualTo("tables[0]");
        assertThat(findings(t("fct_orders"), "NAME-001")).isEmpty();
    }

    @Test
    void name002_objectWithoutLayerPrefix() {
        assertThat(only(kind("customers", "dimension"), "NAME-002").message()).contains("as a dimension rename it to 'dim_customers'");
        assertThat(only(t("Orders"), "NAME-002").remediation()).contains("'fct_orders'").contains("kind: source");
        assertThat(findings(kind("customers", "source"), "NAME-002")).isEmpty();
        assertThat(findings(t("dim_customers"), "NAME-002")).isEmpty();
    }

    @Test
    void name003_prefixContradictsKind() {
        Finding f = only(kind("fct_customers", "dimension"), "NAME-003");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("declared a dimension but its prefix 'fct_' says fact; rename it to 'dim_customers'");
        assertThat(findings(kind("dim_customers", "dimension"), "NAME-003")).isEmpty();
    }

    @Test
    void name004_rawTableForm() {
        assertThat(only(t("raw_payments"), "NAME-004").remediation()).contains("raw_stripe_payments");
        assertThat(findings(t("raw_stripe_payments"), "NAME-004")).isEmpty();
    }

    @Test
    void name005_stagingDoubleUnderscore() {
        assertThat(only(t("stg_stripe_payments"), "NAME-005").message()).contains("rename it to 'stg_stripe__payments'");
        assertThat(findings(t("stg_stripe__payments"), "NAME-005")).isEmpty();
    }

    @Test
    void name006_intermediateForm() {
        assertThat(only(t("int_orders"), "NAME-006").message()).contains("int_[entity]_[verb]");
        assertThat(findings(t("int_orders_pivoted"), "NAME-006")).isEmpty();
    }

    @Test
    void name007_martForm() {
        assertThat(only(t("mrt_sales"), "NAME-007").message()).contains("mrt_[domain]_[metric]");
        assertThat(findings(t("mrt_sales_daily"), "NAME-007")).isEmpty();
    }

    @Test
    void name008_snapshotForm() {
        assertThat(only(t("snp_inventory"), "NAME-008").message()).contains("snp_[entity]_[grain]");
        assertThat(findings(t("snp_inventory_daily"), "NAME-008")).isEmpty();
    }

    @Test
    void name009_columnNotSnakeCase() {
        Finding f = only(t("fct_orders", "OrderTotal"), "NAME-009");
        assertThat(f.message()).contains("'fct_orders.OrderTotal' is not snake_case; rename it to 'order_total'");
        assertThat(f.location().path()).isEqualTo("tables[0].columns[0]");
        assertThat(f.location().line()).isEqualTo(4);
        assertThat(findings(t("fct_orders", "order_total", "_fivetran_synced"), "NAME-009")).isEmpty();
    }

    @Test
    void name010_booleanNotIsHas() {
        assertThat(only(t("dim_customers", "active:boolean"), "NAME-010").message()).contains("rename it to 'is_active'");
        assertThat(only(t("dim_customers", "deleted_flag"), "NAME-010").message()).contains("rename it to 'is_deleted'");
        assertThat(findings(t("dim_customers", "is_active:boolean", "has_subscription:bool", "active_days:integer"), "NAME-010")).isEmpty();
    }

    @Test
    void name011_timestampNotAt() {
        assertThat(only(t("fct_orders", "created_ts"), "NAME-011").message()).contains("rename it to 'created_at'");
        assertThat(only(t("fct_orders", "shipped:timestamptz"), "NAME-011").message()).contains("rename it to 'shipped_at'");
        assertThat(findings(t("fct_orders", "created_at:timestamptz", "shipped_at"), "NAME-011")).isEmpty();
    }

    @Test
    void name012_dateNotDate() {
        assertThat(only(t("fct_orders", "order_dt"), "NAME-012").message()).contains("rename it to 'order_date'");
        assertThat(only(t("fct_orders", "order_day:date"), "NAME-012").message()).contains("rename it to 'order_date'");
        assertThat(findings(t("fct_orders", "order_date:date"), "NAME-012")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "shipped_at,date,rename it to shipped_date",
            "order_date,timestamp with time zone,rename it to order_at",
            "is_active,varchar,make it BOOLEAN",
            "line_item_count,varchar,make it an integer type",
            "order_amount,text,make it DECIMAL/NUMERIC"})
    void name013_columnNameContradictsType(String column, String type, String fix) {
        Finding f = only(t("fct_orders", column + ":" + type), "NAME-013");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains(fix);
    }

    @Test
    void name013_nearMiss() {
        assertThat(findings(t("fct_orders", "shipped_at:timestamptz", "order_date:date", "is_active:boolean",
                "line_item_count:bigint", "order_amount:numeric(18,2)", "customer_id"), "NAME-013")).isEmpty();
    }

    @Test
    void name014_identifierNotEntityId() {
        assertThat(only(t("dim_customers", "id"), "NAME-014").message()).contains("rename it to 'customer_id'");
        assertThat(only(t("fct_orders", "customer_uuid"), "NAME-014").message()).contains("rename it to 'customer_id'");
        assertThat(findings(t("dim_customers", "customer_id", "paid"), "NAME-014")).isEmpty();
    }

    @Test
    void name015_amountForm() {
        assertThat(only(t("fct_orders", "order_amt"), "NAME-015").message()).contains("rename it to 'order_amount'");
        assertThat(findings(t("fct_orders", "order_amount", "order_amt:varchar"), "NAME-015")).isEmpty();
    }

    @Test
    void name016_countForm() {
        assertThat(only(t("fct_orders", "line_item_cnt"), "NAME-016").message()).contains("rename it to 'line_item_count'");
        assertThat(only(t("fct_orders", "num_items:integer"), "NAME-016").message()).contains("rename it to 'items_count'");
        assertThat(findings(t("fct_orders", "line_item_count", "num_items:varchar"), "NAME-016")).isEmpty();
    }

    @Test
    void name001_wordsThatOnlyLookLikePrefixesKeepTheirMeaning() {
        // metrics_ begins a name about metrics, not a mart: no NAME-001, and NAME-002's proposal keeps the word
        Report r = t("metrics_anomaly_score");
        assertThat(findings(r, "NAME-001")).isEmpty();
        assertThat(only(r, "NAME-002").remediation()).contains("metrics_anomaly_score");
        assertThat(findings(t("inter_company_transfers"), "NAME-001")).isEmpty();
    }

    @Test
    void name009_nestedPathsAreJudgedPerSegment() {
        String manifest = TestCoverageTest.manifest("v12", "\"customer\": {\"name\": \"customer\", \"data_type\": \"STRUCT\"}, "
                + "\"customer.homeAddress.city\": {\"name\": \"customer.homeAddress.city\", \"data_type\": \"STRING\"}, "
                + "\"customer.signup_ts\": {\"name\": \"customer.signup_ts\", \"data_type\": \"TIMESTAMP\"}");
        Report r = lint("manifest.json", manifest);
        Finding f = only(r, "NAME-009");
        assertThat(f.message()).contains("'fct_orders.customer.homeAddress.city' is not snake_case (segment homeAddress)")
                .contains("rename it to 'customer.home_address.city'");
        // the leaf of a path is what type-aware rules judge: signup_ts is a timestamp not named [event]_at
        assertThat(only(r, "NAME-011").message()).contains("rename it to 'customer.signup_at'");
    }

    @Test
    void name009_unquotedCapitalsAreSnakeCaseButQuotedMixedCaseIsNot() {
        Report r = lint("s.sql", "CREATE TABLE LINEITEM (L_ORDERKEY BIGINT, L_PARTKEY BIGINT, \"OrderNote\" VARCHAR(10));\n");
        Finding f = only(r, "NAME-009");
        assertThat(f.message()).contains("'LINEITEM.OrderNote' is not snake_case, and it is quoted");
        assertThat(findings(lint("s.sql", "CREATE TABLE ORDERS (ORDER_ID BIGINT, CUSTOMER_ID BIGINT);\n"), "NAME-009")).isEmpty();
        assertThat(only(lint("s.sql", "CREATE TABLE ORDERS (\"ORDER_ID\" BIGINT);\n"), "NAME-009").message()).contains("quoted");
    }

    @Test
    void name016_aSharedSingleLetterPrefixIsAConventionNotACount() {
        // TPC-H style: every column of nation starts n_, so n_name is "name", not "n means number of"
        Report r = lint("s.sql", "CREATE TABLE nation (n_nationkey INTEGER, n_name CHAR(25), n_regionkey INTEGER, n_comment VARCHAR(152));\n");
        assertThat(findings(r, "NAME-016")).isEmpty();
        // without the shared prefix, n_orders on an integer is a count to rename
        assertThat(only(t("fct_orders", "order_id:bigint", "n_orders:integer"), "NAME-016").message()).contains("orders_count");
        // and the shared prefix is kept in proposals: l_shipdt (a DATE) becomes l_ship_date
        Report l = lint("s.sql", "CREATE TABLE lineitem (l_orderkey BIGINT, l_partkey BIGINT, l_shipdt DATE);\n");
        assertThat(only(l, "NAME-012").message()).contains("rename it to 'l_ship_date'");
    }
}
