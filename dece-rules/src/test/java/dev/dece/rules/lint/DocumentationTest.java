package dev.dece.rules.lint;

import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;

import org.junit.jupiter.api.Test;

import static dev.dece.rules.support.LintSupport.findings;
import static dev.dece.rules.support.LintSupport.lint;
import static dev.dece.rules.support.LintSupport.only;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Documentation.drl, through a real dbt manifest and a table list. */
class DocumentationTest {

    static String manifest(String modelDescription, String orderIdDescription, String amountDescription) {
        return "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v12.json\", \"project_name\": \"shop\"},\n"
                + " \"nodes\": {\"model.shop.fct_orders\": {\"resource_type\": \"model\", \"package_name\": \"shop\", \"name\": \"fct_orders\","
                + " \"description\": " + json(modelDescription) + ", \"original_file_path\": \"models/fct_orders.sql\", \"columns\": {"
                + "\"order_id\": {\"name\": \"order_id\", \"description\": " + json(orderIdDescription) + "},"
                + "\"order_amount\": {\"name\": \"order_amount\", \"description\": " + json(amountDescription) + "}}}}}\n";
    }

    static String json(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    @Test
    void doc001_modelWithoutDescription() {
        Finding f = only(lint("manifest.json", manifest("", "the order", "in EUR")), "DOC-001");
        assertThat(f.severity()).isEqualTo(Severity.P3);
        assertThat(f.topic()).isEqualTo("documentation");
        assertThat(f.message()).isEqualTo("Model 'fct_orders' (models/fct_orders.sql) has no description: nobody can tell what a row is without reading its SQL.");
        assertThat(findings(lint("manifest.json", manifest("One row per order.", "the order", "in EUR")), "DOC-001")).isEmpty();
    }

    @Test
    void doc002_columnsWithoutDescription() {
        Finding f = only(lint("manifest.json", manifest("One row per order.", null, "  ")), "DOC-002");
        assertThat(f.message()).isEqualTo("Model 'fct_orders' has 2 of 2 columns without a description: order_id, order_amount.");
        assertThat(findings(lint("manifest.json", manifest("One row per order.", "the order", "in EUR")), "DOC-002")).isEmpty();
    }

    @Test
    void doc003_coverageBelowFull() {
        Finding f = only(lint("manifest.json", manifest("One row per order.", "the order", null)), "DOC-003");
        assertThat(f.message()).isEqualTo("Documentation coverage: 1 of 1 models (100 %) and 1 of 2 columns (50 %) have a description.");
        assertThat(findings(lint("manifest.json", manifest("One row per order.", "the order", "in EUR")), "DOC-003")).isEmpty();
    }

    @Test
    void inputsThatCannotCarryDescriptionsAreNotJudged() {
        Report ddl = lint("s.sql", "CREATE TABLE fct_orders (order_id BIGINT);\n");
        assertThat(ddl.findings()).noneMatch(x -> x.ruleId().startsWith("DOC-"));
        Report list = lint("t.yaml", "tables:\n  - name: fct_orders\n    description: One row per order.\n    columns:\n      - {name: order_id}\n");
        assertThat(only(list, "DOC-002").message()).contains("1 of 1 columns without a description: order_id");
    }
}
