package dev.dece.rules.support;

import dev.dece.core.audit.AuditOptions;
import dev.dece.core.input.InputException;
import dev.dece.core.report.CheckOutcome;
import dev.dece.core.report.Evidence;
import dev.dece.core.report.Report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A platform folder for {@code dece audit} tests, written file by file in the formats the commands read (pipeline
 * specs, Structured Logging Standard run logs, a Data Contract, a dbt manifest, catalog entries, a Cost Allocation
 * Template, a README), then audited through the real facade as of {@link #AS_OF}.
 */
public final class AuditFixtures {
    public static final Instant AS_OF = Instant.parse("2026-03-08T23:59:00Z");

    private final Path dir;
    private int files;

    private AuditFixtures(Path dir) {
        this.dir = dir;
    }

    public static AuditFixtures in(Path dir) {
        return new AuditFixtures(dir);
    }

    public Path dir() {
        return dir;
    }

    public AuditFixtures file(String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public AuditFixtures pipeline(PipelineYaml p) {
        return file("spec" + (files++) + ".yaml", p.yaml());
    }

    /**
     * {@code total} runs of {@code pipeline}, 50 minutes apart and ending before {@link #AS_OF} (all inside monitor's
     * 7-day window), each taking {@code minutes} and loading 1000 rows; the first {@code failed} fail.
     */
    public AuditFixtures runs(String pipeline, int total, int failed, double minutes) {
        StringBuilder sb = new StringBuilder();
        Instant start = AS_OF.minus(50L * total + 60, ChronoUnit.MINUTES);
        for (int i = 0; i < total; i++) {
            Instant s = start.plus(50L * i, ChronoUnit.MINUTES);
            Instant e = s.plusSeconds(Math.round(minutes * 60));
            boolean fail = i < failed;
            sb.append("{\"pipeline_name\": \"").append(pipeline).append("\", \"run_id\": \"").append(pipeline).append('-').append(i)
                    .append("\", \"started_at\": \"").append(s).append("\", \"completed_at\": \"").append(e).append("\", \"status\": \"")
                    .append(fail ? "failed" : "success").append("\", \"stage\": \"load\", \"rows_extracted\": 1000, \"rows_transformed\": 1000, ")
                    .append("\"rows_loaded\": ").append(fail ? 0 : 1000).append(", \"rows_rejected\": 0, \"quality_checks_passed\": 2, \"quality_checks_failed\": 0, ")
                    .append("\"duration_seconds\": ").append(Math.round(minutes * 60)).append(", \"error_message\": \"")
                    .append(fail ? "psycopg2.OperationalError: connection timed out" : "").append("\", \"watermark_before\": \"\", \"watermark_after\": \"\"}\n");
        }
        return file("logs/" + pipeline + "-" + (files++) + ".jsonl", sb.toString());
    }

    public AuditFixtures readme() {
        return file("README.md", "# Our platform\n\nWhat runs where, who owns it.\n");
    }

    /** A Data Contract Template for the table {@code name}, with not_null, unique and freshness checks. */
    public AuditFixtures contract(String name) {
        return file("contract-" + name + ".yaml", Contracts.CLEAN.replace("name: fct_orders", "name: " + name));
    }

    /** A complete catalog entry for {@code name}; {@code sources} empty leaves its lineage out. */
    public AuditFixtures catalogEntry(String name, String sources) {
        return file("catalog-" + name + ".yaml", """
                dataset:
                  name: "analytics.%s"
                  description: "Every order placed on the web shop, one row per order"
                  owner_team: "commerce-data"
                  steward: "ana"
                  domain: "sales"
                  tier: "silver"
                  lineage:
                    sources: [%s]
                    transformations: "deduplicated on order_id"
                    downstream: []
                  refresh:
                    schedule: "0 2 * * *"
                    sla_hours: 24
                    last_successful_run: "2026-03-08T02:20:00Z"
                  quality:
                    tests: [not_null_order_id, unique_order_id]
                    last_score: 90
                    known_issues: []
                  access:
                    classification: "internal"
                    pii_columns: []
                    access_request_process: "ticket to commerce-data"
                    controls: ["encryption"]
                """.formatted(name, sources));
    }

    /** A dbt manifest (v12) with the model {@code name}, a not_null test, and optionally an equality test and a unit test. */
    public AuditFixtures manifest(String name, boolean equality, boolean unitTest) {
        String id = "model.shop." + name;
        StringBuilder nodes = new StringBuilder();
        nodes.append("\"").append(id).append("\": {\"unique_id\": \"").append(id).append("\", \"resource_type\": \"model\", \"package_name\": \"shop\", ")
                .append("\"name\": \"").append(name).append("\", \"alias\": \"").append(name).append("\", \"description\": \"Orders, one row per order\", ")
                .append("\"original_file_path\": \"models/").append(name).append(".sql\", \"config\": {\"materialized\": \"table\"}, \"depends_on\": {\"nodes\": []}, ")
                .append("\"columns\": {\"order_id\": {\"name\": \"order_id\", \"data_type\": \"bigint\", \"description\": \"The order\", \"constraints\": []}}}");
        nodes.append(", \"test.shop.t1\": {\"unique_id\": \"test.shop.t1\", \"resource_type\": \"test\", \"name\": \"not_null_").append(name)
                .append("_order_id\", \"attached_node\": \"").append(id).append("\", \"column_name\": \"order_id\", \"depends_on\": {\"nodes\": [\"").append(id)
                .append("\"]}, \"test_metadata\": {\"name\": \"not_null\", \"kwargs\": {\"column_name\": \"order_id\"}}}");
        if (equality) {
            nodes.append(", \"test.shop.t2\": {\"unique_id\": \"test.shop.t2\", \"resource_type\": \"test\", \"name\": \"equality_").append(name)
                    .append("_golden\", \"attached_node\": \"").append(id).append("\", \"column_name\": null, \"depends_on\": {\"nodes\": [\"").append(id)
                    .append("\"]}, \"test_metadata\": {\"name\": \"equality\", \"namespace\": \"dbt_utils\", \"kwargs\": {\"compare_model\": \"ref('golden')\"}}}");
        }
        String units = unitTest ? "\"unit_test.shop." + name + ".totals\": {\"name\": \"totals\", \"model\": \"" + name
                + "\", \"depends_on\": {\"nodes\": [\"" + id + "\"]}}" : "";
        return file("target/manifest.json", "{\n  \"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v12.json\", "
                + "\"dbt_version\": \"1.9.4\", \"adapter_type\": \"postgres\", \"project_name\": \"shop\"},\n  \"nodes\": {" + nodes + "},\n  \"sources\": {},\n"
                + "  \"unit_tests\": {" + units + "}\n}\n");
    }

    /** A Cost Allocation Template for March 2026 naming {@code pipeline}. */
    public AuditFixtures cost(String pipeline, String businessValue, Boolean roiJustified) {
        return file("cost-2026-03.yaml", """
                month: 2026-03
                cost_tracking:
                  by_pipeline:
                    - pipeline: %s
                      compute_monthly_usd: 400
                      storage_monthly_usd: 100
                      rows_processed: 30000000
                      business_value: "%s"
                %s""".formatted(pipeline, businessValue, roiJustified == null ? "" : "      roi_justified: " + roiJustified + "\n"));
    }

    public Report run() {
        try {
            return TestDece.DECE.audit(List.of(dir), AuditOptions.defaults().withAsOf(AS_OF));
        } catch (InputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The check of {@code scope}.{@code dim}, e.g. {@code platform.reliability}. */
    public static CheckOutcome check(Report r, String id) {
        return r.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no check " + id + " in " + r.checks()));
    }

    public static String measure(CheckOutcome c, String key) {
        return c.measures().stream().filter(e -> e.path().equals(key)).map(Evidence::value).findFirst().orElse(null);
    }

    /** The score of {@code id} ({@code platform.reliability}). */
    public static int score(Report r, String id) {
        return Integer.parseInt(measure(check(r, id), "score"));
    }

    /** The rule that chose the level of {@code id}, or "-" when there was no evidence. */
    public static String rule(Report r, String id) {
        return measure(check(r, id), "rule");
    }
}
