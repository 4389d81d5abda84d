package dev.dece.cli;

import dev.dece.core.CommandInfo;
import dev.dece.core.Dece;
import dev.dece.core.input.InputException;
import dev.dece.core.report.RuleInfo;
import dev.dece.core.report.Version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code dece} command line as a user runs it: arguments in, text and an exit code out. */
class MainTest {

    static final String RETAIL = "briefs/retail-batch.yaml";


    static CliRun dece(String... args) {
        return CliRun.dece(args);
    }

    /** A team rule that reports a P3 finding when the brief names no budget. */
    static Path budgetRule(Path dir) throws IOException {
        Path drl = dir.resolve("team-rules.drl");
        Files.writeString(drl, """
                package com.example.team;
                import dev.dece.core.drl.Emit;
                import dev.dece.core.drl.*;

                // Our finance office wants every brief to state its monthly budget.
                rule "TEAM-001 Brief states a monthly budget"
                    @topic("team.governance") @severity("P3")
                when
                    $c : Constraints( budgetMonthlyUsd == null )
                then
                    insert(Emit.finding(kcontext, $c.node(), "the brief states no monthly budget",
                        "Add constraints.budget_monthly_usd.", $c.evidence("budget_monthly_usd")));
                end
                """);
        return drl;
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** Every rule ID outside the architecture set, so an exit-0 case stays exit 0 as rule sets grow. */
    static String allButArchitecture() throws InputException {
        if (others == null) others = computeAllButArchitecture();
        return others;
    }

    private static String others;

    private static String computeAllButArchitecture() throws InputException {
        List<String> ids = new ArrayList<>();
        for (RuleInfo r : Dece.builder().build().rules()) {
            if (!r.ruleSet().equals("assess.architecture")) ids.add(r.id());
        }
        return ids.isEmpty() ? "" : String.join(",", ids);
    }

    static final String NO_BUDGET = """
            project_name: "no budget"
            data_consumers:
              - {team: finance, use_case: reporting, latency_requirement: batch, query_pattern: scheduled}
            constraints:
              team_size: 2
            """;

    // ------------------------------------------------------------ exit 0

    @Test
    void assessTheBundledBrief() {
        CliRun r = dece("assess", RETAIL);
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("batch-etl").contains("PAT-001");
    }

    @Test
    void helpAndVersion() {
        CliRun help = dece("--help");
        assertThat(help.code()).isEqualTo(0);
        assertThat(help.out()).contains("Usage: dece").contains("assess").contains("rules").contains("Exit codes:");
        CliRun assessHelp = dece("assess", "--help");
        assertThat(assessHelp.code()).isEqualTo(0);
        assertThat(assessHelp.out()).contains("--format").contains("--fail-on").contains("--policy").contains("--disable").contains("--rules");
        CliRun version = dece("--version");
        assertThat(version.code()).isEqualTo(0);
        assertThat(version.out().strip()).isEqualTo("dece " + Version.NUMBER);
    }

    @Test
    void rulesListsTheCatalog() {
        CliRun r = dece("rules");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).containsPattern("(?m)^PAT-001\\s+-\\s+architecture\\.pattern\\s+Batch ETL when every consumer accepts hourly\\+ data$");
    }

    @Test
    void jsonOutputParsesAndIsDeterministic() throws IOException {
        CliRun first = dece("assess", "--format", "json", RETAIL);
        CliRun second = dece("assess", "--format=JSON", RETAIL);
        assertThat(first.code()).isEqualTo(0);
        assertThat(second.out()).isEqualTo(first.out());
        JsonNode root = new ObjectMapper().readTree(first.out());
        assertThat(root.get("command").asText()).isEqualTo("assess");
        assertThat(root.get("recommendations").isArray()).isTrue();
        assertThat(root.get("recommendations").findValuesAsText("choice")).contains("batch-etl");
    }

    @Test
    void markdownOutput() {
        CliRun r = dece("assess", "--format", "markdown", RETAIL);
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("#").contains("batch-etl");
    }

    // ------------------------------------------------------------ exit 1: --fail-on

    /** {@code assess --rules TEAM_RULES [--disable every non-architecture rule] extra... BRIEF}. */
    static String[] assess(Path rules, Path brief, String... extra) throws InputException {
        List<String> args = new ArrayList<>(List.of("assess", "--rules", rules.toString()));
        String others = allButArchitecture();
        if (!others.isEmpty()) args.addAll(List.of("--disable", others));
        args.addAll(List.of(extra));
        args.add(brief.toString());
        return args.toArray(String[]::new);
    }

    @Test
    void failOnExitsOneWhenAFindingIsAtLeastThatSevere(@TempDir Path dir) throws IOException, InputException {
        Path brief = write(dir, "brief.yaml", NO_BUDGET);
        Path rules = budgetRule(dir);
        CliRun p3 = dece(assess(rules, brief, "--fail-on", "P3"));
        assertThat(p3.code()).isEqualTo(1);
        assertThat(p3.out()).contains("TEAM-001").contains("the brief states no monthly budget");
        assertThat(p3.err()).isEmpty();
        // near misses: the P3 finding is below a P2 threshold, and without --fail-on findings never fail a run
        assertThat(dece(assess(rules, brief, "--fail-on", "p2")).code()).isEqualTo(0);
        assertThat(dece(assess(rules, brief)).code()).isEqualTo(0);
    }

    @Test
    void failOnExitsZeroWithoutFindings(@TempDir Path dir) throws IOException, InputException {
        Path brief = write(dir, "brief.yaml", NO_BUDGET.replace("team_size: 2", "team_size: 2\n  budget_monthly_usd: 500"));
        CliRun r = dece(assess(budgetRule(dir), brief, "--fail-on", "P3"));
        assertThat(r.out()).doesNotContain("TEAM-001");
        assertThat(r.code()).as(r.out()).isEqualTo(0);
    }

