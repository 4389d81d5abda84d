package dev.dece.cli;

import dev.dece.core.quality.QualityOptions;
import dev.dece.core.sql.Dialect;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "quality", mixinStandardHelpOptions = true,
        description = "Review a data contract (Data Contract Template or ODCS v3), generate its quality checks as SQL "
                + "and a dbt tests file, and with --jdbc run them read-only and rate failures P0-P3.")
public final class QualityCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommandOptions common = new CommandOptions();
    @Mixin ManyInputs many = new ManyInputs();
    @Parameters(arity = "1..*", paramLabel = "CONTRACT", description = "data contract, YAML or JSON. Several files, directories (read recursively) or quoted globs: one report each, or one with --combined.")
    List<Path> contracts;

    @Option(names = "--jdbc", paramLabel = "URL",
            description = "run the checks on this database, read-only, e.g. jdbc:duckdb:/data/wh.duckdb or "
                    + "jdbc:postgresql://host/db?user=u (default: only print the checks)")
    String jdbc;

    @Option(names = "--dialect", paramLabel = "DIALECT",
            description = "SQL dialect: duckdb, postgres, snowflake, bigquery (default: from --jdbc, else duckdb)")
    String dialect;

    @Option(names = "--seed", paramLabel = "SQL_FILE",
            description = "SQL script loaded into an in-memory DuckDB (--jdbc jdbc:duckdb:) before the checks; repeatable")
    List<Path> seed = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "statement timeout per check (default: ${DEFAULT-VALUE})")
    int timeout;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "check N tables at a time, each over its own read-only connection (1 to 16; default: ${DEFAULT-VALUE}); "
                    + "the report is the same for every N")
    int jobs;

    @Option(names = "--per-check",
            description = "run one query per check instead of one scan per table (same results, more queries)")
    boolean perCheck;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        common.outputFormat(cl);
        common.threshold(cl);
        Dialect d = dialect != null ? CommandOptions.dialect(cl, dialect, Dialect.class)
                : jdbc != null ? QualityOptions.dialectOf(jdbc) : Dialect.DUCKDB;
        if (timeout < 1) throw new CommandLine.ParameterException(cl, "--timeout: " + timeout + " is below 1 second");
        if (!seed.isEmpty() && jdbc == null) {
            throw new CommandLine.ParameterException(cl, "--seed needs --jdbc jdbc:duckdb: (the in-memory database it loads)");
        }
        if (jobs < 1 || jobs > QualityOptions.MAX_JOBS) {
            throw new CommandLine.ParameterException(cl, "--jobs: " + jobs + " is not 1 to " + QualityOptions.MAX_JOBS);
        }
        QualityOptions options = new QualityOptions(d, jdbc, seed, timeout, jobs, perCheck);
        return many.run(cl, common, contracts, ManyInputs.DOCUMENTS, (dece, c) -> dece.quality(c, options));
    }
}
