package dev.dece.core.triage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@code Dece.triage} joins to a failure and how it classifies it. Every input is optional.
 *
 * <pre>{@code
 * TriageOptions o = TriageOptions.defaults()
 *         .withPipelines(List.of(Path.of("pipelines/")))          // tier, SLA, alert channels, idempotency
 *         .withContracts(List.of(Path.of("orders.contract.yaml")))  // consumers, freshness SLA
 *         .withBrief(Path.of("brief.yaml"))                        // how consumers use the data, compliance
 *         .withPipeline("orders_daily");                           // which pipeline a bare message is about
 * }</pre>
 *
 * @param pipelines Universal Pipeline Template files or directories; never null
 * @param contracts Data Contract files (template or ODCS v3); never null
 * @param brief     an Architecture Brief, or {@code null}
 * @param patterns  a team's patterns file that adds, replaces ({@code id}) or removes ({@code disabled: true})
 *                  built-in triage patterns, or {@code null}
 * @param pipeline  the pipeline a single error message belongs to, or {@code null} ("message")
 * @param asOf      "now", for a log file's failures; {@code null}: the latest event of the input
 */
public record TriageOptions(List<Path> pipelines, List<Path> contracts, Path brief, Path patterns, String pipeline,
                            Instant asOf) {

    public TriageOptions {
        pipelines = List.copyOf(Objects.requireNonNull(pipelines, "pipelines"));
        contracts = List.copyOf(Objects.requireNonNull(contracts, "contracts"));
    }

    /** No context, the built-in patterns, as-of from the input. */
    public static TriageOptions defaults() {
        return new TriageOptions(List.of(), List.of(), null, null, null, null);
    }

    public TriageOptions withPipelines(List<Path> p) {
        return new TriageOptions(p, contracts, brief, patterns, pipeline, asOf);
    }

    public TriageOptions withContracts(List<Path> c) {
        return new TriageOptions(pipelines, c, brief, patterns, pipeline, asOf);
    }

    public TriageOptions withBrief(Path b) {
        return new TriageOptions(pipelines, contracts, b, patterns, pipeline, asOf);
    }

    public TriageOptions withPatterns(Path p) {
        return new TriageOptions(pipelines, contracts, brief, p, pipeline, asOf);
    }

    public TriageOptions withPipeline(String name) {
        return new TriageOptions(pipelines, contracts, brief, patterns, name, asOf);
    }

    public TriageOptions withAsOf(Instant t) {
        return new TriageOptions(pipelines, contracts, brief, patterns, pipeline, t);
    }
}
