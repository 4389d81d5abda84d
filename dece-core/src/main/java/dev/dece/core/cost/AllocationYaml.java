package dev.dece.core.cost;

import dev.dece.core.drl.Format;
import dev.dece.core.drl.PipelineCost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The completed Cost Allocation Template of the month, field names as Phase 9 writes them, ranked by spend; computed
 * fields filled in (total, cost_per_row), DECE extensions marked ({@code share_percent}, {@code rank}, {@code source},
 * {@code totals}, {@code proposed_by}). Deterministic: same inputs, same bytes.
 */
final class AllocationYaml {
    private AllocationYaml() {}

    static String write(Facts.Built b, List<Priorities.Proposal> ranked, LocalDate asOf, String key) {
        StringBuilder y = new StringBuilder();
        y.append("# Cost Allocation Template (Phase 9), completed by dece cost as of ").append(asOf).append('\n');
        y.append("# DECE extensions: month, rows_processed, share_percent, rank, source, totals, proposed_by\n");
        y.append("month: ").append(b.month()).append('\n');
        y.append("cost_tracking:\n  by_pipeline:");
        List<PipelineCost> ps = new ArrayList<>(b.pipelines());
        ps.sort(Comparator.comparingInt(PipelineCost::rank));
        if (ps.isEmpty()) y.append(" []");
        y.append('\n');
        for (PipelineCost p : ps) {
            y.append("    - pipeline: ").append(q(p.pipeline())).append('\n');
            y.append("      compute_monthly_usd: ").append(Format.number(p.computeMonthlyUsd())).append('\n');
            y.append("      storage_monthly_usd: ").append(Format.number(p.storageMonthlyUsd())).append('\n');
            y.append("      egress_monthly_usd: ").append(Format.number(p.egressMonthlyUsd())).append('\n');
            y.append("      total: ").append(Format.number(p.total())).append('\n');
            y.append("      cost_per_row: ").append(p.costPerRow() == null ? "null        # give rows_processed or cost_per_row" : perRow(p.costPerRow())).append('\n');
            y.append("      business_value: ").append(q(p.businessValue() == null ? "" : p.businessValue())).append('\n');
            y.append("      roi_justified: ").append(p.roiJustified() == null ? "null" : p.roiJustified()).append('\n');
            y.append("      share_percent: ").append(Format.number(p.sharePercent())).append('\n');
            y.append("      rank: ").append(p.rank()).append('\n');
            y.append("      source: ").append(p.source()).append('\n');
        }
        y.append("  totals:\n");
        y.append("    compute_monthly_usd: ").append(Format.number(Facts.round(b.compute()))).append('\n');
        y.append("    storage_monthly_usd: ").append(Format.number(Facts.round(b.storage()))).append('\n');
        y.append("    egress_monthly_usd: ").append(Format.number(Facts.round(b.egress()))).append('\n');
        y.append("    total: ").append(Format.number(Facts.round(b.spend()))).append('\n');
        y.append("    unattributed_usd: ").append(Format.number(b.unattributed())).append("   # usage without a ").append(key).append(" tag, label or mapping\n");
        y.append("  optimization_opportunities:");
        boolean none = ranked.isEmpty() && (b.current() == null || b.current().opportunities().isEmpty());
        y.append(none ? " []\n" : "\n");
        for (Priorities.Proposal p : ranked) {
            y.append("    - description: ").append(q(p.title() + ": " + p.subject())).append('\n');
            y.append("      estimated_savings_usd: ").append(Format.number(p.lowUsd())).append("   # up to ").append(Format.number(p.highUsd())).append('\n');
            y.append("      effort: ").append(p.effort()).append('\n');
            y.append("      priority: ").append(p.priority()).append('\n');
            y.append("      proposed_by: ").append(p.ruleId()).append('\n');
        }
        if (b.current() != null) {
            for (CostTemplate.Opportunity o : b.current().opportunities()) {
                y.append("    - description: ").append(q(o.description() == null ? "" : o.description())).append('\n');
                y.append("      estimated_savings_usd: ").append(o.estimatedSavingsUsd() == null ? "null" : Format.number(o.estimatedSavingsUsd())).append('\n');
                y.append("      effort: ").append(o.effort() == null ? "null" : q(o.effort())).append('\n');
                y.append("      priority: ").append(o.priority() == null ? "null" : o.priority()).append("   # as the team wrote it\n");
                y.append("      proposed_by: team\n");
            }
        }
        return y.toString();
    }

    static String perRow(double v) {
        if (v == 0) return "0";
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A YAML double-quoted scalar: quotes, backslashes and control characters escaped, so no name breaks the file. */
    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
