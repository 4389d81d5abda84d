package dev.dece.cli;

import dev.dece.core.sql.Dialect;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Review a Dimensional Model Template (grain, measures, keys, SCD types, hierarchies, naming) and "
                + "generate its DDL, SCD Type 2 loads and a dbt schema.yml with the testing checklist's tests.")
public final class ModelCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommandOptions common = new CommandOptions();
    @Mixin ManyInputs many = new ManyInputs();
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Dimensional Model Template, YAML or JSON. Several files, directories (read recursively) or quoted globs: one report each, or one with --combined.")
    List<Path> files;
    @Option(names = "--dialect", paramLabel = "DIALECT", defaultValue = "postgres",
            description = "SQL dialect of the generated DDL and merges: postgres (default), duckdb, snowflake, bigquery")
    String dialect;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        Dialect d = CommandOptions.dialect(cl, dialect, Dialect.class);
        return many.run(cl, common, files, ManyInputs.DOCUMENTS, (dece, f) -> dece.model(f, d));
    }
}
