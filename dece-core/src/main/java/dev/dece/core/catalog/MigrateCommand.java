package dev.dece.core.catalog;

import dev.dece.core.assess.AssessCommand;
import dev.dece.core.drl.MigrationRequest;
import dev.dece.core.drl.Node;
import dev.dece.core.drl.Nodes;
import dev.dece.core.drl.Volume;
import dev.dece.core.engine.Command;
import dev.dece.core.engine.Engine;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.lineage.Lineage;
import dev.dece.core.policy.PolicyKey;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.Report;
import dev.dece.core.sql.Dialect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code dece migrate --from SYSTEM --to SYSTEM}: "Plan a data migration from [old] to [new]". Over the same estate as
 * catalog and backfill: the inventory, the order by lineage (upstream first, leaves last), per dataset the validation
 * (schema, row counts, distinct keys, the sums of its measures within the 1 % reconciliation variance), a parallel run
 * with its comparison queries, and the cut-over and rollback steps with their triggers; findings (MIG rules) for a
 * target the brief's technology rules advise against, a lineage with no order, datasets that cannot be compared row
 * by row.
 */
public final class MigrateCommand {
    private MigrateCommand() {}

    public static final Command COMMAND = new Command("migrate",
            "Plan a migration between two systems over the estate: inventory, lineage order, validation per dataset, parallel run, "
                    + "cut-over and rollback, and findings for a target the technology rules advise against.",
            List.of(List.of("migrate")),
            List.of("migrate.target", "migrate.order", "migrate.validation"),
            "docs/catalog.md",
            null);

    /** @throws InputException for an invalid input, an unsafe system name, the same system twice, or no estate */
    public static Report run(Engine engine, MigrateOptions o) throws InputException {
        engine.prepare(COMMAND);
        String from = system("--from", o.from());
        String to = system("--to", o.to());
        if (from.equals(to)) throw new InputException(Problem.file("--to", "\"" + o.to() + "\" is the system migrated from; name the new system"));
        if (o.entries().isEmpty() && o.manifests().isEmpty() && o.pipelines().isEmpty() && o.contracts().isEmpty()) {
            throw new InputException(Problem.file("migrate", "name the estate to migrate: catalog entries, --manifest, --pipelines or --contract"));
        }
        Estate estate = Estate.read(engine, new Estate.Inputs(o.entries(), o.manifests(), o.pipelines(), o.contracts()));
        double retained = -1;
        Node at = Nodes.scalar("migrate", "--to", 0, 0, o.to());
        Node volumeAt = at;
        if (o.brief() != null) {
            Volume v = AssessCommand.volume(engine.loader().load(o.brief()));
            if (v != null && v.retentionMonths() > 0) {
                retained = v.retainedGb();
                volumeAt = v.node();
            }
        }
        Lineage g = estate.graph;
        List<String> order = new ArrayList<>();
        Set<String> cyclic = new LinkedHashSet<>(g.cyclic());
        for (int id : g.topological()) if (migrated(estate, g.name(id))) order.add(g.name(id));
        for (String c : cyclic) if (migrated(estate, c) && !order.contains(c)) order.add(c);
        // a dataset whose name cannot be an identifier cannot be validated on either side: refused, located
        for (String d : order) {
            String bad = dev.dece.core.sql.Identifiers.qualifiedProblem(d);
            if (bad == null) continue;
            Entry en = estate.entry(d);
            Estate.Known k = estate.known.get(Lineage.normalise(d));
            if (en != null) throw new InputException(Problem.at(en.node().get("name"), bad));
            throw new InputException(Problem.file(k != null ? k.file() + ":" + k.line() : "migrate", "dataset \"" + d.replaceAll("\\p{Cntrl}", "?") + "\": " + bad));
        }
        List<String> noKey = new ArrayList<>();
        for (String d : order) if (keys(estate, d).isEmpty()) noKey.add(d);
        MigrationRequest req = new MigrationRequest(at, from, to, order.size(), retained, volumeAt,
                String.join(", ", cyclic.stream().filter(c -> migrated(estate, c)).toList()), String.join(", ", noKey));
        List<String> inputs = new ArrayList<>();
        o.entries().forEach(p -> inputs.add(p.toString()));
        o.manifests().forEach(p -> inputs.add(p.toString()));
        o.pipelines().forEach(p -> inputs.add(p.toString()));
        o.contracts().forEach(p -> inputs.add(p.toString()));
        if (o.brief() != null) inputs.add(o.brief().toString());
        Report r = engine.evaluate(COMMAND, inputs, List.of(req));
        double variance = engine.policy().value(PolicyKey.RECONCILIATION_MAX_VARIANCE_PERCENT);
        return r.withArtifacts(plan(estate, req, order, variance));
    }

