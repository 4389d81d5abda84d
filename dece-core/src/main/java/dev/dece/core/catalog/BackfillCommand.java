package dev.dece.core.catalog;

import dev.dece.core.doc.Suggest;
import dev.dece.core.drl.BackfillRequest;
import dev.dece.core.drl.LoadStrategy;
import dev.dece.core.drl.Node;
import dev.dece.core.drl.Nodes;
import dev.dece.core.drl.Pipeline;
import dev.dece.core.engine.Command;
import dev.dece.core.engine.Engine;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.lineage.Lineage;
import dev.dece.core.policy.PolicyKey;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.Report;
import dev.dece.core.sql.Identifiers;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dece backfill TABLE --from DATE --to DATE [--tenant T]}: "Backfill [table] for [date range]" (Phase 8 Backfill
 * Protocol). Plans the protocol's nine steps for the table against the estate (catalog entries, manifests, pipeline
 * specs, contracts): scope and impact from the lineage, communication, isolation, validation SQL in the four dialects,
 * reverse-chronological chunks, monitoring, verification against the source, and a log entry template; as Markdown,
 * YAML and SQL artifacts. Findings (BKF rules): a load that is not idempotent, a schema change inside the range, a
 * multi-tenant table rebuilt for every tenant.
 */
public final class BackfillCommand {
    private BackfillCommand() {}

    public static final Command COMMAND = new Command("backfill",
            "Plan a backfill of one table for a date range: the Backfill Protocol's nine steps with impact from lineage and "
                    + "validation SQL in four dialects, and findings for non-idempotent loads, schema changes and multi-tenant rebuilds.",
            List.of(List.of("backfill")),
            List.of("backfill.idempotency", "backfill.schema", "backfill.tenant", "backfill.scope"),
            "docs/catalog.md",
            null);

    /** @throws InputException for an invalid input, an unsafe or unknown table name, a tenant with a line break, or an inverted range */
    public static Report run(Engine engine, BackfillOptions o) throws InputException {
        engine.prepare(COMMAND);
        String bad = Identifiers.qualifiedProblem(o.table());
        if (bad != null) throw new InputException(Problem.file("TABLE", bad));
        if (o.to().isBefore(o.from())) {
            throw new InputException(Problem.file("--to", o.to() + " is before --from " + o.from() + "; the range runs from its first day to its last"));
        }
        if (o.tenant() != null && (o.tenant().isBlank() || o.tenant().chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029))) {
            throw new InputException(Problem.file("--tenant", "is empty or holds a line break or control character; a tenant is one value on one line"));
        }
        if (o.entries().isEmpty() && o.manifests().isEmpty() && o.pipelines().isEmpty() && o.contracts().isEmpty()) {
            throw new InputException(Problem.file("backfill", "name the estate the table lives in: catalog entries, --manifest, --pipelines or --contract"));
        }
        Estate estate = Estate.read(engine, new Estate.Inputs(o.entries(), o.manifests(), o.pipelines(), o.contracts()));
        Lineage g = estate.graph;
        String table = estate.resolve(o.table());
        int id = g.id(table);
        if (id < 0) {
            String near = Suggest.closest(o.table(), g.names());
            throw new InputException(Problem.file("TABLE", "\"" + o.table() + "\" is not a dataset of the inputs"
                    + (near != null ? "; did you mean \"" + near + "\"?" : "")));
        }
        Entry entry = estate.entry(table);
        Pipeline pipeline = null;
        for (Pipeline p : estate.pipelines) if (Lineage.normalise(estate.resolve(p.name())).equals(Lineage.normalise(table))) pipeline = p;
        LoadStrategy strategy = pipeline != null && pipeline.load() != null ? pipeline.load().strategy() : null;
        List<String> keys = pipeline != null && pipeline.load() != null ? pipeline.load().mergeKeys() : List.of();
        String partition = pipeline != null && pipeline.load() != null && pipeline.load().hasPartitionKey() ? pipeline.load().partitionKey() : null;
        List<String> changes = new ArrayList<>();
        if (entry != null) {
            for (Entry.SchemaChange c : entry.schemaChanges()) {
                if (!c.date().isBefore(o.from()) && !c.date().isAfter(o.to())) changes.add(c.date() + ": " + (c.change() == null ? "schema change" : c.change()));
            }
        }
        Node at = pipeline != null && pipeline.load() != null ? pipeline.load().node("strategy")
                : entry != null ? entry.node() : Nodes.scalar("backfill", "TABLE", 0, 0, table);
        long days = ChronoUnit.DAYS.between(o.from(), o.to()) + 1;
        Lineage.Reach down = g.downstream(id);
        BackfillRequest req = new BackfillRequest(at, table, o.from().toString(), o.to().toString(), days, o.tenant(),
                entry == null ? null : entry.tenantColumn(), strategy, keys, partition, changes, down.size());
        List<String> inputs = new ArrayList<>();
        o.entries().forEach(p -> inputs.add(p.toString()));
        o.manifests().forEach(p -> inputs.add(p.toString()));
        o.pipelines().forEach(p -> inputs.add(p.toString()));
        o.contracts().forEach(p -> inputs.add(p.toString()));
        Report r = engine.evaluate(COMMAND, inputs, List.of(req));
        int chunk = (int) Math.max(1, Math.round(engine.policy().value(PolicyKey.BACKFILL_CHUNK_PARTITIONS)));
        List<Artifact> artifacts = BackfillPlan.artifacts(estate, req, entry, pipeline, down, o, chunk);
        return r.withArtifacts(artifacts);
    }
}
