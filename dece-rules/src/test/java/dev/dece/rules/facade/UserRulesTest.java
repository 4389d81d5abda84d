package dev.dece.rules.facade;

import dev.dece.core.Dece;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.RuleInfo;
import dev.dece.core.report.Severity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.dece.rules.support.BriefYaml.brief;
import static dev.dece.rules.support.Results.choices;
import static dev.dece.rules.support.Results.findings;
import static dev.dece.rules.support.Results.paths;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A team's own DRL, compiled at run time by the classic (mvel) compiler into the same rule base as the
 * precompiled executable-model rules: its results land in the same report, its errors are located.
 */
class UserRulesTest {

    static final String TEAM_RULES = """
            // Acme's house rules on top of DECE.
            package com.acme.rules;

            import dev.dece.core.policy.Policy;
            import dev.dece.core.policy.PolicyKey;
            import dev.dece.core.drl.Emit;
            import dev.dece.core.drl.*;

            // Every regulated brief names its cloud, so the auditors know where data lives.
            rule "ACME-001 Regulated briefs name their cloud"
                @topic("acme.governance") @severity("P1")
            when
                $c : Constraints( regulated(), cloud == null )
            then
                insert(Emit.finding(kcontext, $c.node(), "compliance " + $c.compliance() + " applies but no cloud_provider is named",
                    "Add constraints.cloud_provider.", $c.evidence("compliance")));
            end

            // Teams above the tight-budget line get our managed warehouse offer.
            rule "ACME-002 Managed warehouse above the tight-budget line"
                @topic("acme.offer")
            when
                $p : Policy()
                $c : Constraints( budgetMonthlyUsd != null, budgetMonthlyUsd >= $p.value(PolicyKey.TIGHT_BUDGET_USD) )
            then
                insert(Emit.recommend(kcontext, "acme-managed-warehouse",
                    "The budget allows Acme's managed warehouse.", $c.evidence("budget_monthly_usd")));
            end
            """;

    static Path write(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void teamRulesFireBesideTheBuiltInOnes(@TempDir Path dir) throws IOException, InputException {
        Dece dece = Dece.builder().addRules(write(dir, "acme.drl", TEAM_RULES)).build();
        Report hit = dece.assess("brief.yaml", brief().consumer("finance", "batch")
                .constraint("compliance", "[GDPR]").constraint("budget_monthly_usd", 5000).yaml());
        List<Finding> f = findings(hit, "ACME-001");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.P1);
        assertThat(f.get(0).topic()).isEqualTo("acme.governance");
        assertThat(f.get(0).message()).isEqualTo("compliance [GDPR] applies but no cloud_provider is named");
        assertThat(f.get(0).location().path()).isEqualTo("constraints");
        assertThat(paths(f.get(0).evidence())).containsExactly("constraints.compliance");
        assertThat(choices(hit, "acme.offer")).containsExactly("acme-managed-warehouse");
        assertThat(choices(hit, "architecture.pattern")).as("built-in rules still fire").containsExactly("batch-etl");

        // near miss: a cloud is named, the budget is under the line
        Report miss = dece.assess("brief.yaml", brief().consumer("finance", "batch")
                .constraint("compliance", "[GDPR]").constraint("cloud_provider", "AWS").constraint("budget_monthly_usd", 500).yaml());
        assertThat(findings(miss, "ACME-001")).isEmpty();
        assertThat(choices(miss, "acme.offer")).isEmpty();
    }

