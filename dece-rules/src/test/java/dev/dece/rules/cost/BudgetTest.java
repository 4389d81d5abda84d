package dev.dece.rules.cost;

import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.CostFixtures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static dev.dece.rules.support.CostFixtures.entry;
import static dev.dece.rules.support.Results.findings;
import static org.assertj.core.api.Assertions.assertThat;

/** The rule of Budget.drl on real templates and a real brief; same key and edges as monitor's MON-013. */
class BudgetTest {

    @TempDir Path dir;

    @ParameterizedTest(name = "{0} USD of a 10000 USD budget -> {1}")
    @CsvSource({"10900, none", "11000, none", "11001, COST-008"})
    void cost008_budgetAlertEdges(double total, String rule) {
        Report r = CostFixtures.in(dir).budget(10000).template("2026-03", entry("orders", total - 1000, 0, 0), entry("bi", 1000, 0, 0)).run();
        assertThat(findings(r, "COST-008").isEmpty()).as("COST-008 above 110 %").isEqualTo(rule.equals("none"));
    }

    @Test
    void cost008_infrastructureCostAboveTheBudgetAlertLine() {
        Report r = CostFixtures.in(dir).budget(10000)
                .template("2026-03", entry("orders", 9000, 400, 100), entry("bi", 3000, 0, 0)).run();
        assertThat(findings(r, "COST-008")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.subject()).isEqualTo("platform.infrastructure_cost");
            assertThat(f.message()).contains("The month's 2 pipelines cost 12500 USD (compute 12000, storage 400, egress 100), 125 % of the 10000 USD budget, above the 110 % alert line. Largest: orders: 9500, bi: 3000.");
            assertThat(f.location().path()).isEqualTo("cost_tracking");
        });
        // near miss: within budget; and without a brief there is no budget to judge
        assertThat(findings(CostFixtures.in(dir).budget(10000).template("2026-03", entry("orders", 9000, 0, 0)).run(), "COST-008")).isEmpty();
        assertThat(findings(CostFixtures.in(dir).template("2026-03", entry("orders", 90000, 0, 0)).run(), "COST-008")).isEmpty();
    }

    @Test
    void cost008_usageCountsTowardsTheBudget() {
        // the template says 9000 for orders; a usage-only pipeline adds 3000 from FOCUS rows
        Report r = CostFixtures.in(dir).budget(10000).template("2026-03", entry("orders", 9000, 0, 0))
                .focus(3000, "2026-03-10T00:00:00Z", 24, "Compute", "i-1", "us-east-1", "Standard", "m5", "{\"pipeline\":\"ml\"}").run();
        assertThat(findings(r, "COST-008")).singleElement().satisfies(f -> assertThat(f.message()).contains("cost 12000 USD"));
    }
}
