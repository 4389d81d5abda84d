package dev.dece.core.drl;

import java.util.Set;

/**
 * {@code constraints}. Template fields: budget, team size, skill, compliance, cloud. DECE extensions, all
 * optional: {@code company_stage}, {@code data_teams} (read into {@link Brief#dataTeams()}),
 * {@code resistant_to_new_paradigms}, {@code needs_fine_grained_cost_control}, {@code needs_elastic_scaling},
 * {@code multi_tenant} (the platform holds several customers' (tenants') data side by side; Edge Cases > Multi-Tenant Data).
 * Numbers and enums are {@code null} when absent; {@code compliance} is empty when absent or "none".
 */
public record Constraints(Node node, Double budgetMonthlyUsd, Integer teamSize, Skill skill, Set<Compliance> compliance,
                          Cloud cloud, CompanyStage companyStage, Boolean resistantToNewParadigms,
                          Boolean needsFineGrainedCostControl, Boolean needsElasticScaling,
                          Boolean multiTenant) implements Located {

    public boolean has(Compliance c) {
        return compliance.contains(c);
    }

    public boolean regulated() {
        return !compliance.isEmpty();
    }
}
