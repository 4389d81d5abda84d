package dev.dece.core.triage;

import dev.dece.core.assess.AssessCommand;
import dev.dece.core.contract.BoundContract;
import dev.dece.core.contract.ContractReader;
import dev.dece.core.doc.Suggest;
import dev.dece.core.drl.Classification;
import dev.dece.core.drl.Compliance;
import dev.dece.core.drl.Constraints;
import dev.dece.core.drl.Consumer;
import dev.dece.core.drl.ContractColumn;
import dev.dece.core.drl.ContractTable;
import dev.dece.core.drl.Format;
import dev.dece.core.drl.Node;
import dev.dece.core.drl.Nodes;
import dev.dece.core.drl.Pipeline;
import dev.dece.core.drl.PipelineContext;
import dev.dece.core.engine.Engine;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.pipeline.PipelineCommand;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Joins the optional context inputs to pipelines by name: the Universal Pipeline Templates (by
 * {@code pipeline.name}), the Data Contracts (by {@code contract.name}, or a table name equal to the pipeline's,
 * schema prefixes aside) and the Architecture Brief (consumers by {@code team}, {@code constraints.compliance}).
 * A contract that joins no pipeline is an input problem, not silently dropped.
 */
final class ContextBuilder {
    private ContextBuilder() {}

    /** What the context inputs give, per pipeline name (sorted). */
    record Context(Map<String, PipelineContext> contexts, Map<String, Pipeline> specs, Constraints constraints) {}

