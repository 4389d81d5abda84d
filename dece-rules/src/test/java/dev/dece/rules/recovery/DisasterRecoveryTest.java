package dev.dece.rules.recovery;

import dev.dece.core.input.InputException;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.TestDece;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.dece.rules.support.Results.findings;
import static dev.dece.rules.support.Results.fired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One test per rule of DisasterRecovery.drl: a posture that triggers it and a near miss, through the real reader. */
class DisasterRecoveryTest {

    @TempDir
    Path dir;

    /** A posture that covers all five scenarios. */
    static final String COVERED = """
            disaster_recovery:
              code_in_git: true
              orchestrator_state_backed_up: true
              time_travel_days: 7
              snapshots: daily
              incremental_catch_up: true
              dr_region: eu-west-2
              credential_rotation: automated
              access_audit_logs: true
            """;

    Report review(String yaml) {
        try {
            Path f = Files.writeString(dir.resolve("platform.yaml"), yaml);
            return TestDece.DECE.recovery(f);
        } catch (IOException | InputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static String with(String key, String value) {
        return COVERED.replaceAll("(?m)^  " + key + ":.*$", "  " + key + ": " + value);
    }

    @Test
    void aCoveredPostureHasNoFindingsAndAPlanOfFiveCoveredScenarios() {
        Report r = review(COVERED);
        assertThat(r.findings()).isEmpty();
        String plan = r.artifacts().get(0).content();
        assertThat(plan.lines().filter(l -> l.endsWith("| yes |"))).hasSize(5);
        assertThat(plan).contains("| Cloud region outage | 24h | 8h | Failover to DR region (eu-west-2) | yes |");
    }

    @Test
    void dr001_pipelineCodeIsInGit() {
        Finding f = findings(review(with("code_in_git", "false")), "DR-001").get(0);
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.message()).contains("not in git").contains("RPO of 0");
        assertThat(f.location().path()).isEqualTo("disaster_recovery.code_in_git");
        assertThat(f.location().line()).isEqualTo(2);
        assertThat(findings(review(COVERED.replace("  code_in_git: true\n", "")), "DR-001").get(0).message()).contains("not stated to be in git");
        assertThat(fired(review(COVERED), "DR-001")).isFalse();
    }

    @Test
    void dr002_orchestratorStateCanBeRestored() {
        Report hit = review(with("orchestrator_state_backed_up", "false"));
        assertThat(findings(hit, "DR-002")).singleElement().satisfies(f -> assertThat(f.message()).contains("watermarks"));
        assertThat(hit.artifacts().get(0).content()).contains("| no: orchestrator state not backed up |");
        // code not in git: DR-001 says it; DR-002 waits for it
        assertThat(fired(review(with("code_in_git", "false").replace("orchestrator_state_backed_up: true", "orchestrator_state_backed_up: false")), "DR-002")).isFalse();
        assertThat(fired(review(COVERED), "DR-002")).isFalse();
    }

    @Test
    void dr003_corruptedWarehouseDataCanBeRestored() {
        Report hit = review(with("time_travel_days", "0").replace("snapshots: daily", "snapshots: none"));
        assertThat(findings(hit, "DR-003")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("4h RTO");
        });
        assertThat(fired(review(with("time_travel_days", "0")), "DR-003")).isFalse();   // snapshots alone restore
        assertThat(fired(review(COVERED.replace("snapshots: daily", "snapshots: none")), "DR-003")).isFalse();
    }

    @Test
    void dr004_extractionsCatchUpAfterASourceOutage() {
        assertThat(findings(review(with("incremental_catch_up", "false")), "DR-004")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.P2));
        assertThat(fired(review(COVERED), "DR-004")).isFalse();
    }

    @Test
    void dr005_aDrRegionForARegionOutage() {
        Report hit = review(with("dr_region", ""));
        assertThat(findings(hit, "DR-005")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).contains("waits for the provider");
        });
        assertThat(hit.artifacts().get(0).content()).contains("| Failover to DR region if configured, else wait | no: no DR region: wait for the provider |");
        assertThat(fired(review(COVERED), "DR-005")).isFalse();
    }

    @Test
    void dr006_credentialsCanBeRotated() {
        Finding f = findings(review(with("credential_rotation", "none")), "DR-006").get(0);
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.message()).contains("Credential rotation is none").contains("2h RTO");
        assertThat(fired(review(with("credential_rotation", "documented")), "DR-006")).isFalse();
        assertThatThrownBy(() -> TestDece.DECE.recovery(Files.writeString(dir.resolve("bad.yaml"), with("credential_rotation", "yearly"))))
                .isInstanceOf(InputException.class).hasMessageContaining("\"yearly\" is not a rotation; use automated, documented or none");
    }

    @Test
    void dr007_accessIsLoggedForACompromiseAudit() {
        assertThat(findings(review(with("access_audit_logs", "false")), "DR-007")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("nobody can tell what was read or changed"));
        assertThat(fired(review(COVERED), "DR-007")).isFalse();
    }
}
