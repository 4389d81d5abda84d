package dev.dece.cli;

import dev.dece.core.triage.TriageOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "triage", mixinStandardHelpOptions = true,
        description = "Triage failures by the Pipeline Failure Triage runbook: the branch (connection timeout, schema mismatch, "
                + "data quality, out of memory, permission denied, duplicate key, timeout, or unknown), what to check, the impact "
                + "and who to notify, the fix class, whether a retry is safe and the post-fix steps. Give run logs, or one error "
                + "message with --message (- reads it from standard input).")
public final class TriageCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommandOptions common = new CommandOptions();

    @Parameters(index = "0..*", arity = "0..*", paramLabel = "LOG|DIR", description = "run logs, read as 'dece monitor' reads them")
    List<Path> logs = new ArrayList<>();

    @Option(names = "--message", paramLabel = "TEXT", description = "one error message to triage instead of logs; - reads standard input")
    String message;

    @Option(names = "--pipeline", paramLabel = "NAME", description = "the pipeline the --message comes from (its spec and contracts give the impact)")
    String pipeline;

    @Option(names = "--pipelines", paramLabel = "FILE|DIR", description = "Universal Pipeline Template specs (repeatable)")
    List<Path> pipelines = new ArrayList<>();

    @Option(names = "--contract", paramLabel = "FILE", description = "Data Contracts joined by name (repeatable)")
    List<Path> contracts = new ArrayList<>();

    @Option(names = "--brief", paramLabel = "FILE", description = "Architecture Brief: how consumers use the data, compliance")
    Path brief;

    @Option(names = "--patterns", paramLabel = "FILE", description = "a team's triage patterns, added to or replacing the built-in ones")
    Path patterns;

    @Option(names = "--as-of", paramLabel = "TIME", description = "\"now\" for the logs, e.g. 2026-03-08T12:00:00Z (default: the latest event)")
    String asOf;

    /** Longest message read from standard input. */
    static final int MAX_MESSAGE = 1 << 20;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        if ((message == null) == logs.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "give run logs or --message TEXT, one of the two");
        }
        if (pipeline != null && message == null) {
            throw new CommandLine.ParameterException(cl, "--pipeline names the pipeline of a --message; logs name their pipelines themselves");
        }
        String text = message;
        if ("-".equals(message)) {
            InputStream in = System.in;
            byte[] b = in.readNBytes(MAX_MESSAGE + 1);
            if (b.length > MAX_MESSAGE) throw new CommandLine.ParameterException(cl, "--message -: standard input holds more than " + MAX_MESSAGE + " bytes");
            text = new String(b, StandardCharsets.UTF_8);
        }
        TriageOptions o = TriageOptions.defaults().withPipelines(pipelines).withContracts(contracts).withBrief(brief).withPatterns(patterns)
                .withPipeline(pipeline).withAsOf(MonitorCommand.asOf(cl, asOf));
        String m = text;
        return common.run(cl, dece -> m != null ? dece.triage(m, o) : dece.triage(logs, o));
    }
}
