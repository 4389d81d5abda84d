package dev.dece.rules.catalog;

import dev.dece.core.catalog.CatalogOptions;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.TestDece;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.dece.rules.catalog.CatalogFiles.CLEAN;
import static dev.dece.rules.catalog.CatalogFiles.review;
import static dev.dece.rules.catalog.CatalogFiles.with;
import static dev.dece.rules.support.Results.findings;
import static dev.dece.rules.support.Results.fired;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Classification.drl, through real entry files, a real manifest and the real rule base. */
class ClassificationTest {
    @TempDir Path dir;

    static final String EMAIL_COL = "    - {name: amount, type: \"decimal(12,2)\"}\n    - {name: customer_email, type: varchar}\n";

    @Test
    void cat010_piiMissingFromPiiColumns() throws Exception {
        Report r = review(dir, with(CLEAN, "    - {name: amount, type: \"decimal(12,2)\"}\n", EMAIL_COL));
        assertThat(findings(r, "CAT-010")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("Column 'customer_email'", "looks like email", "access.pii_columns does not list it");
            assertThat(f.location().path()).isEqualTo("dataset.columns[2]");
        });
        String listed = with(with(with(CLEAN, "    - {name: amount, type: \"decimal(12,2)\"}\n", EMAIL_COL), "pii_columns: []", "pii_columns: [customer_email]"),
                "classification: \"internal\"", "classification: \"confidential\"");
        assertThat(fired(review(dir, listed), "CAT-010")).isFalse();
    }

    @Test
    void cat010_piiFromAManifestColumn() throws Exception {
        Path m = CatalogFiles.write(dir, "manifest.json", """
                {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json", "project_name": "p"},
                 "nodes": {"model.p.fct_sales": {"resource_type": "model", "package_name": "p", "name": "fct_sales",
                   "columns": {"phone_number": {"name": "phone_number", "data_type": "varchar"}}, "depends_on": {"nodes": []}}}}
                """);
        Path f = CatalogFiles.write(dir, "e.yaml", CLEAN);
        Report r = TestDece.DECE.catalog(List.of(f), CatalogOptions.defaults().withManifests(List.of(m)));
        Finding x = findings(r, "CAT-010").get(0);
        assertThat(x.message()).contains("'phone_number'", "dbt manifest");
        assertThat(x.location().file()).endsWith("manifest.json");
    }

    @Test
    void cat011_classificationTooLow() throws Exception {
        String pii = with(with(CLEAN, "    - {name: amount, type: \"decimal(12,2)\"}\n", "    - {name: ssn, type: varchar}\n"), "pii_columns: []", "pii_columns: [ssn]");
        Finding f = findings(review(dir, with(pii, "classification: \"internal\"", "classification: \"confidential\"")), "CAT-011").get(0);
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.message()).contains("classified confidential but holds restricted data");
        assertThat(f.location().path()).isEqualTo("dataset.access.classification");
        assertThat(fired(review(dir, with(pii, "classification: \"internal\"", "classification: \"restricted\"")), "CAT-011")).isFalse();
    }

    static final String UPSTREAM = """
            dataset:
              name: "raw.customers"
              owner_team: "crm"
              tier: "bronze"
              lineage: {sources: ["crm"]}
              access: {classification: "confidential", pii_columns: [email], controls: [encryption, column_access, masking]}
              usage: {avg_daily_queries: 5}
              columns: [customer_id, email]
            """;

    static String downstream(String handling) {
        return with(with(with(CLEAN, "sources: [\"stg_sales\"]", "sources: [\"raw.customers\"]" + handling),
                "    - {name: amount, type: \"decimal(12,2)\"}\n", "    - {name: amount, type: \"decimal(12,2)\"}\n    - {name: email, type: varchar, tags: [hashed]}\n"),
                "name: \"analytics.fct_sales\"", "name: \"analytics.fct_sales\"");
    }

    @Test
    void cat012_lowerThanUpstreamAlongLineage() throws Exception {
        Report r = review(dir, UPSTREAM, downstream(""));
        assertThat(findings(r, "CAT-012")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("'analytics.fct_sales' is classified internal but derives email from 'raw.customers' (confidential, lineage at");
            assertThat(f.location().path()).isEqualTo("dataset.lineage.sources");
        });
        // near miss: the lineage says the email was hashed on the way
        assertThat(fired(review(dir, UPSTREAM, downstream("\n    pii_handling: {email: hashed}")), "CAT-012")).isFalse();
    }

    @Test
    void cat013_controlsTheLevelRequires() throws Exception {
        Finding f = findings(review(dir, with(CLEAN, "controls: [\"authentication\", \"audit\"]", "controls: [\"authentication\"]")), "CAT-013").get(0);
        assertThat(f.severity()).isEqualTo(Severity.P3);
        assertThat(f.message()).contains("is internal; access.controls does not list audit");
        assertThat(f.remediation()).startsWith("Recommended for internal data");
        assertThat(fired(review(dir, CLEAN), "CAT-013")).isFalse();
    }
}
