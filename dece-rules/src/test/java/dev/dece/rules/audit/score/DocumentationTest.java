package dev.dece.rules.audit.score;

import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.AuditFixtures;
import dev.dece.rules.support.PipelineYaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.dece.rules.support.AuditFixtures.rule;
import static dev.dece.rules.support.AuditFixtures.score;
import static dev.dece.rules.support.Results.findings;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Documentation.drl: a README, real catalog entries, a pipeline with none. */
class DocumentationTest {

    @TempDir Path dir;

    private AuditFixtures platform(Path d) {
        return AuditFixtures.in(d).pipeline(PipelineYaml.review().set("name", "fct_orders"));
    }

    @Test
    void aud012_noDocumentation() {
        Report r = platform(dir).run();
        assertThat(rule(r, "platform.documentation")).isEqualTo("AUD-012");
        assertThat(score(r, "platform.documentation")).isEqualTo(0);
        assertThat(findings(r, "AUD-012")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).contains("Documentation of platform scores 0: no README, descriptions on 0 of 1 pipelines and datasets with a description.");
        });
        // near miss: a README
        assertThat(findings(platform(dir.resolve("b")).readme().run(), "AUD-012")).isEmpty();
    }

    @Test
    void aud013_basicReadme() {
        Report r = platform(dir).readme().run();
        assertThat(rule(r, "platform.documentation")).isEqualTo("AUD-013");
        assertThat(score(r, "platform.documentation")).isEqualTo(5);
        // near miss: a Markdown file that is not a document DECE recognises as one (no heading) is not a README
        assertThat(score(platform(dir.resolve("b")).file("notes.md", "just some notes\n").run(), "platform.documentation")).isEqualTo(0);
    }

    @Test
    void aud014_fullCatalogEntries() {
        Report r = platform(dir).catalogEntry("fct_orders", "orders_db").run();
        assertThat(rule(r, "platform.documentation")).isEqualTo("AUD-014");
        assertThat(score(r, "platform.documentation")).isEqualTo(10);
        assertThat(score(r, "dataset:fct_orders.documentation")).isEqualTo(10);
        // near miss: the entry gives no lineage: described (5), not a full entry
        assertThat(score(platform(dir.resolve("b")).catalogEntry("fct_orders", "").run(), "platform.documentation")).isEqualTo(5);
    }
}
