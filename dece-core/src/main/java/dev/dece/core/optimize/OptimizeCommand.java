package dev.dece.core.optimize;

import dev.dece.core.drl.KnownTable;
import dev.dece.core.engine.Command;
import dev.dece.core.engine.Engine;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.lint.LintCommand;
import dev.dece.core.pipeline.PipelineCommand;
import dev.dece.core.optimize.OptimizeOptions.SqlDialect;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.Report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code dece optimize}: "Optimize this query/pipeline" (Phase 5). Reads SQL ({@code .sql} files and directories, the
 * compiled SQL of a dbt manifest's models, the statements of a Snowflake or BigQuery query-history export) and Spark
 * event logs, with optional table knowledge (partition and clustering keys, sizes, nullability), and runs the SQL
 * Optimization Checklist, the partition-key rule and the full-scan cost red flag ({@code SQL-} rules) and the Spark
 * Optimization Guide ({@code SPK-} rules). Findings sit on the line and column of the offending SQL (or on the stage
 * or SQL execution of the log), with the fix, the checklist's impact and, where one is safe, a rewrite artifact.
 * The report's {@code optimize-coverage} artifact says what was read and what was not analysed, and why.
 */
public final class OptimizeCommand {
    private OptimizeCommand() {}

    public static final Command COMMAND = new Command("optimize",
            "Performance advice: the SQL optimization checklist on queries (files, dbt models, query history) and the Spark "
                    + "optimization guide on event logs, with table knowledge for partition pruning and scan sizes.",
            List.of(List.of("optimize")),
            List.of("optimize.sql", "optimize.spark", "optimize.knowledge"),
            "docs/optimize.md",
            (engine, files) -> read(engine, files, OptimizeOptions.defaults()).bound());

    /** Statements (and Spark facts) per rule session: they never join each other, so memory per session stays bounded. */
    static final int BATCH = 2_000;

    /**
     * @param inputs .sql files, directories of them, dbt manifests; may be empty when the options name a history or a log
     * @throws InputException when an input is missing, unreadable, over a limit, or invalid; every problem is located
     */
    public static Report run(Engine engine, List<Path> inputs, OptimizeOptions options) throws InputException {
        engine.prepare(COMMAND);
        Read r = read(engine, inputs, options);
        Report report = engine.evaluate(COMMAND, r.bound());
        return report.withArtifacts(List.of(new Artifact("optimize-coverage", "coverage.txt", r.coverage)));
    }

    /** Everything read and bound, not yet evaluated. */
    record Read(List<String> names, List<Object> shared, List<Object> items, String coverage, int batch) {
        Command.Bound bound() {
            return new Command.Bound(names, shared, items, batch);
        }
    }

    static Read read(Engine engine, List<Path> inputs, OptimizeOptions o) throws InputException {
        if (inputs.isEmpty() && o.history().isEmpty() && o.eventLogs().isEmpty()) {
            throw new InputException(Problem.file("optimize", "name at least one input: .sql files or directories, a dbt manifest, "
                    + "a query-history export (--history) or a Spark event log (--event-log)"));
        }
        List<String> names = new ArrayList<>();
        inputs.forEach(p -> names.add(p.toString()));
        o.tables().forEach(p -> names.add(p.toString()));
        o.history().forEach(p -> names.add(p.toString()));
        o.eventLogs().forEach(p -> names.add(p.toString()));
        o.pipelines().forEach(p -> names.add(p.toString()));

        // table knowledge first: every statement resolves its tables against it
        List<KnownTable> known = new ArrayList<>();
        for (Path t : o.tables()) known.addAll(KnowledgeReader.read(engine, t));
        List<Object[]> manifests = new ArrayList<>();
        for (Path in : inputs) {
            String n = in.getFileName() == null ? "" : in.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            LintCommand.Manifest m = n.endsWith(".json") && !java.nio.file.Files.isDirectory(in) ? LintCommand.manifest(engine, in) : null;
            if (m != null) {
                manifests.add(new Object[] {in, m});
                known.addAll(m.tables());
            }
        }
        Knowledge knowledge = Knowledge.of(known);
        SqlDialect dialect = o.dialect();
        if (dialect == null) {
            for (Object[] m : manifests) if (dialect == null) dialect = SqlDialect.ofAdapter(((LintCommand.Manifest) m[1]).adapter());
        }
        if (dialect == null) dialect = SqlDialect.DUCKDB;

        List<Object> items = new ArrayList<>();
        int sparkFacts;
        StringBuilder cov = new StringBuilder();
        try (SqlSources sql = new SqlSources(knowledge, o, engine.loader().limits())) {
            try {
                int m = 0;
                for (Path in : inputs) {
                    if (m < manifests.size() && manifests.get(m)[0] == in) {
                        sql.manifest((LintCommand.Manifest) manifests.get(m++)[1], in, dialect);
                        continue;
                    }
                    List<Path> files = SqlSources.sqlFiles(in);
                    if (files.isEmpty()) throw new InputException(Problem.file(in.toString(), "holds no .sql file"));
                    for (Path f : files) {
                        if (!f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".sql")) {
                            throw new InputException(Problem.file(f.toString(), "is neither a .sql file nor a dbt manifest (target/manifest.json)"));
                        }
                        sql.sqlFile(f, dialect);
                    }
                }
                for (Path h : o.history()) {
                    try {
                        sql.history(h);
                    } catch (SqlSources.TooMany e) {
                        throw new InputException(new Problem(h.toString(), (int) Math.min(Integer.MAX_VALUE, e.at.line()), 0, "",
                                "holds more than " + o.maxStatements() + " distinct statements; export a shorter period or one warehouse, or raise the limit"));
                    }
                }
                sql.finishHistory();
            } catch (SqlSources.TooManyStatements e) {
                throw new InputException(new Problem(e.at.file(), e.at.line(), e.at.col(), e.at.path(), "is beyond the limit of "
                        + o.maxStatements() + " statements in one run; analyse the inputs in parts"));
            }
            if (!inputs.isEmpty() || !o.history().isEmpty()) coverage(cov, knowledge, sql);
            // Spark facts first: the first batch holds them all, so a log's stages and executions meet its application
            for (Path log : o.eventLogs()) {
                SparkSources.Log l = SparkSources.read(log);
                items.addAll(l.facts());
                cov.append(l.note());
            }
            sparkFacts = items.size();
            items.addAll(sql.statements);
            items.addAll(sql.unparsed);
        }
        List<Object> shared = new ArrayList<>(knowledge.tables());
        if (!o.pipelines().isEmpty()) {
            List<dev.dece.core.drl.Pipeline> specs = PipelineCommand.pipelines(engine, o.pipelines());
            shared.addAll(specs);
            cov.append("pipeline specs: ").append(specs.size()).append('\n');
        }
        return new Read(names, shared, items, cov.toString(), Math.max(BATCH, sparkFacts + 1));
    }

    private static void coverage(StringBuilder cov, Knowledge k, SqlSources sql) {
        cov.append("SQL: ").append(sql.files).append(sql.files == 1 ? " input file, " : " input files, ").append(sql.statements.size())
                .append(" statements analysed, ").append(sql.unparsed.size()).append(" not analysed (each is an SQL-012 finding)\n");
        for (String n : sql.readNotes) cov.append("  history ").append(n).append('\n');
        if (sql.historyRows > 0) cov.append("  history runs read: ").append(sql.historyRows).append('\n');
        for (Map.Entry<String, Long> e : sql.notAnalysed.entrySet()) {
            cov.append("  not analysed: ").append(e.getValue()).append(' ').append(e.getKey()).append('\n');
        }
        cov.append("table knowledge: ").append(k.tables().size()).append(k.tables().size() == 1 ? " table" : " tables");
        long partitioned = k.tables().stream().filter(KnownTable::partitioned).count();
        long sized = k.tables().stream().filter(t -> t.sizeGb() != null || t.rowCount() != null).count();
        cov.append(" (").append(partitioned).append(" partitioned, ").append(sized).append(" with a size)\n");
    }
}
