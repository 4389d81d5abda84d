package dev.dece.core.cost;

import dev.dece.core.assess.AssessCommand;
import dev.dece.core.drl.Constraints;
import dev.dece.core.drl.Format;
import dev.dece.core.drl.InfrastructureCost;
import dev.dece.core.drl.Pipeline;
import dev.dece.core.engine.Command;
import dev.dece.core.engine.Engine;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.pipeline.PipelineCommand;
import dev.dece.core.policy.PolicyKey;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.Report;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code dece cost}: "Review our data costs" (Phase 9). Reads Cost Allocation Templates (one per month, {@code month:}),
 * billing exports (FOCUS 1.x, Snowflake WAREHOUSE_METERING_HISTORY) and query-history exports, streamed, with an
 * optional cost context (prices, attribution keys, warehouses, tables), brief (the budget) and pipeline specs; attributes
 * usage to pipelines by a documented rule; and runs the cost rules: the seven Cost Red Flags, the infrastructure-cost
 * alert of Phase 7, the ROI checks, every Cloud Cost Reduction Strategy the inputs support (with its saving computed from
 * the inputs and the table's range), and the team's own optimization opportunities. The proposals are put in priority
 * order (saving per effort) here, once; the report's {@code cost-allocation} artifact is the completed template.
 */
public final class CostCommand {
    private CostCommand() {}

    public static final Command COMMAND = new Command("cost",
            "Review data costs: the Cost Red Flags, the budget alert, the ROI of every pipeline and the Cloud Cost Reduction "
                    + "Strategies with savings from the inputs, from Cost Allocation Templates, FOCUS and Snowflake/BigQuery exports.",
            List.of(List.of("cost")),
            List.of("cost.flags", "cost.budget", "cost.roi", "cost.strategy", "cost.opportunity", "cost.attribution"),
            "docs/cost.md",
            null);

    /** The topic of the strategy proposals, which the command puts in priority order. */
    static final String STRATEGY = "cost.strategy";

    /**
     * Reviews the month ending at {@link CostOptions#asOf()}.
     *
     * @param templates Cost Allocation Templates, at most one per month; may be empty when the options name usage exports
     * @throws InputException for an input DECE cannot use, every problem located
     */
    public static Report run(Engine engine, List<Path> templates, CostOptions o) throws InputException {
        engine.prepare(COMMAND);
        if (templates.isEmpty() && o.usage().isEmpty() && o.history().isEmpty()) {
            throw new InputException(Problem.file("cost", "name a Cost Allocation Template, a billing export (--usage) or a query history (--history)"));
        }
        CostContext ctx = o.context() == null ? CostContext.none() : CostContext.read(engine.loader(), o.context());
        List<CostTemplate.Allocation> allocs = new ArrayList<>();
        Map<YearMonth, CostTemplate.Allocation> byMonth = new HashMap<>();
        for (Path t : templates) {
            CostTemplate.Allocation a = CostTemplate.read(engine.loader(), t, !o.usage().isEmpty());
            if (a.month() == null && templates.size() > 1) {
                throw new InputException(Problem.at(a.node(), "gives no month; with several templates each says which month it is (month: YYYY-MM beside cost_tracking)"));
            }
            if (a.month() != null) {
                CostTemplate.Allocation prev = byMonth.putIfAbsent(a.month(), a);
                if (prev != null) throw new InputException(Problem.at(a.monthNode(), a.month() + " is already the month of " + prev.node().file() + "; one template per month"));
            }
            allocs.add(a);
        }
        Usage u = new Usage(ctx, engine.policy().value(PolicyKey.LARGE_TABLE_TB) * 1e12, engine.policy().value(PolicyKey.FULL_SCAN_PERCENT));
        for (Path p : o.usage()) u.billing(p, engine.loader().limits());
        for (Path p : o.history()) u.history(p, engine.loader().limits());
        LocalDate asOf = o.asOf() != null ? o.asOf() : latest(allocs, u);
        if (asOf == null) {
            throw new InputException(Problem.file(templates.isEmpty() ? "cost" : templates.get(0).toString(),
                    "holds no date to review the costs as of; write month: YYYY-MM beside cost_tracking, or give --as-of"));
        }
        Map<String, Pipeline> specs = new TreeMap<>();
        if (!o.pipelines().isEmpty()) for (Pipeline p : PipelineCommand.pipelines(engine, o.pipelines())) specs.put(p.name(), p);
        Constraints budget = o.brief() == null ? null : AssessCommand.constraints(engine.loader().load(o.brief()));
        Facts.Built b = Facts.build(engine.policy(), ctx, allocs, u, asOf, specs, budget);

        List<String> inputs = new ArrayList<>();
        templates.forEach(p -> inputs.add(p.toString()));
        o.usage().forEach(p -> inputs.add(p.toString()));
        o.history().forEach(p -> inputs.add(p.toString()));
        if (o.context() != null) inputs.add(o.context().toString());
        if (o.brief() != null) inputs.add(o.brief().toString());
        o.pipelines().forEach(p -> inputs.add(p.toString()));
        Report r = engine.evaluate(COMMAND, inputs, b.facts());
        List<Priorities.Proposal> ranked = Priorities.rank(r.recommendations(STRATEGY));
        return r.withArtifacts(List.of(
                new Artifact("cost-allocation", "cost-allocation-" + b.month() + ".yaml", AllocationYaml.write(b, ranked, asOf, ctx.attributionKey)),
                new Artifact("cost-priorities", "cost-priorities.txt", Priorities.text(ranked))));
    }

    /** The latest day the inputs speak of: the last usage record's day, or the last day of the latest template month. */
    private static LocalDate latest(List<CostTemplate.Allocation> allocs, Usage u) {
        LocalDate best = null;
        for (CostTemplate.Allocation a : allocs) {
            if (a.month() != null && (best == null || a.month().atEndOfMonth().isAfter(best))) best = a.month().atEndOfMonth();
        }
        if (u.maxMillis != Long.MIN_VALUE) {
            LocalDate d = Instant.ofEpochMilli(u.maxMillis).atOffset(ZoneOffset.UTC).toLocalDate();
            if (best == null || d.isAfter(best)) best = d;
        }
        if (best == null && allocs.size() == 1) return null;
        return best;
    }

    /**
     * The Infrastructure Cost row of {@code dece monitor}: the template's monthly total against the brief's
     * {@code constraints.budget_monthly_usd}, read by this command's template reader (the same file, the same meaning as
     * the cost command's budget rule).
     *
     * @throws InputException when the template is invalid, or the brief is missing or gives no budget
     */
    public static InfrastructureCost infrastructureCost(Engine engine, Path cost, Path brief) throws InputException {
        if (brief == null) {
            throw new InputException(Problem.file(cost.toString(), "a cost file is checked against the brief's constraints.budget_monthly_usd; give the brief too (--brief)"));
        }
        Constraints c = AssessCommand.constraints(engine.loader().load(brief));
        if (c.budgetMonthlyUsd() == null || c.budgetMonthlyUsd() <= 0) {
            throw new InputException(Problem.at(c.node("budget_monthly_usd"), "is required when a cost file is given: the monthly budget the Infrastructure Cost row is checked against"));
        }
        CostTemplate.Allocation a = CostTemplate.read(engine.loader(), cost);
        double compute = 0, storage = 0, egress = 0;
        for (CostTemplate.Entry e : a.pipelines()) {
            compute += e.computeUsd();
            storage += e.storageUsd();
            egress += e.egressUsd();
        }
        List<CostTemplate.Entry> sorted = new ArrayList<>(a.pipelines());
        sorted.sort(Comparator.comparingDouble(CostTemplate.Entry::totalUsd).reversed().thenComparing(CostTemplate.Entry::pipeline));
        List<String> top = new ArrayList<>();
        for (CostTemplate.Entry e : sorted.subList(0, Math.min(5, sorted.size()))) top.add(e.pipeline() + ": " + Format.number(e.totalUsd()));
        return new InfrastructureCost(a.node(), a.total(), compute, storage, egress, a.pipelines().size(), c.budgetMonthlyUsd(),
                c.node("budget_monthly_usd"), top);
    }
}
