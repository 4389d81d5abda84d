package dev.dece.core.assess;

import dev.dece.core.drl.Consumer;
import dev.dece.core.drl.Node;
import dev.dece.core.engine.Command;
import dev.dece.core.engine.Engine;
import dev.dece.core.input.InputException;
import dev.dece.core.report.Report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dece assess}: "Assess our architecture". Reads an Architecture Brief and recommends the
 * architecture pattern, storage, processing, orchestration, modeling methodology, lake layout, governance
 * controls and the growth horizon.
 *
 * <p>Four phases: the pattern first; then the warehouse, which may follow from a lakehouse pattern; then
 * processing, orchestration and modeling, which may follow from the warehouse; last the lake's table format,
 * the growth horizon and governance, which review what was chosen.
 */
public final class AssessCommand {
    private AssessCommand() {}

    public static final Command COMMAND = new Command("assess",
            "Assess an Architecture Brief: pattern, storage, processing, orchestration, modeling, governance and growth horizon.",
            List.of(List.of("assess.architecture"),
                    List.of("assess.storage"),
                    List.of("assess.processing", "assess.orchestration", "assess.modeling"),
                    List.of("assess.lake", "assess.marts", "assess.growth", "assess.governance")),
            List.of("architecture.pattern", "orchestration", "processing", "storage", "modeling.methodology",
                    "governance.classification", "governance", "growth"),
            "docs/brief.md",
            (engine, files) -> Command.Bound.of(names(files), BriefBinder.bind(engine.loader().load(one(files)))));

    private static Path one(List<Path> files) {
        if (files.size() != 1) throw new IllegalArgumentException("assess reads one brief, not " + files.size() + " files");
        return files.get(0);
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(Path::toString).toList();
    }

    /** Assesses the brief in {@code file}. */
    public static Report run(Engine engine, Path file) throws InputException {
        engine.prepare(COMMAND);
        return engine.evaluate(COMMAND, List.of(file.toString()), BriefBinder.bind(engine.loader().load(file)));
    }

    /** Assesses a brief held in memory; {@code name} is used in locations. */
    public static Report run(Engine engine, String name, String content) throws InputException {
        engine.prepare(COMMAND);
        return engine.evaluate(COMMAND, List.of(name), bind(engine, name, content));
    }

    /** The facts of a brief held in memory. */
    public static List<Object> bind(Engine engine, String name, String content) throws InputException {
        return BriefBinder.bind(engine.loader().load(name, content.getBytes(StandardCharsets.UTF_8)));
    }

    /** The constraints (budget, compliance, ...) of the brief in {@code docs}, for commands that read a brief for context. */
    public static dev.dece.core.drl.Constraints constraints(List<Node> docs) throws InputException {
        for (Object f : BriefBinder.bind(docs)) {
            if (f instanceof dev.dece.core.drl.Constraints c) return c;
        }
        throw new IllegalStateException("a bound brief always has its constraints");
    }

    /** The data volume of the brief in {@code docs}, or null when it gives none, for commands that read a brief for context. */
    public static dev.dece.core.drl.Volume volume(List<Node> docs) throws InputException {
        for (Object f : BriefBinder.bind(docs)) {
            if (f instanceof dev.dece.core.drl.Volume v) return v;
        }
        return null;
    }

    /** The consumers of the brief in {@code docs}, for commands that read a brief for context. */
    public static List<Consumer> consumers(List<Node> docs) throws InputException {
        List<Consumer> out = new ArrayList<>();
        for (Object f : BriefBinder.bind(docs)) {
            if (f instanceof Consumer c) out.add(c);
        }
        return out;
    }
}
