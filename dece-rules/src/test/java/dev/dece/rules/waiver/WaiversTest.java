package dev.dece.rules.waiver;

import dev.dece.core.Dece;
import dev.dece.core.input.InputException;
import dev.dece.core.report.Finding;
import dev.dece.core.report.OutputFormat;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.core.report.Suppression;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Waivers and baselines on a real pipeline spec through the real rule base: a waived finding stays in the report,
 * marked, in every format; the waivers' own findings (WVR-001 .. WVR-003); a baseline that survives moved lines.
 */
class WaiversTest {

    /** The bundled risky ERP pipeline: LOAD-006 (truncate-reload of 12M rows) on line 22, pipeline.load.strategy. */
    static final Path ERP = Path.of("../dece-examples/pipelines/db/legacy_erp_invoices.yaml");

    @TempDir
    Path dir;
    Path spec;

    @BeforeEach
    void copy() throws IOException {
        spec = dir.resolve("erp.yaml");
        Files.copy(ERP, spec);
    }

    Path waivers(String yaml) throws IOException {
        Path w = dir.resolve(".dece-waivers.yaml");
        Files.writeString(w, yaml);
        return w;
    }

    static final String LOAD_006 = """
            waivers:
              - rule: LOAD-006
                file: erp.yaml
                path: pipeline.load
                reason: legacy ERP dump, replaced by CDC in Q1
                approved_by: finance data lead
                expires: 2027-01-31
            """;

    Report run(Path waivers, String asOf) throws InputException {
        return Dece.builder().waivers(waivers).asOf(LocalDate.parse(asOf)).build().pipeline(spec);
    }

    static Finding only(Report r, String id) {
        List<Finding> fs = r.findings().stream().filter(f -> f.ruleId().equals(id)).toList();
        assertThat(fs).as(id + " among " + r.findings().stream().map(Finding::ruleId).toList()).hasSize(1);
        return fs.get(0);
    }

    @Test
    void aWaivedFindingIsReportedMarkedWaivedInEveryFormat() throws Exception {
        Report r = run(waivers(LOAD_006), "2026-12-01");
        Finding f = only(r, "LOAD-006");
        assertThat(f.waived()).isTrue();
        assertThat(f.suppression().kind()).isEqualTo(Suppression.Kind.WAIVER);
        assertThat(f.suppression().reason()).isEqualTo("legacy ERP dump, replaced by CDC in Q1");
        assertThat(f.suppression().source()).endsWith(".dece-waivers.yaml:2");
        assertThat(r.active()).noneMatch(x -> x.ruleId().equals("LOAD-006"));
        assertThat(only(r, "LOAD-007").waived()).as("another rule on the same line is not waived").isFalse();
        assertThat(r.findings()).noneMatch(x -> x.ruleId().startsWith("WVR-"));

        String json = OutputFormat.JSON.render(r);
        assertThat(json).contains("\"waived\" : {").contains("\"approvedBy\" : \"finance data lead\"").contains("\"expires\" : \"2027-01-31\"")
                .contains("\"waived\" : 1");
        String sarif = OutputFormat.SARIF.render(r);
        assertThat(sarif).contains("\"suppressions\"").contains("\"kind\" : \"external\"")
                .contains("\"justification\" : \"legacy ERP dump, replaced by CDC in Q1 (approved by finance data lead, until 2027-01-31;");
        String text = OutputFormat.TEXT.render(r);
        assertThat(text).contains("WAIVED: legacy ERP dump").contains(", 1 waived");
        assertThat(OutputFormat.JUNIT.render(r)).contains("<skipped message=\"waived P1 LOAD-006");
    }

    @Test
    void aWaivedFindingNoLongerFailsTheRun() throws Exception {
        Path w = waivers("""
                waivers:
                  - {rule: LOAD-006, file: erp.yaml, reason: accepted, approved_by: lead}
                  - {rule: EXT-005, file: erp.yaml, reason: accepted, approved_by: lead}
                  - {rule: OPS-002, file: erp.yaml, reason: accepted, approved_by: lead}
                  - {rule: OPS-004, file: erp.yaml, reason: accepted, approved_by: lead}
                """);
        Report r = run(w, "2026-12-01");
        assertThat(r.hasFindingAtLeast(Severity.P1)).isFalse();
        assertThat(r.hasFindingAtLeast(Severity.P2)).as("LOAD-007 and OPS-005 still count").isTrue();
        assertThat(Dece.builder().build().pipeline(spec).hasFindingAtLeast(Severity.P1)).isTrue();
    }

