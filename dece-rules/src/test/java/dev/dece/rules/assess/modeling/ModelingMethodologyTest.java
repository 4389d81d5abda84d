package dev.dece.rules.assess.modeling;

import dev.dece.core.report.Recommendation;
import dev.dece.core.report.Report;
import dev.dece.rules.support.BriefYaml;

import org.junit.jupiter.api.Test;

import static dev.dece.rules.support.BriefYaml.brief;
import static dev.dece.rules.support.Results.choices;
import static dev.dece.rules.support.Results.fired;
import static dev.dece.rules.support.Results.paths;
import static dev.dece.rules.support.Results.rec;
import static dev.dece.rules.support.Results.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of ModelingMethodology.drl: a brief that triggers it and a near miss that must not. */
class ModelingMethodologyTest {

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

    static Recommendation primary(Report r) {
        return r.recommendations(T).stream().filter(x -> !x.choice().equals("kimball-marts")).findFirst().orElseThrow();
    }

    @Test
    void mod001_kimballForBiAndReportingConsumers() {
        Report hit = bi().source("Postgres orders DB").source("Stripe API").source("Supplier CSV files").assess();
        assertThat(choices(hit, T)).containsExactly("kimball");
        Recommendation k = rec(hit, T, "kimball").orElseThrow();
        assertThat(k.ruleId()).isEqualTo("MOD-001");
        assertThat(k.rationale()).contains("1 consumer does BI", "Kimball star schemas", "conformed dimensions");
        assertThat(paths(k.evidence())).contains("data_consumers[0].use_case", "data_consumers[0].query_pattern");

        Report miss = brief().consumer("ops", "operational", "batch", "API").source("Postgres orders DB").assess();
        assertThat(fired(miss, "MOD-001")).isFalse();
        assertThat(choices(miss, T)).isEmpty();
    }

    @Test
    void mod002_inmonForAnEnterpriseWarehouseOverManySubjectAreas() {
        Report hit = domains(bi(), 3).constraint("company_stage", "enterprise").assess();
        Recommendation p = primary(hit);
        assertThat(p.choice()).isEqualTo("inmon");
        assertThat(p.ruleId()).isEqualTo("MOD-002");
        assertThat(p.rationale()).contains("3 subject areas", "3NF", "single source of truth");
        assertThat(paths(p.evidence())).contains("constraints.company_stage", "current_state.sources[2].owner_domain");
        // data vault fits the independently changing domains too, but the enterprise warehouse ranks first
        assertThat(rejected(hit, T, "data-vault")).get().asString().contains("MOD-005").contains("inmon ranks first");

        Report miss = domains(bi(), 3).constraint("company_stage", "growth").assess();
        assertThat(fired(miss, "MOD-002")).isFalse();
        assertThat(primary(miss).choice()).isEqualTo("data-vault");
    }

