package dev.dece.rules.support;

import dev.dece.core.report.Finding;
import dev.dece.core.report.Recommendation;
import dev.dece.core.report.Report;

import java.util.List;

/** Context documents and lookups shared by the monitor and triage rule tests. */
public final class MonitorFixtures {
    private MonitorFixtures() {}

    /** A brief whose consumers use the data in every way the Alert Severity rules tell apart. */
    public static String brief(String compliance) {
        return "project_name: shop\n"
                + "data_consumers:\n"
                + "  - {team: finance, use_case: reporting, latency_requirement: batch, query_pattern: dashboard}\n"
                + "  - {team: risk-ops, use_case: operational, latency_requirement: near-real-time, query_pattern: API}\n"
                + "  - {team: bi, use_case: analytics, latency_requirement: batch, query_pattern: dashboard}\n"
                + "  - {team: marketing, use_case: analytics, latency_requirement: batch, query_pattern: ad-hoc}\n"
                + "data_volume: {current_gb_per_day: 10, growth_rate_percent: 20, retention_months: 24}\n"
                + "constraints: {budget_monthly_usd: 10000, team_size: 5, skill_level: mixed, compliance: " + compliance + ", cloud_provider: AWS}\n";
    }

    /** A contract of table {@code table} read by {@code consumers}, optionally with a restricted column. */
    public static String contract(String name, String table, String consumers, double freshnessHours, boolean restricted) {
        return "contract:\n  name: " + name + "\n  version: 1.0.0\n  owner: data\n  consumers: " + consumers + "\n  table: " + table + "\n"
                + "  sla:\n    freshness_hours: " + freshnessHours + "\n  schema:\n"
                + "    - column: id\n      type: bigint\n      nullable: false\n      primary_key: true\n      checks: [{type: unique}]\n"
                + (restricted ? "    - column: card_number\n      type: varchar\n      pii: true\n      classification: restricted\n" : "")
                + "  breaking_change_policy: notify-30-days\n  notification_channel: \"#" + name + "-data\"\n";
    }

    /** The alert severity chosen for {@code pipeline}. */
    public static Recommendation severity(Report r, String pipeline) {
        return r.recommendations("alert.severity").stream()
                .filter(x -> x.evidence().stream().anyMatch(e -> e.path().equals("alert.pipeline") && e.value().equals(pipeline)))
                .findFirst().orElseThrow(() -> new AssertionError("no alert.severity for " + pipeline + " in " + r.recommendations()));
    }

    /** The recommendations of a topic whose rationale names {@code text}. */
    public static List<Recommendation> about(Report r, String topic, String text) {
        return r.recommendations(topic).stream().filter(x -> x.rationale().contains(text)).toList();
    }

    /** Findings of a rule about a subject. */
    public static List<Finding> findings(Report r, String ruleId, String subject) {
        return r.findings().stream().filter(f -> f.ruleId().equals(ruleId) && subject.equals(f.subject())).toList();
    }
}