    /** WVR-001: a waiver past its last day no longer applies, and says so. */
    @Test
    void wvr001_expiredWaiver() throws Exception {
        Report r = run(waivers(LOAD_006), "2027-02-01");
        assertThat(only(r, "LOAD-006").active()).isTrue();
        Finding w = only(r, "WVR-001");
        assertThat(w.severity()).isEqualTo(Severity.P2);
        assertThat(w.topic()).isEqualTo("waivers");
        assertThat(w.message()).contains("LOAD-006").contains("expired on 2027-01-31").contains("1 finding count again");
        assertThat(w.location().file()).endsWith(".dece-waivers.yaml");
        assertThat(w.location().line()).isEqualTo(2);
        assertThat(w.location().path()).isEqualTo("waivers[0]");
    }

    @ParameterizedTest(name = "as of {0}: expired {1}")
    @CsvSource({"2027-01-30, false", "2027-01-31, false", "2027-02-01, true"})
    void wvr001_expiryEdges(String asOf, boolean expired) throws Exception {
        Report r = run(waivers(LOAD_006), asOf);
        assertThat(r.findings().stream().anyMatch(f -> f.ruleId().equals("WVR-001"))).as("WVR-001 as of " + asOf).isEqualTo(expired);
        assertThat(only(r, "LOAD-006").waived()).isEqualTo(!expired);
    }

    /** WVR-002: a waiver in this run's scope that matches no finding. */
    @Test
    void wvr002_waiverMatchesNothing() throws Exception {
        Report r = run(waivers("""
                waivers:
                  - rule: LOAD-006
                    file: erp.yaml
                    path: pipeline.extract
                    reason: wrong path
                    approved_by: lead
                """), "2026-12-01");
        Finding w = only(r, "WVR-002");
        assertThat(w.severity()).isEqualTo(Severity.P3);
        assertThat(w.message()).contains("waiver of LOAD-006 matches no finding of this pipeline run (file erp.yaml, path pipeline.extract)");
        assertThat(w.location().line()).isEqualTo(2);
        assertThat(only(r, "LOAD-006").active()).isTrue();
    }

    @Test
    void wvr002_nearMiss_aWaiverOfAnotherCommandOrFileIsNotUnused() throws Exception {
        Report r = run(waivers("""
                waivers:
                  - {rule: LINT-001, command: lint, reason: other command, approved_by: lead}
                  - {rule: LOAD-006, file: other.yaml, reason: other file, approved_by: lead}
                """), "2026-12-01");
        assertThat(r.findings()).noneMatch(f -> f.ruleId().startsWith("WVR-"));
    }

    /** WVR-003: an inline dece:ignore needs a rule ID and a reason; without them it waives nothing. */
    @Test
    void wvr003_inlineIgnoreWithoutReason() throws Exception {
        Files.writeString(spec, Files.readString(spec).replace("    strategy: \"truncate-reload\"", "    strategy: \"truncate-reload\"  # dece:ignore LOAD-006"));
        Report r = Dece.builder().build().pipeline(spec);
        Finding w = only(r, "WVR-003");
        assertThat(w.severity()).isEqualTo(Severity.P3);
        assertThat(w.message()).contains("\"# dece:ignore LOAD-006\" is not a waiver: it needs a rule ID and a reason");
        assertThat(w.location().line()).isEqualTo(22);
        assertThat(only(r, "LOAD-006").active()).isTrue();
    }

    @Test
    void wvr003_nearMiss_anInlineIgnoreWithAReasonWaives() throws Exception {
        Files.writeString(spec, Files.readString(spec).replace("    strategy: \"truncate-reload\"", "    # dece:ignore LOAD-006 nightly window is long enough\n    strategy: \"truncate-reload\""));
        Report r = Dece.builder().build().pipeline(spec);
        assertThat(r.findings()).noneMatch(f -> f.ruleId().startsWith("WVR-"));
        Finding f = only(r, "LOAD-006");
        assertThat(f.location().line()).isEqualTo(23);
        assertThat(f.suppression().kind()).isEqualTo(Suppression.Kind.INLINE);
        assertThat(f.suppression().reason()).isEqualTo("nightly window is long enough");
        assertThat(OutputFormat.SARIF.render(r)).contains("\"kind\" : \"inSource\"");
    }

