package dev.dece.cli;

import dev.dece.core.monitor.MonitorOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Pipeline health from run logs: the eight rows of the Pipeline Health Dashboard per pipeline, alerts rated "
                + "P0-P3 with their response time, checks of the logs themselves, and the triage of every failure. Reads the "
                + "Structured Logging Standard (JSON lines), dbt run_results.json / sources.json and OpenLineage RunEvents. "
                + "Without logs, sets up monitoring for the --pipelines specs (dashboards, alert routing, the log line's JSON Schema).")
public final class MonitorCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommandOptions common = new CommandOptions();

    @Parameters(index = "0..*", arity = "0..*", paramLabel = "LOG|DIR",
            description = "run log files or directories (their .json, .jsonl, .ndjson files, recursively)")
    List<Path> logs = new ArrayList<>();

    @Option(names = "--pipelines", paramLabel = "FILE|DIR", description = "Universal Pipeline Template specs: tier, sla_minutes, schedule, alert_channels, load (repeatable)")
    List<Path> pipelines = new ArrayList<>();

    @Option(names = "--contract", paramLabel = "FILE", description = "Data Contracts joined by name: consumers, sla.freshness_hours, notification_channel (repeatable)")
    List<Path> contracts = new ArrayList<>();

    @Option(names = "--brief", paramLabel = "FILE", description = "Architecture Brief: how consumers use the data, compliance, the monthly budget")
    Path brief;

    @Option(names = "--backfill", paramLabel = "FILE", description = "backfill queue (YAML, see docs/monitor.md)")
    Path backfill;

    @Option(names = "--cost", paramLabel = "FILE", description = "Cost Allocation Template (cost_tracking.by_pipeline); needs --brief for the budget")
    Path cost;

    @Option(names = "--as-of", paramLabel = "TIME", description = "\"now\", e.g. 2026-03-08T12:00:00Z (default: the latest event in the logs)")
    String asOf;

    @Option(names = "--patterns", paramLabel = "FILE", description = "a team's triage patterns, added to or replacing the built-in ones")
    Path patterns;

    @Option(names = "--setup", description = "also write the monitoring set-up artifacts when logs are given")
    boolean setup;

    @Option(names = "--max-records", paramLabel = "N", defaultValue = "20000000", description = "most log records read (default: ${DEFAULT-VALUE})")
    long maxRecords;

    @Option(names = "--max-seconds", paramLabel = "S", defaultValue = "600", description = "longest time reading the logs may take (default: ${DEFAULT-VALUE})")
    long maxSeconds;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        Instant t = asOf(cl, asOf);
        if (maxRecords < 1 || maxSeconds < 1) throw new CommandLine.ParameterException(cl, "--max-records and --max-seconds must be at least 1");
        MonitorOptions d = MonitorOptions.defaults();
        MonitorOptions o = d.withPipelines(pipelines).withContracts(contracts).withBrief(brief).withBackfillQueue(backfill).withCost(cost)
                .withAsOf(t).withPatterns(patterns).withSetup(setup)
                .withLimits(d.maxFileBytes(), maxRecords, d.maxLineLength(), d.maxDepth(), Duration.ofSeconds(maxSeconds));
        return common.run(cl, dece -> dece.monitor(logs, o));
    }

    /** Parses --as-of: ISO-8601 with an offset. */
    static Instant asOf(CommandLine cl, String s) {
        if (s == null) return null;
        try {
            return OffsetDateTime.parse(s.strip().replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(cl, "--as-of: \"" + s + "\" is not a time with a UTC offset; write e.g. 2026-03-08T12:00:00Z");
        }
    }
}
