package dev.dece.core.drl;

import java.util.List;

/** constraints.cloud_provider: where the platform runs. */
public enum Cloud implements Spelled {
    AWS("AWS"),
    GCP("GCP", "google-cloud"),
    AZURE("Azure"),
    MULTI("multi", "multi-cloud"),
    ON_PREM("on-prem", "on-premises", "onprem");

    private final List<String> spellings;

    Cloud(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