    @Test
    void anUnusedInlineIgnoreIsWvr002() throws Exception {
        Files.writeString(spec, Files.readString(spec).replace("  owner:", "  # dece:ignore LOAD-006 not here\n  owner:"));
        Report r = Dece.builder().build().pipeline(spec);
        Finding w = only(r, "WVR-002");
        assertThat(w.location().line()).isEqualTo(4);
        assertThat(w.message()).contains("waiver of LOAD-006 matches no finding of this pipeline run (on line 4 or the line below)");
        assertThat(only(r, "LOAD-006").active()).isTrue();
    }

    @Test
    void aBaselineListsOnlyNewFindingsAndSurvivesMovedLines() throws Exception {
        Report before = Dece.builder().build().pipeline(dir);
        Path baseline = dir.resolve("baseline.json");
        Files.writeString(baseline, OutputFormat.JSON.render(before.forBaseline()));
        Files.move(baseline, dir.getParent().resolve(dir.getFileName() + "-baseline.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        baseline = dir.getParent().resolve(dir.getFileName() + "-baseline.json");
        // three lines on top move every finding down; a second pipeline brings new findings
        Files.writeString(spec, "# moved\n# by\n# three lines\n" + Files.readString(spec));
        Files.copy(Path.of("../dece-examples/pipelines/db/user_profiles.yaml"), dir.resolve("users.yaml"));

        Report after = Dece.builder().baseline(baseline).build().pipeline(dir);
        assertThat(after.knownCount()).isEqualTo(before.findings().size());
        assertThat(after.listed()).isNotEmpty().allMatch(f -> f.location().file().endsWith("users.yaml"));
        assertThat(after.findings().stream().filter(Finding::known).map(f -> f.location().line()))
                .contains(25); // LOAD-006, once line 22
        assertThat(OutputFormat.TEXT.render(after)).contains(before.findings().size() + " known from the baseline")
                .doesNotContain("erp.yaml:25");
        assertThat(OutputFormat.JSON.render(after)).contains("\"baselineKnown\" : " + before.findings().size());

        // near miss: a fixed finding leaves the baseline unused, a new finding of the same rule elsewhere is new
        Report fresh = Dece.builder().build().pipeline(dir);
        assertThat(fresh.knownCount()).isZero();
    }

    @Test
    void theSameFindingTwiceIsKnownOnlyAsOftenAsTheBaselineHeldIt() throws Exception {
        Path base = dir.getParent().resolve(dir.getFileName() + "-one.json");
        Files.writeString(base, """
                {"findings": [{"ruleId": "LOAD-006", "location": {"file": "%s", "line": 1, "path": "pipeline.load.strategy"}}]}
                """.formatted(spec.toString().replace("\\", "\\\\")));
        Report r = Dece.builder().baseline(base).build().pipeline(spec);
        assertThat(r.knownCount()).isEqualTo(1);
        assertThat(only(r, "LOAD-006").known()).isTrue();
        assertThat(only(r, "LOAD-007").known()).as("another rule on the same path is new").isFalse();
    }

    @Test
    void aBadWaiverFileIsLocated() throws IOException {
        Path w = waivers("""
                waivers:
                  - rule: LOAD-06
                    reason: ""
                    expires: next week
                    approver: lead
                """);
        assertThatThrownBy(() -> run(w, "2026-12-01")).isInstanceOf(InputException.class)
                .hasMessageContaining(".dece-waivers.yaml:2:11: waivers[0].rule: \"LOAD-06\" is not a rule ID; did you mean")
                .hasMessageContaining("waivers[0].reason: is empty")
                .hasMessageContaining("waivers[0].expires: \"next week\" is not a date; write YYYY-MM-DD")
                .hasMessageContaining("approver")
                .hasMessageContaining("approved_by: is required");
    }

    @Test
    void aBaselineThatIsNotAReportIsRefused() throws IOException {
        Path b = dir.resolve("b.json");
        Files.writeString(b, "{\"command\": \"pipeline\"}");
        assertThatThrownBy(() -> Dece.builder().baseline(b).build()).isInstanceOf(InputException.class)
                .hasMessageContaining("is not a DECE JSON report: expected a findings list");
    }
}
