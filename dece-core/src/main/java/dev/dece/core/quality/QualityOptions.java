package dev.dece.core.quality;

import dev.dece.core.sql.Dialect;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How {@code Dece.quality} works: which dialect to write, and whether (and where) to run the checks.
 *
 * <pre>{@code
 * QualityOptions.generate(Dialect.SNOWFLAKE);                 // print SQL only
 * QualityOptions.run("jdbc:duckdb:/data/wh.duckdb");          // run on DuckDB, read-only
 * }</pre>
 *
 * @param dialect        SQL dialect; default {@link Dialect#DUCKDB}
 * @param jdbcUrl        where to run the checks; null to only generate them
 * @param seed           SQL scripts loaded into an in-memory DuckDB first (examples, tests); never null
 * @param timeoutSeconds per-check statement timeout; default 60
 */
public record QualityOptions(Dialect dialect, String jdbcUrl, List<Path> seed, int timeoutSeconds) {

    public QualityOptions {
        Objects.requireNonNull(dialect, "dialect");
        seed = List.copyOf(seed);
        if (timeoutSeconds < 1) throw new IllegalArgumentException("timeoutSeconds must be at least 1, was " + timeoutSeconds);
    }

    /** Generate only, in {@code dialect}. */
    public static QualityOptions generate(Dialect dialect) {
        return new QualityOptions(dialect, null, List.of(), 60);
    }

    /** Run on {@code jdbcUrl}; the dialect follows the URL (PostgreSQL or DuckDB). */
    public static QualityOptions run(String jdbcUrl) {
        return new QualityOptions(dialectOf(jdbcUrl), jdbcUrl, List.of(), 60);
    }

    public QualityOptions withSeed(List<Path> scripts) {
        return new QualityOptions(dialect, jdbcUrl, scripts, timeoutSeconds);
    }

    public QualityOptions withTimeout(int seconds) {
        return new QualityOptions(dialect, jdbcUrl, seed, seconds);
    }

    public QualityOptions withDialect(Dialect d) {
        return new QualityOptions(d, jdbcUrl, seed, timeoutSeconds);
    }

    /** The dialect a JDBC URL implies, DuckDB when it says nothing known. */
    public static Dialect dialectOf(String jdbcUrl) {
        String u = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(java.util.Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:")) return Dialect.POSTGRES;
        if (u.startsWith("jdbc:snowflake:")) return Dialect.SNOWFLAKE;
        if (u.startsWith("jdbc:bigquery:")) return Dialect.BIGQUERY;
        return Dialect.DUCKDB;
    }
}
