package dev.dece.rules.lint;

import dev.dece.core.input.InputException;
import dev.dece.core.lint.LintOptions;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.TestDece;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dece.rules.support.LintSupport.findings;
import static dev.dece.rules.support.LintSupport.lint;
import static org.assertj.core.api.Assertions.assertThat;

/** LINT-001 (Skipped.drl): what a manifest holds but lint does not judge is said, and --include-packages judges it. */
class SkippedTest {

    static String node(String id, String pkg, String name, String extra) {
        return "\"" + id + "\": {\"resource_type\": \"" + id.substring(0, id.indexOf('.')) + "\", \"package_name\": \"" + pkg
                + "\", \"name\": \"" + name + "\", \"columns\": {}" + extra + "}";
    }

    static final String MANIFEST = "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v12.json\", \"project_name\": \"shop\"},\n"
            + " \"nodes\": {" + String.join(",\n  ",
                    node("model.shop.fct_orders", "shop", "fct_orders", ""),
                    node("model.dbt_utils.utils_helper", "dbt_utils", "utils_helper", ""),
                    node("model.audit_helper.compareThings", "audit_helper", "compareThings", ""),
                    node("model.shop.metricflow_time_spine", "shop", "metricflow_time_spine", ""),
                    "\"exotic.shop.x\": {\"resource_type\": \"exotic\", \"name\": \"x\"}") + "},\n"
            + " \"semantic_models\": {\"semantic_model.shop.orders\": {\"name\": \"orders\"}}}\n";

    @Test
    void lint001_partOfTheInputNotLinted() {
        Report r = lint("manifest.json", MANIFEST);
        List<Finding> notes = findings(r, "LINT-001");
        assertThat(notes).extracting(Finding::severity).containsOnly(Severity.INFO);
        assertThat(notes).extracting(Finding::message).containsExactlyInAnyOrder(
                "Not linted: 2 models and sources of installed packages (audit_helper: 1, dbt_utils: 1).",
                "Not linted: 1 MetricFlow time-spine model (metricflow_time_spine).",
                "Not linted: 1 semantic-layer node (semantic_models, metrics, saved_queries).",
                "Not linted: 1 node of a resource_type DECE does not know (\"exotic\": exotic.shop.x).");
        // only the project's own model is linted by default
        assertThat(r.findings()).filteredOn(f -> f.ruleId().startsWith("NAME-")).allMatch(f -> f.message().contains("fct_orders"));
    }

    @Test
    void lint001_nearMissIncludePackagesLintsThem() throws InputException {
        Report r = TestDece.DECE.lint("manifest.json", MANIFEST, new LintOptions(true));
        assertThat(findings(r, "LINT-001")).extracting(Finding::message)
                .noneMatch(m -> m.contains("packages") || m.contains("time spine"));
        assertThat(r.findings()).anyMatch(f -> f.ruleId().equals("NAME-002") && f.message().contains("utils_helper"));
        // a manifest of the project alone has nothing to say
        String own = "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v12.json\", \"project_name\": \"shop\"},"
                + " \"nodes\": {" + node("model.shop.fct_orders", "shop", "fct_orders", "") + "}}";
        assertThat(findings(lint("manifest.json", own), "LINT-001")).isEmpty();
    }
}
