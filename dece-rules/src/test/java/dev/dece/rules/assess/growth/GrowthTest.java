package dev.dece.rules.assess.growth;

import dev.dece.core.input.InputException;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.BriefYaml;
import dev.dece.rules.support.TestDece;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.dece.rules.support.BriefYaml.brief;
import static dev.dece.rules.support.Results.findings;
import static dev.dece.rules.support.Results.fired;
import static dev.dece.rules.support.Results.paths;
import static dev.dece.rules.support.Results.rec;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Growth.drl: a brief that triggers it and a near miss that must not. */
class GrowthTest {

    static final String T = "growth";

    static BriefYaml bi() {
        return brief().consumer("bi", "batch");
    }

    /** A brief whose data_volume has no growth_rate_percent (BriefYaml always writes one). */
    static Report withoutGrowthRate() throws InputException {
        String yaml = bi().yaml() + "data_volume:\n  current_gb_per_day: 40\n  retention_months: 12\n";
        return TestDece.DECE.assess("brief.yaml", yaml);
    }

    static Finding only(Report r, String ruleId) {
        List<Finding> f = findings(r, ruleId);
        assertThat(f).hasSize(1);
        return f.get(0);
    }

    @Test
    void gro001_volumeProjectedTo12And36Months() throws InputException {
        Report hit = bi().volume(40, 30, 24).assess();
        var p = rec(hit, T, "volume-projection").orElseThrow();
        assertThat(p.ruleId()).isEqualTo("GRO-001");
        assertThat(p.rationale()).isEqualTo("Today 40 GB/day, 29.2 TB retained; at 30 %/year growth: 52 GB/day and 38.0 TB retained"
                + " in 12 months, 88 GB/day and 64.2 TB retained in 36 months. Size the platform for the 36-month figures"
                + " (retained = daily volume x 24 months of retention).");
        assertThat(paths(p.evidence())).contains("data_volume.growth_rate_percent",
                "data_volume.current_gb_per_day (projected, month 36)", "data_volume retained (projected, month 36)");

        Report noRetention = bi().volume(40, 30, 0).assess();
        assertThat(rec(noRetention, T, "volume-projection").orElseThrow().rationale()).contains("state retention_months");

        assertThat(fired(withoutGrowthRate(), "GRO-001")).isFalse();
    }

    @Test
    void gro002_growthRateMissing() throws InputException {
        Finding f = only(withoutGrowthRate(), "GRO-002");
        assertThat(f.severity()).isEqualTo(Severity.P3);
        assertThat(f.message()).contains("growth_rate_percent is missing");
        assertThat(f.location().path()).isEqualTo("data_volume.growth_rate_percent");

        assertThat(fired(bi().volume(40, 0, 12).assess(), "GRO-002")).isFalse();
    }

    @Test
    void gro003_duckDbOutgrows100GbPerDay() {
        // the example: 40 GB/day at 30 %/year passes 100 GB/day in month 42
        Finding far = only(bi().volume(40, 30, 12).assess(), "GRO-003");
        assertThat(far.message()).isEqualTo("DuckDB fits today's 40 GB/day; at 30 %/year growth you pass its 100 GB/day line in month 42 (3.5 years).");
        assertThat(far.severity()).isEqualTo(Severity.P3);
        assertThat(far.remediation()).startsWith("Plan Spark");
        assertThat(paths(far.evidence())).contains("data_volume.current_gb_per_day (projected, month 42)");

        Finding soon = only(bi().volume(80, 30, 12).assess(), "GRO-003");
        assertThat(soon.message()).contains("in month 11 (0.9 years)");
        assertThat(soon.severity()).isEqualTo(Severity.P2);

        // 40 GB/day at 5 %/year stays under 100 GB/day for the 60 months searched
        assertThat(fired(bi().volume(40, 5, 12).assess(), "GRO-003")).isFalse();
        // DuckDB does not lead when warehouse SQL does: no growth finding for it
        assertThat(fired(bi().volume(40, 30, 12).workload("transform_languages", "[sql]").constraint("cloud_provider", "AWS").assess(), "GRO-003")).isFalse();
    }

    @ParameterizedTest(name = "80 GB/day at {0} %/year -> month {1}, {2}")
    @CsvSource({"27, 12, P2", "24, 13, P3"})
    void gro003_severityByHowSoonTheLineIsCrossed(double growth, int month, Severity severity) {
        Finding f = only(bi().volume(80, growth, 12).assess(), "GRO-003");
        assertThat(f.message()).contains("in month " + month + " (");
        assertThat(f.severity()).isEqualTo(severity);
    }

