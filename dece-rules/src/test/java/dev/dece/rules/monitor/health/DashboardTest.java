package dev.dece.rules.monitor.health;

import dev.dece.core.report.CheckOutcome;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.PipelineYaml;
import dev.dece.rules.support.RunLogs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static dev.dece.rules.support.MonitorFixtures.brief;
import static dev.dece.rules.support.MonitorFixtures.contract;
import static dev.dece.rules.support.Results.findings;
import static dev.dece.rules.support.Results.paths;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per rule of Dashboard.drl, on real run logs in the Structured Logging Standard read by the real readers,
 * with threshold edges (just below, at, just above) for every row with a line.
 */
class DashboardTest {

    @TempDir
    Path dir;

    static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

    static String at(long hours) {
        return T0.plus(hours, ChronoUnit.HOURS).toString();
    }

    /** {@code n} hourly runs of orders, the first {@code failed} of them failed (all more than a day before the last). */
    RunLogs hourly(int n, int failed) {
        RunLogs logs = RunLogs.in(dir);
        for (int i = 0; i < n; i++) {
            RunLogs.Rec r = logs.run("orders", "r-" + i, at(i), 5);
            if (i < failed) r.error("ERROR: canceling statement due to statement timeout");
            r.done();
        }
        return logs;
    }

    static String rule(Report r, String... ids) {
        for (Finding f : r.findings()) for (String id : ids) if (f.ruleId().equals(id)) return id;
        return "none";
    }

    @ParameterizedTest(name = "{0} of 100 runs succeed -> {1}")
    @CsvSource({"94, MON-001", "95, MON-002", "98, MON-002", "99, none"})
    void mon001_successRateBelowTheAlertLine(int succeeded, String rule) {
        Report r = hourly(100, 100 - succeeded).monitor();
        assertThat(rule(r, "MON-001", "MON-002")).as("MON-001 below 95 %, MON-002 from 95 to 99 %").isEqualTo(rule);
    }

