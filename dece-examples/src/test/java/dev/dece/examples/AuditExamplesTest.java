package dev.dece.examples;

import dev.dece.core.Dece;
import dev.dece.core.audit.AuditCommand;
import dev.dece.core.audit.AuditOptions;
import dev.dece.core.input.InputException;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.CheckOutcome;
import dev.dece.core.report.OutputFormat;
import dev.dece.core.report.Report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bundled platform folder (dece-examples/platform: copies of the other commands' examples) audited end to end. */
class AuditExamplesTest {
    static final Path PLATFORM = Path.of("platform");
    static final AuditOptions OPTIONS = AuditOptions.defaults().withAsOf(Instant.parse("2026-03-08T23:59:00Z"));
    static Dece dece;
    static Report report;

    @BeforeAll
    static void run() throws Exception {
        dece = Dece.builder().build();
        report = dece.audit(List.of(PLATFORM), OPTIONS);
    }

    static String scorecard(Report r) {
        return r.artifacts().stream().filter(a -> a.name().equals("audit-scorecard.md")).map(Artifact::content).findFirst().orElseThrow();
    }

    @Test
    void everyFileIsRecognisedByContent() {
        String card = scorecard(report);
        assertThat(card).contains("| platform/dbt-manifest.json | dbt-manifest | lint | metadata.dbt_schema_version https://schemas.getdbt.com/dbt/manifest/v12.json |")
                .contains("| platform/queries/spark-events | spark-event-log | optimize |")
                .contains("| platform/cost/focus-2026-03.csv | billing-focus | cost | CSV header with BilledCost, ChargePeriodStart (FOCUS) |")
                .contains("| platform/pipelines/fct_orders.yaml | pipeline-spec | pipeline |")
                .contains("| platform/contracts/orders.contract.yaml | data-contract | quality |")
                .contains("| platform/brief.yaml | brief | assess |")
                .contains("| platform/README.md | readme | audit |")
                .contains("| platform/logs/runs-2026-03-02_08.jsonl | run-log-structured | monitor |");
        assertThat(card).doesNotContain("| ignored |");
        assertThat(report.findings()).noneMatch(f -> f.ruleId().equals("AUD-024"));
    }

    @Test
    void theSevenDimensionsAndTheBand() {
        List<CheckOutcome> platform = report.checks().stream().filter(c -> c.subject().equals("platform")).toList();
        assertThat(platform).extracting(CheckOutcome::id).containsExactly("platform.total", "platform.reliability", "platform.quality",
                "platform.performance", "platform.documentation", "platform.monitoring", "platform.testing", "platform.cost");
        String card = scorecard(report);
        assertThat(card).startsWith("# Platform audit: 41 / 100 (functional but fragile)")
                .contains("| Pipeline Reliability | 10 | 20 | AUD-003: some failures: success rate above the frequent-failures line | platform.success_rate_percent = 98.1 (362 of 369 runs succeeded)");
        assertThat(report.findings()).anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("AUD-026"));
        // every other command's findings are in the audit's report too
        assertThat(report.findings()).extracting(f -> f.ruleId().replaceAll("-.*", "")).contains("MON", "TRI", "CAT", "COST", "LOG");
        assertThat(card).contains("## Pipelines").contains("## Datasets").contains("## Test pyramid (Phase 8)")
                .contains("| fct_orders | integration | yes | pre_load gate checks the source schema/connectivity | Daily + PR |");
    }

    @Test
    void sameInputSameBytesInEveryFormat() throws Exception {
        Report again = dece.audit(List.of(PLATFORM), OPTIONS);
        for (OutputFormat f : OutputFormat.values()) assertThat(f.render(again)).as(f.label()).isEqualTo(f.render(report));
        assertThat(AuditCommand.html(again)).isEqualTo(AuditCommand.html(report));
    }

    @Test
    void trendAgainstABaseline(@TempDir Path dir) throws Exception {
        // the previous audit, as if reliability had scored 20 then
        String json = OutputFormat.JSON.render(report).replaceFirst("(\"id\" : \"platform\\.reliability\",[\\s\\S]*?\"score\" : \")10\"", "$120\"");
        Path base = Files.writeString(dir.resolve("prev.json"), json);
        String card = scorecard(dece.audit(List.of(PLATFORM), OPTIONS.withBaseline(base)));
        assertThat(card).contains("- platform.reliability: 20 -> 10 (down 10)").contains("New findings since the baseline: 0");
        Path other = Files.writeString(dir.resolve("cost.json"), OutputFormat.JSON.render(dece.audit(List.of(Path.of("platform/README.md")), OPTIONS))
                .replace("\"command\" : \"audit\"", "\"command\" : \"cost\""));
        assertThatThrownBy(() -> dece.audit(List.of(PLATFORM), OPTIONS.withBaseline(other))).isInstanceOf(InputException.class)
                .hasMessageContaining("is not the JSON report of a dece audit");
    }

    @Test
    void htmlIsOneSelfContainedPage() {
        String html = AuditCommand.html(report);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg id=\"gauge\"").contains("<svg id=\"bars\"")
                .contains("data-score=\"41\"").contains("<select id=\"f-sev\">").contains("<select id=\"f-dim\">")
                .contains("<a href=\"platform/logs/runs-2026-03-02_08.jsonl#L325\">");
        // nothing fetched: no external script, style, font or image (links to the inputs are relative)
        assertThat(html).doesNotContain("src=").doesNotContain("href=\"http").doesNotContain("url(").doesNotContain("@import")
                .doesNotContain("<link").doesNotContain("@font-face");
    }
}