    @Test
    void gro004_polarsOutgrows50GbPerDay() {
        Finding f = only(bi().volume(40, 30, 12).workload("transform_languages", "[python]").assess(), "GRO-004");
        assertThat(f.message()).isEqualTo("Polars fits today's 40 GB/day; at 30 %/year growth you pass its 50 GB/day line in month 11 (0.9 years).");
        assertThat(f.severity()).isEqualTo(Severity.P2);

        // Polars is only an alternative behind DuckDB here
        assertThat(fired(bi().volume(40, 30, 12).assess(), "GRO-004")).isFalse();
    }

    /**
     * Regression: pandas and Polars tie at rank 1 for Python work under 1 GB/day; the engine picks pandas (the
     * alphabetical tie-break), so the growth rules speak of pandas, never of the Polars the report does not recommend.
     */
    @Test
    void gro004_notForPolarsWhenPandasWinsTheTie() {
        Report r = brief().consumer("analytics", "batch").volume(0.9, 200, 0).workload("transform_languages", "[python]").assess();
        assertThat(rec(r, "processing", "pandas").orElseThrow().ruleId()).isEqualTo("PRC-012");
        assertThat(fired(r, "GRO-004")).isFalse();
        assertThat(only(r, "GRO-005").message()).startsWith("pandas fits today's 0.9 GB/day");
    }

    @Test
    void gro005_pandasOutgrows5GbPerDay() {
        Finding f = only(bi().volume(0.5, 100, 12).workload("transform_languages", "[python]").assess(), "GRO-005");
        assertThat(f.message()).contains("pandas fits today's 0.5 GB/day").contains("5 GB avoid line in month 40");

        assertThat(fired(bi().volume(0.5, 10, 12).workload("transform_languages", "[python]").assess(), "GRO-005")).isFalse();
    }

    @Test
    void gro006_sparkBecomesOverkillAsVolumeShrinks() {
        Finding f = only(bi().volume(150, -50, 12).assess(), "GRO-006");
        assertThat(f.message()).isEqualTo("Spark fits today's 150 GB/day; at 50 %/year decline the volume falls below Spark's 10 GB/day overkill line in month 47 (3.9 years).");
        assertThat(f.severity()).isEqualTo(Severity.P3);

        assertThat(fired(bi().volume(150, 10, 12).assess(), "GRO-006")).isFalse();
    }

    @Test
    void gro007_sparkStopsBeingOverkillAsVolumeGrows() {
        Finding f = only(bi().volume(5, 50, 12).workload("transform_languages", "[ml]").assess(), "GRO-007");
        assertThat(f.message()).contains("Spark is overkill at today's 5.0 GB/day although PRC-002 asks for it")
                .contains("10 GB/day overkill line in month 21");

        assertThat(fired(bi().volume(5, 50, 12).workload("transform_languages", "[python]").assess(), "GRO-007")).isFalse();
    }

    @Test
    void gro008_postgresqlOutgrows500GbRetained() {
        Finding f = only(bi().volume(1, 50, 12).assess(), "GRO-008");
        assertThat(f.message()).isEqualTo("PostgreSQL fits today's 365 GB retained; at 50 %/year growth the retained volume passes its 500 GB light-analytics line in month 10 (0.8 years).");
        assertThat(f.severity()).isEqualTo(Severity.P2);

        assertThat(fired(bi().volume(1, 0, 12).assess(), "GRO-008")).isFalse();
    }

    @Test
    void gro009_postgresqlPasses1TbRetained() {
        Finding f = only(bi().volume(1, 50, 12).assess(), "GRO-009");
        assertThat(f.message()).contains("passes 1.0 TB, where PostgreSQL is to be avoided for analytics, in month 30 (2.5 years)");
        assertThat(f.severity()).isEqualTo(Severity.P3);

        assertThat(fired(bi().volume(1, 10, 12).assess(), "GRO-009")).isFalse();
    }

    @Test
    void gro010_databricksBecomesOversizedAsVolumeShrinks() {
        Report hit = bi().consumer("ds", "ML", "batch", "scheduled").volume(20, -50, 1).assess();
        Finding f = only(hit, "GRO-010");
        assertThat(f.message()).contains("Databricks fits today's 20 GB/day").contains("10 GB/day small-data line in month 13");

        assertThat(fired(bi().consumer("ds", "ML", "batch", "scheduled").volume(20, 20, 1).assess(), "GRO-010")).isFalse();
    }
}
