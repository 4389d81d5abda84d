package dev.dece.core.monitor;

import dev.dece.core.cost.CostCommand;
import dev.dece.core.drl.Failure;
import dev.dece.core.drl.InfrastructureCost;
import dev.dece.core.drl.Node;
import dev.dece.core.drl.Pipeline;
import dev.dece.core.drl.PipelineContext;
import dev.dece.core.engine.Command;
import dev.dece.core.engine.Engine;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.CheckOutcome;
import dev.dece.core.report.Report;
import dev.dece.core.triage.TriageCommand;
import dev.dece.core.triage.TriageOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code dece monitor}: the Pipeline Health Dashboard (Phase 7) from real run logs. Reads the Structured Logging
 * Standard's JSON lines, dbt's run_results.json and sources.json, and OpenLineage RunEvents, streaming and bounded
 * ({@link MonitorOptions}); joins pipeline specs, contracts, a brief, a backfill queue and a cost file by pipeline
 * name; computes the eight dashboard rows per pipeline in Java; and runs the rules: the Alert Severity of each
 * pipeline (ALR), the dashboard's alerts (MON) and checks of the logs themselves (LOG) at that severity, and the
 * triage of every failure in the window (TRI). The report carries one typed check outcome per pipeline and row.
 * Without logs, the pipeline specs get their monitoring set-up as artifacts.
 *
 * <p>Three phases: severity and the triage branches; the dashboard, log checks and the triage's fix, retry and
 * post-fix steps; the triage's impact findings.
 */
public final class MonitorCommand {
    private MonitorCommand() {}

    public static final Command COMMAND = new Command("monitor",
            "Pipeline health from run logs (structured JSON lines, dbt artifacts, OpenLineage): the eight dashboard rows, "
                    + "alerts rated P0-P3, log checks and the triage of every failure; or, from specs alone, the monitoring set-up.",
            List.of(List.of("monitor.severity", "triage.classify"),
                    List.of("monitor.health", "triage.response"),
                    List.of("triage.impact")),
            List.of("monitor", "log", "triage.impact", "triage", "triage.fix", "triage.retry", "triage.post-fix", "alert.severity"),
            "docs/monitor.md",
            null);

    /**
     * Monitors the pipelines of {@code logs} (files or directories); with no logs, sets up monitoring for the specs of
     * {@link MonitorOptions#pipelines()}.
     *
     * @throws InputException for a log, context input or patterns file DECE cannot use, every problem located
     */
    public static Report run(Engine engine, List<Path> logs, MonitorOptions o) throws InputException {
        engine.prepare(COMMAND);
        if (logs.isEmpty() && o.pipelines().isEmpty()) {
            throw new InputException(Problem.file("monitor", "name run logs to monitor, or pipeline specs (--pipelines) to set up their monitoring"));
        }
        List<Path> files = logs.isEmpty() ? List.of() : LogFiles.expand(logs);
        List<String> inputs = new ArrayList<>();
        logs.forEach(p -> inputs.add(p.toString()));
        return run(engine, LogFiles.sources(files), inputs, o);
    }

    /**
     * Monitors logs held in memory, in order: each entry's key names it in locations (e.g. the stream record it came
     * from), its value is read as a log file of any of the three formats would be, with the same limits. What a stream
     * processor calls on the records it kept.
     *
     * @throws InputException for a log DECE cannot use, every problem located; when {@code logs} is empty
     */
    public static Report run(Engine engine, Map<String, String> logs, MonitorOptions o) throws InputException {
        engine.prepare(COMMAND);
        if (logs.isEmpty()) throw new InputException(Problem.file("monitor", "no run log to monitor"));
        return run(engine, memory(logs), new ArrayList<>(logs.keySet()), o);
    }

    /**
     * The pipelines whose runs the logs held in memory hold, sorted, each with the latest time its runs show (a run's
     * end, or its start while it runs): what a stream processor keys a record by and takes its event time from. Reads
     * the logs as {@link #run(Engine, Map, MonitorOptions)} does, without rules.
     *
     * @throws InputException for a log DECE cannot use, every problem located
     */
    public static Map<String, java.time.Instant> times(Map<String, String> logs, MonitorOptions o) throws InputException {
        RunStore store = new RunStore();
        LogFiles.read(memory(logs), new Reading(o), store);
        Map<String, java.time.Instant> out = new TreeMap<>();
        for (Map.Entry<String, List<Run>> e : store.pipelines().entrySet()) {
            long t = Long.MIN_VALUE;
            for (Run r : e.getValue()) t = Math.max(t, r.time());
            if (t != Run.NONE && t != Long.MIN_VALUE) out.put(e.getKey(), java.time.Instant.ofEpochMilli(t));
        }
        return out;
    }

