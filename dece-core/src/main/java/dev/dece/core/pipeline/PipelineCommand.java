package dev.dece.core.pipeline;

import dev.dece.core.assess.AssessCommand;
import dev.dece.core.drl.Consumer;
import dev.dece.core.drl.LoadStrategy;
import dev.dece.core.drl.Pipeline;
import dev.dece.core.engine.Command;
import dev.dece.core.engine.Engine;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.Evidence;
import dev.dece.core.report.Recommendation;
import dev.dece.core.report.Report;
import dev.dece.core.sql.Identifiers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code dece pipeline}: "Design a data pipeline" / "is this pipeline spec safe to run?". Reads Universal
 * Pipeline Templates (files, directories, several documents per file) and runs the pipeline rule set. A
 * pipeline whose extract and load strategies are both given is reviewed (findings on its lines); any other
 * is designed: the report carries its completed template as a {@code pipeline-template} artifact.
 */
public final class PipelineCommand {
    private PipelineCommand() {}

    public static final Command COMMAND = new Command("pipeline",
            "Design or review Universal Pipeline Templates: extraction, load, idempotency, partitioning, schedule, "
                    + "error handling and quality gates.",
            List.of(List.of("pipeline"), List.of("pipeline.artifacts")),
            List.of("extraction.strategy", "load.strategy", "partitioning.key", "idempotency", "error-handling",
                    "schedule", "quality-gates"),
            "docs/pipeline.md",
            (engine, files) -> new Command.Bound(files.stream().map(Path::toString).toList(), List.of(),
                    PipelineBinder.load(engine.loader(), files, List.of()), PipelineCommand.BATCH));

    /**
     * The run-it-twice test of one pipeline (IDEM-007's artifact), for the strategy its spec states or, when
     * it states none, {@code chosen}: the load strategy DECE recommends for it (null when none was chosen).
     */
    public static Artifact runTwiceTest(Pipeline p, String chosen) {
        LoadStrategy s = p.load().strategy() != null ? p.load().strategy() : chosen == null ? null : TemplateWriter.Binding.load(chosen);
        return new Artifact("idempotency-test", Identifiers.fileName(p.name()) + ".run-twice.sql", RunTwice.render(p, s));
    }

    /** Pipelines per rule session: they never join each other, so memory per session stays bounded. */
    static final int BATCH = 500;

    /**
     * @param inputs files or directories (read recursively, sorted by path); at least one
     * @param brief  an Architecture Brief whose consumers' latency the schedules must meet, or {@code null}
     */
    public static Report run(Engine engine, List<Path> inputs, Path brief) throws InputException {
        engine.prepare(COMMAND);
        if (inputs.isEmpty()) throw new InputException(Problem.file("pipeline", "name at least one pipeline file or directory"));
        List<Consumer> consumers = brief == null ? List.of() : AssessCommand.consumers(engine.loader().load(brief));
        List<Pipeline> pipelines = PipelineBinder.load(engine.loader(), inputs, consumers);
        List<String> names = new ArrayList<>();
        inputs.forEach(p -> names.add(p.toString()));
        if (brief != null) names.add(brief.toString());
        return report(engine, names, pipelines, consumers);
    }

    /**
     * Universal Pipeline Templates read and bound without a brief, for commands that check jobs against their spec
     * ({@code dece optimize} matches a Spark application to the pipeline of the same name).
     *
     * @throws InputException listing every problem of every document
     */
    public static List<Pipeline> pipelines(Engine engine, List<Path> inputs) throws InputException {
        return PipelineBinder.load(engine.loader(), inputs, List.of());
    }

    /** Documents and an optional brief held in memory ({@code briefName} null: no brief). */
    public static Report run(Engine engine, String name, String content, String briefName, String briefContent) throws InputException {
        engine.prepare(COMMAND);
        List<Consumer> consumers = briefName == null ? List.of()
                : AssessCommand.consumers(engine.loader().load(briefName, briefContent.getBytes(StandardCharsets.UTF_8)));
        List<Pipeline> pipelines = PipelineBinder.bind(engine.loader().load(name, content.getBytes(StandardCharsets.UTF_8)), consumers);
        return report(engine, briefName == null ? List.of(name) : List.of(name, briefName), pipelines, consumers);
    }

    /**
     * The Universal Pipeline Templates in {@code inputs} (files or directories, as {@link #run} reads them), bound
     * but not reviewed: for commands that join pipeline specs as context (monitor, triage).
     *
     * @param consumers a brief's consumers to check {@code pipeline.serves} against; empty without a brief
     * @throws InputException listing every problem of every document, located
     */
    public static List<Pipeline> specs(Engine engine, List<Path> inputs, List<Consumer> consumers) throws InputException {
        return PipelineBinder.load(engine.loader(), inputs, consumers);
    }

    /** Only the pipeline rule set runs: the brief is there for its consumers, not to be assessed again. */
    private static Report report(Engine engine, List<String> inputs, List<Pipeline> pipelines, List<Consumer> consumers) throws InputException {
        Report r = engine.evaluate(COMMAND, inputs, consumers, pipelines, BATCH);
        Map<Evidence, List<Recommendation>> byPipeline = TemplateWriter.byPipeline(r.recommendations());
        List<Artifact> templates = new ArrayList<>();
        for (Pipeline p : pipelines) {
            if (p.isDesign()) {
                templates.add(new Artifact("pipeline-template", Identifiers.fileName(p.name()) + ".pipeline.yaml",
                        TemplateWriter.render(p, byPipeline.getOrDefault(p.evidence("name"), List.of()))));
            }
        }
        return r.withArtifacts(templates).sortArtifacts();
    }
}
