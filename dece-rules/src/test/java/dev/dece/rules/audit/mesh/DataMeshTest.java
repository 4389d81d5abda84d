package dev.dece.rules.audit.mesh;

import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.AuditFixtures;
import dev.dece.rules.support.PipelineYaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.dece.rules.support.Results.findings;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of DataMesh.drl, on real catalog entries of one or two domains in an audited folder. */
class DataMeshTest {

    @TempDir Path dir;

    static String entry(String name, String domain, String owner, String sla, String description) {
        return """
                dataset:
                  name: "analytics.%s"
                  description: "%s"
                  owner_team: "%s"
                  domain: "%s"
                  tier: "bronze"
                  lineage: {sources: [app], transformations: "copy", downstream: []}
                  refresh: {schedule: "0 2 * * *"%s, last_successful_run: "2026-03-08T02:20:00Z"}
                  access: {classification: "internal", pii_columns: [], access_request_process: "ticket", controls: ["encryption"]}
                """.formatted(name, description, owner, domain, sla == null ? "" : ", sla_hours: " + sla);
    }

    private Report audit(Path d, String a, String b) {
        return AuditFixtures.in(d).pipeline(PipelineYaml.review()).file("a.yaml", a).file("b.yaml", b).run();
    }

    @Test
    void mesh001_oneTeamOwnsTheDataProductsOfSeveralDomains() {
        Report r = audit(dir, entry("orders", "sales", "central-data", "24", "Orders"), entry("tickets", "support", "central-data", "24", "Tickets"));
        assertThat(findings(r, "MESH-001")).hasSize(2).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).isEqualTo("Data product 'analytics.orders' of domain 'sales' is owned by 'central-data', a team that also owns another domain's data products: a central team, not domain ownership.");
            assertThat(f.location().path()).isEqualTo("dataset.owner_team");
        });
        // near miss: each domain's own team
        assertThat(findings(audit(dir.resolve("b"), entry("orders", "sales", "sales-data", "24", "Orders"),
                entry("tickets", "support", "support-data", "24", "Tickets")), "MESH-001")).isEmpty();
    }

    @Test
    void mesh002_dataProductWithoutAnSlaOrDocumentation() {
        Report r = audit(dir, entry("orders", "sales", "sales-data", null, "Orders"), entry("tickets", "support", "support-data", "24", "Tickets"));
        assertThat(findings(r, "MESH-002")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).startsWith("Data product 'analytics.orders' of domain 'sales' has no refresh SLA (refresh.sla_hours):");
        });
        // near miss: one domain only is no mesh
        assertThat(findings(audit(dir.resolve("b"), entry("orders", "sales", "sales-data", null, "Orders"),
                entry("tickets", "sales", "sales-data", "24", "Tickets")), "MESH-002")).isEmpty();
    }
}
