package dev.dece.cli;

import dev.dece.core.audit.AuditOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit a data platform folder (Phase 11 Quality Scoring Rubric): every file recognised by content and read by "
                + "its command, the seven dimensions scored 0-100 with evidence per platform, pipeline and dataset, the test pyramid, "
                + "and with --baseline the trend. --format html writes one self-contained page.")
public final class AuditCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommandOptions common = new CommandOptions();

    @Parameters(paramLabel = "DIR|FILE", arity = "1..*",
            description = "the platform folder, or its files: briefs, pipeline specs, contracts, models, dbt artifacts, run logs, "
                    + "catalog entries, cost files, SQL, Spark event logs (recognised by content)")
    List<Path> inputs = new ArrayList<>();

    @picocli.CommandLine.Option(names = "--as-of", paramLabel = "TIME",
            description = "\"now\" for monitor's windows, cost's month and catalog's refresh SLA, e.g. 2026-03-08T12:00:00Z (default: from the inputs)")
    String asOf;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        // --baseline (a previous audit's JSON report) marks the findings it held as known, and gives the score trend
        AuditOptions o = AuditOptions.defaults().withBaseline(common.baseline).withAsOf(asOf == null ? null : MonitorCommand.asOf(cl, asOf));
        if ("html".equalsIgnoreCase(common.format)) {
            return common.run(cl, dece -> dece.audit(inputs, o), dev.dece.core.audit.AuditCommand::html);
        }
        return common.run(cl, dece -> dece.audit(inputs, o));
    }
}
