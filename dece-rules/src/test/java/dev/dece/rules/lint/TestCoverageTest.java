package dev.dece.rules.lint;

import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;

import org.junit.jupiter.api.Test;

import static dev.dece.rules.support.LintSupport.findings;
import static dev.dece.rules.support.LintSupport.lint;
import static dev.dece.rules.support.LintSupport.only;
import static dev.dece.rules.support.LintSupport.tables;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per rule of TestCoverage.drl, through a real dbt manifest (schema v12) written as JSON: a model
 * with the checklist's tests (near miss) and one without (trigger).
 */
class TestCoverageTest {

    /** A manifest with fct_orders (columns as given) and tests as (column, test) pairs; a null column is model-level. */
    static String manifest(String version, String columnsJson, String... tests) {
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < tests.length; i += 2) {
            String col = tests[i];
            String name = tests[i + 1];
            String field = name.startsWith("recency:") ? name.substring(8) : null;
            String tn = field != null ? "recency" : name;
            t.append(",\n    \"test.shop.t").append(i).append("\": {\"resource_type\": \"test\", \"name\": \"t").append(i)
                    .append("\", \"attached_node\": \"model.shop.fct_orders\", \"column_name\": ")
                    .append(col == null ? "null" : "\"" + col + "\"")
                    .append(", \"test_metadata\": {\"name\": \"").append(tn).append("\", \"namespace\": ")
                    .append(field != null ? "\"dbt_utils\"" : "null").append(", \"kwargs\": {")
                    .append(field != null ? "\"field\": \"" + field + "\"" : "").append("}}}");
        }
        return "{\n  \"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/" + version
                + ".json\", \"dbt_version\": \"1.9.4\", \"adapter_type\": \"postgres\"},\n"
                + "  \"nodes\": {\n    \"model.shop.fct_orders\": {\"resource_type\": \"model\", \"name\": \"fct_orders\", "
                + "\"original_file_path\": \"models/marts/fct_orders.sql\", \"columns\": {" + columnsJson + "}}" + t + "\n  },\n"
                + "  \"sources\": {}\n}\n";
    }

    static String cols(String... names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            if (sb.length() > 0) sb.append(", ");
            sb.append("\"").append(n).append("\": {\"name\": \"").append(n).append("\", \"data_type\": null}");
        }
        return sb.toString();
    }

    static Report lintManifest(String json) {
        return lint("manifest.json", json);
    }

    @Test
    void test001_primaryKeyWithoutUniqueAndNotNull() {
        Finding f = only(lintManifest(manifest("v12", cols("order_id"), "order_id", "not_null")), "TEST-001");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.topic()).isEqualTo("testing.primary-key");
        assertThat(f.message()).isEqualTo("Model 'fct_orders' (models/marts/fct_orders.sql) lacks unique on its primary key 'order_id'.");
        assertThat(f.location().path()).isEqualTo("nodes[\"model.shop.fct_orders\"].columns[\"order_id\"]");
        assertThat(f.location().line()).isEqualTo(4);
        assertThat(findings(lintManifest(manifest("v12", cols("order_id"), "order_id", "unique", "order_id", "not_null")), "TEST-001")).isEmpty();
    }

    @Test
    void test002_modelWithoutPrimaryKey() {
        assertThat(only(lintManifest(manifest("v11", cols("order_number"))), "TEST-002").message())
                .contains("no order_id or id column");
        assertThat(findings(lintManifest(manifest("v11", cols("id"))), "TEST-002")).isEmpty();
    }

    @Test
    void test003_foreignKeyWithoutRelationships() {
        Report hit = lintManifest(manifest("v10", cols("order_id", "customer_id"), "customer_id", "not_null"));
        assertThat(only(hit, "TEST-003").message()).contains("lacks relationships on foreign key 'customer_id'");
        Report miss = lintManifest(manifest("v10", cols("order_id", "customer_id"), "customer_id", "not_null", "customer_id", "relationships"));
        assertThat(findings(miss, "TEST-003")).isEmpty();
    }

    @Test
    void test004_statusWithoutAcceptedValues() {
        Report hit = lintManifest(manifest("v12", cols("order_id", "order_status")));
        assertThat(only(hit, "TEST-004").message()).contains("lacks accepted_values on status-like column 'order_status'");
        Report miss = lintManifest(manifest("v12", cols("order_id", "order_status"), "order_status", "accepted_values"));
        assertThat(findings(miss, "TEST-004")).isEmpty();
    }

    @Test
    void test005_freshnessColumnWithoutRecency() {
        Report hit = lintManifest(manifest("v12", cols("order_id", "loaded_at", "ordered_at")));
        assertThat(only(hit, "TEST-005").message()).contains("no recency test on its freshness column 'ordered_at'");
        Report miss = lintManifest(manifest("v12", cols("order_id", "loaded_at", "ordered_at"), null, "recency:ordered_at"));
        assertThat(findings(miss, "TEST-005")).isEmpty();
    }

    @Test
    void tableListsWithoutTestsAreNotHeldToTheChecklist() {
        Report r = lint("t.yaml", tables("fct_orders", "order_id", "order_status"));
        assertThat(r.findings()).noneMatch(f -> f.ruleId().startsWith("TEST-"));
    }

    /** A manifest whose fct_order_lines has a composite key (order_id, line_number) and the given model-level test JSON. */
    static String compositeKey(String testJson) {
        return "{\n  \"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v12.json\", \"project_name\": \"shop\"},\n"
                + "  \"nodes\": {\n    \"model.shop.fct_order_lines\": {\"resource_type\": \"model\", \"package_name\": \"shop\", \"name\": \"fct_order_lines\","
                + " \"columns\": {" + cols("order_id", "line_number") + "},"
                + " \"constraints\": [{\"type\": \"primary_key\", \"columns\": [\"order_id\", \"line_number\"]}]}"
                + (testJson.isEmpty() ? "" : ",\n    \"test.shop.combo\": " + testJson) + "\n  }\n}\n";
    }

    @Test
    void test006_compositeKeyWithoutCombinationTest() {
        Finding f = only(lintManifest(compositeKey("")), "TEST-006");
        assertThat(f.message()).contains("composite key (order_id, line_number)");
        assertThat(f.remediation()).contains("dbt_utils.unique_combination_of_columns: {combination_of_columns: [order_id, line_number]}");
        // unique on each key column would be wrong, and TEST-001 does not ask for it
        assertThat(findings(lintManifest(compositeKey("")), "TEST-001")).isEmpty();
        Report miss = lintManifest(compositeKey("{\"resource_type\": \"test\", \"attached_node\": \"model.shop.fct_order_lines\","
                + " \"test_metadata\": {\"name\": \"unique_combination_of_columns\", \"namespace\": \"dbt_utils\","
                + " \"kwargs\": {\"combination_of_columns\": [\"line_number\", \"order_id\"], \"model\": \"x\"}}}"));
        assertThat(findings(miss, "TEST-006")).isEmpty();
        assertThat(findings(miss, "TEST-002")).isEmpty();
    }

    @Test
    void test007_modelWithNoColumnsAndNoTests() {
        Finding f = only(lintManifest(manifest("v12", "")), "TEST-007");
        assertThat(f.message()).contains("Model 'fct_orders' (models/marts/fct_orders.sql) has no primary-key test");
        // a test that names an undocumented column makes it a column: TEST-001 then asks for the missing half
        Report half = lintManifest(manifest("v12", "", "order_id", "unique"));
        assertThat(findings(half, "TEST-007")).isEmpty();
        assertThat(only(half, "TEST-001").message()).contains("lacks not_null on its primary key 'order_id'");
        Report both = lintManifest(manifest("v12", "", "order_id", "unique", "order_id", "not_null"));
        assertThat(both.findings()).noneMatch(x -> x.ruleId().startsWith("TEST-00") && !x.ruleId().equals("TEST-005"));
    }
}
