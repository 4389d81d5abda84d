package dev.dece.rules.assess.orchestration;

import dev.dece.rules.support.BriefYaml;

import static dev.dece.rules.support.BriefYaml.brief;

/** Briefs shared by the orchestration and processing tests. */
public final class OrchestrationTestBriefs {
    private OrchestrationTestBriefs() {}

    /** An ELT brief in the template's own fields only: SQL consumers, API sources, data landing in a cloud warehouse. */
    public static BriefYaml elt(String cloud, String warehouse) {
        return brief().consumer("marketing", "analytics", "batch (hourly+)", "dashboard").consumer("finance", "reporting", "batch (hourly+)", "scheduled")
                .source("HubSpot API").source("Stripe API").source("Google Ads API").storage(warehouse).volume(50, 20, 36)
                .constraint("team_size", 4).constraint("skill_level", "mid").constraint("budget_monthly_usd", 8000)
                .constraint("cloud_provider", cloud);
    }
}
