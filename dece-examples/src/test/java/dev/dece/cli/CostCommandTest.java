package dev.dece.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dece cost} as the README runs it on the bundled month: the JSON contract, --as-of, bad input on one line. */
class CostCommandTest {

    static final String[] EXAMPLE = {"cost", "cost/cost-2026-02.yaml", "cost/cost-2026-03.yaml",
            "--usage", "cost/focus-2026-03.csv", "--usage", "cost/warehouse_metering_history-2026-03.csv",
            "--history", "cost/query_history-2026-03.csv", "--context", "cost/cost-context.yaml",
            "--brief", "cost/brief.yaml", "--pipelines", "cost/pipelines"};

    static String[] with(String... more) {
        String[] all = java.util.Arrays.copyOf(EXAMPLE, EXAMPLE.length + more.length);
        System.arraycopy(more, 0, all, EXAMPLE.length, more.length);
        return all;
    }

    @Test
    void theBundledMonthAsJson() throws Exception {
        CliRun r = CliRun.dece(with("--format", "json"));
        assertThat(r.err()).isEmpty();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.toString()).contains("COST-001").contains("COST-008").contains("cost-allocation-2026-03.yaml");
    }

    @Test
    void asOfIsADate() {
        CliRun bad = CliRun.dece(with("--as-of", "yesterday"));
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--as-of: \"yesterday\" is not a date; write YYYY-MM-DD");
        // February as the reviewed month: February's template, no March usage in it
        CliRun feb = CliRun.dece(with("--as-of", "2026-02-28"));
        assertThat(feb.out()).contains("cost-allocation-2026-02.yaml").doesNotContain("COST-008");
    }

    @Test
    void aBadTemplateGivesOneLocatedLinePerProblem() {
        CliRun r = CliRun.dece("cost", "cost/brief.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).allSatisfy(l -> assertThat(l).startsWith("dece: cost/brief.yaml:"))
                .contains("dece: cost/brief.yaml:1:1: cost_tracking: is required: the Cost Allocation Template starts with \"cost_tracking:\"");
    }
}
