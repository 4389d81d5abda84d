package dev.dece.core.schemachange;

import dev.dece.core.contract.BoundContract;
import dev.dece.core.contract.ContractReader;
import dev.dece.core.drl.ChangeSet;
import dev.dece.core.drl.SchemaChange;
import dev.dece.core.engine.Command;
import dev.dece.core.engine.Engine;
import dev.dece.core.input.InputException;
import dev.dece.core.policy.PolicyKey;
import dev.dece.core.report.Report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dece schema-change}: "Handle schema change in [source]". Compares two versions of a contract
 * (any format DECE reads, or bare column lists) and classifies each change, the compatibility of the whole
 * change and the actions the new contract's breaking-change policy and consumers require.
 */
public final class SchemaChangeCommand {
    private SchemaChangeCommand() {}

    public static final Command COMMAND = new Command("schema-change",
            "Compare two versions of a contract: each change classified, the overall compatibility, the actions required.",
            List.of(List.of("schemachange")),
            List.of(),
            "docs/quality.md",
            null);

    public static Report run(Engine engine, Path before, Path after) throws InputException {
        engine.prepare(COMMAND);
        BoundContract a = ContractReader.read(engine.loader().load(before));
        BoundContract b = ContractReader.read(engine.loader().load(after));
        return run(engine, List.of(before.toString(), after.toString()), a, b);
    }

    public static Report run(Engine engine, String beforeName, String beforeContent, String afterName, String afterContent)
            throws InputException {
        engine.prepare(COMMAND);
        BoundContract a = ContractReader.read(engine.loader().load(beforeName, beforeContent.getBytes(StandardCharsets.UTF_8)));
        BoundContract b = ContractReader.read(engine.loader().load(afterName, afterContent.getBytes(StandardCharsets.UTF_8)));
        return run(engine, List.of(beforeName, afterName), a, b);
    }

    private static Report run(Engine engine, List<String> inputs, BoundContract before, BoundContract after) throws InputException {
        List<SchemaChange> changes = SchemaDiff.diff(before, after, engine.policy().value(PolicyKey.RENAME_MIN_NAME_SIMILARITY));
        List<Object> facts = new ArrayList<>(changes.size() + 1);
        facts.add(new ChangeSet(after.contract().node(), before.contract(), after.contract(), changes.size()));
        facts.addAll(changes);
        return engine.evaluate(COMMAND, inputs, facts);
    }
}
