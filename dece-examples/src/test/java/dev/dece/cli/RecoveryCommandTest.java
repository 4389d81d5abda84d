package dev.dece.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The recovery command on the bundled posture, as a user runs it. */
class RecoveryCommandTest {

    @Test
    void theBundledPostureShowsItsTwoGapsAndThePlan() {
        CliRun r = CliRun.dece("recovery", "recovery/platform.yaml");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("DR-002").contains("DR-005").doesNotContain("DR-001").contains("ARTIFACT recovery-plan: disaster-recovery.md");
        assertThat(CliRun.dece("recovery", "recovery/platform.yaml", "--fail-on", "P2").code()).isEqualTo(1);
        CliRun bad = CliRun.dece("recovery", "pipelines/db/customers.yaml");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("dece: pipelines/db/customers.yaml:2:1: pipeline: unknown key \"pipeline\"").contains("disaster_recovery: is required");
    }
}
