package dev.dece.core.model;

import dev.dece.core.drl.DimensionalModel;
import dev.dece.core.drl.Node;
import dev.dece.core.engine.Command;
import dev.dece.core.engine.Engine;
import dev.dece.core.input.InputException;
import dev.dece.core.report.Report;
import dev.dece.core.sql.Dialect;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code dece model}: "Model [entity/domain] for analytics". Reviews a Dimensional Model Template (grain,
 * measures, keys, SCD types, hierarchies) with the model rules and, on the tables it describes, the lint
 * rules (naming, timezones, tests); generates its DDL and SCD Type 2 loads for a dialect and a dbt
 * {@code schema.yml}, as artifacts.
 */
public final class ModelCommand {
    private ModelCommand() {}

    public static final Command COMMAND = new Command("model",
            "Review a Dimensional Model Template and generate its DDL, SCD Type 2 loads and dbt schema.yml.",
            List.of(List.of("model", "lint")),
            List.of(),
            "docs/lint.md",
            null);

    public static Report run(Engine engine, Path model, Dialect dialect) throws InputException {
        engine.prepare(COMMAND);
        return run(engine, model.toString(), engine.loader().load(model), dialect);
    }

    public static Report run(Engine engine, String name, String content, Dialect dialect) throws InputException {
        engine.prepare(COMMAND);
        return run(engine, name, engine.loader().load(name, content.getBytes(StandardCharsets.UTF_8)), dialect);
    }

    /**
     * The tables a Dimensional Model Template describes (the fact table with its keys and measures, each dimension with
     * its keys and attributes), for commands that need table knowledge ({@code dece optimize}).
     *
     * @throws InputException when the file is missing or not a valid template
     */
    public static List<dev.dece.core.drl.Table> tables(Engine engine, Path model) throws InputException {
        return ModelTables.of(ModelBinder.bind(engine.loader().load(model)));
    }

    private static Report run(Engine engine, String name, List<Node> docs, Dialect dialect) throws InputException {
        Objects.requireNonNull(dialect, "dialect");
        DimensionalModel m = ModelBinder.bind(docs);
        List<Object> facts = new ArrayList<>(m.facts());
        facts.addAll(ModelTables.of(m));
        return engine.evaluate(COMMAND, List.of(name), facts).withArtifacts(ModelSql.artifacts(m, dialect)).sortArtifacts();
    }
}
