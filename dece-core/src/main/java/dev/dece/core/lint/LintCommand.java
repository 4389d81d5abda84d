package dev.dece.core.lint;

import dev.dece.core.engine.Command;
import dev.dece.core.engine.Engine;
import dev.dece.core.input.InputException;
import dev.dece.core.report.Report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code dece lint}: "Are our tables and columns named right?". Lints a dbt {@code manifest.json} (schema
 * v10-v12), a DDL file of CREATE TABLE statements, or a YAML/JSON table list against the naming
 * conventions, the timezone traps and the dbt testing checklist.
 */
public final class LintCommand {
    private LintCommand() {}

    public static final Command COMMAND = new Command("lint",
            "Lint a dbt manifest, CREATE TABLE DDL or a table list: naming conventions, timezone traps, dbt test coverage.",
            List.of(List.of("lint")),
            List.of(),
            "docs/lint.md",
            (engine, files) -> {
                if (files.size() != 1) throw new IllegalArgumentException("lint reads one file, not " + files.size());
                return Command.Bound.of(List.of(files.get(0).toString()), LintInputs.read(files.get(0), engine.loader(), LintOptions.DEFAULT));
            });

    public static Report run(Engine engine, Path input, LintOptions options) throws InputException {
        engine.prepare(COMMAND);
        return evaluate(engine, input.toString(), LintInputs.read(input, engine.loader(), options));
    }

    /** Content held in memory; {@code name}'s extension chooses the reader. */
    public static Report run(Engine engine, String name, String content, LintOptions options) throws InputException {
        engine.prepare(COMMAND);
        return evaluate(engine, name, LintInputs.read(name, content.getBytes(StandardCharsets.UTF_8), engine.loader(), options));
    }

    /** Facts already read (tables, and optionally {@code Skipped} and {@code DocCoverage}), e.g. by another command. */
    public static Report evaluate(Engine engine, String input, List<?> facts) throws InputException {
        return engine.evaluate(COMMAND, List.of(input), facts);
    }
}
