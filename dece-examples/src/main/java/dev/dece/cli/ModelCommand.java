package dev.dece.cli;

import dev.dece.core.sql.Dialect;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Review a Dimensional Model Template (grain, measures, keys, SCD types, hierarchies, naming) and "
                + "generate its DDL, SCD Type 2 loads and a dbt schema.yml with the testing checklist's tests.")
public final class ModelCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommandOptions common = new CommandOptions();
    @Parameters(index = "0", paramLabel = "FILE", description = "Dimensional Model Template, YAML or JSON")
    Path file;
    @Option(names = "--dialect", paramLabel = "DIALECT", defaultValue = "postgres",
            description = "SQL dialect of the generated DDL and merges: postgres (default), duckdb, snowflake, bigquery")
    String dialect;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        Dialect d = CommandOptions.dialect(cl, dialect, Dialect.class);
        return common.run(cl, dece -> dece.model(file, d));
    }
}
