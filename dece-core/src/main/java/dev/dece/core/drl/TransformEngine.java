package dev.dece.core.drl;

import java.util.List;

/** pipeline.transform.engine: SQL | Spark | Python | dbt. */
public enum TransformEngine implements Spelled {
    SQL("SQL", "sql"),
    SPARK("Spark", "pyspark"),
    PYTHON("Python", "pandas", "polars"),
    DBT("dbt");

    private final List<String> spellings;

    TransformEngine(String... spellings) {
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
