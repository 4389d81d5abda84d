package dev.dece.core.cost;

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
 * Every problem is reported at once, located. The one reader of the template: {@code dece cost} reads it, and
 * {@code dece monitor} through {@link CostCommand#infrastructureCost}. Stateless.
 *
 * <p>Two DECE extensions, so months can be compared: a top-level {@code month: YYYY-MM} beside {@code cost_tracking}, and
 * {@code rows_processed} in a pipeline entry (the denominator of {@code cost_per_row}).
 */
final class CostTemplate {
    private CostTemplate() {}

    static final List<String> TOP = List.of("cost_tracking", "month");
    static final List<String> TRACKING = List.of("by_pipeline", "optimization_opportunities");
    static final List<String> PIPELINE = List.of("pipeline", "compute_monthly_usd", "storage_monthly_usd", "egress_monthly_usd",
            "total", "cost_per_row", "business_value", "roi_justified", "rows_processed");
    static final List<String> OPPORTUNITY = List.of("description", "estimated_savings_usd", "effort", "priority");
    static final List<String> EFFORTS = List.of("low", "medium", "high");

    /**
     * One {@code by_pipeline} entry; absent amounts are 0 in the three parts, and {@code written} says which of
     * compute, storage, egress were given.
     */
    record Entry(String pipeline, double computeUsd, double storageUsd, double egressUsd, double totalUsd, Node node,
                 boolean computeWritten, boolean storageWritten, boolean egressWritten, Double costPerRow, Long rowsProcessed,
                 String businessValue, Boolean roiJustified) {

        /** No amount written at all: the usage exports give them (only when read with {@code usageFills}). */
        boolean noAmount() {
            return !computeWritten && !storageWritten && !egressWritten && totalUsd < 0;
        }
    }

    /** One {@code optimization_opportunities} entry. */
    record Opportunity(String description, Double estimatedSavingsUsd, String effort, Integer priority, Node node) {}

    /** The file read: its {@code cost_tracking} node, its month (null when not given) and entries in file order. */
    record Allocation(Node node, java.time.YearMonth month, Node monthNode, List<Entry> pipelines, List<Opportunity> opportunities) {
        double total() {
            return pipelines.stream().mapToDouble(Entry::totalUsd).sum();
        }
    }

    static Allocation read(DocumentLoader loader, Path file) throws InputException {
        return read(loader, file, false);
    }

    /**
     * @param usageFills true when usage exports fill the amounts an entry leaves out: an entry with no amount is then
     *                   kept (its {@code totalUsd} is -1, {@link Entry#noAmount()}), not refused
     */
    static Allocation read(DocumentLoader loader, Path file, boolean usageFills) throws InputException {
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
        java.time.YearMonth month = null;
        String m = top.string("month");
        if (m != null) {
            try {
                month = java.time.YearMonth.parse(m.strip());
            } catch (java.time.format.DateTimeParseException e) {
                b.problem(top.get("month"), "\"" + m + "\" is not a month; write YYYY-MM, e.g. 2026-03");
            }
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
            Double perRow = o.number("cost_per_row", 0, "USD per row, 0 or more");
            String value = o.string("business_value");
            Boolean justified = o.bool("roi_justified");
            Long rows = o.longValue("rows_processed", 1, "rows processed in the month, 1 or more");
            if (name == null || name.isBlank()) continue;
            Node prev = seen.putIfAbsent(name, n.get("pipeline"));
            if (prev != null) {
                b.problem(n.get("pipeline"), "\"" + name + "\" already has a cost entry at line " + prev.line() + "; one entry per pipeline");
                continue;
            }
            double parts = (compute == null ? 0 : compute) + (storage == null ? 0 : storage) + (egress == null ? 0 : egress);
            boolean anyPart = compute != null || storage != null || egress != null;
            if (total == null && !anyPart && !usageFills) {
                b.problem(n, "gives no cost: write total, or compute_monthly_usd, storage_monthly_usd and egress_monthly_usd");
                continue;
            }
            if (total != null && anyPart && Math.abs(total - parts) > 0.01) {
                b.problem(n.get("total"), Format.number(total) + " is not compute + storage + egress (" + Format.number(parts)
                        + "); correct total or the parts");
                continue;
            }
            entries.add(new Entry(name.strip(), compute == null ? 0 : compute, storage == null ? 0 : storage, egress == null ? 0 : egress,
                    total != null ? total : anyPart ? parts : -1, n, compute != null, storage != null, egress != null, perRow, rows, value, justified));
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
        return new Allocation(ct, month, top.get("month"), entries, opportunities);
    }
}
