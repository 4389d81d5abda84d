package dev.dece.core.audit;

import dev.dece.core.assess.AssessCommand;
import dev.dece.core.catalog.CatalogCommand;
import dev.dece.core.catalog.CatalogOptions;
import dev.dece.core.contract.BoundContract;
import dev.dece.core.contract.ContractReader;
import dev.dece.core.cost.CostCommand;
import dev.dece.core.cost.CostOptions;
import dev.dece.core.dbt.Manifest;
import dev.dece.core.dbt.ManifestReader;
import dev.dece.core.doc.Inputs;
import dev.dece.core.drl.CatalogEntry;
import dev.dece.core.drl.Pipeline;
import dev.dece.core.engine.Engine;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.lint.LintCommand;
import dev.dece.core.lint.LintOptions;
import dev.dece.core.model.ModelCommand;
import dev.dece.core.monitor.MonitorCommand;
import dev.dece.core.monitor.MonitorOptions;
import dev.dece.core.optimize.OptimizeCommand;
import dev.dece.core.optimize.OptimizeOptions;
import dev.dece.core.pipeline.PipelineCommand;
import dev.dece.core.quality.QualityCommand;
import dev.dece.core.quality.QualityOptions;
import dev.dece.core.recovery.RecoveryCommand;
import dev.dece.core.report.Report;
import dev.dece.core.sql.Dialect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A platform folder read: every file recognised ({@link Recognizer}), then each command run on what it reads, through
 * its own public {@code run} method on the one {@link Engine}, and the facts the scoring needs read by the commands'
 * own readers (pipeline specs, contracts, manifests, catalog entries). Nothing here reads a format itself.
 */
final class Platform {

    final List<Recognizer.Seen> seen = new ArrayList<>();
    final Map<String, Report> reports = new TreeMap<>();
    final List<Pipeline> pipelines = new ArrayList<>();
    final List<BoundContract> contracts = new ArrayList<>();
    final List<Manifest> manifests = new ArrayList<>();
    final List<CatalogEntry> entries = new ArrayList<>();
    final List<Path> readmes = new ArrayList<>();
    final List<FeatureStoreReader.Bound> featureStores = new ArrayList<>();
    boolean costTracked;
    String root;

    private Platform() {}

