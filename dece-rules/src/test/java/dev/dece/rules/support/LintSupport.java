package dev.dece.rules.support;

import dev.dece.core.input.InputException;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.sql.Dialect;
import dev.dece.rules.support.TestDece;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the real engine on model and lint inputs written as text, as a user's files would be. */
public final class LintSupport {
    private LintSupport() {}

    /** The bundled example model (dece-examples/models/orders-model.yaml): clean by design. */
    public static String exampleModel() {
        try {
            return Files.readString(Path.of("../dece-examples/models/orders-model.yaml"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Report model(String yaml) {
        try {
            return TestDece.DECE.model("model.yaml", yaml, Dialect.DUCKDB);
        } catch (InputException e) {
            throw new AssertionError("test model is invalid:\n" + e.getMessage() + "\n---\n" + yaml, e);
        }
    }

    public static Report lint(String name, String content) {
        try {
            return TestDece.DECE.lint(name, content);
        } catch (InputException e) {
            throw new AssertionError("test input is invalid:\n" + e.getMessage() + "\n---\n" + content, e);
        }
    }

    /** A table list with one table; columns as "name:type" (type may be empty). */
    public static String tables(String table, String... columns) {
        StringBuilder sb = new StringBuilder("tables:\n  - name: " + table + "\n    columns:\n");
        for (String c : columns) {
            int i = c.indexOf(':');
            String n = i < 0 ? c : c.substring(0, i);
            String t = i < 0 ? "" : c.substring(i + 1);
            sb.append("      - name: \"").append(n).append("\"\n");
            if (!t.isEmpty()) sb.append("        type: \"").append(t).append("\"\n");
        }
        return sb.toString();
    }

    public static List<Finding> findings(Report r, String ruleId) {
        return r.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    public static Finding only(Report r, String ruleId) {
        List<Finding> fs = findings(r, ruleId);
        if (fs.size() != 1) throw new AssertionError("expected one " + ruleId + " finding, got " + fs + "\nall: " + r.findings());
        return fs.get(0);
    }
}
