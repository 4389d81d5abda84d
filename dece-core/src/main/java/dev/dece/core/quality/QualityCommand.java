package dev.dece.core.quality;

import dev.dece.core.contract.BoundContract;
import dev.dece.core.contract.ContractReader;
import dev.dece.core.drl.CheckResult;
import dev.dece.core.drl.ScanFallback;
import dev.dece.core.engine.Command;
import dev.dece.core.engine.Engine;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.CheckOutcome;
import dev.dece.core.report.Evidence;
import dev.dece.core.report.Report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dece quality}: "Set up data quality for [table]". Reviews a data contract (CON rules), writes its
 * checks as SQL in the options' dialect and a dbt tests file, and, when the options name a JDBC URL, runs
 * the checks read-only with a statement timeout and rates each failure by the Quality Severity Levels,
 * weighted by the contract's consumers (QLT rules). The report's {@link Report#checks()} are the outcomes.
 */
public final class QualityCommand {
    private QualityCommand() {}

    public static final Command COMMAND = new Command("quality",
            "Review a data contract, generate its quality checks as SQL and dbt tests, and with --jdbc run them read-only.",
            List.of(List.of("quality")),
            List.of(),
            "docs/quality.md",
            (engine, files) -> {
                if (files.size() != 1) throw new IllegalArgumentException("quality reads one contract, not " + files.size());
                return Command.Bound.of(List.of(files.get(0).toString()), ContractReader.read(engine.loader().load(files.get(0))).facts());
            });

    public static Report run(Engine engine, Path contract, QualityOptions options) throws InputException {
        engine.prepare(COMMAND);
        return run(engine, contract.toString(), ContractReader.read(engine.loader().load(contract)), options);
    }

    public static Report run(Engine engine, String name, String content, QualityOptions options) throws InputException {
        engine.prepare(COMMAND);
        return run(engine, name, ContractReader.read(engine.loader().load(name, content.getBytes(StandardCharsets.UTF_8))), options);
    }

    private static Report run(Engine engine, String input, BoundContract bound, QualityOptions options) throws InputException {
        List<SqlCheck> sql = QualitySql.generate(bound, options.dialect(), engine.policy());
        List<Object> facts = new ArrayList<>(bound.facts());
        List<CheckResult> results = List.of();
        List<ScanPlan.TableWork> plan = ScanPlan.plan(sql);
        if (options.jdbcUrl() != null) {
            try (Databases.Opened db = Databases.open(options.jdbcUrl(), options.seed(), options.timeoutSeconds(), engine.loader().limits())) {
                Execution.Outcome done = Execution.run(db, sql, options);
                results = done.results();
                for (CheckRunner.Fallback f : done.fallbacks()) {
                    facts.add(new ScanFallback(f.scan().members().get(0).check(), f.scan().table(),
                            f.scan().members().stream().map(m -> m.check().id()).toList(), f.reason()));
                }
            } catch (java.sql.SQLException e) {
                throw new InputException(Problem.file(options.jdbcUrl(), "cannot prepare the database for read-only checks: "
                        + CheckRunner.shorten(e.getMessage())));
            }
            facts.addAll(results);
        }
        Report r = engine.evaluate(COMMAND, List.of(input), facts);
        List<Artifact> artifacts = new ArrayList<>(QualityArtifacts.sql(sql));
        artifacts.addAll(QualityArtifacts.scans(ScanPlan.combined(plan)));
        Artifact dbt = QualityArtifacts.dbt(bound);
        if (dbt != null) artifacts.add(dbt);
        if (options.jdbcUrl() == null) return r.withArtifacts(artifacts);
        r = r.withChecks(results.stream().map(QualityCommand::outcome).toList());
        String base = bound.contract().name() == null ? "contract" : bound.contract().name().replaceAll("[^A-Za-z0-9._-]", "_");
        artifacts.add(QualityArtifacts.results(base, results, r.checks()));
        return r.withArtifacts(artifacts);
    }

    /** A check's result as the typed outcome reports carry. */
    static CheckOutcome outcome(CheckResult r) {
        List<Evidence> m = List.of(
                Evidence.of("rows", r.violations()),
                Evidence.of("total_rows", r.totalRows() == null ? "-" : r.totalRows()),
                Evidence.of("affected_percent", r.affectedPercent() == null ? "-" : fmt(r.affectedPercent())),
                Evidence.of("observed", r.observed() == null ? "-" : fmt(r.observed())));
        CheckOutcome.Status s = r.errored() ? CheckOutcome.Status.ERROR : r.failed() ? CheckOutcome.Status.FAIL : CheckOutcome.Status.PASS;
        return new CheckOutcome(r.check().id(), r.kind().id(), r.table(), s, m, r.error(), null);
    }

    private static String fmt(double d) {
        return QualityArtifacts.fmt(d);
    }
}
