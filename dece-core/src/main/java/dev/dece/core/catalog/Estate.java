package dev.dece.core.catalog;

import dev.dece.core.contract.BoundContract;
import dev.dece.core.contract.ContractReader;
import dev.dece.core.dbt.Manifest;
import dev.dece.core.dbt.ManifestReader;
import dev.dece.core.drl.Classification;
import dev.dece.core.drl.ContractColumn;
import dev.dece.core.drl.ContractTable;
import dev.dece.core.drl.Pii;
import dev.dece.core.drl.Pipeline;
import dev.dece.core.engine.Engine;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.lineage.Lineage;
import dev.dece.core.pipeline.PipelineCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a team has about its datasets, read once and joined: catalog entries, dbt manifests (nodes, depends_on,
 * parent_map, child_map, exposures), pipeline specs (source system to the pipeline's dataset) and contracts
 * (table to each consumer), as one {@link Lineage} graph whose edges carry the file and line they came from.
 *
 * <p>Names: a catalog entry's name is the node of its dataset; a manifest node, a contract table or a lineage
 * reference whose name is the entry's name, or its last dotted part, is the same node. Exposures are the nodes
 * {@code exposure:NAME}, contract consumers {@code consumer:TEAM}. A pipeline's dataset is named after the pipeline
 * (the template names the target system, not a table).
 */
final class Estate {
    final List<Entry> entries;
    final Map<String, Entry> byKey = new HashMap<>();
    final Lineage graph;
    final List<Manifest> manifests;
    final List<Pipeline> pipelines;
    final List<Contracted> contracts;
    final Map<String, String> alias = new HashMap<>();
    /** Owner, kind and source of nodes that have no catalog entry: manifest nodes, exposures, consumers. */
    final Map<String, Known> known = new HashMap<>();

    /** A contract and the file it came from. */
    record Contracted(String file, BoundContract bound) {}

    /** What the estate knows of a node without a catalog entry. */
    record Known(String kind, String owner, String file, int line) {}

    /** The estate's inputs; every list may be empty. */
    record Inputs(List<Path> entries, List<Path> manifests, List<Path> pipelines, List<Path> contracts) {}

    private Estate(List<Entry> entries, List<Manifest> manifests, List<Pipeline> pipelines, List<Contracted> contracts) {
        this.entries = entries;
        this.manifests = manifests;
        this.pipelines = pipelines;
        this.contracts = contracts;
        Map<String, List<String>> last = new HashMap<>();
        for (Entry e : entries) {
            String k = Lineage.normalise(e.name());
            byKey.put(k, e);
            alias.put(k, e.name());
            int dot = k.lastIndexOf('.');
            if (dot >= 0) last.computeIfAbsent(k.substring(dot + 1), x -> new ArrayList<>()).add(e.name());
        }
        last.forEach((k, v) -> {
            if (v.size() == 1) alias.putIfAbsent(k, v.get(0));
        });
        this.graph = build();
    }

    static Estate read(Engine engine, Inputs in) throws InputException {
        List<Entry> entries = in.entries().isEmpty() ? List.of()
                : CatalogReader.read(engine.loader(), in.entries(), engine.loader().limits().maxFiles());
        List<Manifest> manifests = new ArrayList<>();
        for (Path m : in.manifests()) {
            Manifest man = ManifestReader.read(m, engine.loader().limits(), false);
            if (man == null) throw new InputException(Problem.file(m.toString(), "is JSON but not a dbt manifest; pass target/manifest.json"));
            manifests.add(man);
        }
        List<Pipeline> pipelines = in.pipelines().isEmpty() ? List.of() : PipelineCommand.pipelines(engine, in.pipelines());
        List<Contracted> contracts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path c : in.contracts()) {
            try {
                contracts.add(new Contracted(c.toString(), ContractReader.read(engine.loader().load(c))));
            } catch (InputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return new Estate(entries, manifests, pipelines, contracts);
    }

    /** The node name {@code ref} stands for: a catalog entry's name when it names one (fully or by its last part), else itself. */
    String resolve(String ref) {
        String k = Lineage.normalise(ref);
        String a = alias.get(k);
        return a != null ? a : ref.strip();
    }

    Entry entry(String name) {
        return byKey.get(Lineage.normalise(resolve(name)));
    }

    private Lineage build() {
        Lineage.Builder b = Lineage.builder();
        for (Entry e : entries) b.node(e.name());
        for (Entry e : entries) {
            for (int i = 0; i < e.sources().size(); i++) {
                var n = i < e.sourceNodes().size() ? e.sourceNodes().get(i) : e.node();
                b.edge(resolve(e.sources().get(i)), e.name(), n.file(), n.line());
            }
            for (int i = 0; i < e.downstream().size(); i++) {
                var n = i < e.downstreamNodes().size() ? e.downstreamNodes().get(i) : e.node();
                b.edge(e.name(), resolve(e.downstream().get(i)), n.file(), n.line());
            }
        }
        for (Manifest m : manifests) {
            Map<String, Manifest.DbtNode> byId = new HashMap<>();
            for (Manifest.DbtNode n : m.nodes()) byId.put(n.uniqueId(), n);
            Map<String, String> names = new HashMap<>();
            for (Manifest.DbtNode n : m.nodes()) {
                String name = resolve(n.name());
                names.put(n.uniqueId(), name);
                b.node(name);
                if (entry(name) == null) known.putIfAbsent(Lineage.normalise(name), new Known("dbt " + n.resourceType(), null, m.file(), n.line()));
            }
            for (Manifest.Exposure x : m.exposures()) {
                String name = "exposure:" + x.name();
                names.put(x.uniqueId(), name);
                known.putIfAbsent(Lineage.normalise(name), new Known("exposure" + (x.type() == null ? "" : " (" + x.type() + ")"), x.owner(), m.file(), x.line()));
            }
            for (Manifest.DbtNode n : m.nodes()) {
                for (String d : n.dependsOn()) if (names.containsKey(d)) b.edge(names.get(d), names.get(n.uniqueId()), m.file(), n.line());
                for (String d : m.parentMap().getOrDefault(n.uniqueId(), List.of())) {
                    if (names.containsKey(d)) b.edge(names.get(d), names.get(n.uniqueId()), m.file(), n.line());
                }
                for (String c : m.childMap().getOrDefault(n.uniqueId(), List.of())) {
                    if (names.containsKey(c)) b.edge(names.get(n.uniqueId()), names.get(c), m.file(), n.line());
                }
            }
            for (Manifest.Exposure x : m.exposures()) {
                for (String d : x.dependsOn()) if (names.containsKey(d)) b.edge(names.get(d), names.get(x.uniqueId()), m.file(), x.line());
            }
        }
        for (Pipeline p : pipelines) {
            String target = resolve(p.name());
            b.node(target);
            if (entry(target) == null) known.putIfAbsent(Lineage.normalise(target), new Known("pipeline dataset", p.owner(), p.node().file(), p.node().line()));
            if (p.extract() != null && p.extract().sourceSystem() != null && !p.extract().sourceSystem().isBlank()) {
                var at = p.extract().node("source_system");
                String src = resolve(p.extract().sourceSystem());
                if (entry(src) == null) known.putIfAbsent(Lineage.normalise(src), new Known("source system", null, at.file(), at.line()));
                b.edge(src, target, at.file(), at.line());
            }
        }
        for (Contracted c : contracts) {
            var k = c.bound().contract();
            for (ContractTable t : c.bound().tables()) {
                String table = resolve(t.name());
                b.node(table);
                if (entry(table) == null) known.putIfAbsent(Lineage.normalise(table), new Known("contract table", k.owner(), c.file(), t.node().line()));
                for (String team : k.consumers()) {
                    String name = "consumer:" + team.strip();
                    known.putIfAbsent(Lineage.normalise(name), new Known("consumer", team.strip(), c.file(), k.consumersNode().line()));
                    b.edge(table, name, c.file(), k.consumersNode().line());
                }
            }
        }
        return b.build();
    }

    /** A column of a dataset as some input describes it. */
    record Col(String name, String type, String description, List<String> tags, String table, String source,
               dev.dece.core.drl.Node node, Pii.Match forced) {}

    /** Every column the inputs give for {@code e}: its own {@code columns}, then contracts', then manifests'; first mention wins. */
    List<Col> columns(Entry e) {
        Map<String, Col> out = new LinkedHashMap<>();
        for (Entry.Column c : e.columns()) {
            out.putIfAbsent(c.name().toLowerCase(Locale.ROOT), new Col(c.name(), c.type(), c.description(), c.tags(), e.name(),
                    "the entry's columns", c.node(), null));
        }
        String key = Lineage.normalise(e.name());
        for (Contracted c : contracts) {
            for (ContractColumn cc : c.bound().columns()) {
                if (!Lineage.normalise(resolve(cc.table())).equals(key)) continue;
                Pii.Match forced = cc.pii() ? new Pii.Match("personal data", cc.classification() == Classification.RESTRICTED
                        ? Classification.RESTRICTED : Classification.CONFIDENTIAL, "the contract marks it pii: true") : null;
                out.putIfAbsent(cc.name().toLowerCase(Locale.ROOT), new Col(cc.name(), cc.type() == null ? null : cc.type().text(),
                        cc.description(), cc.tags(), cc.table(), "contract " + c.file(), cc.nameNode(), forced));
            }
        }
        for (Manifest m : manifests) {
            for (Manifest.DbtNode n : m.nodes()) {
                if (!Lineage.normalise(resolve(n.name())).equals(key)) continue;
                for (Manifest.DbtColumn dc : n.columns()) {
                    var at = dev.dece.core.drl.Nodes.scalar(dc.path(), m.file(), n.line(), n.col(), dc.name());
                    out.putIfAbsent(dc.name().toLowerCase(Locale.ROOT), new Col(dc.name(), dc.dataType(), dc.description(), List.of(),
                            n.name(), "dbt manifest " + m.file(), at, null));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The catalog entries by name, sorted, for deterministic output. */
    Map<String, Entry> sorted() {
        Map<String, Entry> m = new TreeMap<>();
        for (Entry e : entries) m.put(e.name(), e);
        return m;
    }
}
