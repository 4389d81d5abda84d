package dev.dece.core.drl;

import java.util.List;

/** {@code dataset.tier} of the Data Catalog Entry Template: gold (trusted) | silver (cleaned) | bronze (raw). */
public enum DatasetTier implements Spelled {
    GOLD("gold"),
    SILVER("silver"),
    BRONZE("bronze");

    private final List<String> spellings;

    DatasetTier(String... s) {
        this.spellings = List.of(s);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }

    /**
     * The template fields a dataset of this tier must fill (docs/catalog.md, "Required fields by tier"): gold is
     * trusted, so it needs an owner, a steward, a description, tests, a score and a refresh SLA; bronze is raw and
     * needs to say whose it is, where it comes from and how sensitive it is.
     */
    public List<String> required() {
        return switch (this) {
            case GOLD -> List.of("description", "owner_team", "steward", "domain", "lineage.sources", "refresh.schedule",
                    "refresh.sla_hours", "quality.tests", "quality.last_score", "access.classification", "access.access_request_process");
            case SILVER -> List.of("description", "owner_team", "steward", "lineage.sources", "refresh.schedule", "quality.tests",
                    "access.classification");
            case BRONZE -> List.of("owner_team", "lineage.sources", "access.classification");
        };
    }
}