    @Test
    void mod003_inmonWhenTeamsNumbersDisagreeAcrossSubjectAreas() {
        Report hit = domains(bi(), 3).pain("Revenue differs between finance and sales").assess();
        Recommendation p = primary(hit);
        assertThat(p.choice()).isEqualTo("inmon");
        assertThat(p.ruleId()).isEqualTo("MOD-003");
        assertThat(p.rationale()).contains("different numbers");
        assertThat(p.evidence()).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo("current_state.pain_points[0]");
            assertThat(e.value()).isEqualTo("Revenue differs between finance and sales");
        });

        Report miss = domains(bi(), 3).pain("Reports are slow").assess();
        assertThat(fired(miss, "MOD-003")).isFalse();
        assertThat(primary(miss).choice()).isEqualTo("data-vault");
        // the same pain point over only two subject areas is not an enterprise warehouse
        Report fewAreas = domains(bi(), 2).pain("Revenue differs between finance and sales").assess();
        assertThat(fired(fewAreas, "MOD-003")).isFalse();
    }

    @Test
    void mod004_dataVaultForAuditableSoxDataFromMultipleSources() {
        Report hit = bi().source("SAP ERP database").source("Workday API").constraint("compliance", "[SOX]").assess();
        Recommendation p = primary(hit);
        assertThat(p.choice()).isEqualTo("data-vault");
        assertThat(p.ruleId()).isEqualTo("MOD-004");
        assertThat(p.rationale()).contains("SOX", "2 sources", "insert-only");
        assertThat(paths(p.evidence())).containsExactly("constraints.compliance", "current_state.sources (count)");
        assertThat(rejected(hit, T, "kimball")).get().asString().contains("MOD-001").contains("data-vault ranks first");

        Report miss = bi().source("SAP ERP database").constraint("compliance", "[SOX]").assess();
        assertThat(fired(miss, "MOD-004")).isFalse();
        assertThat(choices(miss, T)).containsExactly("kimball");
    }

    @Test
    void mod005_dataVaultForIndependentlyChangingDomains() {
        Report hit = domains(brief().consumer("growth", "analytics", "batch", "ad-hoc"), 3).assess();
        Recommendation p = primary(hit);
        assertThat(p.choice()).isEqualTo("data-vault");
        assertThat(p.ruleId()).isEqualTo("MOD-005");
        assertThat(p.rationale()).contains("3 domains change independently", "satellite");
        assertThat(paths(p.evidence())).containsExactly("current_state.sources[0].owner_domain",
                "current_state.sources[1].owner_domain", "current_state.sources[2].owner_domain");

        Report miss = domains(brief().consumer("growth", "analytics", "batch", "ad-hoc"), 2).assess();
        assertThat(fired(miss, "MOD-005")).isFalse();
        assertThat(choices(miss, T)).containsExactly("kimball");
    }

    @Test
    void mod006_activitySchemaForEventAndProductAnalytics() {
        Report hit = brief().consumer("product", "analytics", "batch", "ad-hoc")
                .source("Kafka clickstream").sourceObj("name", "app-events", "type", "stream").source("Postgres users DB")
                .assess();
        Recommendation p = primary(hit);
        assertThat(p.choice()).isEqualTo("activity-schema");
        assertThat(p.ruleId()).isEqualTo("MOD-006");
        assertThat(p.rationale()).contains("2 of 3 sources are event streams", "entity + activity + feature");
        assertThat(p.evidence()).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo("current_state.sources[0]");
            assertThat(e.value()).contains("type inferred: stream");
        });
        assertThat(paths(p.evidence())).contains("current_state.sources[1].type", "data_consumers[0].use_case");

        Report miss = brief().consumer("product", "analytics", "batch", "ad-hoc")
                .source("Kafka clickstream").source("Postgres users DB").source("Stripe API").assess();
        assertThat(fired(miss, "MOD-006")).isFalse();
        assertThat(choices(miss, T)).containsExactly("kimball");
    }

    @Test
    void mod007_oneBigTableForSimpleDashboardAnalytics() {
        Report hit = brief().consumer("marketing", "batch").consumer("sales", "batch").source("HubSpot API").assess();
        Recommendation p = primary(hit);
        assertThat(p.choice()).isEqualTo("one-big-table");
        assertThat(p.ruleId()).isEqualTo("MOD-007");
        assertThat(p.rationale()).contains("only 1 source needs joining", "no joins");
        assertThat(paths(p.evidence())).contains("data_consumers[0].query_pattern", "data_consumers[1].query_pattern");
        assertThat(rejected(hit, T, "kimball")).get().asString().contains("one-big-table ranks first");

        Report miss = brief().consumer("marketing", "batch").consumer("finance", "reporting", "batch", "scheduled")
                .source("HubSpot API").assess();
        assertThat(fired(miss, "MOD-007")).isFalse();
        assertThat(choices(miss, T)).containsExactly("kimball");
    }

    @Test
    void mod008_noOneBigTableWhenManySourcesMustBeJoined() {
        Report hit = brief().consumer("marketing", "batch").source("HubSpot API").source("Stripe API")
                .source("Postgres orders DB").assess();
        assertThat(choices(hit, T)).containsExactly("kimball");
        assertThat(rejected(hit, T, "one-big-table")).get().asString()
                .contains("MOD-008").contains("3 sources must be joined").contains("at most 2 sources");

        Report miss = brief().consumer("marketing", "batch").source("HubSpot API").source("Stripe API").assess();
        assertThat(fired(miss, "MOD-008")).isFalse();
        assertThat(primary(miss).choice()).isEqualTo("one-big-table");
    }

    @Test
    void mod010_kimballConformedDimensionsWhenTeamsNumbersDisagree() {
        Report hit = bi().source("POS DB").source("Shopify API").source("Supplier CSV files")
                .pain("Inventory numbers differ between finance and merchandising").assess();
        Recommendation k = primary(hit);
        assertThat(k.choice()).isEqualTo("kimball");
        assertThat(k.rationale()).contains("Kimball star schemas", "'Inventory numbers differ between finance and merchandising'",
                "conformed dimensions shared by every star");
        assertThat(paths(k.evidence())).contains("current_state.pain_points[0]", "data_consumers[0].use_case");

        Report miss = bi().source("POS DB").source("Shopify API").source("Supplier CSV files")
                .pain("Nightly report queries time out").assess();
        assertThat(fired(miss, "MOD-010")).isFalse();
        assertThat(primary(miss).rationale()).doesNotContain("conformed dimensions shared");
    }
}
