package dev.dece.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit command on the bundled platform folder, as a user runs it (README's examples). */
class AuditCommandTest {

    static final String AS_OF = "2026-03-08T23:59:00Z";

    @Test
    void theBundledPlatformInTextAndHtml() {
        CliRun text = CliRun.dece("audit", "platform", "--as-of", AS_OF);
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("# Platform audit: 41 / 100 (functional but fragile)").contains("AUD-026");
        CliRun html = CliRun.dece("audit", "platform", "--as-of", AS_OF, "--format", "html");
        assertThat(html.code()).as(html.err()).isZero();
        assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("<title>DECE audit: 41 / 100</title>").endsWith("</html>\n");
        assertThat(CliRun.dece("audit", "platform", "--as-of", AS_OF, "--format", "html", "--fail-on", "P1").code()).isEqualTo(1);
    }

    @Test
    void theTrendAgainstTheJsonOfAPreviousAudit(@TempDir Path dir) throws Exception {
        CliRun json = CliRun.dece("audit", "platform", "--as-of", AS_OF, "--format", "json");
        assertThat(json.code()).isZero();
        Path prev = Files.writeString(dir.resolve("prev.json"), json.out());
        CliRun again = CliRun.dece("audit", "platform", "--as-of", AS_OF, "--baseline", prev.toString(), "--format", "markdown");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("No score changed since the baseline.").contains("New findings since the baseline: 0");
    }

    @Test
    void badInputIsOneLocatedLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("spec.yaml"), "pipeline:\n  name: orders\n  sla_minutes: soon\n");
        CliRun bad = CliRun.dece("audit", dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.errLines()).singleElement().satisfies(l -> assertThat(l).contains("spec.yaml:3:").contains("sla_minutes"));
        CliRun asOf = CliRun.dece("audit", "platform", "--as-of", "yesterday");
        assertThat(asOf.code()).isEqualTo(2);
        assertThat(asOf.err()).contains("--as-of: \"yesterday\" is not a time");
    }
}