    // ------------------------------------------------------------ exit 2: one located line

    @Test
    void badBriefIsOneLocatedLine(@TempDir Path dir) throws IOException {
        Path brief = write(dir, "brief.yaml", NO_BUDGET.replace("latency_requirement: batch", "latency_requirement: instantly"));
        CliRun r = dece("assess", brief.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("dece: " + brief + ":3:63: data_consumers[0].latency_requirement: "
                + "\"instantly\" is not a latency; use one of real-time (<1s), near-real-time (<5min), batch (hourly+)");
    }

    @Test
    void missingBrief() {
        CliRun r = dece("assess", "no-such-brief.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("dece: no-such-brief.yaml: no such file");
    }

    @Test
    void directoryWithoutBriefs(@TempDir Path dir) {
        // a directory is read for its YAML and JSON files; one with none is bad input, never an empty run
        CliRun r = dece("assess", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("dece: " + dir + ": is a directory with no file this command reads");
    }

    @Test
    void jsonBrief(@TempDir Path dir) throws IOException {
        Path brief = write(dir, "brief.json", "{\"project_name\": \"p\", \"data_consumers\": "
                + "[{\"team\": \"risk\", \"use_case\": \"operational\", \"latency_requirement\": \"Real-Time\", \"query_pattern\": \"API\"}]}");
        CliRun r = dece("assess", brief.toString());
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("streaming").contains("PAT-003");
    }

    @Test
    void policyFileChangesTheOutcome(@TempDir Path dir) throws IOException {
        // 2 GB/day kept 24 months is ~1 461 GB: above PAT-010's default 1 000 GB, below a 5 000 GB policy
        Path brief = write(dir, "brief.yaml", "project_name: p\ndata_consumers:\n  - {team: a, use_case: analytics, "
                + "latency_requirement: batch, query_pattern: ad-hoc}\ndata_volume: {current_gb_per_day: 2, retention_months: 24}\n");
        assertThat(dece("assess", brief.toString()).out()).contains("PAT-010");
        Path policy = write(dir, "policy.yaml", "thresholds: {postgres_avoid_above_gb: 5000}\n");
        CliRun tuned = dece("assess", "--policy", policy.toString(), brief.toString());
        assertThat(tuned.code()).isEqualTo(0);
        assertThat(tuned.out()).doesNotContain("PAT-010");
    }

    @Test
    void unknownOption() {
        CliRun r = dece("assess", "--colour", "red", RETAIL);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("dece: Unknown option: '--colour'").endsWith("; see 'dece assess --help'");
    }

    @Test
    void unknownCommandAndNoCommand() {
        String commands = String.join(", ", Main.commandNames());
        assertThat(Main.commandNames()).containsAll(Dece.commands().stream().map(CommandInfo::name).toList()).endsWith("rules");
        CliRun unknown = dece("asess", RETAIL);
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.errLines()).singleElement().asString()
                .startsWith("dece: Unmatched arguments from index 0: 'asess'").contains("did you mean").contains("assess")
                .endsWith("the commands are " + commands + "; see 'dece --help'");
        CliRun helpOfNothing = dece("nosuch", "--help");
        assertThat(helpOfNothing.code()).isEqualTo(2);
        assertThat(helpOfNothing.out()).isEmpty();
        assertThat(helpOfNothing.errLines()).singleElement().asString().startsWith("dece: Unmatched argument at index 0: 'nosuch'")
                .contains("the commands are " + commands);
        CliRun none = dece();
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.errLines()).singleElement().asString().startsWith("dece: name a command: " + commands).endsWith("; see 'dece --help'");
    }

    @Test
    void everyRegisteredCommandHasItsSubcommandAndHelp() {
        for (CommandInfo c : Dece.commands()) {
            CliRun help = dece(c.name(), "--help");
            assertThat(help.code()).as(c.name()).isZero();
            assertThat(help.out()).as(c.name()).startsWith("Usage: dece " + c.name());
        }
    }

    @Test
    void badFormat() {
        CliRun r = dece("assess", "--format", "xml", RETAIL);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("dece: --format: \"xml\" is not a format; use text, json, markdown, sarif or junit; see 'dece assess --help'");
    }

    @Test
    void badFailOn() {
        CliRun r = dece("assess", "--fail-on", "P9", RETAIL);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("dece: --fail-on: \"P9\" is not a severity; use P0, P1, P2, P3 or INFO; see 'dece assess --help'");
    }

    @Test
    void unknownRuleToDisable() {
        CliRun r = dece("assess", "--disable", "PAT-01", RETAIL);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("dece: policy: disabled_rules: \"PAT-01\" is not a rule ID; did you mean \"PAT-001\"? Run 'dece rules' for the list");
    }

    @Test
    void badPolicyFile(@TempDir Path dir) throws IOException {
        Path policy = write(dir, "policy.yaml", "thresholds:\n  postgres_avoid_above_gbs: 5000\n");
        CliRun r = dece("assess", "--policy", policy.toString(), RETAIL);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("dece: " + policy + ":2:3: thresholds.postgres_avoid_above_gbs: unknown key \"postgres_avoid_above_gbs\"; did you mean \"postgres_avoid_above_gb\"?");
    }

    @Test
    void brokenTeamRules(@TempDir Path dir) throws IOException {
        Path drl = write(dir, "broken.drl", "package x;\n\nrule \"X-1 broken\"\nwhen\n    Brief( \nthen\nend\n");
        CliRun r = dece("assess", "--rules", drl.toString(), RETAIL);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).isNotEmpty().allMatch(l -> l.startsWith("dece: " + drl + ":"));
    }
}
