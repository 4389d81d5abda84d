package dev.dece.core.cost;

import dev.dece.core.drl.ComputeUsage;
import dev.dece.core.drl.Constraints;
import dev.dece.core.drl.CostOpportunity;
import dev.dece.core.drl.DataTransfer;
import dev.dece.core.drl.Format;
import dev.dece.core.drl.InfrastructureCost;
import dev.dece.core.drl.Node;
import dev.dece.core.drl.Nodes;
import dev.dece.core.drl.Pipeline;
import dev.dece.core.drl.PipelineCost;
import dev.dece.core.drl.QueryCost;
import dev.dece.core.drl.StoredTable;
import dev.dece.core.drl.UnattributedCost;
import dev.dece.core.policy.Policy;
import dev.dece.core.policy.PolicyKey;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns what was read (the month's template, the earlier months', the usage sums) into the facts of the month ending
 * at the as-of day, in a deterministic order. Shares, ranks, medians and trends are computed here, once; the rules
 * compare them with the policy.
 */
final class Facts {
    private Facts() {}

    static final String USAGE = "usage";

    record Built(YearMonth month, List<PipelineCost> pipelines, InfrastructureCost total, List<Object> facts, double spend,
                 double compute, double storage, double egress, double unattributed, CostTemplate.Allocation current) {}

