package dev.dece.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assess an Architecture Brief: pattern, orchestration, processing, storage, modeling, "
                + "governance and growth horizon.")
public final class AssessCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommandOptions common = new CommandOptions();
    @Parameters(index = "0", paramLabel = "BRIEF", description = "Architecture Brief, YAML or JSON")
    Path brief;

    @Override
    public Integer call() {
        return common.run(spec.commandLine(), dece -> dece.assess(brief));
    }
}

