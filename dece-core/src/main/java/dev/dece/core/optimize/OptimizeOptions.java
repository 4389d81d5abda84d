package dev.dece.core.optimize;

import dev.dece.core.drl.Spelled;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code Dece.optimize} reads besides its SQL inputs, and how it parses.
 *
 * <pre>{@code
 * OptimizeOptions o = OptimizeOptions.defaults()
 *         .withDialect(OptimizeOptions.SqlDialect.SNOWFLAKE)
 *         .withTables(List.of(Path.of("tables.yaml")))
 *         .withHistory(List.of(Path.of("query_history.csv")))
 *         .withEventLogs(List.of(Path.of("spark-events/eventlog_v2_app-1")));
 * }</pre>
 *
 * @param dialect           how to parse SQL files; null: a dbt manifest's adapter, a history's vendor, else DuckDB
 * @param tables            table knowledge: table lists, DDL, dbt manifests, data contracts, dimensional models
 * @param history           query-history exports (Snowflake QUERY_HISTORY, BigQuery INFORMATION_SCHEMA.JOBS; CSV or JSON lines)
 * @param eventLogs         Spark event logs: files (plain, .lz4, .snappy, .zstd) or rolling {@code eventlog_v2_*} directories
 * @param pipelines         Universal Pipeline Templates of the Spark jobs, whose load partition keys the writes must follow
 * @param parseTimeoutMillis the longest one statement may take to parse; default 5 000
 * @param maxStatements     the most statements one call analyses (distinct texts for a history); default 200 000
 */
public record OptimizeOptions(SqlDialect dialect, List<Path> tables, List<Path> history, List<Path> eventLogs,
                              List<Path> pipelines, long parseTimeoutMillis, int maxStatements) {

    /** The SQL dialects {@code dece optimize} parses; see docs/optimize.md for what each needs and what does not parse. */
    public enum SqlDialect implements Spelled {
        POSTGRES("postgres", "postgresql", "pg"),
        DUCKDB("duckdb"),
        SNOWFLAKE("snowflake"),
        BIGQUERY("bigquery", "bq"),
        SPARK("spark", "sparksql", "spark-sql", "databricks");

        private final List<String> spellings;

        SqlDialect(String... s) {
            this.spellings = List.of(s);
        }

        @Override
        public List<String> spellings() {
            return spellings;
        }

        /** True for the engines whose string literals read backslash escapes ({@code 'it\'s'}). */
        boolean backslashEscapes() {
            return this == BIGQUERY || this == SPARK;
        }

        /** True for column stores, where {@code SELECT *} reads every column file. */
        boolean columnar() {
            return this != POSTGRES;
        }

        /** The dialect a dbt adapter type writes; null for an adapter DECE does not parse for. */
        static SqlDialect ofAdapter(String adapter) {
            if (adapter == null) return null;
            switch (adapter.toLowerCase(Locale.ROOT)) {
                case "postgres": case "redshift": return POSTGRES;
                case "duckdb": return DUCKDB;
                case "snowflake": return SNOWFLAKE;
                case "bigquery": return BIGQUERY;
                case "spark": case "databricks": return SPARK;
                default: return null;
            }
        }
    }

    public OptimizeOptions {
        tables = List.copyOf(tables);
        history = List.copyOf(history);
        eventLogs = List.copyOf(eventLogs);
        pipelines = List.copyOf(pipelines);
        if (parseTimeoutMillis < 1) throw new IllegalArgumentException("parseTimeoutMillis must be at least 1, was " + parseTimeoutMillis);
        if (maxStatements < 1) throw new IllegalArgumentException("maxStatements must be at least 1, was " + maxStatements);
    }

    /** No extra inputs, the dialect from the inputs, a 5 s parse timeout, 200 000 statements. */
    public static OptimizeOptions defaults() {
        return new OptimizeOptions(null, List.of(), List.of(), List.of(), List.of(), 5_000, 200_000);
    }

    public OptimizeOptions withDialect(SqlDialect d) {
        return new OptimizeOptions(d, tables, history, eventLogs, pipelines, parseTimeoutMillis, maxStatements);
    }

    public OptimizeOptions withTables(List<Path> files) {
        return new OptimizeOptions(dialect, files, history, eventLogs, pipelines, parseTimeoutMillis, maxStatements);
    }

    public OptimizeOptions withHistory(List<Path> files) {
        return new OptimizeOptions(dialect, tables, files, eventLogs, pipelines, parseTimeoutMillis, maxStatements);
    }

    public OptimizeOptions withEventLogs(List<Path> logs) {
        return new OptimizeOptions(dialect, tables, history, logs, pipelines, parseTimeoutMillis, maxStatements);
    }

    public OptimizeOptions withPipelines(List<Path> specs) {
        return new OptimizeOptions(dialect, tables, history, eventLogs, specs, parseTimeoutMillis, maxStatements);
    }

    public OptimizeOptions withParseTimeout(long millis) {
        return new OptimizeOptions(dialect, tables, history, eventLogs, pipelines, millis, maxStatements);
    }

    public OptimizeOptions withMaxStatements(int n) {
        return new OptimizeOptions(dialect, tables, history, eventLogs, pipelines, parseTimeoutMillis, n);
    }
}
