package dev.dece.examples;

import dev.dece.core.Dece;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.Finding;
import dev.dece.core.report.OutputFormat;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviews the realistic example repository dece-examples/pipelines/ (52 specs in 40 files: databases,
 * streams, APIs, files, logs, finance marts, a multi-document file of design drafts) with the shop
 * brief, as `dece pipeline pipelines --brief briefs/shop-pipelines.yaml` does.
 */
class PipelineExamplesTest {

    static Dece dece;
    static Report report;

    @BeforeAll
    static void review() throws Exception {
        dece = Dece.builder().build();
        report = dece.pipeline(List.of(Path.of("pipelines")), Path.of("briefs/shop-pipelines.yaml"));
    }

    static Map<String, Long> byRule() {
        return report.findings().stream().collect(Collectors.groupingBy(Finding::ruleId, TreeMap::new, Collectors.counting()));
    }

    @Test
    void everySpecIsReviewedOrDesigned() {
        long specs = report.artifacts().stream().filter(a -> a.kind().equals("idempotency-test")).count();
        assertThat(specs).isGreaterThanOrEqualTo(50);
        // the seven drafts in drafts/q3-drafts.yaml are completed; every other spec is reviewed
        assertThat(report.artifacts().stream().filter(a -> a.kind().equals("pipeline-template")).map(Artifact::name))
                .containsExactly("audit_trail_draft.pipeline.yaml", "clickstream_draft.pipeline.yaml", "fx_rates_draft.pipeline.yaml",
                        "geo_pings_draft.pipeline.yaml", "partner_returns_draft.pipeline.yaml", "returns_draft.pipeline.yaml",
                        "tenant_usage_draft.pipeline.yaml");
    }

    @Test
    void theKnownRiskySpecsAreCaughtOnTheirLines() {
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("IDEM-001");
            assertThat(f.severity()).isEqualTo(Severity.P0);
            assertThat(f.location().file()).endsWith("db/user_profiles.yaml");
            assertThat(f.location().path()).isEqualTo("pipeline.load.strategy");
            assertThat(f.location().line()).isEqualTo(23);
        });
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("OPS-009");
            assertThat(f.message()).contains("user_profiles_hourly", "consumer 'ops'");
        });
        assertThat(byRule()).containsKeys("EXT-005", "LOAD-006", "OPS-004", "OPS-002", "IDEM-003", "PART-008", "OPS-001", "EXT-011");
        // the healthy database replicas produce no finding at all
        assertThat(report.findings()).noneMatch(f -> f.location().file().endsWith("db/customers.yaml"));
        assertThat(report.findings()).noneMatch(f -> f.location().file().endsWith("finance-marts.yaml"));
    }

    @Test
    void theSarifOfTheReviewIsValidSarif210() throws Exception {
        com.networknt.schema.JsonSchema schema;
        try (java.io.InputStream in = PipelineExamplesTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7).getSchema(in);
        }
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(OutputFormat.SARIF.render(report));
        assertThat(schema.validate(doc)).isEmpty();
        assertThat(doc.at("/runs/0/results").size()).isEqualTo(report.findings().size());
    }

    @Test
    void theDirectoryIsReadInADeterministicOrder() throws Exception {
        Report again = dece.pipeline(List.of(Path.of("pipelines")), Path.of("briefs/shop-pipelines.yaml"));
        assertThat(OutputFormat.JSON.render(again)).isEqualTo(OutputFormat.JSON.render(report));
        assertThat(OutputFormat.SARIF.render(again)).isEqualTo(OutputFormat.SARIF.render(report));
    }
}
