package dev.dece.rules.pipeline;

import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.PipelineYaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.dece.rules.support.PipelineYaml.design;
import static dev.dece.rules.support.PipelineYaml.review;
import static dev.dece.rules.support.Results.choices;
import static dev.dece.rules.support.Results.findings;
import static dev.dece.rules.support.Results.only;
import static dev.dece.rules.support.Results.fired;
import static dev.dece.rules.support.Results.paths;
import static dev.dece.rules.support.Results.rec;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Operations.drl: a spec that triggers it and a near miss that must not. */
class OperationsTest {


    static String brief(String latency, String team) {
        return "project_name: shop\ndata_consumers:\n  - team: " + team + "\n    use_case: analytics\n    latency_requirement: \""
                + latency + "\"\n    query_pattern: dashboard\n  - team: finance\n    use_case: reporting\n"
                + "    latency_requirement: batch\n    query_pattern: scheduled\n";
    }

    @ParameterizedTest
    @CsvSource({
            "'0 * * * *', 59, false",
            "'0 * * * *', 60, false",
            "'0 * * * *', 61, true",
            "'*/15 * * * *', 20, true",
            "'0 2 * * *', 1440, false",
            "'0 2,3 * * *', 90, true",      // two runs an hour apart each night
            "'@daily', 120, false"})
    void ops001_slaMustFitBetweenTwoRuns(String cron, int sla, boolean fires) {
        PipelineYaml spec = review().set("schedule", "\"" + cron + "\"").set("sla_minutes", String.valueOf(sla));
        Report r = spec.run();
        assertThat(fired(r, "OPS-001")).isEqualTo(fires);
        if (fires) {
            Finding f = only(r, "OPS-001");
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("cannot finish before the next one starts");
            assertThat(f.location().line()).isEqualTo(spec.line("sla_minutes"));
            assertThat(paths(f.evidence())).contains("schedule.min_gap_minutes", "pipeline.schedule", "pipeline.sla_minutes");
        }
    }

    @Test
    void ops002_tierOneNeedsAlertChannels() {
        PipelineYaml spec = review().set("tier", "1").set("error_handling.alert_channels", "[]");
        Finding f = only(spec.run(), "OPS-002");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.message()).contains("tier 1 (critical) but has no alert channels");
        assertThat(f.location().line()).isEqualTo(spec.line("error_handling.alert_channels"));

        Report miss = review().set("tier", "1").run();
        assertThat(fired(miss, "OPS-002")).isFalse();
        Report tier2 = review().set("error_handling.alert_channels", "[]").run();
        assertThat(fired(tier2, "OPS-002")).isFalse();
    }

    @Test
    void ops003_retriesNeedADelay() {
        PipelineYaml spec = review().set("error_handling.retry_delay_seconds", "0");
        Finding f = only(spec.run(), "OPS-003");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("retries 3 times with no delay");
        assertThat(f.location().line()).isEqualTo(spec.line("error_handling.retry_delay_seconds"));

        Report miss = spec.set("error_handling.max_retries", "0").run();
        assertThat(fired(miss, "OPS-003")).isFalse();
    }

    @Test
    void ops004_noSkipAndAlertOnTierOne() {
        PipelineYaml spec = review().set("tier", "1").set("error_handling.strategy", "skip-and-alert");
        Finding f = only(spec.run(), "OPS-004");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.remediation()).contains("dead-letter");
        assertThat(f.location().line()).isEqualTo(spec.line("error_handling.strategy"));

        Report miss = review().set("tier", "3").set("error_handling.strategy", "skip-and-alert").run();
        assertThat(fired(miss, "OPS-004")).isFalse();
    }

    @Test
    void ops005_qualityGatesBeforeTheLoad() {
        PipelineYaml spec = review().set("quality_gates.pre_load", "[]");
        Finding f = only(spec.run(), "OPS-005");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.remediation()).contains("not_null(order_id)");
        assertThat(f.location().line()).isEqualTo(spec.line("quality_gates.pre_load"));
        assertThat(choices(design().run(), "quality-gates")).contains("pre-load-checks");

        Report miss = review().run();
        assertThat(fired(miss, "OPS-005")).isFalse();
    }

    @Test
    void ops006_qualityGatesAfterTheLoad() {
        PipelineYaml spec = review().remove("quality_gates.post_load");
        Finding f = only(spec.run(), "OPS-006");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.remediation()).contains("unique(order_id)");

        Report miss = review().run();
        assertThat(fired(miss, "OPS-006")).isFalse();
    }

    @Test
    void ops007_errorHandlingByTier() {
        Report critical = design().set("tier", "1").run();
        assertThat(choices(critical, "error-handling")).containsExactly("dead-letter");
        assertThat(rec(critical, "error-handling", "dead-letter").orElseThrow().ruleId()).isEqualTo("OPS-007");
        assertThat(choices(design().set("tier", "3").run(), "error-handling")).containsExactly("retry");

        Report miss = design().remove("tier").run();
        assertThat(fired(miss, "OPS-007")).isFalse();
    }

    @Test
    void ops008_scheduleFromTheConsumersLatency() {
        Report hit = design().brief(brief("near-real-time", "ops")).run();
        assertThat(choices(hit, "schedule")).containsExactly("*/5 * * * *");
        assertThat(rec(hit, "schedule", "*/5 * * * *").orElseThrow().rationale()).contains("Consumer 'ops'");
        Report onlyFinance = design().set("serves", "[finance]").brief(brief("near-real-time", "ops")).run();
        assertThat(choices(onlyFinance, "schedule")).containsExactly("0 * * * *");

        Report miss = design().run();
        assertThat(fired(miss, "OPS-008")).isFalse();
    }

    @Test
    void ops009_scheduleSlowerThanAConsumerNeeds() {
        PipelineYaml spec = review().brief(brief("near-real-time (<5min)", "ops"));
        Finding f = only(spec.run(), "OPS-009");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.message()).contains("runs every 1 day", "consumer 'ops'", "near-real-time");
        assertThat(f.location().line()).isEqualTo(spec.line("schedule"));
        assertThat(f.location().file()).isEqualTo("p.yaml");

        Report fastEnough = review().set("schedule", "\"*/5 * * * *\"").set("sla_minutes", "4").brief(brief("near-real-time", "ops")).run();
        assertThat(fired(fastEnough, "OPS-009")).isFalse();
        Report notServed = review().set("serves", "[finance]").brief(brief("near-real-time", "ops")).run();
        assertThat(fired(notServed, "OPS-009")).isFalse();
    }
}
