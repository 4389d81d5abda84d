package dev.dece.core.monitor;

import dev.dece.core.triage.TriageOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@code Dece.monitor} joins to the run logs, what "now" is, and how much of a log it reads. Every input is
 * optional; without logs, the pipeline specs get their monitoring set-up (dashboards, alert routing, log schema).
 *
 * <pre>{@code
 * MonitorOptions o = MonitorOptions.defaults()
 *         .withPipelines(List.of(Path.of("pipelines/")))
 *         .withContracts(List.of(Path.of("orders.contract.yaml")))
 *         .withBrief(Path.of("brief.yaml"))
 *         .withBackfillQueue(Path.of("backfill-queue.yaml"))
 *         .withAsOf(Instant.parse("2026-03-08T12:00:00Z"));
 * }</pre>
 *
 * @param pipelines      Universal Pipeline Template files or directories; never null
 * @param contracts      Data Contract files; never null
 * @param brief          an Architecture Brief (consumers' use, compliance, the budget), or {@code null}
 * @param backfillQueue  a backfill queue file (docs/monitor.md), or {@code null}
 * @param cost           a Cost Allocation Template file, or {@code null}; needs a brief with a budget
 * @param asOf           "now"; {@code null}: the latest event in the logs
 * @param patterns       a team's triage patterns file, or {@code null}
 * @param setup          also write the monitoring set-up artifacts when logs are given (always without logs)
 * @param maxFileBytes   largest log file read; default 4 GiB
 * @param maxRecords     most log records read in one call, all files together; default 20 million
 * @param maxLineLength  longest JSON line, and longest string in any log; default 1 MiB
 * @param maxDepth       deepest JSON nesting; default 64
 * @param maxReadTime    longest time reading may take; default 10 minutes
 */
public record MonitorOptions(List<Path> pipelines, List<Path> contracts, Path brief, Path backfillQueue, Path cost,
                             Instant asOf, Path patterns, boolean setup, long maxFileBytes, long maxRecords,
                             int maxLineLength, int maxDepth, Duration maxReadTime) {

    public MonitorOptions {
        pipelines = List.copyOf(Objects.requireNonNull(pipelines, "pipelines"));
        contracts = List.copyOf(Objects.requireNonNull(contracts, "contracts"));
        Objects.requireNonNull(maxReadTime, "maxReadTime");
        if (maxFileBytes <= 0 || maxRecords <= 0 || maxLineLength <= 0 || maxDepth <= 0 || maxReadTime.isNegative() || maxReadTime.isZero()) {
            throw new IllegalArgumentException("log limits must be positive: " + maxFileBytes + ", " + maxRecords + ", "
                    + maxLineLength + ", " + maxDepth + ", " + maxReadTime);
        }
    }

    /** No context, "now" from the logs, the default limits. */
    public static MonitorOptions defaults() {
        return new MonitorOptions(List.of(), List.of(), null, null, null, null, null, false, 4L << 30, 20_000_000L,
                1 << 20, 64, Duration.ofMinutes(10));
    }

    public MonitorOptions withPipelines(List<Path> p) {
        return new MonitorOptions(p, contracts, brief, backfillQueue, cost, asOf, patterns, setup, maxFileBytes, maxRecords, maxLineLength, maxDepth, maxReadTime);
    }

    public MonitorOptions withContracts(List<Path> c) {
        return new MonitorOptions(pipelines, c, brief, backfillQueue, cost, asOf, patterns, setup, maxFileBytes, maxRecords, maxLineLength, maxDepth, maxReadTime);
    }

    public MonitorOptions withBrief(Path b) {
        return new MonitorOptions(pipelines, contracts, b, backfillQueue, cost, asOf, patterns, setup, maxFileBytes, maxRecords, maxLineLength, maxDepth, maxReadTime);
    }

    public MonitorOptions withBackfillQueue(Path q) {
        return new MonitorOptions(pipelines, contracts, brief, q, cost, asOf, patterns, setup, maxFileBytes, maxRecords, maxLineLength, maxDepth, maxReadTime);
    }

    public MonitorOptions withCost(Path c) {
        return new MonitorOptions(pipelines, contracts, brief, backfillQueue, c, asOf, patterns, setup, maxFileBytes, maxRecords, maxLineLength, maxDepth, maxReadTime);
    }

    public MonitorOptions withAsOf(Instant t) {
        return new MonitorOptions(pipelines, contracts, brief, backfillQueue, cost, t, patterns, setup, maxFileBytes, maxRecords, maxLineLength, maxDepth, maxReadTime);
    }

    public MonitorOptions withPatterns(Path p) {
        return new MonitorOptions(pipelines, contracts, brief, backfillQueue, cost, asOf, p, setup, maxFileBytes, maxRecords, maxLineLength, maxDepth, maxReadTime);
    }

    public MonitorOptions withSetup(boolean s) {
        return new MonitorOptions(pipelines, contracts, brief, backfillQueue, cost, asOf, patterns, s, maxFileBytes, maxRecords, maxLineLength, maxDepth, maxReadTime);
    }

    /** These limits on the logs read. */
    public MonitorOptions withLimits(long fileBytes, long records, int lineLength, int depth, Duration readTime) {
        return new MonitorOptions(pipelines, contracts, brief, backfillQueue, cost, asOf, patterns, setup, fileBytes, records, lineLength, depth, readTime);
    }

    /** The triage part of these options. */
    public TriageOptions triage() {
        return new TriageOptions(pipelines, contracts, brief, patterns, null, asOf);
    }

    /** Monitor options with a triage call's context, for {@code Dece.triage} on log files. */
    public static MonitorOptions of(TriageOptions t) {
        return defaults().withPipelines(t.pipelines()).withContracts(t.contracts()).withBrief(t.brief()).withPatterns(t.patterns())
                .withAsOf(t.asOf());
    }
}
