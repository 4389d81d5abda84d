package dev.dece.core.model;

import dev.dece.core.doc.Spelled;

import java.util.List;

/** SQL dialects the model generators write. */
public enum Dialect implements Spelled {
    POSTGRES("postgres", "postgresql", "pg"),
    DUCKDB("duckdb"),
    SNOWFLAKE("snowflake"),
    BIGQUERY("bigquery", "bq");

    private final List<String> spellings;

    Dialect(String... s) {
        this.spellings = List.of(s);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
