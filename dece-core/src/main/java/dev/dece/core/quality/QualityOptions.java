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
 * @param timeoutSeconds per-statement timeout (one check's query, or one scan's); default 60
 * @param jobs           tables checked at the same time, each over its own connection; 1 (the default) to
 *                       {@link #MAX_JOBS}; the report's order does not depend on it
 * @param perCheck       run one query per check instead of one scan per table (see {@code ScanPlan}); the
 *                       results are the same, the queries more
 */
public record QualityOptions(Dialect dialect, String jdbcUrl, List<Path> seed, int timeoutSeconds, int jobs, boolean perCheck) {

    /** Most connections {@code jobs} may open at once. */
    public static final int MAX_JOBS = 16;

    public QualityOptions {
        Objects.requireNonNull(dialect, "dialect");
        seed = List.copyOf(seed);
        if (timeoutSeconds < 1) throw new IllegalArgumentException("timeoutSeconds must be at least 1, was " + timeoutSeconds);
        if (jobs < 1 || jobs > MAX_JOBS) throw new IllegalArgumentException("jobs must be 1 to " + MAX_JOBS + ", was " + jobs);
    }

    /** One scan per table, one table at a time. */
    public QualityOptions(Dialect dialect, String jdbcUrl, List<Path> seed, int timeoutSeconds) {
        this(dialect, jdbcUrl, seed, timeoutSeconds, 1, false);
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
        return new QualityOptions(dialect, jdbcUrl, scripts, timeoutSeconds, jobs, perCheck);
    }

    public QualityOptions withTimeout(int seconds) {
        return new QualityOptions(dialect, jdbcUrl, seed, seconds, jobs, perCheck);
    }

    public QualityOptions withDialect(Dialect d) {
        return new QualityOptions(d, jdbcUrl, seed, timeoutSeconds, jobs, perCheck);
    }

    /** Check {@code n} tables at a time over {@code n} connections. */
    public QualityOptions withJobs(int n) {
        return new QualityOptions(dialect, jdbcUrl, seed, timeoutSeconds, n, perCheck);
    }

    /** One query per check ({@code true}) or one scan per table ({@code false}, the default). */
    public QualityOptions withPerCheck(boolean one) {
        return new QualityOptions(dialect, jdbcUrl, seed, timeoutSeconds, jobs, one);
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
