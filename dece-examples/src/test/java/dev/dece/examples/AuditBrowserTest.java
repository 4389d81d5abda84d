package dev.dece.examples;

import dev.dece.core.Dece;
import dev.dece.core.audit.AuditCommand;
import dev.dece.core.audit.AuditOptions;
import dev.dece.core.report.Report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled example's HTML report in a real headless browser (Debian's {@code chromium}): the DOM after the page's
 * script ran holds the score and the seven dimensions, the browser logs no console message (an error, a failed
 * script), and a screenshot is written. The browser is driven directly ({@code --dump-dom}, {@code --screenshot},
 * console messages from {@code --enable-logging=stderr}) rather than through WebDriver: no test dependency, no
 * chromedriver version to keep in step, and the page needs no interaction to be checked. The capture itself is proven
 * on a page with a deliberate error. Skipped, with the reason, only where no Chromium is installed.
 */
class AuditBrowserTest {

    static Path browser;

    @BeforeAll
    static void findBrowser() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(c))) {
                browser = Path.of(c);
                break;
            }
        }
        Assumptions.assumeTrue(browser != null, "no Chromium installed (/usr/bin/chromium): the HTML report's browser test is skipped; "
                + "install it with apt-get install chromium (.ci/run does)");
    }

    record Run(String out, String err) {
        List<String> console() {
            List<String> lines = new ArrayList<>();
            for (String l : err.split("\n")) if (l.contains(":CONSOLE")) lines.add(l);
            return lines;
        }
    }

    static Run chromium(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-extensions", "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out-" + System.nanoTime()), err = dir.resolve("err-" + System.nanoTime());
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + cmd);
        }
        return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void consoleCaptureSeesErrors(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.html"), "<!DOCTYPE html><html><body><script>noSuchFunction();</script></body></html>");
        assertThat(chromium(dir, "--dump-dom", bad.toUri().toString()).console()).anySatisfy(l -> assertThat(l).contains("Uncaught ReferenceError"));
    }

    @Test
    void theBundledExampleRendersInChromium(@TempDir Path dir) throws Exception {
        Report r = Dece.builder().build().audit(List.of(Path.of("platform")),
                AuditOptions.defaults().withAsOf(Instant.parse("2026-03-08T23:59:00Z")));
        Path page = Files.writeString(dir.resolve("audit.html"), AuditCommand.html(r));

        Run dom = chromium(dir, "--dump-dom", page.toUri().toString());
        assertThat(dom.out()).contains("<p id=\"total\" class=\"total\" data-score=\"41\">41 / 100</p>");
        for (String d : List.of("Pipeline Reliability", "Data Quality", "Performance", "Documentation", "Monitoring", "Testing", "Cost Efficiency")) {
            assertThat(dom.out()).contains("<td>" + d + "</td>");
        }
        // the inline script ran: it filled in the count of the findings shown
        assertThat(dom.out()).containsPattern("<span id=\"shown\">\\d+ of \\d+ findings</span>");
        assertThat(dom.console()).as("console messages").isEmpty();

        Path shot = dir.resolve("audit.png");
        Run s = chromium(dir, "--screenshot=" + shot, "--window-size=1280,1600", page.toUri().toString());
        assertThat(s.console()).isEmpty();
        assertThat(shot).exists();
        byte[] png = Files.readAllBytes(shot);
        assertThat(png.length).isGreaterThan(10_000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        Path kept = Path.of("target", "audit-screenshot.png");
        Files.createDirectories(kept.getParent());
        Files.copy(shot, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
