package dev.dece.cli;

import dev.dece.core.Dece;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assess an Architecture Brief: pattern, orchestration, processing, storage, modeling, "
                + "governance and growth horizon.")
public final class AssessCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommandOptions common = new CommandOptions();
    @Mixin ManyInputs many = new ManyInputs();
    @Parameters(arity = "1..*", paramLabel = "BRIEF", description = "Architecture Brief, YAML or JSON. Several files, directories (read recursively) or quoted globs: one report each, or one with --combined.")
    List<Path> briefs;

    @Override
    public Integer call() {
        return many.run(spec.commandLine(), common, briefs, ManyInputs.DOCUMENTS, Dece::assess);
    }
}

