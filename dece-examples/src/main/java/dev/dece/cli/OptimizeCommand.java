package dev.dece.cli;

import dev.dece.core.optimize.OptimizeOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = "Performance advice. SQL: the SQL optimization checklist, the partition-key rule and the >1 TB full-scan "
                + "red flag on .sql files or directories, a dbt target/manifest.json (compiled SQL) and query-history exports, "
                + "with findings on each query's line and column. Spark: the Spark optimization guide on event logs.")
public final class OptimizeCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommandOptions common = new CommandOptions();

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = ".sql files, directories of them (recursive), or a dbt manifest.json")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--tables", paramLabel = "FILE",
            description = "table knowledge (repeatable): a table list (partition_key, clustering_keys, size_gb, row_count, "
                    + "columns with nullable), CREATE TABLE DDL, a dbt manifest, a data contract or a dimensional model")
    List<Path> tables = new ArrayList<>();

    @Option(names = "--history", paramLabel = "FILE",
            description = "query-history export (repeatable): Snowflake QUERY_HISTORY or BigQuery INFORMATION_SCHEMA.JOBS, CSV or JSON lines, optionally .gz")
    List<Path> history = new ArrayList<>();

    @Option(names = "--event-log", paramLabel = "PATH",
            description = "Spark event log (repeatable): a file (plain, .lz4, .snappy, .zstd) or a rolling eventlog_v2_* directory")
    List<Path> eventLogs = new ArrayList<>();

    @Option(names = "--pipeline", paramLabel = "SPEC",
            description = "Universal Pipeline Template of the Spark job (repeatable): its load.partition_key is what the writes must follow")
    List<Path> pipelines = new ArrayList<>();

    @Option(names = "--dialect", paramLabel = "DIALECT",
            description = "how to parse .sql files: postgres, duckdb, snowflake, bigquery, spark (default: a manifest's adapter, else duckdb)")
    String dialect;

    @Option(names = "--parse-timeout", paramLabel = "MILLIS", defaultValue = "5000",
            description = "the longest one statement may take to parse (default: ${DEFAULT-VALUE})")
    long parseTimeout;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        OptimizeOptions.SqlDialect d = dialect == null ? null : CommandOptions.dialect(cl, dialect, OptimizeOptions.SqlDialect.class);
        if (parseTimeout < 1) throw new CommandLine.ParameterException(cl, "--parse-timeout: " + parseTimeout + " is below 1 millisecond");
        if (inputs.isEmpty() && history.isEmpty() && eventLogs.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "name an INPUT (.sql file, directory or dbt manifest), a --history export or an --event-log");
        }
        OptimizeOptions o = OptimizeOptions.defaults().withDialect(d).withTables(tables).withHistory(history).withEventLogs(eventLogs)
                .withPipelines(pipelines).withParseTimeout(parseTimeout);
        return common.run(cl, dece -> dece.optimize(inputs, o));
    }
}
