package dev.dece.rules.model;

import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;

import org.junit.jupiter.api.Test;

import static dev.dece.rules.support.LintSupport.exampleModel;
import static dev.dece.rules.support.LintSupport.findings;
import static dev.dece.rules.support.LintSupport.model;
import static dev.dece.rules.support.LintSupport.only;
import static dev.dece.rules.support.Results.paths;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of DimensionalModel.drl: the example model with one change that triggers it, and the clean example as the near miss. */
class DimensionalModelTest {

    static final String BASE = exampleModel();

    static String with(String from, String to) {
        if (!BASE.contains(from)) throw new AssertionError("example model has no " + from);
        return BASE.replace(from, to);
    }

    @Test
    void exampleModelIsClean() {
        assertThat(model(BASE).findings()).isEmpty();
    }

    @Test
    void dim001_factTableWithoutGrain() {
        Finding f = only(model(with("  grain: \"one order line\"\n", "")), "DIM-001");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.topic()).isEqualTo("modeling.grain");
        assertThat(f.message()).contains("'fct_orders' declares no grain");
        assertThat(f.location().path()).isEqualTo("fact_table.grain");
        assertThat(findings(model(BASE), "DIM-001")).isEmpty();
    }

    @Test
    void dim002_grainStatementForm() {
        Finding f = only(model(with("One row per order line at order time", "Orders by line")), "DIM-002");
        assertThat(f.message()).contains("\"Orders by line\"").contains("One row per [transaction/event/snapshot] at [time grain]");
        assertThat(f.location().line()).isEqualTo(5);
        assertThat(findings(model(with("One row per order line at order time", "one row per order line at day")), "DIM-002")).isEmpty();
    }

    @Test
    void dim003_measureWithoutAdditivity() {
        Finding f = only(model(with("      type: \"additive\"\n      aggregation: \"SUM\"\n      business_definition: \"Line total", "      aggregation: \"SUM\"\n      business_definition: \"Line total")), "DIM-003");
        assertThat(f.message()).contains("'order_amount' has no type");
        assertThat(f.location().path()).isEqualTo("fact_table.measures[0].type");
        assertThat(findings(model(BASE), "DIM-003")).isEmpty();
    }

    @Test
    void dim004_sumOfNonAdditive() {
        Report hit = model(with("type: \"non-additive\"\n      aggregation: \"AVG\"", "type: \"non-additive\"\n      aggregation: \"SUM\""));
        Finding f = only(hit, "DIM-004");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.message()).contains("'discount_rate' is non-additive but aggregated with SUM");
        assertThat(paths(f.evidence())).containsExactly("fact_table.measures[2].aggregation", "fact_table.measures[2].type");
        assertThat(findings(model(BASE), "DIM-004")).isEmpty(); // same measure with AVG
    }

    @Test
    void dim005_sumOfSemiAdditiveAcrossTime() {
        Report hit = model(with("name: \"line_item_count\"\n      type: \"additive\"", "name: \"line_item_count\"\n      type: \"semi-additive\""));
        assertThat(only(hit, "DIM-005").message()).contains("'line_item_count' is semi-additive but aggregated with SUM");
        Report miss = model(with("name: \"line_item_count\"\n      type: \"additive\"\n      aggregation: \"SUM\"", "name: \"line_item_count\"\n      type: \"semi-additive\"\n      aggregation: \"MAX\""));
        assertThat(findings(miss, "DIM-005")).isEmpty();
    }

    @Test
    void dim006_measureWithoutAggregationOrDefinition() {
        Report hit = model(with("      business_definition: \"Units ordered on the line\"\n", ""));
        assertThat(only(hit, "DIM-006").message()).contains("'line_item_count' lacks a business_definition");
        assertThat(only(hit, "DIM-006").severity()).isEqualTo(Severity.P3);
        assertThat(findings(model(BASE), "DIM-006")).isEmpty();
    }

    @Test
    void dim007_foreignKeyWithoutDimension() {
        Report hit = model(with("[\"customer_key\", \"product_key\"]", "[\"customer_key\", \"product_key\", \"store_key\"]"));
        Finding f = only(hit, "DIM-007");
        assertThat(f.message()).contains("'store_key' of 'fct_orders' resolves to no declared dimension");
        assertThat(f.location().path()).isEqualTo("fact_table.foreign_keys[2]");
        // a key named after the dimension resolves
        assertThat(findings(model(with("[\"customer_key\", \"product_key\"]", "[\"dim_customer\", \"product_id\"]")), "DIM-007")).isEmpty();
    }

    @Test
    void dim008_degenerateDimensionAlsoForeignKey() {
        Report hit = model(with("[\"customer_key\", \"product_key\"]", "[\"customer_key\", \"product_key\", \"order_number\"]"));
        assertThat(only(hit, "DIM-008").message()).contains("'order_number' is listed both as a degenerate dimension and as a foreign key");
        assertThat(findings(model(BASE), "DIM-008")).isEmpty();
    }

    @Test
    void dim009_dimensionWithoutNaturalKey() {
        Finding f = only(model(with("    natural_key: \"product_id\"\n", "")), "DIM-009");
        assertThat(f.message()).contains("'dim_product' has no natural_key");
        assertThat(f.location().path()).isEqualTo("dimensions[1].natural_key");
        assertThat(findings(model(BASE), "DIM-009")).isEmpty();
    }

    @Test
    void dim010_dimensionWithoutSurrogateKey() {
        Report hit = model(with("    surrogate_key: \"product_key\"\n", ""));
        assertThat(only(hit, "DIM-010").message()).contains("'dim_product' has no surrogate_key");
        assertThat(only(hit, "DIM-010").remediation()).contains("product_key");
        assertThat(findings(model(BASE), "DIM-010")).isEmpty();
    }

    @Test
    void dim011_businessCriticalAttributeWithoutHistory() {
        Report hit = model(with("source: \"stg_crm__customers.status\"\n        scd_type: 2", "source: \"stg_crm__customers.status\"\n        scd_type: 1"));
        Finding f = only(hit, "DIM-011");
        assertThat(f.topic()).isEqualTo("scd.type");
        assertThat(f.message()).contains("'customer_status' of 'dim_customer' is business-critical but declared Type 1 (overwrite)");
        assertThat(f.remediation()).contains("scd_type: 2");
        // a non-critical attribute as Type 1 is the default: no finding
        assertThat(findings(model(BASE), "DIM-011")).isEmpty();
    }

    @Test
    void dim012_attributeWithoutScdType() {
        Report hit = model(with("source: \"stg_shop__products.price\"\n        scd_type: 2", "source: \"stg_shop__products.price\""));
        Finding f = only(hit, "DIM-012");
        assertThat(f.message()).contains("'product_price'").contains("the default in force is Type 2 (business-critical)");
        Report hit1 = model(with("source: \"stg_shop__products.name\"\n        scd_type: 1", "source: \"stg_shop__products.name\""));
        assertThat(only(hit1, "DIM-012").message()).contains("Type 1 (not business-critical)");
        assertThat(findings(model(BASE), "DIM-012")).isEmpty();
    }

    @Test
    void dim013_typeTwoAttributeInDimensionWithoutHistory() {
        Report hit = model(with("    type: \"Type 2 (history)\"\n    natural_key: \"product_id\"", "    type: \"Type 1\"\n    natural_key: \"product_id\""));
        Finding f = only(hit, "DIM-013");
        assertThat(f.message()).contains("'dim_product' is declared Type 1 (overwrite) but attribute 'product_price' is Type 2");
        assertThat(f.location().path()).isEqualTo("dimensions[1].type");
        assertThat(findings(model(BASE), "DIM-013")).isEmpty();
    }

    @Test
    void dim014_hierarchyLevelNotAnAttribute() {
        Report hit = model(with("[\"country\", \"city\"]", "[\"country\", \"region\", \"city\"]"));
        assertThat(only(hit, "DIM-014").message()).contains("Hierarchy level 'region' of 'dim_customer' is not one of its attributes");
        assertThat(findings(model(BASE), "DIM-014")).isEmpty();
    }
}
