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

/** The rule of Opportunities.drl on the team's own optimization_opportunities in a real template. */
class OpportunitiesTest {

    @TempDir Path dir;

    static String opportunity(String description, double savings, String effort, int priority) {
        return "    - description: \"" + description + "\"\n      estimated_savings_usd: " + savings + "\n      effort: " + effort
                + "\n      priority: " + priority + "\n";
    }

    @ParameterizedTest(name = "priority 1, high effort, saves {0} of 10000 -> {1}")
    @CsvSource({"99, COST-020", "100, none", "2000, none"})
    void cost020_lowSavingsEdges(double savings, String rule) {
        Report r = CostFixtures.in(dir).templateWith("2026-03", opportunity("rewrite", savings, "high", 1), entry("orders", 10000, 0, 0)).run();
        assertThat(findings(r, "COST-020").isEmpty()).as("COST-020 below 1 % of spend").isEqualTo(rule.equals("none"));
    }

    @Test
    void cost020_priorityOneWithLowSavingsAndHighEffort() {
        Report r = CostFixtures.in(dir).templateWith("2026-03",
                opportunity("Rewrite the loader in Rust", 20, "high", 1) + opportunity("Auto-suspend the BI warehouse", 900, "low", 2),
                entry("orders", 10000, 0, 0)).run();
        assertThat(findings(r, "COST-020")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).contains("Opportunity 'Rewrite the loader in Rust' has priority 1 (do now) but high effort and saves 20 USD a month, 0.2 % of the 10000 USD spend, below the 1 % line");
            assertThat(f.location().path()).isEqualTo("cost_tracking.optimization_opportunities[0].priority");
        });
        // near miss: the same item at priority 3, or at priority 1 with low effort
        assertThat(findings(CostFixtures.in(dir).templateWith("2026-03", opportunity("Rewrite", 20, "high", 3), entry("orders", 10000, 0, 0)).run(),
                "COST-020")).isEmpty();
        assertThat(findings(CostFixtures.in(dir).templateWith("2026-03", opportunity("Rewrite", 20, "low", 1), entry("orders", 10000, 0, 0)).run(),
                "COST-020")).isEmpty();
    }
}
