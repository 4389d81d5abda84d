package dev.dece.core.audit;

import dev.dece.core.drl.AuditInput;
import dev.dece.core.drl.Feature;
import dev.dece.core.engine.Command;
import dev.dece.core.engine.Engine;
import dev.dece.core.input.InputException;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code dece audit}: "Audit our data infrastructure". Recognises every file of a platform folder by its content, runs
 * the commands that read them (assess, pipeline, quality, model, lint, monitor, catalog, cost, optimize, recovery) on
 * one engine, measures what their facts and findings show per scope (the platform, each pipeline, each dataset), and
 * scores the seven dimensions of the Quality Scoring Rubric (AUD rules; the winner step keeps the highest level whose
 * criterion holds). The report holds every command's findings, one check per dimension and scope, the scorecard as a
 * Markdown artifact, and {@link #html(Report)} renders it as one self-contained page.
 *
 * <pre>{@code
 * Report r = AuditCommand.run(engine, List.of(Path.of("platform/")), AuditOptions.defaults());
 * }</pre>
 */
public final class AuditCommand {
    private AuditCommand() {}

    public static final Command COMMAND = new Command("audit",
            "Score a whole data platform folder 0-100 on the Quality Scoring Rubric's seven dimensions, with the evidence "
                    + "and findings behind every lost point, per pipeline and dataset, and the trend against a previous audit.",
            List.of(List.of("audit.inputs", "audit.score", "audit.featurestore", "audit.mesh"), List.of("audit.band")),
            List.of("audit.band", "audit.reliability", "audit.quality", "audit.performance", "audit.documentation", "audit.monitoring",
                    "audit.testing", "audit.cost", "featurestore", "mesh", "audit.inputs"),
            "docs/audit.md",
            null);

    /** Name of the scorecard artifact. */
    static final String SCORECARD = "audit-scorecard.md";

    /**
     * Audits the files and folders of {@code inputs}.
     *
     * @throws InputException for a file a command cannot read (every problem located), or an unusable baseline
     */
    public static Report run(Engine engine, List<Path> inputs, AuditOptions options) throws InputException {
        engine.prepare(COMMAND);
        Platform p = Platform.read(engine, inputs, options.asOf());
        Measures m = Measures.of(p, engine.policy());
        List<Object> facts = new ArrayList<>(m.out);
        for (Recognizer.Seen s : p.seen) {
            AuditInput i = s.fact();
            facts.add(i);
        }
        facts.addAll(p.entries); // the catalog's entries, for the Data Mesh principles (MESH rules)
        for (FeatureStoreReader.Bound fs : p.featureStores) {
            facts.add(fs.store());
            for (Feature f : fs.features()) facts.add(f.withSourceKind(batchSource(f.source(), p, m) ? "batch" : null));
        }
        List<String> names = p.seen.stream().map(s -> s.file().toString()).toList();
        Report audit = engine.evaluate(COMMAND, names, facts);
        LinkedHashSet<Finding> all = new LinkedHashSet<>(audit.findings());
        for (Report r : p.reports.values()) all.addAll(r.findings());
        List<Finding> sorted = new ArrayList<>(all);
        sorted.sort(ORDER);
        Scorecard card = Scorecard.of(audit, sorted, p, m, engine.policy(), options.baseline(), engine.loader().limits());
        return new Report(COMMAND.name(), names, audit.recommendations(), sorted,
                List.of(new Artifact("audit-scorecard", SCORECARD, card.markdown())), card.checks());
    }

    /**
     * The report of {@link #run} as one self-contained HTML page: the total as a gauge, the seven dimensions as a bar
     * chart, the trend, and the findings in a table sortable and filterable by severity and dimension, each linked to
     * its file and line. No network, no external script or font; the same report always gives the same bytes.
     *
     * @throws IllegalArgumentException when {@code report} is not an audit's
     */
    public static String html(Report report) {
        if (!report.command().equals(COMMAND.name())) throw new IllegalArgumentException("html renders an audit report, not " + report.command());
        return Html.render(report);
    }

    /** True when the platform holds {@code source} as a batch table: a dbt model, a contract's table, a scheduled pipeline. */
    private static boolean batchSource(String source, Platform p, Measures m) {
        if (source == null) return false;
        String k = Measures.key(source);
        if (m.datasets.containsKey(k)) return true;
        return p.pipelines.stream().anyMatch(pl -> Measures.key(pl.name()).equals(k) && pl.schedule() != null);
    }

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity).thenComparing(Finding::ruleId)
            .thenComparing(f -> f.location().file()).thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column()).thenComparing(f -> f.location().path()).thenComparing(Finding::message);
}
