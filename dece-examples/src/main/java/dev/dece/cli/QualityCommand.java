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
    @Parameters(index = "0", paramLabel = "CONTRACT", description = "data contract, YAML or JSON")
    Path contract;

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
        QualityOptions options = new QualityOptions(d, jdbc, seed, timeout);
        return common.run(cl, dece -> dece.quality(contract, options));
    }
}