    /**
     * @param seen          pipelines the logs name, with the node of their first record (contexts are made for
     *                      these and for every spec)
     * @param logFreshness  freshness SLAs the logs themselves carry (dbt source freshness {@code error_after}), in hours
     */
    static Context build(Engine engine, TriageOptions o, Map<String, Node> seen, Map<String, Double> logFreshness)
            throws InputException {
        List<Node> briefDocs = o.brief() == null ? null : engine.loader().load(o.brief());
        List<Consumer> consumers = briefDocs == null ? List.of() : AssessCommand.consumers(briefDocs);
        Constraints constraints = briefDocs == null ? null : AssessCommand.constraints(briefDocs);
        Map<String, Pipeline> specs = new TreeMap<>();
        if (!o.pipelines().isEmpty()) {
            for (Pipeline p : PipelineCommand.specs(engine, o.pipelines(), consumers)) specs.put(p.name(), p);
        }
        List<BoundContract> contracts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path c : o.contracts()) {
            try {
                contracts.add(ContractReader.read(engine.loader().load(c)));
            } catch (InputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new InputException(problems);

        Set<String> names = new TreeSet<>(seen.keySet());
        names.addAll(specs.keySet());
        Map<String, List<BoundContract>> joined = new TreeMap<>();
        for (BoundContract c : contracts) {
            List<String> hits = new ArrayList<>();
            for (String n : names) if (joins(c, n)) hits.add(n);
            if (hits.isEmpty()) {
                String near = c.contract().name() == null ? null : Suggest.closest(c.contract().name(), names);
                problems.add(Problem.at(c.contract().nameNode().isPresent() ? c.contract().nameNode() : c.contract().node(),
                        "contract \"" + c.contract().name() + "\" (tables " + String.join(", ", tables(c))
                                + ") joins no pipeline of the inputs; a contract is joined by its name or a table name equal to a pipeline's name"
                                + (near != null ? "; did you mean \"" + near + "\"?" : "")
                                + (names.isEmpty() ? "" : " Pipelines: " + String.join(", ", first(names, 20)))));
            }
            for (String n : hits) joined.computeIfAbsent(n, k -> new ArrayList<>()).add(c);
        }
        if (!problems.isEmpty()) throw new InputException(problems);

        Map<String, PipelineContext> out = new TreeMap<>();
        for (String n : names) {
            out.put(n, context(n, specs.get(n), joined.getOrDefault(n, List.of()), consumers, constraints, briefDocs != null,
                    seen.get(n), logFreshness.get(n)));
        }
        return new Context(out, specs, constraints);
    }

    /** A table name or contract name equal to the pipeline's name, case and schema prefix aside. */
    static boolean joins(BoundContract c, String pipeline) {
        String p = last(pipeline);
        if (c.contract().name() != null && last(c.contract().name()).equalsIgnoreCase(p)) return true;
        for (ContractTable t : c.tables()) {
            if (last(t.name()).equalsIgnoreCase(p)) return true;
        }
        return false;
    }

    private static String last(String s) {
        String t = s.strip();
        int dot = t.lastIndexOf('.');
        return dot >= 0 ? t.substring(dot + 1) : t;
    }

    private static List<String> tables(BoundContract c) {
        return c.tables().stream().map(ContractTable::name).toList();
    }

    private static List<String> first(Collection<String> c, int n) {
        List<String> l = new ArrayList<>(c);
        return l.size() <= n ? l : l.subList(0, n);
    }

    private static PipelineContext context(String name, Pipeline spec, List<BoundContract> contracts, List<Consumer> brief,
                                           Constraints constraints, boolean hasBrief, Node seenAt, Double logFreshness) {
        Set<String> teams = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> channels = new ArrayList<>();
        List<String> restricted = new ArrayList<>();
        List<String> pii = new ArrayList<>();
        List<String> contractNames = new ArrayList<>();
        Double freshness = null;
        String freshnessSource = null;
        Node freshnessNode = null;
        for (BoundContract c : contracts) {
            teams.addAll(c.contract().consumers());
            if (c.contract().notificationChannel() != null && !channels.contains(c.contract().notificationChannel())) {
                channels.add(c.contract().notificationChannel());
            }
            contractNames.add(c.contract().name());
            for (ContractColumn col : c.columns()) {
                if (col.classification() == Classification.RESTRICTED) restricted.add(col.qualified());
                if (col.pii()) pii.add(col.qualified());
            }
            Double f = c.contract().freshnessHours();
            if (f != null && (freshness == null || f < freshness)) {
                freshness = f;
                freshnessSource = "contract " + c.contract().name() + " sla.freshness_hours";
                freshnessNode = c.contract().freshnessNode();
            }
        }
        if (spec != null) teams.addAll(spec.serves());
        if (spec != null && teams.isEmpty() && hasBrief) {
            for (Consumer c : brief) if (c.team() != null) teams.add(c.team()); // serves: [] means every consumer of the brief
        }
        List<Consumer> matched = new ArrayList<>();
        for (Consumer c : brief) {
            if (c.team() != null && teams.contains(c.team())) matched.add(c);
        }
        if (freshness == null && logFreshness != null) {
            freshness = logFreshness;
            freshnessSource = "dbt source freshness error_after";
        }
        if (freshness == null && spec != null && spec.schedule() != null && spec.slaMinutes() != null) {
            long gap = maxGapMinutes(spec.schedule().expression());
            freshness = (gap + spec.slaMinutes()) / 60.0;
            freshnessSource = "the longest gap between scheduled runs (" + Format.number(gap / 60.0) + " h) plus sla_minutes ("
                    + spec.slaMinutes() + ")";
        }
        Set<Compliance> compliance = constraints == null ? Set.of() : constraints.compliance();

        Node at = spec != null ? spec.node() : !contracts.isEmpty() ? contracts.get(0).contract().node()
                : seenAt != null ? seenAt : Nodes.scalar("pipelines[" + name + "]", "", 0, 0, name);
        Map<String, Object> children = new LinkedHashMap<>();
        children.put("name", spec != null ? spec.node("name") : Nodes.scalar(at.path() + ".name", at.file(), at.line(), at.column(), name));
        if (spec != null) {
            children.put("tier", spec.node("tier"));
            children.put("sla_minutes", spec.node("sla_minutes"));
            children.put("schedule", spec.node("schedule"));
            children.put("serves", spec.node("serves"));
            children.put("alert_channels", spec.errors().node("alert_channels"));
            children.put("load_strategy", spec.load().node("strategy"));
        }
        if (!contracts.isEmpty()) {
            children.put("consumers", contracts.get(0).contract().consumersNode());
            children.put("notification_channel", contracts.get(0).contract().channelNode());
        }
        if (freshnessNode != null) children.put("freshness_hours", freshnessNode);
        else if (freshness != null) children.put("freshness_hours", Nodes.scalar("freshness_sla_hours", at.file(), at.line(), at.column(),
                Format.number(freshness) + " (" + freshnessSource + ")"));
        if (constraints != null) children.put("compliance", constraints.node("compliance"));
        Node node = Nodes.map(at.path(), at.file(), at.line(), at.column(), children);

        return new PipelineContext(node, name, spec != null, spec == null ? null : spec.tier(), spec == null ? null : spec.slaMinutes(),
                spec == null || spec.schedule() == null ? null : spec.schedule().expression(),
                spec == null || spec.schedule() == null ? null : maxGapMinutes(spec.schedule().expression()), new ArrayList<>(teams), matched,
                compliance, restricted, pii, spec == null ? List.of() : spec.errors().alertChannels(), channels, contractNames,
                freshness, freshnessSource);
    }

    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final Map<String, Long> GAPS = new ConcurrentHashMap<>();
    private static final Map<String, String> NICKNAMES = Map.of(
            "@hourly", "0 * * * *", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
            "@weekly", "0 0 * * 0", "@monthly", "0 0 1 * *", "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *");

    /**
     * The longest gap between two consecutive runs of a (valid) cron expression, in minutes, over up to 800 days from a fixed
     * start (2026-01-05T00:00Z), at most 5 000 runs: a weekday schedule's weekend gap, a monthly schedule's month.
     */
    static long maxGapMinutes(String expression) {
        return GAPS.computeIfAbsent(expression, e -> {
            String x = NICKNAMES.getOrDefault(e.strip().toLowerCase(Locale.ROOT), e.strip());
            ExecutionTime et = ExecutionTime.forCron(CRON.parse(x));
            ZonedDateTime start = ZonedDateTime.of(2026, 1, 5, 0, 0, 0, 0, ZoneOffset.UTC);
            ZonedDateTime end = start.plusDays(800);
            ZonedDateTime t = start.minusSeconds(1);
            ZonedDateTime prev = null;
            long max = 0;
            for (int i = 0; i < 5_000; i++) {
                Optional<ZonedDateTime> n = et.nextExecution(t);
                if (n.isEmpty() || n.get().isAfter(end)) break;
                if (prev != null) max = Math.max(max, Duration.between(prev, n.get()).toMinutes());
                prev = n.get();
                t = n.get();
            }
            return max == 0 ? Duration.ofDays(366).toMinutes() : max;
        });
    }
}
