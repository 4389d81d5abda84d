package dev.dece.core.catalog;

import dev.dece.core.doc.Suggest;
import dev.dece.core.drl.Format;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.lineage.Lineage;
import dev.dece.core.report.Artifact;
import dev.dece.core.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;

/**
 * "Determine impact" (triage and schema change): every dataset, exposure and consumer downstream of one dataset,
 * nearest first, with its kind, owner, tier and SLA, and the file and line of the lineage that reaches it.
 */
final class Impact {
    private Impact() {}

    /** One downstream node. */
    record Row(String name, int depth, String kind, String owner, String tier, String sla, String from, String via) {}

    static List<Row> rows(Estate estate, String name) throws InputException {
        Lineage g = estate.graph;
        int id = g.id(estate.resolve(name));
        if (id < 0) {
            String near = Suggest.closest(name, g.names());
            throw new InputException(Problem.file("--impact", "\"" + Identifiers.comment(name) + "\" is not a dataset of the inputs"
                    + (near != null ? "; did you mean \"" + near + "\"?" : "") + " (" + g.size() + " datasets, exposures and consumers are known)"));
        }
        Lineage.Reach r = g.downstream(id);
        List<Row> rows = new ArrayList<>();
        for (int n : r.nodes()) {
            String nm = g.name(n);
            Entry e = estate.byKey.get(Lineage.normalise(nm));
            Estate.Known k = estate.known.get(Lineage.normalise(nm));
            String kind = e != null ? "dataset" : k != null ? k.kind() : "referenced";
            String owner = e != null && e.ownerTeam() != null ? e.ownerTeam() : k != null && k.owner() != null ? k.owner() : "unknown";
            String tier = e != null && e.tier() != null ? e.tier().label() : "-";
            String sla = e != null && e.slaHours() != null ? Format.number(e.slaHours()) + " h" : "-";
            rows.add(new Row(nm, r.depth(n), kind, owner, tier, sla, g.name(r.from(n)), r.origin(n)));
        }
        return rows;
    }

    static List<Artifact> artifacts(Estate estate, String name) throws InputException {
        List<Row> rows = rows(estate, name);
        String shown = estate.resolve(name);
        StringBuilder md = new StringBuilder();
        md.append("# Impact of a change to ").append(Identifiers.comment(shown)).append("\n\n");
        md.append(rows.size()).append(rows.size() == 1 ? " node" : " nodes").append(" downstream");
        long datasets = rows.stream().filter(x -> x.kind().equals("dataset")).count();
        long exposures = rows.stream().filter(x -> x.kind().startsWith("exposure")).count();
        long consumers = rows.stream().filter(x -> x.kind().equals("consumer")).count();
        md.append(" (").append(datasets).append(" catalogued datasets, ").append(exposures).append(" exposures, ").append(consumers)
                .append(" consumers). Notify every owner before the change ships.\n\n");
        md.append("| downstream | depth | kind | owner | tier | SLA | reached from | lineage declared at |\n|---|---|---|---|---|---|---|---|\n");
        StringBuilder yaml = new StringBuilder("impact:\n  dataset: ").append(q(shown)).append("\n  downstream:\n");
        if (rows.isEmpty()) yaml.setLength(yaml.length() - 1);
        if (rows.isEmpty()) yaml.append(" []\n");
        for (Row x : rows) {
            md.append("| ").append(cell(x.name())).append(" | ").append(x.depth()).append(" | ").append(cell(x.kind())).append(" | ")
                    .append(cell(x.owner())).append(" | ").append(x.tier()).append(" | ").append(x.sla()).append(" | ").append(cell(x.from()))
                    .append(" | ").append(cell(x.via())).append(" |\n");
            yaml.append("    - name: ").append(q(x.name())).append("\n      depth: ").append(x.depth()).append("\n      kind: ").append(q(x.kind()))
                    .append("\n      owner: ").append(q(x.owner())).append("\n      tier: ").append(q(x.tier())).append("\n      sla: ").append(q(x.sla()))
                    .append("\n      via: ").append(q(x.via())).append('\n');
        }
        String file = Identifiers.fileName(shown);
        return List.of(new Artifact("impact", file + ".impact.md", md.toString()), new Artifact("impact", file + ".impact.yaml", yaml.toString()));
    }

    static String cell(String s) {
        return Identifiers.comment(s).replace("|", "\\|");
    }

    /** A YAML double-quoted scalar holding {@code s} exactly on one line. */
    static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
