package dev.dece.core.catalog;

import dev.dece.core.dbt.Manifest;
import dev.dece.core.drl.Classification;
import dev.dece.core.drl.ContractColumn;
import dev.dece.core.drl.ContractTable;
import dev.dece.core.drl.Pii;
import dev.dece.core.lineage.Lineage;
import dev.dece.core.report.Artifact;
import dev.dece.core.sql.Identifiers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * "Design a data catalog": a draft Data Catalog Entry for every dataset a dbt manifest or a contract names that has no
 * entry yet, with what the inputs say filled in (description, owner, lineage sources and downstream, tests, the PII
 * columns the detector finds and the classification they imply) and {@code TODO} where a person must decide.
 */
final class Drafts {
    private Drafts() {}

    static final String TODO = "TODO";

    /** What the inputs say of one uncatalogued dataset. */
    static final class Draft {
        final String name;
        String description;
        String owner;
        String tier;
        final Set<String> tests = new LinkedHashSet<>();
        final Map<String, Pii.Match> pii = new TreeMap<>();

        Draft(String name) {
            this.name = name;
        }
    }

    static List<Artifact> artifacts(Estate estate) {
        Map<String, Draft> drafts = new TreeMap<>();
        for (Manifest m : estate.manifests) {
            for (Manifest.DbtNode n : m.nodes()) {
                String name = estate.resolve(n.name());
                if (estate.entry(name) != null) continue;
                Draft d = drafts.computeIfAbsent(name, Draft::new);
                if (d.description == null) d.description = n.description();
                // the usual dbt layers: sources are raw, staging is cleaned, marts are trusted; a person confirms
                if (d.tier == null) d.tier = n.resourceType().equals("source") ? "bronze" : n.name().startsWith("stg_") || n.name().startsWith("int_")
                        ? "silver" : n.name().startsWith("fct_") || n.name().startsWith("dim_") ? "gold" : null;
                for (Manifest.DbtTest t : m.testsOf(n.uniqueId())) d.tests.add(t.column() == null ? t.name() : t.name() + "(" + t.column() + ")");
                for (Manifest.DbtColumn c : n.columns()) {
                    Pii.Match x = Pii.detect(c.name(), c.dataType(), c.description(), List.of(), n.name());
                    if (x != null) d.pii.putIfAbsent(c.name(), x);
                }
            }
        }
        for (Estate.Contracted c : estate.contracts) {
            for (ContractTable t : c.bound().tables()) {
                String name = estate.resolve(t.name());
                if (estate.entry(name) != null) continue;
                Draft d = drafts.computeIfAbsent(name, Draft::new);
                if (d.owner == null) d.owner = c.bound().contract().owner();
                for (ContractColumn cc : c.bound().columns(t.name())) {
                    Pii.Match x = cc.piiDetected();
                    if (x == null && cc.pii()) x = new Pii.Match("personal data", Classification.CONFIDENTIAL, "the contract marks it pii: true");
                    if (x != null) d.pii.putIfAbsent(cc.name(), x);
                    for (var k : cc.checkKinds()) d.tests.add(k.name().toLowerCase(java.util.Locale.ROOT) + "(" + cc.name() + ")");
                }
            }
        }
        List<Artifact> out = new ArrayList<>();
        Lineage g = estate.graph;
        for (Draft d : drafts.values()) {
            int id = g.id(d.name);
            List<String> up = new ArrayList<>();
            List<String> down = new ArrayList<>();
            if (id >= 0) {
                for (int p : g.parents(id)) up.add(g.name(p));
                for (int c : g.children(id)) down.add(g.name(c));
            }
            up.sort(null);
            down.sort(null);
            Classification level = null;
            for (Pii.Match x : d.pii.values()) if (level == null || x.level().ordinal() > level.ordinal()) level = x.level();
            StringBuilder y = new StringBuilder();
            y.append("# Draft catalog entry written by dece catalog from the inputs; replace every TODO, then review it with dece catalog.\n");
            y.append("dataset:\n");
            y.append("  name: ").append(Impact.q(d.name)).append('\n');
            y.append("  description: ").append(Impact.q(d.description == null ? TODO : d.description)).append('\n');
            y.append("  owner_team: ").append(Impact.q(d.owner == null ? TODO : d.owner)).append('\n');
            y.append("  steward: \"TODO\"  # person responsible for quality\n");
            y.append("  domain: \"TODO\"   # sales | marketing | finance | product | engineering\n");
            y.append("  tier: ").append(Impact.q(d.tier == null ? TODO : d.tier)).append(d.tier == null ? "  # gold | silver | bronze\n"
                    : "  # from the dbt layer; confirm\n");
            y.append("  lineage:\n    sources:").append(list(up)).append("    transformations: \"TODO\"\n    downstream:").append(list(down));
            y.append("  refresh:\n    schedule: \"TODO\"\n    sla_hours: 0  # TODO\n    last_successful_run: \"\"\n");
            y.append("  quality:\n    tests:").append(list(new ArrayList<>(d.tests))).append("    last_score: 0  # TODO: 0-100\n    known_issues: []\n");
            y.append("  access:\n    classification: ").append(Impact.q(level == null ? TODO : level.label()))
                    .append(level == null ? "  # public | internal | confidential | restricted\n" : "  # from the PII columns found\n");
            y.append("    pii_columns:").append(list(new ArrayList<>(d.pii.keySet())));
            y.append("    access_request_process: \"TODO\"\n");
            y.append("  usage:\n    avg_daily_queries: 0\n    top_consumers: []\n    cost_monthly_usd: 0\n");
            out.add(new Artifact("catalog-entry-draft", Identifiers.fileName(d.name) + ".catalog.yaml", y.toString()));
        }
        return out;
    }

    static String list(List<String> items) {
        if (items.isEmpty()) return " []\n";
        StringBuilder sb = new StringBuilder("\n");
        for (String s : items) sb.append("      - ").append(Impact.q(s)).append('\n');
        return sb.toString();
    }
}
