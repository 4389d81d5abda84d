package dev.dece.core.lint;

import dev.dece.core.drl.KnownTable;
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

    /**
     * A lint input as table knowledge for commands that analyse queries ({@code dece optimize}): DDL ({@code .sql},
     * {@code .ddl}) with its columns' nullability and its PARTITION BY / CLUSTER BY clauses, a dbt manifest (relations,
     * {@code not_null} tests, {@code partition_by}, {@code cluster_by}), or a table list with the optimize keys
     * ({@code partition_key}, {@code clustering_keys}, {@code size_gb}, {@code row_count}, a column's {@code nullable}).
     *
     * @throws InputException when the file is missing or is not valid input of its kind
     */
    public static List<KnownTable> tableKnowledge(Engine engine, Path file) throws InputException {
        return LintInputs.knowledge(file, engine.loader());
    }

    /**
     * A dbt manifest read once for its compiled SQL and its table knowledge; null when the file is JSON but no dbt
     * artifact at all (for a {@code .json} input that may be a table list).
     *
     * @throws InputException for a missing file, broken JSON, another dbt artifact or an unsupported manifest version
     */
    public static Manifest manifest(Engine engine, Path file) throws InputException {
        dev.dece.core.dbt.Manifest m = dev.dece.core.dbt.ManifestReader.read(file, engine.loader().limits(), true);
        return m == null ? null : ManifestKnowledge.of(m);
    }

    /**
     * What {@link #manifest(Engine, Path)} returns.
     *
     * @param adapter the manifest's {@code metadata.adapter_type}, e.g. {@code snowflake}; null when absent
     * @param tables  every model, snapshot and source as table knowledge, by unique id
     * @param models  every model with its compiled SQL, by unique id
     */
    public record Manifest(String adapter, List<KnownTable> tables, List<CompiledModel> models) {
        public Manifest {
            tables = List.copyOf(tables);
            models = List.copyOf(models);
        }
    }

    /**
     * One dbt model's compiled SQL.
     *
     * @param uniqueId     e.g. {@code model.shop.fct_orders}
     * @param relation     {@code database.schema.alias}
     * @param materialized {@code table}, {@code view}, {@code incremental}, {@code ephemeral}...
     * @param compiledPath where dbt wrote the compiled SQL ({@code target/compiled/...}); null in older manifests
     * @param sql          {@code compiled_code}; null when the manifest was written by {@code dbt parse}
     * @param path         the manifest path of the code, e.g. {@code nodes["model.shop.fct_orders"].compiled_code}
     */
    public record CompiledModel(String uniqueId, String name, String relation, String materialized, String originalFile,
                                String compiledPath, String sql, String file, int line, int col, String path) {}

    /** Facts already read (tables, and optionally {@code Skipped} and {@code DocCoverage}), e.g. by another command. */
    public static Report evaluate(Engine engine, String input, List<?> facts) throws InputException {
        return engine.evaluate(COMMAND, List.of(input), facts);

    }
}
