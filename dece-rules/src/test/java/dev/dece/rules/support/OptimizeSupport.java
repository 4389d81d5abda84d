package dev.dece.rules.support;

import dev.dece.core.input.InputException;
import dev.dece.core.optimize.OptimizeOptions;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Recommendation;
import dev.dece.core.report.Report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code dece optimize} through the real readers on files written to a temporary directory, as a user's
 * queries, table lists and exports would be.
 */
public final class OptimizeSupport {

    private final Path dir;
    private final List<Path> tables = new ArrayList<>();
    private final List<Path> history = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    private OptimizeOptions.SqlDialect dialect;

    public OptimizeSupport(Path dir) {
        this.dir = dir;
    }

    public Path write(String name, String content) {
        try {
            Path f = dir.resolve(name);
            Files.createDirectories(f.getParent());
            Files.writeString(f, content, StandardCharsets.UTF_8);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table list with the optimize keys: one YAML document. */
    public OptimizeSupport tables(String yaml) {
        tables.add(write("tables-" + tables.size() + ".yaml", yaml));
        return this;
    }

    public OptimizeSupport history(String name, String content) {
        history.add(write(name, content));
        return this;
    }

    public OptimizeSupport eventLog(Path log) {
        logs.add(log);
        return this;
    }

    public OptimizeSupport dialect(OptimizeOptions.SqlDialect d) {
        dialect = d;
        return this;
    }

    public OptimizeOptions options() {
        return OptimizeOptions.defaults().withDialect(dialect).withTables(tables).withHistory(history).withEventLogs(logs);
    }

    /** Optimizes one .sql file holding {@code sql}. */
    public Report sql(String sql) {
        return run(List.of(write("q.sql", sql)));
    }

    public Report run(List<Path> inputs) {
        try {
            return TestDece.DECE.optimize(inputs, options());
        } catch (InputException e) {
            throw new AssertionError("test input is invalid:\n" + e.getMessage(), e);
        }
    }

    public static List<Finding> findings(Report r, String ruleId) {
        return r.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    public static Finding only(Report r, String ruleId) {
        List<Finding> fs = findings(r, ruleId);
        if (fs.size() != 1) throw new AssertionError("expected one " + ruleId + " finding, got " + fs + "\nall: " + r.findings());
        return fs.get(0);
    }

    public static List<Recommendation> notes(Report r, String ruleId) {
        return r.recommendations().stream().filter(x -> x.ruleId().equals(ruleId)).toList();
    }

    public static Artifact artifact(Report r, String name) {
        return r.artifacts().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no artifact " + name + " in " + r.artifacts().stream().map(Artifact::name).toList()));
    }
}
