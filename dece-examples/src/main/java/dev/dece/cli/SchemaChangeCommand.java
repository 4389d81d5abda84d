package dev.dece.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "schema-change", mixinStandardHelpOptions = true,
        description = "Compare two versions of a contract (either format) or two column lists: classify each change, "
                + "the compatibility of the whole (full, backward, forward, none) and the actions the breaking-change policy requires.")
public final class SchemaChangeCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommandOptions common = new CommandOptions();
    @Parameters(index = "0", paramLabel = "OLD", description = "the current contract or column list")
    Path before;
    @Parameters(index = "1", paramLabel = "NEW", description = "the proposed contract or column list")
    Path after;

    @Override
    public Integer call() {
        return common.run(spec.commandLine(), dece -> dece.schemaChange(before, after));
    }
}