    private static String system(String option, String s) throws InputException {
        if (s == null || s.isBlank() || !s.strip().matches("[A-Za-z][A-Za-z0-9 ._-]{0,63}")) {
            throw new InputException(Problem.file(option, "\"" + (s == null ? "" : s.replaceAll("\\p{Cntrl}", "?")) + "\" is not a system name; "
                    + "use letters, digits, spaces, '.', '_' or '-', e.g. redshift, snowflake, postgresql"));
        }
        return s.strip().toLowerCase(Locale.ROOT);
    }

    /** Datasets move; exposures, consumers and external source systems do not. */
    private static boolean migrated(Estate e, String name) {
        if (e.entry(name) != null) return true;
        Estate.Known k = e.known.get(Lineage.normalise(name));
        return k != null && !k.kind().startsWith("exposure") && !k.kind().equals("consumer") && !k.kind().equals("source system");
    }

    /** The dataset's key columns: its contract's primary key; empty when none is known. */
    private static List<String> keys(Estate e, String name) {
        for (Estate.Contracted c : e.contracts) {
            for (dev.dece.core.drl.ContractTable t : c.bound().tables()) {
                if (!Lineage.normalise(e.resolve(t.name())).equals(Lineage.normalise(name))) continue;
                return c.bound().columns(t.name()).stream().filter(dev.dece.core.drl.ContractColumn::primaryKey)
                        .map(dev.dece.core.drl.ContractColumn::name).toList();
            }
        }
        return List.of();
    }

    /** Numeric, non-key columns of the dataset's contract: the measures whose sums are reconciled. */
    private static List<String> measures(Estate e, String name) {
        for (Estate.Contracted c : e.contracts) {
            for (dev.dece.core.drl.ContractTable t : c.bound().tables()) {
                if (!Lineage.normalise(e.resolve(t.name())).equals(Lineage.normalise(name))) continue;
                return c.bound().columns(t.name()).stream().filter(x -> !x.primaryKey() && !x.nested() && x.type() != null
                        && (x.type().family() == dev.dece.core.drl.SqlType.Family.DECIMAL || x.type().family() == dev.dece.core.drl.SqlType.Family.FLOAT))
                        .map(dev.dece.core.drl.ContractColumn::name).toList();
            }
        }
        return List.of();
    }

    private static Dialect dialect(String system) {
        for (Dialect d : Dialect.values()) if (d.label().equalsIgnoreCase(system) || system.startsWith(d.label())) return d;
        return system.equals("postgresql") || system.equals("pg") ? Dialect.POSTGRES : null;
    }