    static Built build(Policy policy, CostContext ctx, List<CostTemplate.Allocation> allocs, Usage u, LocalDate asOf,
                       Map<String, Pipeline> specs, Constraints budget) throws dev.dece.core.input.InputException {
        YearMonth month = YearMonth.from(asOf);
        CostTemplate.Allocation current = null;
        for (CostTemplate.Allocation a : allocs) {
            if (month.equals(a.month()) || a.month() == null && allocs.size() == 1) current = a;
        }
        Map<String, CostTemplate.Entry> entries = new TreeMap<>();
        if (current != null) for (CostTemplate.Entry e : current.pipelines()) entries.put(e.pipeline(), e);
        TreeSet<String> names = new TreeSet<>(entries.keySet());
        for (Map.Entry<String, Map<YearMonth, double[]>> e : u.byPipeline.entrySet()) if (e.getValue().containsKey(month)) names.add(e.getKey());

        record Row(String name, Node node, double compute, double storage, double egress, double total, Double perRow,
                   CostTemplate.Entry entry, double onDemand, String source) {}
        List<Row> rows = new ArrayList<>();
        for (String n : names) {
            CostTemplate.Entry e = entries.get(n);
            double[] m = u.byPipeline.getOrDefault(n, Map.of()).get(month);
            double uc = m == null ? 0 : m[Usage.COMPUTE], us = m == null ? 0 : m[Usage.STORAGE], ue = m == null ? 0 : m[Usage.EGRESS];
            double od = m == null ? 0 : m[Usage.ON_DEMAND];
            if (e == null) {
                String[] at = u.firstSeen.get(n);
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("pipeline", n);
                f.put("compute_monthly_usd", Format.number(uc));
                f.put("storage_monthly_usd", Format.number(us));
                f.put("egress_monthly_usd", Format.number(ue));
                Node node = Nodes.map("usage.pipeline[" + n + "]", at[0], Integer.parseInt(at[1]), 0, f);
                rows.add(new Row(n, node, uc, us, ue, uc + us + ue, null, null, od, USAGE));
                continue;
            }
            if (e.noAmount() && m == null) {
                throw new dev.dece.core.input.InputException(dev.dece.core.input.Problem.at(e.node(), "gives no cost, and no usage export "
                        + "attributes any to '" + n + "' in " + month + ": write total, or compute_monthly_usd, storage_monthly_usd and "
                        + "egress_monthly_usd, or tag its resources with " + ctx.attributionKey));
            }
            boolean any = e.computeWritten() || e.storageWritten() || e.egressWritten() || e.noAmount();
            double c = e.computeWritten() || !any ? e.computeUsd() : uc;
            double s = e.storageWritten() || !any ? e.storageUsd() : us;
            double g = e.egressWritten() || !any ? e.egressUsd() : ue;
            double total = any ? c + s + g : e.totalUsd();
            boolean filled = any && (!e.computeWritten() && uc != 0 || !e.storageWritten() && us != 0 || !e.egressWritten() && ue != 0);
            Double perRow = e.costPerRow() != null ? e.costPerRow() : e.rowsProcessed() != null ? total / e.rowsProcessed() : null;
            rows.add(new Row(n, e.node(), c, s, g, total, perRow, e, Math.min(od, c), filled ? "template+usage" : "template"));
        }
        double spend = rows.stream().mapToDouble(Row::total).sum();
        List<Row> ranked = new ArrayList<>(rows);
        ranked.sort(Comparator.comparingDouble(Row::total).reversed().thenComparing(Row::name));
        Map<String, Integer> rank = new LinkedHashMap<>();
        for (int i = 0; i < ranked.size(); i++) rank.put(ranked.get(i).name(), i + 1);

        double rise = policy.value(PolicyKey.COST_PER_ROW_RISE_PERCENT);
        List<PipelineCost> pcs = new ArrayList<>();
        for (Row r : rows) {
            List<Double> others = new ArrayList<>();
            for (Row o : rows) if (o != r && o.perRow() != null) others.add(o.perRow());
            Double median = others.size() >= 2 ? median(others) : null;
            // trend: cost per row by month from the templates, up to this month
            TreeMap<YearMonth, Double> series = new TreeMap<>();
            for (CostTemplate.Allocation a : allocs) {
                if (a.month() == null || a.month().isAfter(month)) continue;
                for (CostTemplate.Entry e : a.pipelines()) {
                    if (!e.pipeline().equals(r.name())) continue;
                    Double pr = a == current ? r.perRow() : e.costPerRow() != null ? e.costPerRow()
                            : e.rowsProcessed() != null && !e.noAmount() ? e.totalUsd() / e.rowsProcessed() : null;
                    if (pr != null) series.put(a.month(), pr);
                }
            }
            int rising = 0;
            YearMonth m = month;
            Double last = series.get(month);
            Double from = null;
            while (last != null) {
                Double prev = series.get(m.minusMonths(1));
                if (prev == null || prev <= 0 || (last / prev - 1) * 100 <= rise) break;
                rising++;
                from = prev;
                m = m.minusMonths(1);
                last = prev;
            }
            double risingPct = rising == 0 ? 0 : Math.round((series.get(month) / from - 1) * 10_000.0) / 100.0;
            Pipeline spec = specs.get(r.name());
            boolean batch = spec != null && spec.schedule() != null && spec.schedule().expression() != null;
            CostTemplate.Entry e = r.entry();
            pcs.add(new PipelineCost(r.node(), r.name(), month.toString(), r.compute(), r.storage(), r.egress(), r.total(), r.perRow(),
                    e == null ? null : e.businessValue(), e == null ? null : e.roiJustified(), spend, rows.size(), rank.get(r.name()),
                    median, others.size(), rising, risingPct, from, rising == 0 ? null : m.toString(), batch, r.onDemand(), r.source()));
        }
        double compute = rows.stream().mapToDouble(Row::compute).sum();
        double storage = rows.stream().mapToDouble(Row::storage).sum();
        double egress = rows.stream().mapToDouble(Row::egress).sum();

        List<Object> facts = new ArrayList<>(pcs);
        Node totalNode = current != null ? current.node() : Nodes.map("usage", u.firstFile == null ? "usage" : u.firstFile, 1, 0,
                Map.of("total", Format.number(spend)));
        InfrastructureCost ic = null;
        if (budget != null && budget.budgetMonthlyUsd() != null && budget.budgetMonthlyUsd() > 0) {
            List<String> top = new ArrayList<>();
            for (Row r : ranked.subList(0, Math.min(5, ranked.size()))) top.add(r.name() + ": " + Format.number(r.total()));
            ic = new InfrastructureCost(totalNode, spend, compute, storage, egress, rows.size(), budget.budgetMonthlyUsd(),
                    budget.node("budget_monthly_usd"), top);
            facts.add(ic);
        }
        if (current != null) {
            for (CostTemplate.Opportunity o : current.opportunities()) {
                facts.add(new CostOpportunity(o.node(), o.description(), o.estimatedSavingsUsd(),
                        o.effort() == null ? null : o.effort().strip().toLowerCase(Locale.ROOT), o.priority(), spend));
            }
        }
        // the window: the COST_WINDOW_DAYS days ending with the as-of day
        int days = (int) policy.value(PolicyKey.COST_WINDOW_DAYS);
        long toDay = asOf.toEpochDay(), fromDay = toDay - days + 1;
        long fromHour = fromDay * 24, toHour = (toDay + 1) * 24;
        for (CostContext.Table t : ctx.tables) {
            Long q = null;
            String qf = null;
            Daily reads = u.tableReads.get(t.name().toLowerCase(Locale.ROOT));
            if (reads == null) {
                for (Map.Entry<String, Daily> e : u.tableReads.entrySet()) if (e.getKey().endsWith("." + t.name().toLowerCase(Locale.ROOT))) reads = e.getValue();
            }
            if (reads != null) {
                q = (long) reads.sum(fromDay, toDay, -1)[0];
                qf = "query history";
            } else if (t.queries30d() != null) {
                q = t.queries30d();
                qf = "queries_30d";
            } else if (t.lastQueried() != null && t.lastQueried().toEpochDay() < fromDay) {
                q = 0L;
                qf = "last_queried";
            }
            facts.add(new StoredTable(t.node(), t.name(), t.pipeline(), t.environment(), t.sizeGb(), t.storageMonthlyUsd(), q, qf,
                    t.format(), t.compression(), t.storageTier()));
        }
        Map<String, Double> warehouseCost = new TreeMap<>();
        for (Usage.Resource r : sorted(u.resources)) {
            int active = r.hours.count(fromHour, toHour);
            if (active == 0) continue;
            double usd = r.cost.sum(fromDay, toDay, -1)[0];
            if (r.kind.equals("warehouse")) warehouseCost.put(r.name, usd);
            Integer idle = r.kind.equals("warehouse") && u.anyHistory ? r.hours.countWithout(u.queryHours.get(r.name), fromHour, toHour) : null;
            Map<String, Object> f = new LinkedHashMap<>();
            f.put(r.kind, r.name);
            f.put("environment", r.environment);
            f.put("active_hours", active);
            f.put("usd", Format.number(usd));
            facts.add(new ComputeUsage(Nodes.map(r.kind + "[" + r.name + "]", r.file, (int) r.line, 0, f), r.name, r.kind, r.environment,
                    r.pipeline, active, days * 24, round(usd), idle, r.pricing));
        }
        List<Usage.Group> groups = new ArrayList<>(u.groups.values());
        groups.sort(Comparator.comparing((Usage.Group g) -> g.kind).thenComparing(g -> g.what).thenComparing(g -> String.valueOf(g.warehouse))
                .thenComparing(g -> String.valueOf(g.pipeline)));
        for (Usage.Group g : groups) {
            double[] s = g.daily.sum(fromDay, toDay, 2);
            long runs = (long) s[0];
            if (runs == 0 || g.kind.equals("repeated") && runs < 2) continue;
            double usd = 0;
            if (s[5] > 0 && ctx.bigqueryUsdPerTib != null) usd = s[5] / (double) (1L << 40) * ctx.bigqueryUsdPerTib;
            else if (g.warehouse != null && warehouseCost.containsKey(g.warehouse)) {
                Daily el = u.warehouseElapsed.get(g.warehouse);
                double all = el == null ? 0 : el.sum(fromDay, toDay, -1)[0];
                if (all > 0) usd = s[4] / all * warehouseCost.get(g.warehouse);
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("kind", g.kind);
            f.put("what", g.what);
            f.put("runs", runs);
            facts.add(new QueryCost(Nodes.map("history[" + g.kind + ":" + g.what + "]", g.file, (int) g.line, 0, f), g.kind, g.what,
                    g.pipeline, runs, (long) s[1], g.tableBytes, (long) s[2], (long) s[3], round(usd)));
        }
        List<Usage.Transfer> ts = new ArrayList<>(u.transfers.values());
        ts.sort(Comparator.comparing((Usage.Transfer t) -> t.resource).thenComparing(t -> String.valueOf(t.region))
                .thenComparing(t -> String.valueOf(t.pipeline)).thenComparing(t -> t.cross));
        for (Usage.Transfer t : ts) {
            if (!t.month.equals(month)) continue;
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("ResourceId", t.resource);
            f.put("RegionId", t.region);
            f.put("ChargeDescription", t.description);
            facts.add(new DataTransfer(Nodes.map("transfer[" + t.resource + "]", t.file, (int) t.line, 0, f), t.resource, t.region, t.pipeline,
                    round(t.usd), t.charges, t.cross, t.description));
        }
        double[] un = u.unattributed.get(month);
        double unUsd = un == null ? 0 : un[0];
        if (un != null && un[1] > 0) {
            List<Map.Entry<String, Double>> res = new ArrayList<>(u.unattributedByResource.get(month).entrySet());
            res.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            List<String> top = new ArrayList<>();
            for (Map.Entry<String, Double> e : res.subList(0, Math.min(5, res.size()))) top.add(e.getKey() + ": " + Format.number(e.getValue()));
            facts.add(new UnattributedCost(Nodes.map("usage", u.firstFile, 1, 0, Map.of("month", month.toString())), round(un[0]), (long) un[1],
                    ctx.attributionKey, top));
        }
        return new Built(month, pcs, ic, facts, spend, compute, storage, egress, round(unUsd), current);
    }

    private static List<Usage.Resource> sorted(Map<String, Usage.Resource> m) {
        return new TreeMap<>(m).values().stream().toList();
    }

    static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
