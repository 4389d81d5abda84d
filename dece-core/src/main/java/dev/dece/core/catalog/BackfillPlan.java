package dev.dece.core.catalog;

import dev.dece.core.drl.BackfillRequest;
import dev.dece.core.drl.Pipeline;
import dev.dece.core.lineage.Lineage;
import dev.dece.core.report.Artifact;
import dev.dece.core.sql.Dialect;
import dev.dece.core.sql.Identifiers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Backfill Protocol's nine steps for one request, as a Markdown plan, the same plan as YAML, and the validation,
 * monitoring and verification SQL in each of the four dialects. Every identifier goes through {@link Dialect#quote}
 * or {@link Dialect#table}, every literal through {@link Dialect#string}; free text only in one comment line.
 * Partitions are days of the partition key (the pipeline's {@code load.partition_key}); chunks of
 * {@code backfill_chunk_partitions} days run most recent first.
 */
final class BackfillPlan {
    private BackfillPlan() {}

    record Chunk(LocalDate from, LocalDate to) {}

    static List<Chunk> chunks(LocalDate from, LocalDate to, int size) {
        List<Chunk> out = new ArrayList<>();
        LocalDate end = to;
        while (!end.isBefore(from)) {
            LocalDate start = end.minusDays(size - 1L);
            if (start.isBefore(from)) start = from;
            out.add(new Chunk(start, end));
            end = start.minusDays(1);
        }
        return out;
    }

    /** Numeric columns of the table, the key metrics to compare before and after (ids and keys excluded). */
    static List<String> metrics(Estate estate, Entry entry) {
        List<String> out = new ArrayList<>();
        if (entry == null) return out;
        for (Estate.Col c : estate.columns(entry)) {
            String t = c.type() == null ? "" : c.type().toLowerCase(Locale.ROOT);
            String n = c.name().toLowerCase(Locale.ROOT);
            if (n.endsWith("_id") || n.endsWith("_key") || n.equals("id")) continue;
            // only names that are safe identifiers become SQL; the plan's SQL says which numeric columns it left out
            if (t.matches("(numeric|decimal|number|double|float|real|int|integer|bigint|smallint|float64|int64|bignumeric).*")
                    && Identifiers.problem(c.name()) == null) out.add(c.name());
        }
        return out;
    }

    static List<Artifact> artifacts(Estate estate, BackfillRequest req, Entry entry, Pipeline pipeline, Lineage.Reach down,
                                    BackfillOptions o, int chunkSize) {
        String file = Identifiers.fileName(req.table());
        List<Chunk> chunks = chunks(o.from(), o.to(), chunkSize);
        List<String> metrics = metrics(estate, entry);
        Lineage g = estate.graph;
        List<String> impact = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (int n : down.nodes()) {
            String nm = g.name(n);
            Entry e = estate.byKey.get(Lineage.normalise(nm));
            Estate.Known k = estate.known.get(Lineage.normalise(nm));
            String owner = e != null && e.ownerTeam() != null ? e.ownerTeam() : k != null && k.owner() != null ? k.owner() : "unknown owner";
            String sla = e != null && e.slaHours() != null ? ", SLA " + dev.dece.core.drl.Format.number(e.slaHours()) + " h" : "";
            impact.add(nm + " (" + (e != null ? "dataset" : k != null ? k.kind() : "referenced") + ", " + owner + sla + ")");
            if (!owners.contains(owner)) owners.add(owner);
        }
        List<String> sources = new ArrayList<>();
        for (int p : g.parents(g.id(req.table()))) sources.add(g.name(p));
        sources.sort(null);
        String source = null;
        for (String s : sources) if (Identifiers.qualifiedProblem(s) == null) { source = s; break; }
        String channel = pipeline != null && pipeline.errors() != null && !pipeline.errors().alertChannels().isEmpty()
                ? String.join(", ", pipeline.errors().alertChannels()) : "the consumers' channel (no pipeline alert channel known)";
        String scope = req.tenant() == null ? "all tenants" : "tenant " + req.tenant() + " only";

        StringBuilder md = new StringBuilder();
        md.append("# Backfill plan: ").append(Impact.cell(req.table())).append(", ").append(req.from()).append(" to ").append(req.to()).append("\n\n");
        md.append("Written by dece backfill from the inputs; the findings of the report come first.\n\n");
        md.append("## 1. Scope\n\n- table: ").append(Impact.cell(req.table())).append("\n- dates: ").append(req.from()).append(" to ").append(req.to())
                .append(" inclusive (").append(req.days()).append(req.days() == 1 ? " day" : " days").append(")\n- tenants: ").append(Impact.cell(scope))
                .append("\n- load strategy: ").append(req.strategy() == null ? "unknown (no pipeline spec names the table)" : req.strategy().choice())
                .append("\n- affected downstream: ").append(impact.size()).append("\n\n");
        md.append("## 2. Impact assessment\n\n");
        if (impact.isEmpty()) md.append("Nothing downstream in the lineage of the inputs.\n\n");
        for (String i : impact) md.append("- ").append(Impact.cell(i)).append('\n');
        if (!impact.isEmpty()) md.append('\n');
        md.append("## 3. Communication\n\nNotify before the start and after verification: ").append(Impact.cell(owners.isEmpty() ? "the table's consumers" : String.join(", ", owners)))
                .append(", through ").append(Impact.cell(channel)).append(". Say: ").append(Impact.cell(req.table())).append(" is being reprocessed for ")
                .append(req.from()).append(" to ").append(req.to()).append(" (").append(Impact.cell(scope)).append("); figures for those days may change until the all-clear.\n\n");
        md.append("## 4. Isolation\n\nRun on separate compute (its own warehouse, cluster or queue), never the one the scheduled pipelines use, and pause the table's scheduled load for the range.\n\n");
        md.append("## 5. Validation\n\nBefore the first chunk and after the last, run `").append(file).append(".backfill.<dialect>.sql` (row counts")
                .append(metrics.isEmpty() ? "" : " and the sums of " + Impact.cell(String.join(", ", metrics))).append(" per partition) and keep both results.\n\n");
        md.append("## 6. Execution\n\nMost recent first, ").append(chunkSize).append(chunkSize == 1 ? " partition" : " partitions").append(" per chunk:\n\n");
        for (int i = 0; i < chunks.size(); i++) md.append(i + 1).append(". ").append(chunks.get(i).from()).append(" to ").append(chunks.get(i).to()).append('\n');
        md.append("\n## 7. Monitoring\n\nWatch the compute's CPU, memory and spill (resource spikes), and run the duplicate check of the SQL after each chunk: it must return no row.\n\n");
        md.append("## 8. Verification\n\n").append(source == null ? "Reconcile against the source system's own counts for the range (no source table is known in the lineage)."
                : "Run the reconciliation of the SQL against " + Impact.cell(source) + "; the counts must match (amounts within the 1 % variance rule).").append("\n\n");
        md.append("## 9. Documentation\n\nAdd to the backfill log:\n\n```yaml\n").append(logEntry(req)).append("```\n");

        StringBuilder y = new StringBuilder("backfill:\n");
        y.append("  table: ").append(Impact.q(req.table())).append("\n  from: ").append(Impact.q(req.from())).append("\n  to: ").append(Impact.q(req.to()))
                .append("\n  tenant: ").append(Impact.q(req.tenant() == null ? "all" : req.tenant())).append("\n  steps:\n");
        y.append("    scope: {days: ").append(req.days()).append(", load_strategy: ").append(Impact.q(req.strategy() == null ? "unknown" : req.strategy().choice())).append("}\n");
        y.append("    impact:").append(Drafts.list(impact).replace("      - ", "      - "));
        y.append("    communication: {notify: ").append(Impact.q(String.join(", ", owners))).append(", channel: ").append(Impact.q(channel)).append("}\n");
        y.append("    isolation: \"separate compute; pause the scheduled load for the range\"\n");
        y.append("    validation: {sql: ").append(Impact.q(file + ".backfill.<dialect>.sql")).append(", metrics:").append(inline(metrics)).append("}\n");
        y.append("    execution:\n");
        for (Chunk c : chunks) y.append("      - {from: ").append(Impact.q(c.from().toString())).append(", to: ").append(Impact.q(c.to().toString())).append("}\n");
        y.append("    monitoring: [\"resource spikes\", \"duplicates after each chunk\"]\n");
        y.append("    verification: {source: ").append(Impact.q(source == null ? "the source system" : source)).append(", variance_percent: 1}\n");
        y.append("    documentation: \"backfill log entry\"\n");

        List<Artifact> out = new ArrayList<>();
        out.add(new Artifact("backfill-plan", file + ".backfill.md", md.toString()));
        out.add(new Artifact("backfill-plan", file + ".backfill.yaml", y.toString()));
        for (Dialect d : List.of(Dialect.DUCKDB, Dialect.POSTGRES, Dialect.SNOWFLAKE, Dialect.BIGQUERY)) {
            out.add(new Artifact("backfill-sql", file + ".backfill." + d.name().toLowerCase(Locale.ROOT) + ".sql", sql(d, req, metrics, source)));
        }
        return out;
    }

    static String inline(List<String> items) {
        if (items.isEmpty()) return " []";
        List<String> q = new ArrayList<>();
        for (String s : items) q.add(Impact.q(s));
        return " [" + String.join(", ", q) + "]";
    }

    static String logEntry(BackfillRequest req) {
        return "- table: " + Impact.q(req.table()) + "\n  range: " + Impact.q(req.from() + " to " + req.to()) + "\n  tenant: "
                + Impact.q(req.tenant() == null ? "all" : req.tenant()) + "\n  why: \"TODO\"\n  started_at: \"TODO\"\n  finished_at: \"TODO\"\n"
                + "  rows_before: TODO\n  rows_after: TODO\n  anomalies: []\n";
    }

    static String date(Dialect d, String iso) {
        return "CAST(" + d.string(iso) + " AS DATE)";
    }

    static String sql(Dialect d, BackfillRequest req, List<String> metrics, String source) {
        String t = d.table(req.table());
        String where;
        String part = req.partitionKey();
        if (part != null) {
            String p = d.quote(part);
            where = "CAST(" + p + " AS DATE) BETWEEN " + date(d, req.from()) + " AND " + date(d, req.to());
        } else {
            where = "1 = 1";
        }
        if (req.tenant() != null && req.tenantColumn() != null) where += " AND " + d.quote(req.tenantColumn()) + " = " + d.string(req.tenant());
        StringBuilder s = new StringBuilder();
        s.append("-- ").append(Identifiers.comment("dece backfill " + req.table() + " " + req.from() + " to " + req.to())).append('\n');
        if (part == null) s.append("-- no partition key is known for this table (pipeline load.partition_key): the counts cover the whole table\n");
        s.append("-- validation: row counts").append(metrics.isEmpty() ? "" : " and key metrics").append(" per partition; run before and after\n");
        s.append("SELECT ").append(part == null ? "" : "CAST(" + d.quote(part) + " AS DATE) AS " + d.quote("partition_day") + ", ")
                .append("COUNT(*) AS ").append(d.quote("row_count"));
        for (String m : metrics) s.append(", SUM(").append(d.quote(m)).append(") AS ").append(d.quote("sum_" + m));
        s.append(" FROM ").append(t).append(" WHERE ").append(where);
        if (part != null) s.append(" GROUP BY 1 ORDER BY 1 DESC");
        s.append(";\n");
        if (!req.mergeKeys().isEmpty()) {
            s.append("-- monitoring: duplicates on the merge keys after each chunk; expect no row\n");
            List<String> k = new ArrayList<>();
            for (String m : req.mergeKeys()) k.add(d.quote(m));
            s.append("SELECT ").append(String.join(", ", k)).append(", COUNT(*) AS ").append(d.quote("copies")).append(" FROM ").append(t)
                    .append(" WHERE ").append(where).append(" GROUP BY ").append(String.join(", ", k)).append(" HAVING COUNT(*) > 1;\n");
        } else {
            s.append("-- monitoring: no merge keys are known, so duplicates cannot be checked by key; compare the row counts per partition\n");
        }
        if (source != null) {
            s.append("-- verification: reconcile against the source; counts equal, amounts within 1 %\n");
            s.append("SELECT (SELECT COUNT(*) FROM ").append(d.table(source)).append(part == null ? "" : " WHERE " + where)
                    .append(") AS ").append(d.quote("source_rows")).append(", (SELECT COUNT(*) FROM ").append(t).append(" WHERE ").append(where)
                    .append(") AS ").append(d.quote("target_rows")).append(";\n");
        } else {
            s.append("-- verification: no source table is known in the lineage; reconcile with the source system's own counts\n");
        }
        return s.toString();
    }
}
