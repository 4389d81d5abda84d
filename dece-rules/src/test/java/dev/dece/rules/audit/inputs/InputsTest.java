package dev.dece.rules.audit.inputs;

import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.AuditFixtures;
import dev.dece.rules.support.PipelineYaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.dece.rules.support.Results.findings;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Inputs.drl. */
class InputsTest {

    @TempDir Path dir;

    @Test
    void aud024_fileNotRecognised() {
        Report r = AuditFixtures.in(dir).pipeline(PipelineYaml.review()).file("notes.txt", "call the vendor about the export\n")
                .file("settings.yaml", "retries: 3\ncolour: blue\n").run();
        assertThat(findings(r, "AUD-024")).hasSize(2).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.location().file()).endsWith("notes.txt");
            assertThat(f.message()).contains("Not audited: ").contains("notes.txt is plain text, not a document DECE reads.");
        }).anySatisfy(f -> assertThat(f.message()).contains("settings.yaml is a document with top-level keys [retries, colour]: no template DECE reads."));
        // near miss: a README is recognised (documentation), not ignored
        assertThat(findings(AuditFixtures.in(dir.resolve("b")).pipeline(PipelineYaml.review()).readme().run(), "AUD-024")).isEmpty();
    }
}
