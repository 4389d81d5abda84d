package dev.dece.rules.facade;

import dev.dece.core.Dece;
import dev.dece.core.input.InputException;
import dev.dece.core.policy.Policy;
import dev.dece.core.policy.PolicyKey;
import dev.dece.core.report.Report;
import dev.dece.rules.support.BriefYaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.dece.rules.support.BriefYaml.brief;
import static dev.dece.rules.support.Results.choices;
import static dev.dece.rules.support.Results.fired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A team's policy file tunes thresholds and switches rules off without a rebuild. */
class PolicyTest {

    static final String T = "architecture.pattern";

    /** 2 GB/day kept 24 months: about 1 461 GB retained, above PAT-010's default 1 000 GB line, below 5 000. */
    static BriefYaml retained1461Gb() {
        return brief().consumer("analysts", "analytics", "batch", "ad-hoc").volume(2, 0, 24);
    }

    static Report assess(Dece dece, BriefYaml b) throws InputException {
        return dece.assess("brief.yaml", b.yaml());
    }

    static Path write(Path dir, String text) throws IOException {
        Path f = dir.resolve("policy.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void defaultThresholdLetsPat010Fire() throws InputException {
        Report r = assess(Dece.builder().build(), retained1461Gb());
        assertThat(fired(r, "PAT-010")).isTrue();
        assertThat(choices(r, T)).contains("lakehouse");
    }

    @Test
    void policyFileThresholdChangesTheOutcome(@TempDir Path dir) throws IOException, InputException {
        Path policy = write(dir, "# we run a large PostgreSQL cluster\nthresholds: {postgres_avoid_above_gb: 5000}\n");
        Dece tuned = Dece.builder().policyFile(policy).build();
        assertThat(tuned.policy().value(PolicyKey.POSTGRES_AVOID_ABOVE_GB)).isEqualTo(5000.0);
        assertThat(tuned.policy().value(PolicyKey.SPARK_BEST_ABOVE_GB_PER_DAY)).as("untouched keys keep their default").isEqualTo(100.0);
        Report r = assess(tuned, retained1461Gb());
        assertThat(fired(r, "PAT-010")).isFalse();
        assertThat(choices(r, T)).doesNotContain("lakehouse");
        // near miss: the same policy still lets PAT-010 fire above its new line (2 GB/day x 120 months = 7 306 GB)
        assertThat(fired(assess(tuned, brief().consumer("analysts", "analytics", "batch", "ad-hoc").volume(2, 0, 120)), "PAT-010")).isTrue();
    }

    @Test
    void policyObjectThresholdChangesTheOutcome() throws InputException {
        Dece tuned = Dece.builder().policy(Policy.defaults().with(PolicyKey.POSTGRES_AVOID_ABOVE_GB, 5000)).build();
        assertThat(fired(assess(tuned, retained1461Gb()), "PAT-010")).isFalse();
    }

    @Test
    void disablingARuleInThePolicyFileRemovesItsOutput(@TempDir Path dir) throws IOException, InputException {
        Dece dece = Dece.builder().policyFile(write(dir, "disabled_rules: [PAT-010]\n")).build();
        assertThat(dece.policy().disabledRules()).containsExactly("PAT-010");
        Report r = assess(dece, retained1461Gb());
        assertThat(fired(r, "PAT-010")).isFalse();
        assertThat(fired(r, "PAT-001")).as("other rules still fire").isTrue();
    }

    @Test
    void disablingARuleInTheBuilderRemovesItsOutput() throws InputException {
        Report r = assess(Dece.builder().disable("PAT-001").build(), retained1461Gb());
        assertThat(fired(r, "PAT-001")).isFalse();
        assertThat(choices(r, T)).doesNotContain("batch-etl").contains("lakehouse");
    }

    @Test
    void unknownThresholdKeyIsLocatedWithASuggestion(@TempDir Path dir) throws IOException {
        Path policy = write(dir, "thresholds:\n  postgres_avoid_above_gbs: 5000\n");
        assertThatThrownBy(() -> Dece.builder().policyFile(policy).build()).isInstanceOf(InputException.class)
                .hasMessageStartingWith(policy + ":2:3: thresholds.postgres_avoid_above_gbs: unknown key \"postgres_avoid_above_gbs\"; "
                        + "did you mean \"postgres_avoid_above_gb\"? Known keys here: ")
                .hasMessageContaining("airflow_min_tasks, ");
    }

    @Test
    void unknownTopLevelPolicyKey(@TempDir Path dir) throws IOException {
        Path policy = write(dir, "threshold:\n  tight_budget_usd: 5000\n");
        assertThatThrownBy(() -> Dece.builder().policyFile(policy).build())
                .hasMessage(policy + ":1:1: threshold: unknown key \"threshold\"; did you mean \"thresholds\"? Known keys here: disabled_rules, thresholds");
    }

    @Test
    void unknownRuleIdIsLocatedWithASuggestion(@TempDir Path dir) throws IOException {
        Path policy = write(dir, "thresholds: {}\ndisabled_rules:\n  - PAT-010\n  - PAT-01\n");
        assertThatThrownBy(() -> Dece.builder().policyFile(policy).build())
                .hasMessage(policy + ":4:5: disabled_rules[1]: \"PAT-01\" is not a rule ID; did you mean \"PAT-001\"? Run 'dece rules' for the list");
        assertThatThrownBy(() -> Dece.builder().disable("XYZ-999").build())
                .hasMessage("policy: disabled_rules: \"XYZ-999\" is not a rule ID Run 'dece rules' for the list");
    }

    @Test
    void badThresholdValues(@TempDir Path dir) throws IOException {
        Path policy = write(dir, "thresholds:\n  tight_budget_usd: -1\n  data_mesh_min_teams: many\n");
        assertThatThrownBy(() -> Dece.builder().policyFile(policy).build())
                .hasMessage(policy + ":2:21: thresholds.tight_budget_usd: \"-1\" is below 0; expected a number of USD/month (default 2000)\n"
                        + policy + ":3:24: thresholds.data_mesh_min_teams: \"many\" is not a number; expected a number of teams (default 5)");
    }
}
