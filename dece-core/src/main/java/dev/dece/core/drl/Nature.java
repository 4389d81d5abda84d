package dev.dece.core.drl;

import java.util.List;

/** pipeline.load.data_profile.nature (DECE extension): whether loaded rows change after they are written. */
public enum Nature implements Spelled {
    IMMUTABLE_EVENTS("immutable-events", "immutable", "events", "append-only"),
    MUTABLE("mutable"),
    REFERENCE("reference", "reference-data");

    private final List<String> spellings;

    Nature(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }

    /** The kebab-case name used in reports and choices, e.g. {@code skip-and-alert}. */
    public String choice() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
