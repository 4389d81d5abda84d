package dev.dece.core.lint;

import dev.dece.core.dbt.Manifest;
import dev.dece.core.dbt.ManifestReader;
import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.doc.Inputs;
import dev.dece.core.drl.DocCoverage;
import dev.dece.core.drl.KnownTable;
import dev.dece.core.drl.Table;
import dev.dece.core.input.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Picks the reader for a file to lint: {@code .sql}/{@code .ddl} is DDL ({@link DdlReader}); JSON is first
 * streamed as a dbt artifact ({@link ManifestReader}, whatever the order of its keys; another artifact is
 * refused naming the command that reads it), and JSON that is no dbt artifact, like YAML, is a list of tables
 * ({@link TableListBinder}). The facts: the tables, what was left out ({@code Skipped}), and the
 * documentation coverage when the input can carry descriptions.
 */
final class LintInputs {
    private LintInputs() {}

    /** @throws InputException when the file is missing or is not valid input of its kind */
    public static List<Object> read(Path file, DocumentLoader loader, LintOptions options) throws InputException {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".sql") || n.endsWith(".ddl")) {
            byte[] sql = Inputs.read(file, loader.limits().maxSqlBytes(), "Limits.maxSqlBytes", "a SQL file of CREATE TABLE statements");
            return withCoverage(DdlReader.read(file.toString(), Inputs.utf8(file.toString(), sql), null), file.toString());
        }
        Inputs.regular(file, "a dbt manifest.json, a .sql file or a YAML/JSON table list");
        if (n.endsWith(".json")) {
            Manifest m = ManifestReader.read(file, loader.limits(), false);
            if (m != null) return withCoverage(ManifestTables.facts(m, options), file.toString());
        }
        return withCoverage(TableListBinder.bind(loader.load(file)), file.toString());
    }

    /** The same file as table knowledge for {@code dece optimize}, chosen the same way. */
    static List<KnownTable> knowledge(Path file, DocumentLoader loader) throws InputException {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".sql") || n.endsWith(".ddl")) {
            byte[] sql = Inputs.read(file, loader.limits().maxSqlBytes(), "Limits.maxSqlBytes", "a SQL file of CREATE TABLE statements");
            return DdlKnowledge.read(file.toString(), Inputs.utf8(file.toString(), sql));
        }
        Inputs.regular(file, "a dbt manifest.json, a .sql file or a YAML/JSON table list");
        if (n.endsWith(".json")) {
            Manifest m = ManifestReader.read(file, loader.limits(), false);
            if (m != null) return ManifestKnowledge.of(m).tables();
        }
        return TableListBinder.knowledge(loader.load(file));
    }

    /** {@link #read(Path, DocumentLoader, LintOptions)} for content held in memory; the kind is chosen by {@code name} the same way. */
    public static List<Object> read(String name, byte[] content, DocumentLoader loader, LintOptions options) throws InputException {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".sql") || n.endsWith(".ddl")) {
            return withCoverage(DdlReader.read(name, Inputs.utf8(name, content), null), name);
        }
        if (n.endsWith(".json")) {
            Manifest m = ManifestReader.read(name, content, loader.limits(), false);
            if (m != null) return withCoverage(ManifestTables.facts(m, options), name);
        }
        return withCoverage(TableListBinder.bind(loader.load(name, content)), name);
    }

    /** The facts with the documentation coverage of their tables added (when any can carry descriptions). */
    static List<Object> withCoverage(List<?> facts, String file) {
        List<Object> out = new ArrayList<>(facts);
        List<Table> tables = new ArrayList<>();
        for (Object f : facts) if (f instanceof Table t) tables.add(t);
        DocCoverage c = DocCoverage.of(tables, file);
        if (c != null) out.add(c);
        return out;
    }
}
