package dev.dece.examples;

import dev.dece.core.Dece;
import dev.dece.core.monitor.MonitorOptions;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.CheckOutcome;
import dev.dece.core.report.Finding;
import dev.dece.core.report.OutputFormat;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled week of logs (monitor/): what the example is there to show, found by the real command; its log lines
 * valid against the JSON Schema the set-up generates; its SARIF valid SARIF 2.1.0.
 */
class MonitorExamplesTest {

    static Report report;
    static Dece dece;

    static MonitorOptions options() {
        return MonitorOptions.defaults().withPipelines(List.of(Path.of("monitor/pipelines")))
                .withContracts(List.of(Path.of("monitor/contracts/orders.contract.yaml"), Path.of("monitor/contracts/payments.contract.yaml")))
                .withBrief(Path.of("monitor/brief.yaml")).withBackfillQueue(Path.of("monitor/backfill-queue.yaml")).withCost(Path.of("monitor/costs.yaml"));
    }

    @BeforeAll
    static void run() throws Exception {
        dece = Dece.builder().build();
        report = dece.monitor(List.of(Path.of("monitor/logs")), options());
    }

    static List<Finding> of(String rule, String subject) {
        return report.findings().stream().filter(f -> f.ruleId().equals(rule) && f.subject() != null && f.subject().startsWith(subject)).toList();
    }

    @Test
    void theWeekShowsWhatTheExampleIsAbout() {
        // failing: a schema change on orders (P0: SOX reporting), a connection timeout on payments (P0: revenue)
        assertThat(of("TRI-021", "fct_orders/")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P0);
            assertThat(f.message()).contains("schema mismatch").contains("ORDER_STATUS_CODE");
        });
        assertThat(of("TRI-021", "payments_to_snowflake/")).singleElement().satisfies(f -> assertThat(f.message()).contains("connection timeout"));
        assertThat(of("TRI-022", "payments_to_snowflake/")).singleElement();
        assertThat(of("TRI-021", "marketing_attribution/")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.remediation()).contains("Retry: not-safe");
        });
        // stale: inventory hangs on an open run, its data older than the schedule allows
        assertThat(of("MON-005", "inventory_levels")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.P1));
        assertThat(of("LOG-006", "inventory_levels")).singleElement();
        // a volume drop on web events, with its gap and its doubled batch
        assertThat(of("MON-006", "web_events")).singleElement().satisfies(f -> assertThat(f.message()).contains("70.51 % drop"));
        assertThat(of("LOG-003", "web_events")).singleElement();
        assertThat(of("LOG-005", "web_events")).singleElement();
        assertThat(of("MON-013", "platform")).singleElement();
        assertThat(report.checks()).hasSize(41);
        assertThat(report.checks()).filteredOn(c -> c.status() == CheckOutcome.Status.PASS).hasSize(21);
    }

    @Test
    void theLogLinesAreValidAgainstTheGeneratedSchema() throws Exception {
        Report setup = dece.monitor(List.of(), options());
        Artifact schemaArtifact = setup.artifacts().stream().filter(a -> a.kind().equals("log-schema")).findFirst().orElseThrow();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaArtifact.content());
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(Path.of("monitor/logs/runs-2026-03-02_08.jsonl"));
        assertThat(lines).hasSize(370);
        List<String> invalid = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Set<ValidationMessage> errors = schema.validate(json.readTree(lines.get(i)));
            if (!errors.isEmpty()) invalid.add((i + 1) + ": " + errors);
        }
        assertThat(invalid).isEmpty();
        // and the schema does refuse what the standard forbids
        JsonNode bad = json.readTree(lines.get(0).replace("\"status\": \"success\"", "\"status\": \"ok\"").replace("\"rows_loaded\": ", "\"rows_lost\": "));
        assertThat(schema.validate(bad)).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("status"))
                .anyMatch(m -> m.contains("rows_loaded"));
        JsonNode local = json.readTree(lines.get(0).replace("2026-03-02T00:00:00Z", "2026-03-02 00:00:00"));
        assertThat(schema.validate(local)).isNotEmpty();
    }

    @Test
    void theSarifIsValidSarif210AndPointsAtLogLines() throws Exception {
        JsonSchema schema;
        try (InputStream in = MonitorExamplesTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        JsonNode doc = new ObjectMapper().readTree(OutputFormat.SARIF.render(report));
        assertThat(schema.validate(doc)).isEmpty();
        assertThat(doc.at("/runs/0/results").size()).isEqualTo(report.findings().size());
        assertThat(doc.at("/runs/0/results").findValuesAsText("uri")).contains("monitor/logs/runs-2026-03-02_08.jsonl", "monitor/costs.yaml");
    }

    @Test
    void theOutputIsDeterministic() throws Exception {
        Report again = dece.monitor(List.of(Path.of("monitor/logs")), options());
        assertThat(OutputFormat.JSON.render(again)).isEqualTo(OutputFormat.JSON.render(report));
        assertThat(OutputFormat.JUNIT.render(again)).isEqualTo(OutputFormat.JUNIT.render(report));
    }
}
