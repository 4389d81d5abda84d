package dev.dece.core.drl;

import java.util.List;

/** data_consumers[].use_case: what a consumer does with the data. */
public enum UseCase implements Spelled {
    ANALYTICS("analytics"),
    ML("ML", "machine-learning"),
    OPERATIONAL("operational"),
    REPORTING("reporting"),
    REVERSE_ETL("reverse-ETL", "reverse etl");

    private final List<String> spellings;

    UseCase(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
