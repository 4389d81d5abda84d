package dev.dece.cli;

import dev.dece.core.catalog.MigrateOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Plan a migration from one system to another over the estate: inventory, lineage order, validation SQL per "
                + "dataset, parallel run, cut-over and rollback, and findings for a target the technology rules advise against.")
public final class MigrateCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommandOptions common = new CommandOptions();

    @Option(names = "--from", required = true, paramLabel = "SYSTEM", description = "the old system, e.g. redshift")
    String from;

    @Option(names = "--to", required = true, paramLabel = "SYSTEM", description = "the new system, e.g. snowflake")
    String to;

    @Option(names = "--catalog", paramLabel = "FILE|DIR", description = "catalog entries (repeatable)")
    List<Path> entries = new ArrayList<>();

    @Mixin EstateOptions estate = new EstateOptions();

    @Option(names = "--brief", paramLabel = "FILE", description = "an Architecture Brief, for the volume rules")
    Path brief;

    @Override
    public Integer call() {
        MigrateOptions o = new MigrateOptions(from, to, entries, estate.manifests, estate.pipelines, estate.contracts, brief);
        return common.run(spec.commandLine(), dece -> dece.migrate(o));
    }
}
