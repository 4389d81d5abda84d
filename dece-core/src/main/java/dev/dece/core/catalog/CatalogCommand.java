package dev.dece.core.catalog;

import dev.dece.core.drl.CatalogEntry;
import dev.dece.core.drl.CatalogPii;
import dev.dece.core.drl.Classification;
import dev.dece.core.drl.DerivedPii;
import dev.dece.core.drl.Pii;
import dev.dece.core.engine.Command;
import dev.dece.core.engine.Engine;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.lineage.Lineage;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.Report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code dece catalog}: "Design a data catalog for our org" (Phase 6). Reviews Data Catalog Entry Templates against
 * the governance policy (required fields by tier, refresh SLA, quality score, known issues, cost without usage; PII
 * missing from {@code pii_columns}, a classification too low for its PII or for the upstream it derives PII from,
 * the controls each level requires; the data-lake anti-patterns), joined with dbt manifests, pipeline specs and
 * contracts into one lineage graph. Writes a draft entry for every dataset the manifests and contracts name that has
 * no entry yet, and with {@link CatalogOptions#impact()} the downstream impact of one dataset.
 */
public final class CatalogCommand {
    private CatalogCommand() {}

    public static final Command COMMAND = new Command("catalog",
            "Review data catalog entries (owners, tiers, SLAs, PII and classification along lineage, lake anti-patterns), "
                    + "draft missing entries from a dbt manifest or contracts, and list a dataset's downstream impact.",
            List.of(List.of("catalog")),
            List.of("catalog.fields", "catalog.refresh", "catalog.quality", "catalog.usage", "catalog.pii", "catalog.classification",
                    "catalog.controls", "catalog.lake"),
            "docs/catalog.md",
            (engine, files) -> Command.Bound.of(names(files, CatalogOptions.defaults()),
                    facts(Estate.read(engine, new Estate.Inputs(files, List.of(), List.of(), List.of())), null)));

    /**
     * @param entries catalog entry files or directories; may be empty when the options name a manifest or contracts
     * @throws InputException for a missing, unreadable, oversized or invalid input, or an impact name the estate does not hold
     */
    public static Report run(Engine engine, List<Path> entries, CatalogOptions o) throws InputException {
        engine.prepare(COMMAND);
        if (entries.isEmpty() && o.manifests().isEmpty() && o.contracts().isEmpty() && o.pipelines().isEmpty()) {
            throw new InputException(Problem.file("catalog", "name at least one input: catalog entries (files or directories), "
                    + "a dbt manifest (--manifest), pipeline specs (--pipelines) or contracts (--contract)"));
        }
        Estate estate = Estate.read(engine, new Estate.Inputs(entries, o.manifests(), o.pipelines(), o.contracts()));
        List<Artifact> artifacts = new ArrayList<>();
        if (o.impact() != null) artifacts.addAll(Impact.artifacts(estate, o.impact()));
        Report r = engine.evaluate(COMMAND, names(entries, o), facts(estate, o.asOf()));
        artifacts.addAll(Drafts.artifacts(estate));
        return r.withArtifacts(artifacts);
    }

    static List<String> names(List<Path> entries, CatalogOptions o) {
        List<String> n = new ArrayList<>();
        entries.forEach(p -> n.add(p.toString()));
        o.manifests().forEach(p -> n.add(p.toString()));
        o.pipelines().forEach(p -> n.add(p.toString()));
        o.contracts().forEach(p -> n.add(p.toString()));
        return n;
    }

    /** The PII the inputs show for one entry: detected columns, then listed pii_columns the detector did not see. */
    record Held(List<CatalogPii> detected, List<String> columns, Classification level, String why) {}

    static Held held(Estate estate, Entry e) {
        List<CatalogPii> found = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        e.piiColumns().forEach(c -> listed.add(c.toLowerCase(Locale.ROOT)));
        Classification level = null;
        String why = null;
        Set<String> cols = new LinkedHashSet<>();
        for (Estate.Col c : estate.columns(e)) {
            String own = e.piiHandling().get(c.name().toLowerCase(Locale.ROOT));
            if (own != null && !own.equals("kept")) continue; // the entry says this column holds no clear PII any more
            Pii.Match m = c.forced() != null ? c.forced() : Pii.detect(c.name(), c.type(), c.description(), c.tags(), c.table());
            if (m == null) continue;
            found.add(new CatalogPii(c.node(), e.name(), c.name(), m.category(), m.level(), m.reason(), listed.contains(c.name().toLowerCase(Locale.ROOT)),
                    c.source()));
            cols.add(c.name().toLowerCase(Locale.ROOT));
            if (level == null || m.level().ordinal() > level.ordinal()) {
                level = m.level();
                why = "column " + c.name() + " (" + m.category() + ": " + m.reason() + ")";
            }
        }
        for (String p : e.piiColumns()) {
            String k = p.toLowerCase(Locale.ROOT);
            if (cols.contains(k)) continue;
            cols.add(k);
            Pii.Match m = Pii.detect(p);
            Classification l = m == null ? Classification.CONFIDENTIAL : m.level();
            if (level == null || l.ordinal() > level.ordinal()) {
                level = l;
                why = "pii_columns lists " + p + (m == null ? " (personal data: confidential at least)" : " (" + m.category() + ")");
            }
        }
        return new Held(found, new ArrayList<>(cols), level, why);
    }

    static List<Object> facts(Estate estate, java.time.Instant asOf) {
        List<Object> out = new ArrayList<>();
        Lineage g = estate.graph;
        java.util.Map<String, Held> held = new java.util.HashMap<>();
        for (Entry e : estate.entries) held.put(e.name(), held(estate, e));
        for (Entry e : estate.entries) {
            Held h = held.get(e.name());
            List<String> missing = new ArrayList<>();
            if (e.tier() == null) missing.add("tier");
            for (String f : (e.tier() == null ? dev.dece.core.drl.DatasetTier.BRONZE : e.tier()).required()) if (!e.has(f)) missing.add(f);
            Double hours = asOf == null || e.lastRun() == null ? null : Duration.between(e.lastRun(), asOf).toMinutes() / 60.0;
            int id = g.id(e.name());
            int consumers = g.children(id).length + e.topConsumers().size();
            out.add(new CatalogEntry(e.node(), e.name(), e.description(), e.ownerTeam(), e.steward(), e.domain(), e.tier(), e.sources(),
                    e.transformations(), e.downstream(), e.schedule(), e.slaHours(), e.lastSuccessfulRun(), e.tests(), e.lastScore(),
                    e.knownIssues(), e.classification(), e.piiColumns(), e.accessRequestProcess(), e.avgDailyQueries(), e.topConsumers(),
                    e.costMonthlyUsd(), e.controls(), e.storageFormat(), e.storageLocation(), e.tenantColumn(), missing, hours, consumers,
                    h.level(), h.why()));
            out.addAll(h.detected());
            out.addAll(derived(estate, e, held));
        }
        return out;
    }

    /**
     * Classification along lineage: the catalogued upstream datasets (reached through uncatalogued nodes) that are
     * Confidential or Restricted and hold PII that reaches {@code e}: a PII column counts unless {@code e} lists its
     * columns without it (dropped) or its {@code lineage.pii_handling} says hashed, tokenized or dropped.
     */
    static List<DerivedPii> derived(Estate estate, Entry e, java.util.Map<String, Held> held) {
        Lineage g = estate.graph;
        List<DerivedPii> out = new ArrayList<>();
        int start = g.id(e.name());
        // walk upstream, stopping at catalogued datasets: each judges its own upstream
        java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        q.add(start);
        seen.add(start);
        Set<String> mine = new LinkedHashSet<>();
        estate.columns(e).forEach(c -> mine.add(c.name().toLowerCase(Locale.ROOT)));
        e.piiColumns().forEach(c -> mine.add(c.toLowerCase(Locale.ROOT)));
        while (!q.isEmpty()) {
            int x = q.poll();
            for (int p : g.parents(x)) {
                if (!seen.add(p)) continue;
                Entry up = estate.byKey.get(Lineage.normalise(g.name(p)));
                if (up == null) {
                    if (seen.size() < 100_000) q.add(p);
                    continue;
                }
                Held h = held.get(up.name());
                if (up.classification() == null || up.classification().ordinal() < Classification.CONFIDENTIAL.ordinal() || h.columns().isEmpty()) continue;
                List<String> reach = new ArrayList<>();
                for (String c : h.columns()) {
                    if (!mine.isEmpty() && !mine.contains(c)) continue;
                    String how = e.piiHandling().get(c);
                    if (how != null && !how.equals("kept")) continue;
                    reach.add(c);
                }
                if (reach.isEmpty()) continue;
                String via = g.origin(p, x);
                out.add(new DerivedPii(e.node().get("lineage").get("sources"), e.name(), e.classification(), up.name(), up.classification(),
                        reach, via == null ? "" : via));
            }
        }
        return out;
    }
}
