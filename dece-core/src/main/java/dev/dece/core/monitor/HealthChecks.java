package dev.dece.core.monitor;

import dev.dece.core.drl.Format;
import dev.dece.core.drl.InfrastructureCost;
import dev.dece.core.drl.PipelineHealth;
import dev.dece.core.policy.Policy;
import dev.dece.core.policy.PolicyKey;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.CheckOutcome;
import dev.dece.core.report.Evidence;
import dev.dece.core.report.Finding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard as typed check outcomes: one per pipeline and dashboard row that applies to it (and one for the
 * platform's infrastructure cost), in pipeline then dashboard order. A row fails when a rule raised a finding about
 * it (its subject is the check's ID), errs when it cannot be computed (why is the outcome's detail), and passes
 * otherwise; so the rules alone decide what fails. Also the dashboard as a tab-separated artifact for people.
 */
final class HealthChecks {
    private HealthChecks() {}

    static List<CheckOutcome> outcomes(List<PipelineHealth> health, Map<String, List<String>> rows, InfrastructureCost cost,
                                       List<Finding> findings, Policy p) {
        Set<String> failing = new HashSet<>();
        for (Finding f : findings) if (f.subject() != null) failing.add(f.subject());
        List<CheckOutcome> out = new ArrayList<>();
        for (PipelineHealth h : health) {
            for (String row : rows.getOrDefault(h.name(), List.of())) {
                String id = h.name() + "." + row;
                String why = null;
                for (String u : h.unmeasured()) if (u.startsWith(row + ": ")) why = u.substring(row.length() + 2);
                CheckOutcome.Status s = failing.contains(id) ? CheckOutcome.Status.FAIL : why != null ? CheckOutcome.Status.ERROR : CheckOutcome.Status.PASS;
                out.add(new CheckOutcome(id, row, h.name(), s, measures(h, row, p), why, null));
            }
        }
        if (cost != null) {
            String id = cost.subject();
            out.add(new CheckOutcome(id, "infrastructure_cost", "platform", failing.contains(id) ? CheckOutcome.Status.FAIL : CheckOutcome.Status.PASS,
                    List.of(Evidence.of("total_usd", Format.number(cost.totalUsd())), Evidence.of("budget_usd", Format.number(cost.budgetUsd())),
                            Evidence.of("percent_of_budget", Format.number(cost.percentOfBudget())),
                            Evidence.of("alert_percent", Format.number(p.value(PolicyKey.BUDGET_ALERT_PERCENT)))), null, null));
        }
        return out;
    }

    static List<Evidence> measures(PipelineHealth h, String row, Policy p) {
        List<Evidence> m = new ArrayList<>();
        switch (row) {
            case "success_rate" -> {
                m.add(ev("success_rate_percent", h.successRate()));
                m.add(Evidence.of("succeeded", h.succeeded()));
                m.add(Evidence.of("runs", h.runs()));
                m.add(Evidence.of("target_percent", Format.number(p.value(PolicyKey.SUCCESS_RATE_TARGET_PERCENT))));
                m.add(Evidence.of("alert_below_percent", Format.number(p.value(PolicyKey.SUCCESS_RATE_ALERT_PERCENT))));
            }
            case "avg_runtime" -> {
                m.add(ev("avg_minutes", h.avgRuntimeMinutes()));
                m.add(Evidence.of("sla_minutes", h.slaMinutes() == null ? "-" : h.slaMinutes()));
                m.add(ev("percent_of_sla", h.runtimeSlaPercent()));
                m.add(Evidence.of("warning_above_percent", Format.number(p.value(PolicyKey.SLA_WARNING_PERCENT))));
            }
            case "freshness" -> {
                m.add(ev("age_hours", h.freshnessHours()));
                m.add(ev("sla_hours", h.freshnessSlaHours()));
                m.add(Evidence.of("last_loaded_at", h.lastLoadedAt() == null ? "none in the input" : h.lastLoadedAt()));
            }
            case "volume_variance" -> {
                m.add(Evidence.of("today_rows", h.todayRows() == null ? "-" : h.todayRows()));
                m.add(ev("avg_rows", h.avgRows()));
                m.add(ev("variance_percent", h.volumeVariancePercent()));
                m.add(Evidence.of("window_hours", Format.number(h.volumeWindowHours())));
                m.add(Evidence.of("baseline_windows", h.baselineWindows()));
            }
            case "quality_pass_rate" -> {
                m.add(ev("pass_rate_percent", h.qualityPassRate()));
                m.add(Evidence.of("passed", h.checksPassed()));
                m.add(Evidence.of("failed", h.checksFailed()));
            }
            case "failed_runs" -> {
                m.add(Evidence.of("failed", h.failedRecent()));
                m.add(Evidence.of("window_hours", h.recentHours()));
                m.add(Evidence.of("run_ids", h.failedRunIds().isEmpty() ? "-" : h.failedRunsText()));
            }
            case "backfill_queue" -> {
                m.add(Evidence.of("pending", h.pendingBackfills() == null ? "-" : h.pendingBackfills()));
                m.add(Evidence.of("requests", h.pendingBackfillIds().isEmpty() ? "-" : String.join(", ", h.pendingBackfillIds())));
            }
            default -> {
                m.add(Evidence.of("open_runs", h.openRuns()));
                m.add(ev("oldest_open_minutes", h.oldestOpenMinutes()));
            }
        }
        return m;
    }

    private static Evidence ev(String k, Double v) {
        return Evidence.of(k, v == null ? "-" : Format.number(v));
    }

    /** The dashboard, one tab-separated line per check: what {@code --format text} shows of the checks. */
    static Artifact table(List<CheckOutcome> checks, String asOf) {
        StringBuilder sb = new StringBuilder("# Pipeline Health Dashboard as of " + asOf + "\ncheck\tpipeline\tstatus\tseverity\trule\tmeasures\n");
        for (CheckOutcome c : checks) {
            StringBuilder ms = new StringBuilder();
            for (Evidence e : c.measures()) {
                if (ms.length() > 0) ms.append("; ");
                ms.append(e.path()).append('=').append(e.value());
            }
            if (c.detail() != null) ms.append(ms.length() > 0 ? "; " : "").append("not measurable: ").append(c.detail());
            sb.append(c.id()).append('\t').append(c.subject()).append('\t').append(c.status().label()).append('\t')
                    .append(c.finding() == null ? "-" : c.finding().severity().name()).append('\t')
                    .append(c.finding() == null ? "-" : c.finding().ruleId()).append('\t').append(ms.toString().replace('\t', ' ').replace('\n', ' ')).append('\n');
        }
        return new Artifact("monitor-dashboard", "dashboard.tsv", sb.toString());
    }
}
