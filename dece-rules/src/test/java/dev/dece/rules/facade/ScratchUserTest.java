package dev.dece.rules.facade;

import dev.dece.core.*;
import dev.dece.core.doc.InputException;
import org.junit.jupiter.api.Test;
import java.nio.file.*;

class ScratchUserTest {
    @Test void user() throws Exception {
        Path dir = Files.createTempDirectory("drl");
        Path drl = dir.resolve("team.drl");
        Files.writeString(drl, """
            package com.acme.rules;
            import dev.dece.core.engine.Emit;
            import dev.dece.core.brief.*;

            rule "ACME-001 Budget must be declared"
                @topic("acme.governance") @severity("P3")
            when
                $c : Constraints( budgetMonthlyUsd == null )
            then
                insert(Emit.finding(kcontext, $c.node(), "No budget declared", "Add constraints.budget_monthly_usd", $c.ev("budget_monthly_usd")));
            end
            """);
        Dece d = Dece.builder().addRules(drl).build();
        System.out.println(d.rules().stream().map(RuleInfo::id).toList());
        Report r = d.assess("b.yaml", "project_name: p\ndata_consumers:\n  - team: a\n    latency_requirement: batch\nconstraints:\n  team_size: 3\n");
        System.out.println(r.findings());
        System.out.println(r.recommendations());
        Path bad = dir.resolve("bad.drl");
        Files.writeString(bad, "package x;\n\nrule \"X-1 broken\"\nwhen\n  Foo( \nthen\nend\n");
        try { Dece.builder().addRules(bad).build(); } catch (InputException e) { System.out.println("BAD: " + e.getMessage()); }
    }
}
