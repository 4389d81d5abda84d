package dev.dece.cli;

import dev.dece.core.catalog.BackfillOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = "Plan a backfill of TABLE for a date range: the Backfill Protocol's nine steps (Markdown, YAML) with "
                + "validation SQL in four dialects, and findings for non-idempotent loads, schema changes and multi-tenant rebuilds.")
public final class BackfillCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommandOptions common = new CommandOptions();

    @Parameters(index = "0", paramLabel = "TABLE", description = "the table to backfill")
    String table;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "first day, YYYY-MM-DD")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "last day, YYYY-MM-DD, inclusive")
    String to;

    @Option(names = "--tenant", paramLabel = "TENANT", description = "rebuild this tenant only")
    String tenant;

    @Option(names = "--catalog", paramLabel = "FILE|DIR", description = "catalog entries (repeatable)")
    List<Path> entries = new ArrayList<>();

    @Mixin EstateOptions estate = new EstateOptions();

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        BackfillOptions o = new BackfillOptions(table, date(cl, "--from", from), date(cl, "--to", to), tenant, entries, estate.manifests, estate.pipelines, estate.contracts);
        return common.run(cl, dece -> dece.backfill(o));
    }

    static LocalDate date(CommandLine cl, String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(cl, option + ": \"" + value + "\" is not a date; use YYYY-MM-DD");
        }
    }
}
