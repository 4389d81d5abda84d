package dev.dece.cli;

import dev.dece.core.Dece;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "recovery", mixinStandardHelpOptions = true,
        description = "Review a platform's disaster-recovery posture against the Phase 10 Disaster Recovery table: "
                + "five scenarios, their RPO, RTO and recovery steps, and a recovery plan.")
public final class RecoveryCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommandOptions common = new CommandOptions();
    @Mixin ManyInputs many = new ManyInputs();
    @Parameters(arity = "1..*", paramLabel = "POSTURE", description = "a disaster_recovery posture, YAML or JSON. Several files, directories (read recursively) or quoted globs: one report each, or one with --combined.")
    List<Path> postures;

    @Override
    public Integer call() {
        return many.run(spec.commandLine(), common, postures, ManyInputs.DOCUMENTS, Dece::recovery);
    }
}
