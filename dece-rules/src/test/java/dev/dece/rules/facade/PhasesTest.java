package dev.dece.rules.facade;

import dev.dece.core.Dece;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.RuleInfo;
import dev.dece.rules.support.TestDece;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.dece.rules.support.BriefYaml.brief;
import static dev.dece.rules.support.Results.choices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slot's winner is chosen once, by the engine, between phases; later rule sets see it as a Chosen fact.
 * So a change to one rule set's votes reaches another rule set only through the winner it changes.
 */
class PhasesTest {

    static final String PYTHON_UNDER_1GB = brief().consumer("analytics", "batch").volume(0.9, 200, 0)
            .workload("transform_languages", "[python]").constraint("compliance", "[GDPR]").yaml();

    static Map<String, String> ruleSetOf(Dece dece) {
        return dece.rules().stream().collect(Collectors.toMap(RuleInfo::id, RuleInfo::ruleSet));
    }

    @Test
    void changingOneVoteChangesOtherRuleSetsOnlyThroughTheWinner() throws Exception {
        Report before = TestDece.DECE.assess("brief.yaml", PYTHON_UNDER_1GB);
        // switching off pandas' vote (PRC-012) makes Polars the winner of the processing batch slot
        Report after = Dece.builder().disable("PRC-012").build().assess("brief.yaml", PYTHON_UNDER_1GB);
        assertThat(choices(before, "processing")).containsExactly("pandas");
        assertThat(choices(after, "processing")).containsExactly("polars");

        // the growth horizon follows the winner: pandas' line before, Polars' after
        assertThat(ids(before, "assess.growth")).contains("GRO-005").doesNotContain("GRO-004");
        assertThat(ids(after, "assess.growth")).contains("GRO-004").doesNotContain("GRO-005");

        // every other rule set's findings and choices are untouched
        Map<String, String> set = ruleSetOf(TestDece.DECE);
        Function<Report, List<Finding>> others = r -> r.findings().stream()
                .filter(f -> !set.get(f.ruleId()).equals("assess.growth") && !set.get(f.ruleId()).equals("assess.processing")).toList();
        assertThat(others.apply(after)).isEqualTo(others.apply(before));
        for (String topic : List.of("architecture.pattern", "storage", "orchestration", "modeling.methodology", "governance")) {
            assertThat(after.recommendations(topic)).as(topic).isEqualTo(before.recommendations(topic));
        }
    }

    @Test
    void aLaterPhaseSeesTheWinnerTheReportShowsOnEveryBundledBrief() throws Exception {
        List<Path> briefs;
        try (Stream<Path> s = Files.list(Path.of("../dece-examples/briefs"))) {
            briefs = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(briefs).hasSizeGreaterThanOrEqualTo(4);
        for (Path p : briefs) {
            Report r = TestDece.DECE.assess(p);
            // a growth finding names a tool: it is the one the report recommends for processing or storage
            for (Finding f : r.findings()) {
                if (!f.ruleId().startsWith("GRO-") || f.ruleId().equals("GRO-002") || f.ruleId().equals("GRO-007")) continue;
                String tool = f.message().substring(0, f.message().indexOf(' ')).toLowerCase(java.util.Locale.ROOT);
                List<String> chosen = Stream.concat(choices(r, "processing").stream(), choices(r, "storage").stream()).toList();
                assertThat(chosen).as(p + ": " + f.ruleId() + " speaks of " + tool).contains(tool);
            }
        }
    }

    private static List<String> ids(Report r, String ruleSet) {
        Map<String, String> set = ruleSetOf(TestDece.DECE);
        return r.findings().stream().map(Finding::ruleId).filter(id -> set.get(id).equals(ruleSet)).toList();
    }
}