    @Test
    void mon001_successRateAlertAtThePipelinesSeverity() {
        Report r = hourly(100, 10).spec(PipelineYaml.review().set("tier", "1").set("schedule", "\"0 * * * *\"").set("sla_minutes", "30")).monitor();
        assertThat(findings(r, "MON-001")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("succeeded in 90 of its 100 runs over the last 7 days (90 %), below the 95 % alert line");
            assertThat(f.remediation()).contains("Respond within 1 hour (P1)");
            assertThat(f.subject()).isEqualTo("orders.success_rate");
            assertThat(f.location().line()).isEqualTo(100);
            assertThat(paths(f.evidence())).contains("alert.response_time", "pipeline.tier");
        });
        assertThat(r.checks()).filteredOn(c -> c.id().equals("orders.success_rate")).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckOutcome.Status.FAIL);
            assertThat(c.finding().ruleId()).isEqualTo("MON-001");
        });
        // near miss: 100 % success
        assertThat(findings(hourly(100, 0).monitor(), "MON-001")).isEmpty();
    }

    @Test
    void mon002_successRateBelowTarget() {
        Report r = hourly(100, 3).monitor();
        assertThat(findings(r, "MON-002")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).contains("97 of 100 runs").contains("under the 99 % target");
        });
        assertThat(findings(hourly(100, 0).monitor(), "MON-002")).isEmpty();
    }

    /** Eight daily runs of {@code minutes} each against sla_minutes 100. */
    RunLogs daily(double minutes) {
        RunLogs logs = RunLogs.in(dir).spec(PipelineYaml.review().set("sla_minutes", "100"));
        for (int d = 0; d < 8; d++) logs.run("orders", "d-" + d, at(24L * d), minutes).done();
        return logs;
    }

    @ParameterizedTest(name = "{0} minutes of a 100-minute SLA -> {1}")
    @CsvSource({"80, none", "81, MON-004", "100, MON-004", "101, MON-003"})
    void mon003_averageRuntimeOverTheSla(double minutes, String rule) {
        assertThat(rule(daily(minutes).monitor(), "MON-003", "MON-004")).as("MON-004 above 80 % of sla_minutes, MON-003 above it").isEqualTo(rule);
    }

    @Test
    void mon003_slaBreachAlert() {
        Report r = daily(130).monitor();
        assertThat(findings(r, "MON-003")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).contains("ran 130 minutes on average over the last 7 days").contains("beyond its sla_minutes of 100 (130 %): an SLA breach");
            assertThat(f.location().path()).isEqualTo("pipeline.sla_minutes");
        });
        assertThat(findings(daily(50).monitor(), "MON-003")).isEmpty();
    }

    @Test
    void mon004_averageRuntimeNearTheSla() {
        Report r = daily(90).monitor();
        assertThat(findings(r, "MON-004")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).contains("90 % of its sla_minutes of 100 (warning above 80 %)");
        });
        assertThat(findings(daily(60).monitor(), "MON-004")).isEmpty();
    }

    /** Daily runs until {@code lastDay}, "now" at day 7 02:00, a contract with a freshness SLA of 24 h. */
    RunLogs fresh(int lastDay, long extraHours) {
        RunLogs logs = RunLogs.in(dir).contract(contract("orders", "orders", "[bi]", 24, false));
        for (int d = 0; d <= lastDay; d++) logs.run("orders", "d-" + d, at(24L * d), 10).done();
        return logs.asOf(at(24L * 7 + extraHours));
    }

    @Test
    void mon005_dataOlderThanItsFreshnessSla() {
        Report r = fresh(5, 0).monitor(); // last load day 5 02:10, now day 7 02:00: 47.83 h
        assertThat(findings(r, "MON-005")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("last loaded at 2026-03-06T02:10:00Z, 47.83 h before 2026-03-08T02:00:00Z, beyond its freshness SLA of 24 h (contract orders sla.freshness_hours)");
            assertThat(f.location().path()).isEqualTo("orders.runs[d-5]");
            assertThat(f.subject()).isEqualTo("orders.freshness");
        });
        // near miss: loaded 23.83 h ago
        assertThat(findings(fresh(6, 0).monitor(), "MON-005")).isEmpty();
        // a pipeline of the specs with no load in the input: its data is at least as old as the input
        Report never = RunLogs.in(dir).spec(PipelineYaml.review().set("name", "refunds")).daily("orders", at(0), 8, 100).monitor();
        assertThat(findings(never, "MON-005")).anySatisfy(f -> assertThat(f.message()).contains("'refunds' shows no load in the input, which starts 168.17 h before"));
    }

    /** Seven days of 1 000 rows, then {@code today} rows. */
    RunLogs volume(long today) {
        RunLogs logs = RunLogs.in(dir);
        for (int d = 0; d < 7; d++) logs.run("orders", "d-" + d, at(24L * d), 10).loaded(1000).done();
        return logs.run("orders", "d-7", at(24L * 7), 10).loaded(today).done();
    }

    @ParameterizedTest(name = "{0} rows against 1000 -> {1}")
    @CsvSource({"800, none", "790, MON-007", "500, MON-007", "490, MON-006", "1600, MON-006"})
    void mon006_volumeVarianceAboveTheAlertLine(long today, String rule) {
        assertThat(rule(volume(today).monitor(), "MON-006", "MON-007")).as("MON-007 above 20 %, MON-006 above 50 %").isEqualTo(rule);
    }

    @Test
    void mon006_volumeDropAlert() {
        Report r = volume(300).monitor();
        assertThat(findings(r, "MON-006")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("loaded 300 rows in the last 24 h against an average of 1000 over the 6 windows before: a 70 % drop, above the 50 % alert line");
            assertThat(f.remediation()).contains("late-arriving data");
        });
        assertThat(findings(volume(1000).monitor(), "MON-006")).isEmpty();
    }

    @Test
    void mon007_volumeVarianceAboveTarget() {
        Report r = volume(1300).monitor();
        assertThat(findings(r, "MON-007")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).contains("(30 % off, target under 20 %)");
        });
        assertThat(findings(volume(1100).monitor(), "MON-007")).isEmpty();
    }

    /** 10 runs with 10 checks each, {@code failed} of the 100 failed. */
    RunLogs quality(int failed) {
        RunLogs logs = RunLogs.in(dir);
        for (int i = 0; i < 10; i++) {
            int f = Math.min(10, Math.max(0, failed - 10 * i));
            logs.run("orders", "r-" + i, at(i), 5).checks(10 - f, f).done();
        }
        return logs;
    }

    @ParameterizedTest(name = "{0} of 100 checks failed -> {1}")
    @CsvSource({"0, none", "1, MON-009", "5, MON-009", "6, MON-008"})
    void mon008_qualityPassRateBelowTheAlertLine(int failed, String rule) {
        assertThat(rule(quality(failed).monitor(), "MON-008", "MON-009")).as("MON-009 below 100 %, MON-008 below 95 %").isEqualTo(rule);
    }

    @Test
    void mon008_qualityAlert() {
        Report r = quality(12).monitor();
        assertThat(findings(r, "MON-008")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("passed 88 of 100 quality checks over the last 7 days (88 %), below the 95 % alert line");
            assertThat(f.subject()).isEqualTo("orders.quality_pass_rate");
        });
        assertThat(findings(quality(0).monitor(), "MON-008")).isEmpty();
    }

    @Test
    void mon009_qualityPassRateBelowTarget() {
        Report r = quality(2).monitor();
        assertThat(findings(r, "MON-009")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).contains("failed 2 of 100 quality checks").contains("target 100 %");
        });
        assertThat(findings(quality(0).monitor(), "MON-009")).isEmpty();
    }

    @Test
    void mon010_failedRunsInTheLast24Hours() {
        RunLogs logs = RunLogs.in(dir).daily("orders", at(0), 6, 100);
        Report r = logs.run("orders", "d-6", at(24 * 6), 3).error("ERROR 2003 (HY000): Can't connect to MySQL server on 'db' (110)").done().monitor();
        assertThat(findings(r, "MON-010")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).contains("'orders' failed 1 time in the last 24 h (d-6)");
            assertThat(f.location().line()).isEqualTo(7);
        });
        // near miss: the failure is 2 days before "now"
        Report old = RunLogs.in(dir).daily("orders", at(0), 4, 100)
                .run("orders", "d-4", at(24 * 4), 3).error("ERROR 2003 (HY000): Can't connect").done()
                .run("orders", "d-5", at(24 * 5), 10).done().asOf(at(24 * 6)).monitor();
        assertThat(findings(old, "MON-010")).isEmpty();
    }

    static String queue(int pending) {
        StringBuilder sb = new StringBuilder("backfill_queue:\n");
        for (int i = 0; i < pending; i++) {
            sb.append("  - {id: BF-").append(i).append(", pipeline: orders, date_range: {start: 2026-02-0").append(i + 1)
                    .append(", end: 2026-02-0").append(i + 1).append("}, status: pending}\n");
        }
        return sb.append("  - {id: BF-9, pipeline: orders, date_range: {start: 2026-01-01, end: 2026-01-31}, status: done}\n").toString();
    }

    @ParameterizedTest(name = "{0} pending -> {1}")
    @CsvSource({"0, none", "1, MON-012", "5, MON-012", "6, MON-011"})
    void mon011_backfillQueueAboveTheAlertLine(int pending, String rule) {
        Report r = RunLogs.in(dir).daily("orders", at(0), 3, 100).backfill(queue(pending)).monitor();
        assertThat(rule(r, "MON-011", "MON-012")).as("MON-012 above 0, MON-011 above 5").isEqualTo(rule);
        if (rule.equals("MON-011")) {
            assertThat(findings(r, "MON-011").get(0).message()).contains("has 6 pending backfill requests, above the alert line of 5: BF-0 (2026-02-01..2026-02-01)");
            assertThat(findings(r, "MON-011").get(0).severity()).isEqualTo(Severity.P2);
        }
    }

    @Test
    void mon012_backfillRequestsPending() {
        Report r = RunLogs.in(dir).daily("orders", at(0), 3, 100).backfill(queue(2)).monitor();
        assertThat(findings(r, "MON-012")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).contains("has 2 pending backfill requests: BF-0").contains("BF-1");
            assertThat(f.location().file()).endsWith("backfill.yaml");
            assertThat(f.location().line()).isEqualTo(2);
        });
        assertThat(findings(RunLogs.in(dir).daily("orders", at(0), 3, 100).backfill(queue(0)).monitor(), "MON-012")).isEmpty();
    }

    static String costs(double total) {
        return "cost_tracking:\n  by_pipeline:\n    - {pipeline: orders, compute_monthly_usd: " + (total - 500) + ", storage_monthly_usd: 400, egress_monthly_usd: 100, total: " + total + "}\n";
    }

    @ParameterizedTest(name = "{0} USD of a 10000 budget -> {1}")
    @CsvSource({"9999, none", "10001, MON-014", "11000, MON-014", "11001, MON-013"})
    void mon013_infrastructureCostAboveTheBudgetAlertLine(double total, String rule) {
        Report r = RunLogs.in(dir).daily("orders", at(0), 3, 100).brief(brief("[none]")).cost(costs(total)).monitor();
        assertThat(rule(r, "MON-013", "MON-014")).as("MON-014 above the budget, MON-013 above 110 % of it").isEqualTo(rule);
        assertThat(r.checks()).filteredOn(c -> c.id().equals("platform.infrastructure_cost")).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(rule.equals("none") ? CheckOutcome.Status.PASS : CheckOutcome.Status.FAIL));
    }

    @Test
    void mon013_costAlert() {
        Report r = RunLogs.in(dir).daily("orders", at(0), 3, 100).brief(brief("[none]")).cost(costs(12500)).monitor();
        assertThat(findings(r, "MON-013")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).contains("cost 12500 USD a month (compute 12000, storage 400, egress 100), 125 % of the 10000 USD budget, above the 110 % alert line");
            assertThat(f.location().path()).isEqualTo("cost_tracking");
        });
        assertThat(findings(RunLogs.in(dir).daily("orders", at(0), 3, 100).brief(brief("[none]")).cost(costs(5000)).monitor(), "MON-013")).isEmpty();
    }

    @Test
    void mon014_infrastructureCostAboveBudget() {
        Report r = RunLogs.in(dir).daily("orders", at(0), 3, 100).brief(brief("[none]")).cost(costs(10500)).monitor();
        assertThat(findings(r, "MON-014")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).contains("105 % of the 10000 USD budget: over budget, under the 110 % alert line");
        });
        assertThat(findings(RunLogs.in(dir).daily("orders", at(0), 3, 100).brief(brief("[none]")).cost(costs(9000)).monitor(), "MON-014")).isEmpty();
    }

    @Test
    void mon015_dashboardRowsThatCannotBeComputed() {
        Report r = RunLogs.in(dir).daily("orders", at(0), 8, 100).monitor(); // no spec: no SLA, no freshness SLA
        assertThat(findings(r, "MON-015")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).contains("1 pipeline has dashboard rows DECE cannot compute")
                    .contains("avg_runtime: no sla_minutes (give the pipeline spec) (orders)")
                    .contains("freshness: no freshness SLA");
        });
        assertThat(r.checks()).filteredOn(c -> c.id().equals("orders.avg_runtime")).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckOutcome.Status.ERROR);
            assertThat(c.detail()).isEqualTo("no sla_minutes (give the pipeline spec)");
        });
        // near miss: with the spec every row can be computed
        Report full = RunLogs.in(dir).daily("orders", at(0), 8, 100).spec(PipelineYaml.review()).monitor();
        assertThat(findings(full, "MON-015")).isEmpty();
        assertThat(full.checks()).extracting(CheckOutcome::kind).containsExactly("success_rate", "avg_runtime", "freshness", "volume_variance",
                "quality_pass_rate", "failed_runs", "log_records");
        assertThat(full.checks()).allSatisfy(c -> assertThat(c.status()).isEqualTo(CheckOutcome.Status.PASS));
    }

    @Test
    void everyAlertOfOnePipelineHasTheSameSeverity() {
        RunLogs logs = RunLogs.in(dir).spec(PipelineYaml.review().set("tier", "3"));
        for (int d = 0; d < 8; d++) logs.run("orders", "d-" + d, at(24L * d), 10).loaded(d == 7 ? 100 : 1000).checks(d == 7 ? 0 : 2, d == 7 ? 2 : 0).done();
        List<Finding> alerts = logs.monitor().findings().stream().filter(f -> List.of("MON-006", "MON-008").contains(f.ruleId())).toList();
        assertThat(alerts).hasSize(2).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.P2));
    }
}
