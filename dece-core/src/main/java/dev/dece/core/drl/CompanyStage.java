package dev.dece.core.drl;

import java.util.List;

/** constraints.company_stage (DECE extension): how mature the company is; data mesh is over-engineering early on. */
public enum CompanyStage implements Spelled {
    EARLY_STAGE("early-stage", "startup", "early"),
    GROWTH("growth", "scale-up"),
    ENTERPRISE("enterprise", "large");

    private final List<String> spellings;

    CompanyStage(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
