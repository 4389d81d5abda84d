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
                + ": rule \"PAT-001 our own batch rule\" reuses the ID PAT-001, which another rule already has; give team rules their own prefix, e.g. TEAM-001");
    }

    @Test
    void teamRuleNeedsATopic(@TempDir Path dir) throws IOException {
        Path drl = write(dir, "notopic.drl", "package com.acme.rules;\nimport dev.dece.core.drl.*;\n"
                + "rule \"ACME-011 no topic\"\nwhen\n    Brief()\nthen\nend\n");
        assertThatThrownBy(() -> Dece.builder().addRules(drl).build()).hasMessage(drl
                + ": rule \"ACME-011 no topic\" has no @topic(\"...\"); every rule names the report topic its results belong to");
    }
}