    private static List<LogFiles.Source> memory(Map<String, String> logs) {
        List<LogFiles.Source> out = new ArrayList<>();
        logs.forEach((k, v) -> out.add(LogFiles.Source.of(k, v.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        return out;
    }

    private static Report run(Engine engine, List<LogFiles.Source> files, List<String> inputs, MonitorOptions o) throws InputException {
        RunStore store = new RunStore();
        Reading reading = new Reading(o);
        if (!files.isEmpty()) LogFiles.read(files, reading, store);
        Map<String, PipelineContext> contexts = new TreeMap<>();
        Map<String, Pipeline> specs = new TreeMap<>();
        context(engine, o.triage(), store, contexts, specs);
        InfrastructureCost cost = cost(engine, o, contexts.keySet());
        Map<String, List<BackfillQueue.Request>> queue = o.backfillQueue() == null ? null
                : BackfillQueue.read(engine.loader(), o.backfillQueue(), names(contexts, store));
        inputs.addAll(TriageCommand.names(o.triage()));
        if (o.backfillQueue() != null) inputs.add(o.backfillQueue().toString());
        if (o.cost() != null) inputs.add(o.cost().toString());

        List<Object> facts = new ArrayList<>(contexts.values());
        facts.addAll(specs.values());
        if (cost != null) facts.add(cost);
        if (store.isEmpty() && files.isEmpty()) {
            Report r = engine.evaluate(COMMAND, inputs, facts);
            return r.withArtifacts(SetupArtifacts.all(contexts.values(), r.recommendations(), engine.policy()));
        }
        long asOf = o.asOf() != null ? o.asOf().toEpochMilli() : store.maxTime;
        if (asOf == Long.MIN_VALUE) throw new InputException(Problem.file(files.get(0).name(), "holds no run; " + LogFiles.READ));
        Metrics.Result m = Metrics.compute(store, contexts, asOf, engine.policy(), queue, false);
        facts.addAll(m.health());
        facts.addAll(m.issues());
        facts.addAll(TriageCommand.classify(engine, m.failures(), o.patterns()));
        Report r = engine.evaluate(COMMAND, inputs, facts);
        List<CheckOutcome> checks = HealthChecks.outcomes(m.health(), m.rows(), cost, r.findings(), engine.policy());
        r = r.withChecks(checks);
        List<Artifact> artifacts = new ArrayList<>();
        artifacts.add(HealthChecks.table(r.checks(), Times.format(asOf)));
        if (o.setup()) artifacts.addAll(SetupArtifacts.all(contexts.values(), r.recommendations(), engine.policy()));
        return r.withArtifacts(artifacts);
    }

    /**
     * Triages every failed run of {@code logs} (up to {@link TriageOptions#asOf()}) by the triage rules: what
     * {@code Dece.triage} does with log files.
     */
    public static Report triage(Engine engine, List<Path> logs, TriageOptions t) throws InputException {
        engine.prepare(TriageCommand.COMMAND);
        MonitorOptions o = MonitorOptions.of(t);
        if (logs.isEmpty()) throw new InputException(Problem.file("triage", "name a log file, or give the error message itself"));
        RunStore store = new RunStore();
        Reading reading = new Reading(o);
        LogFiles.read(LogFiles.sources(LogFiles.expand(logs)), reading, store);
        Map<String, PipelineContext> contexts = new TreeMap<>();
        Map<String, Pipeline> specs = new TreeMap<>();
        context(engine, t, store, contexts, specs);
        long asOf = t.asOf() != null ? t.asOf().toEpochMilli() : store.maxTime;
        Metrics.Result m = Metrics.compute(store, contexts, asOf, engine.policy(), null, true);
        List<Object> facts = new ArrayList<>(contexts.values());
        facts.addAll(specs.values());
        List<Failure> failures = TriageCommand.classify(engine, m.failures(), t.patterns());
        facts.addAll(failures);
        List<String> inputs = new ArrayList<>();
        logs.forEach(p -> inputs.add(p.toString()));
        inputs.addAll(TriageCommand.names(t));
        return TriageCommand.evaluate(engine, inputs, facts);
    }

    private static void context(Engine engine, TriageOptions t, RunStore store, Map<String, PipelineContext> contexts,
                                Map<String, Pipeline> specs) throws InputException {
        Map<String, Double> freshness = new LinkedHashMap<>();
        for (Map.Entry<String, List<Run>> e : store.pipelines().entrySet()) {
            Run latest = null;
            for (Run r : e.getValue()) {
                if (r.kind == Run.Kind.FRESHNESS && !Double.isNaN(r.errorAfterHours) && (latest == null || r.time() > latest.time())) latest = r;
            }
            if (latest != null) freshness.put(e.getKey(), latest.errorAfterHours);
        }
        Map<String, Node> seen = store.seen();
        for (Object f : TriageCommand.context(engine, t, seen, freshness)) {
            if (f instanceof PipelineContext c) contexts.put(c.name(), c);
            else if (f instanceof Pipeline p) specs.put(p.name(), p);
        }
    }

    private static Set<String> names(Map<String, PipelineContext> contexts, RunStore store) {
        Set<String> out = new TreeSet<>(contexts.keySet());
        out.addAll(store.pipelines().keySet());
        return out;
    }

    private static InfrastructureCost cost(Engine engine, MonitorOptions o, Set<String> pipelines) throws InputException {
        return o.cost() == null ? null : CostCommand.infrastructureCost(engine, o.cost(), o.brief());
    }
}
