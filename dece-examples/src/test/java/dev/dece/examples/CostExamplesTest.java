package dev.dece.examples;

import dev.dece.core.Dece;
import dev.dece.core.cost.CostOptions;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.Finding;
import dev.dece.core.report.OutputFormat;
import dev.dece.core.report.Report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled month of costs (cost/), run as the README runs it: what the example is there to show, byte-identical twice. */
class CostExamplesTest {

    static Dece dece;
    static Report report;

    static final List<Path> TEMPLATES = List.of(Path.of("cost/cost-2026-02.yaml"), Path.of("cost/cost-2026-03.yaml"));

    static CostOptions options() {
        return CostOptions.defaults().withUsage(List.of(Path.of("cost/focus-2026-03.csv"), Path.of("cost/warehouse_metering_history-2026-03.csv")))
                .withHistory(List.of(Path.of("cost/query_history-2026-03.csv"))).withContext(Path.of("cost/cost-context.yaml"))
                .withBrief(Path.of("cost/brief.yaml")).withPipelines(List.of(Path.of("cost/pipelines")));
    }

    @BeforeAll
    static void run() throws Exception {
        dece = Dece.builder().build();
        report = dece.cost(TEMPLATES, options());
    }

    @Test
    void theMonthShowsEveryRedFlagTheBudgetAlertAndTheRoiChecks() {
        List<String> rules = report.findings().stream().map(Finding::ruleId).distinct().sorted().toList();
        assertThat(rules).contains("COST-001", "COST-002", "COST-003", "COST-004", "COST-005", "COST-006", "COST-007", "COST-008",
                "COST-009", "COST-010", "COST-011", "COST-020", "COST-021");
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("COST-001")).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("orders_daily"));
    }

    @Test
    void everyStrategyIsProposedAndRanked() {
        List<String> strategies = report.recommendations("cost.strategy").stream().map(r -> r.ruleId()).distinct().sorted().toList();
        assertThat(strategies).containsExactly("COST-012", "COST-013", "COST-014", "COST-015", "COST-016", "COST-017", "COST-018", "COST-019");
        Artifact p = report.artifacts().stream().filter(a -> a.kind().equals("cost-priorities")).findFirst().orElseThrow();
        assertThat(p.content().lines().skip(1).findFirst().orElseThrow()).startsWith("1 | ");
    }

    @Test
    void theCompletedTemplateIsDeterministic() throws Exception {
        Report again = dece.cost(TEMPLATES, options());
        for (OutputFormat f : OutputFormat.values()) {
            assertThat(f.render(again)).as(f.name()).isEqualTo(f.render(report));
        }
        Artifact a = report.artifacts().stream().filter(x -> x.kind().equals("cost-allocation")).findFirst().orElseThrow();
        assertThat(a.name()).isEqualTo("cost-allocation-2026-03.yaml");
        assertThat(a.content()).startsWith("# Cost Allocation Template (Phase 9), completed by dece cost as of 2026-03-31\n")
                .contains("    - pipeline: \"orders_daily\"\n").contains("  totals:\n").contains("proposed_by: COST-0");
    }
}