    /** Recognises the files of {@code inputs} (files or directories) and runs the commands on them. */
    static Platform read(Engine engine, List<Path> inputs, java.time.Instant asOf) throws InputException {
        Platform p = new Platform();
        p.root = inputs.size() == 1 ? inputs.get(0).toString() : "platform";
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) files.addAll(Inputs.walk(in, f -> true, engine.loader().limits().maxFiles()));
            else files.add(in);
        }
        files = files.stream().distinct().sorted().toList();
        if (files.isEmpty()) throw new InputException(Problem.file(p.root, "holds no file; give a platform folder or its files"));
        Map<Recognizer.Kind, List<Path>> by = new EnumMap<>(Recognizer.Kind.class);
        for (Path f : files) {
            Recognizer.Seen s = Recognizer.recognise(f, engine.loader());
            p.seen.add(s);
            by.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(f);
        }
        p.run(engine, by, asOf);
        return p;
    }

    private static List<Path> of(Map<Recognizer.Kind, List<Path>> by, Recognizer.Kind... kinds) {
        List<Path> out = new ArrayList<>();
        for (Recognizer.Kind k : kinds) out.addAll(by.getOrDefault(k, List.of()));
        return out.stream().sorted().toList();
    }

    private void run(Engine engine, Map<Recognizer.Kind, List<Path>> by, java.time.Instant asOf) throws InputException {
        List<Path> briefs = of(by, Recognizer.Kind.BRIEF);
        Path brief = briefs.isEmpty() ? null : briefs.get(0);
        List<Path> specs = of(by, Recognizer.Kind.PIPELINE_SPEC);
        List<Path> contractFiles = of(by, Recognizer.Kind.CONTRACT, Recognizer.Kind.ODCS, Recognizer.Kind.DCS);
        List<Path> manifestFiles = of(by, Recognizer.Kind.DBT_MANIFEST);
        List<Path> logs = of(by, Recognizer.Kind.RUN_LOG, Recognizer.Kind.OPENLINEAGE, Recognizer.Kind.DBT_RUN_RESULTS, Recognizer.Kind.DBT_SOURCES);
        List<Path> entryFiles = of(by, Recognizer.Kind.CATALOG_ENTRY);
        List<Path> history = of(by, Recognizer.Kind.QUERY_HISTORY);
        List<Path> usage = of(by, Recognizer.Kind.FOCUS, Recognizer.Kind.METERING);
        List<Path> templates = of(by, Recognizer.Kind.COST_TEMPLATE);
        List<Path> context = of(by, Recognizer.Kind.COST_CONTEXT);
        List<Path> sql = of(by, Recognizer.Kind.SQL);
        List<Path> events = of(by, Recognizer.Kind.SPARK_EVENT_LOG);
        List<Path> tables = of(by, Recognizer.Kind.TABLE_LIST);
        List<Path> queue = of(by, Recognizer.Kind.BACKFILL_QUEUE);
        readmes.addAll(of(by, Recognizer.Kind.README));

        for (Path b : briefs) put("assess " + b, AssessCommand.run(engine, b));
        if (!specs.isEmpty()) {
            put("pipeline", PipelineCommand.run(engine, specs, brief));
            for (Pipeline pl : PipelineCommand.pipelines(engine, specs)) if (pl.isReview()) pipelines.add(pl);
        }
        for (Path c : contractFiles) {
            put("quality " + c, QualityCommand.run(engine, c, QualityOptions.generate(Dialect.DUCKDB)));
            contracts.add(ContractReader.read(engine.loader().load(c)));
        }
        for (Path m : of(by, Recognizer.Kind.MODEL)) put("model " + m, ModelCommand.run(engine, m, Dialect.DUCKDB));
        for (Path m : manifestFiles) {
            put("lint " + m, LintCommand.run(engine, m, LintOptions.DEFAULT));
            manifests.add(ManifestReader.read(m, engine.loader().limits(), false));
        }
        for (Path d : of(by, Recognizer.Kind.DDL)) put("lint " + d, LintCommand.run(engine, d, LintOptions.DEFAULT));
        if (!logs.isEmpty()) {
            MonitorOptions mo = MonitorOptions.defaults().withPipelines(specs).withContracts(contractFiles).withBrief(brief).withAsOf(asOf);
            if (!queue.isEmpty()) mo = mo.withBackfillQueue(queue.get(0));
            put("monitor", MonitorCommand.run(engine, logs, mo));
        }
        if (!entryFiles.isEmpty() || !manifestFiles.isEmpty()) {
            put("catalog", CatalogCommand.run(engine, entryFiles, CatalogOptions.defaults().withManifests(manifestFiles)
                    .withPipelines(specs).withContracts(contractFiles).withAsOf(asOf)));
            if (!entryFiles.isEmpty()) {
                for (Object o : CatalogCommand.COMMAND.reader().read(engine, entryFiles).items()) {
                    if (o instanceof CatalogEntry e) entries.add(e);
                }
            }
        }
        if (!templates.isEmpty() || !usage.isEmpty() || !history.isEmpty()) {
            costTracked = !templates.isEmpty() || !usage.isEmpty();
            put("cost", CostCommand.run(engine, templates, CostOptions.defaults().withUsage(usage).withHistory(history)
                    .withContext(context.isEmpty() ? null : context.get(0)).withBrief(brief).withPipelines(specs)
                    .withAsOf(asOf == null ? null : asOf.atOffset(java.time.ZoneOffset.UTC).toLocalDate())));
        }
        if (!sql.isEmpty() || !history.isEmpty() || !events.isEmpty()) {
            put("optimize", OptimizeCommand.run(engine, sql, OptimizeOptions.defaults().withTables(tables).withHistory(history)
                    .withEventLogs(events).withPipelines(specs)));
        }
        for (Path r : of(by, Recognizer.Kind.RECOVERY)) put("recovery " + r, RecoveryCommand.run(engine, r));
        for (Path f : of(by, Recognizer.Kind.FEATURE_STORE)) featureStores.add(FeatureStoreReader.read(engine.loader(), f));
    }

    private void put(String key, Report r) {
        reports.put(key, r);
    }

    /** The report of {@code command} (the first when it ran per file), or null when it did not run. */
    Report report(String command) {
        return reports.get(command);
    }
}
