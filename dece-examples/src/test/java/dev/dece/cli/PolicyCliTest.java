package dev.dece.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Waivers, baselines and {@code dece verify} as a user runs them: arguments in, text and an exit code out. */
class PolicyCliTest {

    static final String ERP = "pipelines/db/legacy_erp_invoices.yaml";

    @Test
    void verifyTheBundledTeamPolicy() {
        CliRun r = CliRun.dece("verify", "policy");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("PASS acme.test.yaml:3").endsWith("2 cases, 2 passed, 0 failed\n");
        CliRun j = CliRun.dece("verify", "policy", "--format", "junit");
        assertThat(j.code()).isEqualTo(0);
        assertThat(j.out()).startsWith("<?xml").contains("tests=\"2\" failures=\"0\"");
    }

    @Test
    void verifyExitsOneOnAFailedCaseAndTwoOnABadFolder(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("policy/acme.drl"), dir.resolve("acme.drl"));
        Files.copy(Path.of(ERP), dir.resolve("erp.yaml"));
        Files.writeString(dir.resolve("x.test.yaml"), "cases:\n  - {name: wrong, command: pipeline, input: erp.yaml, fires: [ACME-001]}\n");
        CliRun r = CliRun.dece("verify", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL x.test.yaml:2 wrong").contains("expected ACME-001; fired: ");
        CliRun bad = CliRun.dece("verify", dir.resolve("none").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("is not a directory").doesNotContain("Exception");
    }

    @Test
    void aWaiverKeepsTheFindingButNotTheExitCode(@TempDir Path dir) throws IOException {
        Path w = dir.resolve("w.yaml");
        Files.writeString(w, """
                waivers:
                  - {rule: LOAD-006, file: legacy_erp_invoices.yaml, reason: nightly window, approved_by: lead, expires: 2027-01-31}
                  - {rule: EXT-005, file: legacy_erp_invoices.yaml, reason: accepted, approved_by: lead}
                  - {rule: OPS-002, file: legacy_erp_invoices.yaml, reason: accepted, approved_by: lead}
                  - {rule: OPS-004, file: legacy_erp_invoices.yaml, reason: accepted, approved_by: lead}
                """);
        CliRun r = CliRun.dece("pipeline", ERP, "--waivers", w.toString(), "--waivers-as-of", "2026-12-01", "--fail-on", "P1");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("WAIVED: nightly window (approved by lead, until 2027-01-31;").contains(", 4 waived");
        CliRun late = CliRun.dece("pipeline", ERP, "--waivers", w.toString(), "--waivers-as-of", "2027-02-01", "--fail-on", "P1");
        assertThat(late.code()).isEqualTo(1);
        assertThat(late.out()).contains("WVR-001").contains("expired on 2027-01-31");
        CliRun bad = CliRun.dece("pipeline", ERP, "--waivers", w.toString(), "--waivers-as-of", "soon");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--waivers-as-of: \"soon\" is not a date; write YYYY-MM-DD");
    }

    @Test
    void writeABaselineThenOnlyNewFindingsCount(@TempDir Path dir) throws IOException {
        Path base = dir.resolve("baseline.json");
        CliRun first = CliRun.dece("pipeline", ERP, "--write-baseline", base.toString());
        assertThat(first.code()).isEqualTo(0);
        assertThat(Files.readString(base)).contains("\"ruleId\" : \"LOAD-006\"");
        CliRun again = CliRun.dece("pipeline", ERP, "--baseline", base.toString(), "--fail-on", "P3");
        assertThat(again.code()).isEqualTo(0);
        assertThat(again.out()).doesNotContain("LOAD-006").contains("0 findings").contains("6 known from the baseline");
        CliRun more = CliRun.dece("pipeline", ERP, "pipelines/db/user_profiles.yaml", "--baseline", base.toString(), "--fail-on", "P3");
        assertThat(more.code()).isEqualTo(1);
        assertThat(more.out()).contains("user_profiles.yaml").doesNotContain("legacy_erp_invoices.yaml:22");
    }
}
