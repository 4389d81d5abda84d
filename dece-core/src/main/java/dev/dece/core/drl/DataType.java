package dev.dece.core.drl;

import java.util.List;

/** pipeline.load.data_profile.data_type (DECE extension): the Partitioning Strategy's data types. */
public enum DataType implements Spelled {
    TRANSACTIONAL("transactional", "event", "transactional/event"),
    MULTI_TENANT("multi-tenant", "tenant"),
    GEOSPATIAL("geospatial", "geo"),
    LOG("log", "logs"),
    REFERENCE("reference", "dimension", "reference/dimension");

    private final List<String> spellings;

    DataType(String... spellings) {
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
