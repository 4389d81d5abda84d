package dev.dece.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Design or review Universal Pipeline Template specs: extraction, load, idempotency, "
                + "partitioning, schedule, error handling and quality gates. A spec with extract.strategy and "
                + "load.strategy is reviewed; any other spec is completed (artifact pipeline-template).")
public final class PipelineCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommandOptions common = new CommandOptions();

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "FILE|DIR",
            description = "pipeline specs, YAML or JSON; a file may hold several documents; a directory is read recursively in path order")
    List<Path> inputs;

    @Option(names = "--brief", paramLabel = "FILE",
            description = "Architecture Brief: check each schedule against the latency its consumers need")
    Path brief;

    @Override
    public Integer call() {
        return common.run(spec.commandLine(), dece -> dece.pipeline(inputs, brief));
    }
}
