package dev.dece.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "recovery", mixinStandardHelpOptions = true,
        description = "Review a platform's disaster-recovery posture against the Phase 10 Disaster Recovery table: "
                + "five scenarios, their RPO, RTO and recovery steps, and a recovery plan.")
public final class RecoveryCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommandOptions common = new CommandOptions();
    @Parameters(index = "0", paramLabel = "POSTURE", description = "a disaster_recovery posture, YAML or JSON")
    Path posture;

    @Override
    public Integer call() {
        return common.run(spec.commandLine(), dece -> dece.recovery(posture));
    }
}
