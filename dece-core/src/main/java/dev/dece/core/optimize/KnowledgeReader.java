package dev.dece.core.optimize;

import dev.dece.core.contract.BoundContract;
import dev.dece.core.contract.ContractReader;
import dev.dece.core.drl.ContractColumn;
import dev.dece.core.drl.ContractTable;
import dev.dece.core.drl.KnownColumn;
import dev.dece.core.drl.KnownTable;
import dev.dece.core.drl.Node;
import dev.dece.core.drl.Table;
import dev.dece.core.engine.Engine;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.lint.LintCommand;
import dev.dece.core.model.ModelCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one table-knowledge file, recognised by its content: a data contract (Data Contract Template {@code contract:}
 * or ODCS v3), a Dimensional Model Template ({@code fact_table:} / {@code dimensions:}), or what lint reads (DDL, a dbt
 * manifest, a table list with the optimize keys).
 */
final class KnowledgeReader {
    private KnowledgeReader() {}

    static List<KnownTable> read(Engine engine, Path file) throws InputException {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.exists(file)) throw new InputException(Problem.file(file.toString(), "no such file"));
        if (!Files.isRegularFile(file)) throw new InputException(Problem.file(file.toString(), "is not a regular file; name a table list, DDL, a dbt manifest, a contract or a dimensional model"));
        if (n.endsWith(".sql") || n.endsWith(".ddl")) return LintCommand.tableKnowledge(engine, file);
        if (n.endsWith(".json")) {
            LintCommand.Manifest m = LintCommand.manifest(engine, file);
            if (m != null) return m.tables();
        }
        List<Node> docs = engine.loader().load(file);
        Node root = docs.get(0);
        if (root.isMap() && (root.has("contract") || root.has("apiVersion") || root.has("kind") && !root.has("tables"))) {
            return contract(ContractReader.read(docs));
        }
        if (root.isMap() && (root.has("fact_table") || root.has("dimensions"))) return model(ModelCommand.tables(engine, file));
        return LintCommand.tableKnowledge(engine, file);
    }

    private static List<KnownTable> contract(BoundContract c) {
        List<KnownTable> out = new ArrayList<>();
        for (ContractTable t : c.tables()) {
            List<KnownColumn> cols = new ArrayList<>();
            for (ContractColumn col : c.columns(t.name())) {
                cols.add(new KnownColumn(col.name().toLowerCase(Locale.ROOT), col.type() == null ? null : col.type().text(),
                        col.primaryKey() ? Boolean.FALSE : col.nullable()));
            }
            Node at = t.node();
            out.add(new KnownTable(t.name().toLowerCase(Locale.ROOT), t.name(), "contract", cols, List.of(), List.of(), null, null,
                    at.file(), at.line(), at.column(), at.path()));
        }
        return out;
    }

    private static List<KnownTable> model(List<Table> tables) {
        List<KnownTable> out = new ArrayList<>();
        for (Table t : tables) {
            List<KnownColumn> cols = new ArrayList<>();
            t.columns().forEach(c -> cols.add(new KnownColumn(c.name().toLowerCase(Locale.ROOT), c.sqlType(), c.primaryKey() ? Boolean.FALSE : null)));
            out.add(new KnownTable(t.name().toLowerCase(Locale.ROOT), t.name(), "model", cols, List.of(), List.of(), null, null,
                    t.file(), t.line(), t.col(), t.path()));
        }
        return out;
    }
}