    @Test
    void teamRulesJoinTheCatalogAndCanBeDisabled(@TempDir Path dir) throws IOException, InputException {
        Path drl = write(dir, "acme.drl", TEAM_RULES);
        Dece dece = Dece.builder().addRules(drl).build();
        assertThat(dece.rules()).extracting(RuleInfo::id).contains("ACME-001", "ACME-002", "PAT-001").doesNotHaveDuplicates();
        RuleInfo acme = dece.rules().stream().filter(r -> r.id().equals("ACME-001")).findFirst().orElseThrow();
        assertThat(acme.ruleSet()).isEqualTo("com.acme.rules");
        assertThat(acme.severity()).isEqualTo(Severity.P1);
        assertThat(acme.title()).isEqualTo("Regulated briefs name their cloud");

        Dece without = Dece.builder().addRules(drl).disable("ACME-001").build();
        String yaml = brief().consumer("finance", "batch").constraint("compliance", "[GDPR]").yaml();
        assertThat(findings(without.assess("brief.yaml", yaml), "ACME-001")).isEmpty();
        assertThat(Dece.builder().build().rules()).as("each builder compiles a private rule base")
                .extracting(RuleInfo::id).doesNotContain("ACME-001");
    }

    @Test
    void brokenDrlIsRefusedWithFileAndLine(@TempDir Path dir) throws IOException {
        Path drl = write(dir, "broken.drl", "package com.acme.rules;\n\nrule \"ACME-009 broken\"\n    @topic(\"x\")\nwhen\n    Constraints( \nthen\nend\n");
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> Dece.builder().addRules(drl).build());
        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(drl.toString());
            assertThat(p.line()).isBetween(6, 8);
            assertThat(p.message()).startsWith("DRL does not compile: ");
        });
        assertThat(e.getMessage()).startsWith(drl + ":");
    }

    @Test
    void unknownFactTypeIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
        Path drl = write(dir, "typo.drl", """
                package com.acme.rules;
                import dev.dece.core.drl.*;

                rule "ACME-010 typo"
                    @topic("x")
                when
                    Constraint( teamSize > 3 )
                then
                end
                """);
        assertThatThrownBy(() -> Dece.builder().addRules(drl).build()).isInstanceOf(InputException.class)
                .satisfies(t -> {
                    List<Problem> ps = ((InputException) t).problems();
                    assertThat(ps.get(0).file()).isEqualTo(drl.toString());
                    assertThat(ps.get(0).line()).isEqualTo(7);
                    assertThat(ps.get(0).message()).contains("Constraint");
                });
    }

    @Test
    void missingRuleFile(@TempDir Path dir) {
        Path drl = dir.resolve("nope.drl");
        assertThatThrownBy(() -> Dece.builder().addRules(drl).build()).hasMessage(drl + ": no such rule file");
    }

    @Test
    void teamRuleMayNotReuseABuiltInId(@TempDir Path dir) throws IOException {
        Path drl = write(dir, "clash.drl", "package com.acme.rules;\nimport dev.dece.core.drl.*;\n"
                + "rule \"PAT-001 our own batch rule\"\n    @topic(\"architecture.pattern\")\nwhen\n    Brief()\nthen\nend\n");
        assertThatThrownBy(() -> Dece.builder().addRules(drl).build()).hasMessage(drl
                + ":3: rule \"PAT-001 our own batch rule\" reuses the ID PAT-001, which another rule already has; give team rules their own prefix, e.g. TEAM-001");
    }

    @Test
    void teamRuleNeedsATopic(@TempDir Path dir) throws IOException {
        Path drl = write(dir, "notopic.drl", "package com.acme.rules;\nimport dev.dece.core.drl.*;\n"
                + "rule \"ACME-011 no topic\"\nwhen\n    Brief()\nthen\nend\n");
        assertThatThrownBy(() -> Dece.builder().addRules(drl).build()).hasMessage(drl
                + ":3: rule \"ACME-011 no topic\" has no @topic(\"...\"); every rule names the report topic its results belong to");
    }

    static final String HEADER = "package com.acme.rules;\nimport dev.dece.core.drl.*;\n";

    @Test
    void teamRulesNeedAnIdAKnownSeverityAndIdsOfTheirOwn(@TempDir Path dir) throws IOException {
        Path drl = write(dir, "bad.drl", HEADER
                + "rule \"no id here\"\n    @topic(\"acme\")\nwhen\n    Brief()\nthen\nend\n"
                + "rule \"ACME-005 bad severity\"\n    @topic(\"acme\") @severity(\"P9\")\nwhen\n    Brief()\nthen\nend\n"
                + "rule \"ACME-006 one\"\n    @topic(\"acme\")\nwhen\n    Brief()\nthen\nend\n"
                + "rule \"ACME-006 two\"\n    @topic(\"acme\")\nwhen\n    Brief()\nthen\nend\n");
        assertThatThrownBy(() -> Dece.builder().addRules(drl).build()).isInstanceOfSatisfying(InputException.class, e ->
                assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                        drl + ":3: rule \"no id here\" has no ID; a rule's name starts with its ID, a prefix and a number, e.g. \"TEAM-001 what it checks\"",
                        drl + ":9: rule \"ACME-005 bad severity\" has @severity(\"P9\"); use P0, P1, P2, P3 or INFO",
                        drl + ":21: rule \"ACME-006 two\" reuses the ID ACME-006, which another rule already has; give team rules their own prefix, e.g. TEAM-001"));
    }

    @Test
    void anEmptyRuleFileAndOneThatEndsTheProcessAreRefused(@TempDir Path dir) throws IOException {
        Path empty = write(dir, "empty.drl", "  \n\n");
        assertThatThrownBy(() -> Dece.builder().addRules(empty).build())
                .hasMessage(empty + ": is empty; expected team rules: package ...; rule \"TEAM-001 what it checks\" ... end");
        Path exit = write(dir, "exit.drl", HEADER + "rule \"ACME-007 exits\"\n    @topic(\"acme\")\nwhen\n    Brief()\nthen\n    System.exit(0);\nend\n");
        assertThatThrownBy(() -> Dece.builder().addRules(exit).build())
                .hasMessage(exit + ":8:5: calls System.exit(): a team rule may not end the process; report a finding instead");
    }

    @Test
    void aLoopingTeamRuleIsStoppedAndNamedWithItsFileAndLine(@TempDir Path dir) throws Exception {
        Path drl = write(dir, "loop.drl", HEADER + "declare Tick\n    n : int\nend\n"
                + "rule \"ACME-008 starts\"\n    @topic(\"acme\")\nwhen\n    Brief()\nthen\n    insert(new Tick());\nend\n"
                + "rule \"ACME-009 loops\"\n    @topic(\"acme\")\nwhen\n    Tick()\nthen\n    insert(new Tick());\nend\n");
        Dece dece = Dece.builder().addRules(drl).build();
        assertThatThrownBy(() -> dece.assess("b.yaml", brief().consumer("bi", "batch").yaml()))
                .isInstanceOf(InputException.class).hasMessageStartingWith(drl + ":13: team rule ACME-009 (")
                .hasMessageContaining("was stopped: it loops");
    }

    @Test
    void aTeamRuleThatNeverReturnsIsStoppedAtTheTimeLimit(@TempDir Path dir) throws Exception {
        Path drl = write(dir, "spin.drl", HEADER + "rule \"ACME-010 spins\"\n    @topic(\"acme\")\nwhen\n    Brief()\nthen\n"
                + "    while (true) { Thread.onSpinWait(); }\nend\n");
        Dece dece = Dece.builder().addRules(drl).limits(dev.dece.core.input.Limits.DEFAULT.withMaxEvaluationMillis(500)).build();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> dece.assess("b.yaml", brief().consumer("bi", "batch").yaml()))
                .isInstanceOf(InputException.class)
                .hasMessage(drl + ":3: team rule ACME-010 (1 firings) ran past the evaluation deadline (Limits.maxEvaluationMillis)"
                        + " inside one consequence (a loop that never returns?)");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10.0);
        // the engine is still usable for the next call
        Dece fresh = Dece.builder().build();
        assertThat(fresh.assess("b.yaml", brief().consumer("bi", "batch").yaml()).recommendations()).isNotEmpty();
    }
}
