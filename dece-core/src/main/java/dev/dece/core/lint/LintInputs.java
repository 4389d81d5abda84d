package dev.dece.core.lint;

import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.drl.KnownTable;
import dev.dece.core.drl.Table;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Picks the reader for a file to lint: {@code .sql}/{@code .ddl} is DDL ({@link DdlReader}); JSON that
 * carries a {@code dbt_schema_version} is a dbt manifest ({@link ManifestReader}); anything else is a
 * YAML or JSON list of tables ({@link TableListBinder}).
 */
final class LintInputs {
    private LintInputs() {}

    /** @throws InputException when the file is missing or is not valid input of its kind */
    public static List<Table> read(Path file, DocumentLoader loader) throws InputException {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.exists(file)) throw new InputException(Problem.file(file.toString(), "no such file"));
        if (n.endsWith(".sql") || n.endsWith(".ddl")) {
            try {
                return DdlReader.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8), null);
            } catch (NoSuchFileException e) {
                throw new InputException(Problem.file(file.toString(), "no such file"));
            } catch (IOException e) {
                throw new InputException(Problem.file(file.toString(), "cannot be read as UTF-8 text: " + e.getMessage()));
            }
        }
        if (n.endsWith(".json") && ManifestReader.looksLikeManifest(file)) {
            return ManifestReader.read(file);
        }
        return TableListBinder.bind(loader.load(file));
    }

    /** The same file as table knowledge for {@code dece optimize}, chosen the same way. */
    static List<KnownTable> knowledge(Path file, DocumentLoader loader) throws InputException {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.exists(file)) throw new InputException(Problem.file(file.toString(), "no such file"));
        if (!Files.isRegularFile(file)) throw new InputException(Problem.file(file.toString(), "is not a regular file"));
        if (n.endsWith(".sql") || n.endsWith(".ddl")) {
            try {
                return DdlKnowledge.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new InputException(Problem.file(file.toString(), "cannot be read as UTF-8 text: " + e.getMessage()));
            }
        }
        if (n.endsWith(".json") && ManifestReader.looksLikeManifest(file)) return ManifestKnowledge.read(file).tables();
        return TableListBinder.knowledge(loader.load(file));
    }

    /** {@link #read(Path, DocumentLoader)} for content held in memory; the kind is chosen by {@code name} the same way. */
    public static List<Table> read(String name, byte[] content, DocumentLoader loader) throws InputException {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".sql") || n.endsWith(".ddl")) {
            return DdlReader.read(name, new String(content, StandardCharsets.UTF_8), null);
        }
        String head = new String(content, 0, Math.min(content.length, 65536), StandardCharsets.UTF_8);
        if (n.endsWith(".json") && head.contains("dbt_schema_version")) {
            try {
                return ManifestReader.read(name, new java.io.ByteArrayInputStream(content));
            } catch (IOException e) {
                throw new InputException(Problem.file(name, "cannot be read: " + e.getMessage()));
            }
        }
        return TableListBinder.bind(loader.load(name, content));
    }
}