    static List<Artifact> plan(Estate e, MigrationRequest req, List<String> order, double variance) {
        StringBuilder md = new StringBuilder("# Migration plan: " + req.from() + " to " + req.to() + "\n\n");
        md.append("## 1. Inventory and order\n\n").append(order.size()).append(" datasets, in lineage order (upstream first, leaves last):\n\n");
        md.append("| # | dataset | owner | tier | key | consumers |\n|---|---|---|---|---|---|\n");
        StringBuilder yaml = new StringBuilder("migration:\n  from: " + yq(req.from()) + "\n  to: " + yq(req.to()) + "\n  datasets:\n");
        int i = 1;
        for (String d : order) {
            Entry en = e.entry(d);
            Estate.Known k = e.known.get(Lineage.normalise(d));
            String owner = en != null && en.ownerTeam() != null ? en.ownerTeam() : k != null && k.owner() != null ? k.owner() : "TODO";
            String tier = en != null && en.tier() != null ? en.tier().label() : "-";
            List<String> key = keys(e, d);
            int id = e.graph.id(d);
            long consumers = id < 0 ? 0 : java.util.Arrays.stream(e.graph.children(id)).count();
            md.append("| ").append(i).append(" | ").append(cell(d)).append(" | ").append(cell(owner)).append(" | ").append(tier).append(" | ")
                    .append(key.isEmpty() ? "none known" : String.join(", ", key)).append(" | ").append(consumers).append(" |\n");
            yaml.append("    - {order: ").append(i).append(", name: ").append(yq(d)).append(", owner: ").append(yq(owner))
                    .append(", key: [").append(String.join(", ", key.stream().map(MigrateCommand::yq).toList())).append("], validated: false}\n");
            i++;
        }
        md.append("\n## 2. Validation, per dataset (both systems, the same queries)\n\n")
                .append("Schema: every column present with a compatible type (see the schema-change matrix in docs/quality.md). ")
                .append("Row counts equal. Distinct keys equal (where a key is known). The sums of the measures within ")
                .append(dev.dece.core.drl.Format.number(variance)).append(" % of the old system's total (the reconciliation variance rule).\n\n");
        Dialect[] sides = {dialect(req.from()), dialect(req.to())};
        List<Artifact> out = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            Dialect dl = sides[s];
            if (dl == null) continue;
            StringBuilder sql = new StringBuilder("-- Migration validation for " + (s == 0 ? "the old system, " + req.from() : "the new system, " + req.to())
                    + "; run the same file on both and compare the rows.\n");
            for (String d : order) {
                List<String> parts = new ArrayList<>();
                parts.add("COUNT(*) AS row_count");
                List<String> key = keys(e, d);
                if (key.size() == 1) parts.add("COUNT(DISTINCT " + dl.quote(key.get(0)) + ") AS distinct_keys");
                for (String m : measures(e, d)) parts.add("SUM(" + dl.quote(m) + ") AS " + dl.quote("sum_" + m));
                sql.append("SELECT ").append(dl.string(d)).append(" AS dataset, ").append(String.join(", ", parts)).append(" FROM ").append(dl.table(d)).append(";\n");
            }
            out.add(new Artifact("migration-sql", "migration-validation." + (s == 0 ? "old" : "new") + "." + dl.label() + ".sql", sql.toString()));
        }
        if (sides[0] == null || sides[1] == null) {
            md.append("Validation SQL is generated for DuckDB, PostgreSQL, Snowflake and BigQuery; ")
                    .append(sides[0] == null ? req.from() : req.to()).append(" is not one of them, so write its side from the other's queries.\n\n");
        }
        md.append("## 3. Parallel run\n\nRun old and new pipelines side by side for at least one full cycle of the slowest schedule, ")
                .append("comparing the validation queries after every load; a difference beyond the rules above stops the migration of that dataset.\n\n")
                .append("## 4. Cut-over\n\nIn lineage order: switch each dataset's consumers to the new system once its parallel run has passed, ")
                .append("announce on the owners' channels, keep the old system read-only.\n\n")
                .append("## 5. Rollback\n\nTriggers: a validation difference after cut-over, a P0/P1 finding on the new system, or a consumer's SLA breached. ")
                .append("Steps: point the consumers back to the old system (kept read-only and loaded in the parallel run), stop the new pipelines, ")
                .append("record the cause before retrying.\n");
        out.add(0, new Artifact("migration-plan", "migration-plan.md", md.toString()));
        out.add(1, new Artifact("migration-plan", "migration-plan.yaml", yaml.toString()));
        return out;
    }

    /** A YAML single-quoted scalar: quotes doubled, line breaks and control characters removed. */
    static String yq(String s) {
        return "'" + s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ").replace("'", "''") + "'";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replaceAll("[\\r\\n\\u2028\\u2029]", " ");
    }
}
