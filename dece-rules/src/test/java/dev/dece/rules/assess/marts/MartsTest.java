package dev.dece.rules.assess.marts;

import dev.dece.core.report.Recommendation;
import dev.dece.core.report.Report;
import dev.dece.rules.support.BriefYaml;

import org.junit.jupiter.api.Test;

import static dev.dece.rules.support.BriefYaml.brief;
import static dev.dece.rules.support.Results.choices;
import static dev.dece.rules.support.Results.fired;
import static dev.dece.rules.support.Results.paths;
import static dev.dece.rules.support.Results.rec;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Marts.drl: a brief that triggers it and a near miss that must not. */
class MartsTest {

    static final String T = "modeling.methodology";

    /** A reporting consumer, the usual BI reader. */
    static BriefYaml bi() {
        return brief().consumer("finance", "reporting", "batch", "scheduled");
    }

    /** Sources owned by {@code n} distinct domains. */
    static BriefYaml domains(BriefYaml b, int n) {
        for (int i = 0; i < n; i++) b.sourceObj("name", "\"system-" + i + " DB\"", "owner_domain", "domain-" + i);
        return b;
    }

    @Test
    void mod009_kimballMartsOnTopOfAVaultOrInmonCore() {
        Report vault = bi().source("SAP ERP database").source("Workday API").constraint("compliance", "[SOX]").assess();
        Recommendation marts = rec(vault, T, "kimball-marts").orElseThrow();
        assertThat(marts.ruleId()).isEqualTo("MOD-009");
        assertThat(marts.rationale()).contains("The Data Vault core", "1 BI consumer reads", "star-schema marts");
        assertThat(paths(marts.evidence())).containsExactly("data_consumers[0].query_pattern", "data_consumers[0].use_case");

        Report inmon = domains(bi(), 3).constraint("company_stage", "enterprise").assess();
        assertThat(rec(inmon, T, "kimball-marts").orElseThrow().rationale()).contains("The 3NF (Inmon) core");

        // a vault with no BI reader needs no marts
        Report miss = brief().consumer("ds", "ML", "batch", "scheduled").source("SAP ERP database").source("Workday API")
                .constraint("compliance", "[SOX]").assess();
        assertThat(choices(miss, T)).containsExactly("data-vault");
        assertThat(fired(miss, "MOD-009")).isFalse();
    }
}
