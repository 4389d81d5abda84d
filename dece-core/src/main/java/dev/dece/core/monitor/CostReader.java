package dev.dece.core.monitor;

import dev.dece.core.doc.Binder;
import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.drl.Format;
import dev.dece.core.drl.Node;
import dev.dece.core.input.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the methodology's Cost Allocation Template (Phase 9), field names exactly as written:
 * {@code cost_tracking.by_pipeline[].{pipeline, compute_monthly_usd, storage_monthly_usd, egress_monthly_usd, total,
 * cost_per_row, business_value, roi_justified}} and {@code cost_tracking.optimization_opportunities[].{description,
 * estimated_savings_usd, effort, priority}}. A pipeline's cost is its {@code total}, or compute + storage + egress
 * where {@code total} is not given; a {@code total} that disagrees with the three by more than a cent is a problem.
 * Every problem is reported at once, located. Self-contained (only the loader and the binder), so the cost command
 * can read the same file. Stateless.
 */
final class CostReader {
    private CostReader() {}

    static final List<String> TOP = List.of("cost_tracking");
    static final List<String> TRACKING = List.of("by_pipeline", "optimization_opportunities");
    static final List<String> PIPELINE = List.of("pipeline", "compute_monthly_usd", "storage_monthly_usd", "egress_monthly_usd",
            "total", "cost_per_row", "business_value", "roi_justified");
    static final List<String> OPPORTUNITY = List.of("description", "estimated_savings_usd", "effort", "priority");
    static final List<String> EFFORTS = List.of("low", "medium", "high");

    /** One {@code by_pipeline} entry; absent amounts are 0 in the three parts. */
    record Entry(String pipeline, double computeUsd, double storageUsd, double egressUsd, double totalUsd, Node node) {}

    /** One {@code optimization_opportunities} entry. */
    record Opportunity(String description, Double estimatedSavingsUsd, String effort, Integer priority, Node node) {}

    /** The file read: its {@code cost_tracking} node and entries in file order. */
    record Allocation(Node node, List<Entry> pipelines, List<Opportunity> opportunities) {
        double total() {
            return pipelines.stream().mapToDouble(Entry::totalUsd).sum();
        }
    }

    static Allocation read(DocumentLoader loader, Path file) throws InputException {
        List<Node> docs = loader.load(file);
        Binder b = new Binder();
        if (docs.size() > 1) b.problem(docs.get(1), "the file holds " + docs.size() + " documents; a Cost Allocation Template is one document");
        Node root = docs.get(0);
        Binder.Obj top = b.object(root, TOP);
        Node ct = top.get("cost_tracking");
        if (ct.isAbsent()) {
            b.problem(ct, "is required: the Cost Allocation Template starts with \"cost_tracking:\"");
            b.throwIfProblems();
        }
        Binder.Obj t = b.object(ct, TRACKING);
        List<Entry> entries = new ArrayList<>();
        java.util.Map<String, Node> seen = new java.util.HashMap<>();
        for (Node n : t.list("by_pipeline")) {
            Binder.Obj o = b.object(n, PIPELINE);
            if (!n.isMap()) continue;
            String name = o.requiredString("pipeline", "the pipeline's name");
            Double compute = o.number("compute_monthly_usd", 0, "USD per month, 0 or more");
            Double storage = o.number("storage_monthly_usd", 0, "USD per month, 0 or more");
            Double egress = o.number("egress_monthly_usd", 0, "USD per month, 0 or more");
            Double total = o.number("total", 0, "USD per month, 0 or more (compute + storage + egress)");
            o.number("cost_per_row", 0, "USD per row, 0 or more");
            o.string("business_value");
            o.bool("roi_justified");
            if (name == null || name.isBlank()) continue;
            Node prev = seen.putIfAbsent(name, n.get("pipeline"));
            if (prev != null) {
                b.problem(n.get("pipeline"), "\"" + name + "\" already has a cost entry at line " + prev.line() + "; one entry per pipeline");
                continue;
            }
            double parts = (compute == null ? 0 : compute) + (storage == null ? 0 : storage) + (egress == null ? 0 : egress);
            boolean anyPart = compute != null || storage != null || egress != null;
            if (total == null && !anyPart) {
                b.problem(n, "gives no cost: write total, or compute_monthly_usd, storage_monthly_usd and egress_monthly_usd");
                continue;
            }
            if (total != null && anyPart && Math.abs(total - parts) > 0.01) {
                b.problem(n.get("total"), Format.number(total) + " is not compute + storage + egress (" + Format.number(parts)
                        + "); correct total or the parts");
                continue;
            }
            entries.add(new Entry(name.strip(), compute == null ? 0 : compute, storage == null ? 0 : storage, egress == null ? 0 : egress,
                    total != null ? total : parts, n));
        }
        List<Opportunity> opportunities = new ArrayList<>();
        for (Node n : t.list("optimization_opportunities")) {
            Binder.Obj o = b.object(n, OPPORTUNITY);
            if (!n.isMap()) continue;
            String effort = o.string("effort");
            if (effort != null && !effort.isBlank() && !EFFORTS.contains(effort.strip().toLowerCase(Locale.ROOT))) {
                b.problem(n.get("effort"), "\"" + effort + "\" is not an effort; use low, medium or high");
            }
            opportunities.add(new Opportunity(o.string("description"), o.number("estimated_savings_usd", 0, "USD, 0 or more"), effort,
                    o.integer("priority", 0, "a priority, 1 = do now"), n));
        }
        b.throwIfProblems();
        return new Allocation(ct, entries, opportunities);
    }
}
