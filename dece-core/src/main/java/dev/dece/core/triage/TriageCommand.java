package dev.dece.core.triage;

import dev.dece.core.drl.Failure;
import dev.dece.core.drl.Node;
import dev.dece.core.drl.Nodes;
import dev.dece.core.drl.PatternMatch;
import dev.dece.core.drl.PipelineContext;
import dev.dece.core.engine.Command;
import dev.dece.core.engine.Engine;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.report.Report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dece triage}: the Pipeline Failure Triage runbook (Phase 10) for every failure. The error text (and the
 * codes in it: SQLSTATE, Snowflake error numbers, BigQuery reasons, Spark error classes, exit status, dbt exception
 * types) is matched against the triage patterns, which are data ({@code patterns.yaml}, overridable by a team's
 * file); the rules then choose the runbook branch, the fix class, whether a retry is safe (only when the
 * pipeline's spec makes it idempotent) and the post-fix steps, and raise one finding per failure with its impact
 * (consumers, dashboards, freshness SLA, who to notify) at the pipeline's alert severity.
 *
 * <p>Three phases: the Alert Severity rules and the branch votes; the fix, retry and post-fix votes, which follow
 * the chosen branch; the impact finding, which quotes them all. Takes a single error message here; run logs are
 * read by the monitor command ({@code Dece.triage(List, TriageOptions)}), which hands their failures to this one.
 */
public final class TriageCommand {
    private TriageCommand() {}

    public static final Command COMMAND = new Command("triage",
            "Triage failed runs by the Phase 10 runbook: branch, checks, impact, fix class, retry safety and post-fix steps.",
            List.of(List.of("monitor.severity", "triage.classify"),
                    List.of("triage.response"),
                    List.of("triage.impact")),
            List.of("triage.impact", "triage", "triage.fix", "triage.retry", "triage.post-fix", "alert.severity"),
            "docs/monitor.md",
            null);

    /** The pipeline name a bare message is filed under when {@link TriageOptions#pipeline()} is not given. */
    public static final String MESSAGE = "message";

    /**
     * Triages one error message, e.g. pasted from a scheduler's log.
     *
     * @throws InputException when the message is empty, or a context input or the patterns file is invalid
     */
    public static Report run(Engine engine, String message, TriageOptions options) throws InputException {
        engine.prepare(COMMAND);
        if (message == null || message.isBlank()) {
            throw new InputException(Problem.file("message", "is empty; give the error text of the failed run"));
        }
        String name = options.pipeline() == null || options.pipeline().isBlank() ? MESSAGE : options.pipeline().strip();
        Node node = Nodes.map("message", "message", 1, 1, Map.of("error_message", message.strip()));
        Failure f = new Failure(node, name + "/message", name, "message", null, "failed", null, message.strip(), List.of(), 1,
                List.of("message"), null, null, "message");
        Map<String, Node> seen = new LinkedHashMap<>();
        seen.put(name, node);
        List<Object> facts = new ArrayList<>(context(engine, options, seen, Map.of()));
        if (options.pipeline() != null && facts.stream().noneMatch(o -> o instanceof dev.dece.core.drl.Pipeline p && p.name().equals(name))
                && !options.pipelines().isEmpty()) {
            List<String> known = facts.stream().filter(o -> o instanceof dev.dece.core.drl.Pipeline).map(o -> ((dev.dece.core.drl.Pipeline) o).name()).toList();
            String near = dev.dece.core.doc.Suggest.closest(name, known);
            throw new InputException(Problem.file("--pipeline", "\"" + name + "\" is not a pipeline of the specs"
                    + (near != null ? "; did you mean \"" + near + "\"?" : "") + " Pipelines: " + String.join(", ", known)));
        }
        facts.addAll(classify(engine, List.of(f), options.patterns()));
        List<String> inputs = new ArrayList<>();
        inputs.add("message");
        inputs.addAll(names(options));
        return evaluate(engine, inputs, facts);
    }

    /**
     * The failures with the patterns that match their error text ({@link Failure#matches()}, best first).
     *
     * @param patterns a team's patterns file, or {@code null} for the built-in patterns
     * @throws InputException when the patterns file is invalid, or one of its regexes runs away on a message
     */
    public static List<Failure> classify(Engine engine, List<Failure> failures, Path patterns) throws InputException {
        Classifier c = new Classifier(PatternSet.load(engine.loader(), patterns));
        List<Failure> out = new ArrayList<>(failures.size());
        for (Failure f : failures) {
            List<PatternMatch> m = c.classify(f.errorMessage());
            out.add(f.withMatches(m));
        }
        return out;
    }

    /**
     * The context facts of the pipelines: one {@link PipelineContext} per pipeline named in {@code seen} or in the
     * specs, then the specs ({@code Pipeline}) themselves, both sorted by name.
     *
     * @param seen         pipelines the logs name, with the node of their first record
     * @param logFreshness freshness SLAs carried by the logs (dbt source freshness), in hours, by pipeline
     * @throws InputException when a context input is invalid or a contract joins no pipeline
     */
    public static List<Object> context(Engine engine, TriageOptions options, Map<String, Node> seen, Map<String, Double> logFreshness)
            throws InputException {
        ContextBuilder.Context c = ContextBuilder.build(engine, options, seen, logFreshness);
        List<Object> out = new ArrayList<>(c.contexts().values());
        out.addAll(c.specs().values());
        return out;
    }

    /** Runs the triage phases over classified failures and their context. */
    public static Report evaluate(Engine engine, List<String> inputs, List<Object> facts) throws InputException {
        engine.prepare(COMMAND);
        return engine.evaluate(COMMAND, inputs, facts);
    }

    /** The context inputs' names, for the report's input list. */
    public static List<String> names(TriageOptions o) {
        List<String> out = new ArrayList<>();
        o.pipelines().forEach(p -> out.add(p.toString()));
        o.contracts().forEach(p -> out.add(p.toString()));
        if (o.brief() != null) out.add(o.brief().toString());
        if (o.patterns() != null) out.add(o.patterns().toString());
        return out;
    }
}
