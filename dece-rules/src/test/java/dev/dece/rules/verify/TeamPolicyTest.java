package dev.dece.rules.verify;

import dev.dece.core.Dece;
import dev.dece.core.RuleVerifier;
import dev.dece.core.input.InputException;
import dev.dece.core.report.CheckOutcome;
import dev.dece.core.report.OutputFormat;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bundled example team policy (dece-examples/policy: ACME-001, ACME-002, a threshold override, YAML cases) through
 * the Java test kit and through {@code Dece.verify}, with the real rule base.
 */
class TeamPolicyTest {

    static final Path POLICY = Path.of("../dece-examples/policy");

    static RuleVerifier acme() throws InputException {
        return RuleVerifier.of(Dece.builder().addRules(POLICY.resolve("acme.drl")).policyFile(POLICY.resolve("policy.yaml")).build());
    }

    @Test
    void acme001_aPipelineWithoutAnOwner() throws Exception {
        RuleVerifier v = acme();
        v.given("pipeline", POLICY.resolve("cases/no-owner.yaml"))
                .expect("ACME-001").severity(Severity.P1).topic("acme.ownership").messageContains("names no owner").at("pipeline.owner")
                .and().expectNo("ACME-002");
        // near miss: the same pipeline with its owner
        v.given("pipeline", POLICY.resolve("cases/erp-nightly.yaml")).expectNo("ACME-001");
    }

    @Test
    void acme002_aCriticalPipelineThatNeverRetries() throws Exception {
        RuleVerifier v = acme();
        v.given("pipeline", POLICY.resolve("cases/erp-nightly.yaml"))
                .expect("ACME-002").severity(Severity.P2).topic("acme.reliability").at("pipeline.error_handling.max_retries").line(32);
        v.given("pipeline", POLICY.resolve("cases/no-owner.yaml")).expectNo("ACME-002");
    }

    @Test
    void theThresholdOverrideLetsTheErpDumpTruncateReload() throws Exception {
        acme().given("pipeline", POLICY.resolve("cases/erp-nightly.yaml")).expectNo("LOAD-006");
        RuleVerifier.of(Dece.builder().build()).given("pipeline", POLICY.resolve("cases/erp-nightly.yaml"))
                .expect("LOAD-006").severity(Severity.P1);
    }

    @Test
    void aFailedExpectationSaysWhatFiredInstead() throws Exception {
        RuleVerifier v = acme();
        RuleVerifier.Given g = v.given("pipeline", POLICY.resolve("cases/erp-nightly.yaml"));
        assertThatThrownBy(() -> g.expect("ACME-001")).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected ACME-001 to fire; fired instead: ").hasMessageContaining("ACME-002 P2 acme.reliability at ");
        assertThatThrownBy(() -> g.expect("ACME-002").severity(Severity.P1)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected ACME-002 with severity P1; it fired: ACME-002 P2");
        assertThatThrownBy(() -> g.expectNo("LOAD-007")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected LOAD-007 not to fire; it fired: LOAD-007 P2 load.strategy");
        assertThatThrownBy(() -> v.given("schema-change", POLICY.resolve("cases/erp-nightly.yaml")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use one of assess, pipeline");
    }

    @Test
    void aDocumentHeldInMemory() throws Exception {
        String yaml = Files.readString(POLICY.resolve("cases/erp-nightly.yaml")).replace("  owner: \"finance-data\"\n", "");
        acme().given("pipeline", "inline.yaml", yaml).expect("ACME-001").at("pipeline.owner");
    }

    @Test
    void verifyRunsTheBundledCases() throws Exception {
        Report r = Dece.verify(POLICY);
        assertThat(r.command()).isEqualTo("verify");
        assertThat(r.checks()).hasSize(2).allMatch(c -> c.status() == CheckOutcome.Status.PASS);
        assertThat(r.artifacts().get(0).content()).endsWith("2 cases, 2 passed, 0 failed\n");
        assertThat(OutputFormat.JUNIT.render(r)).contains("tests=\"2\" failures=\"0\"").contains("classname=\"dece.verify.acme.test.yaml\"");
    }

    @Test
    void aFailingCaseSaysWhatFired(@TempDir Path dir) throws Exception {
        Files.copy(POLICY.resolve("acme.drl"), dir.resolve("acme.drl"));
        Files.createDirectory(dir.resolve("cases"));
        Files.copy(POLICY.resolve("cases/erp-nightly.yaml"), dir.resolve("cases/erp.yaml"));
        Files.writeString(dir.resolve("wrong.test.yaml"), """
                cases:
                  - name: expects the wrong severity and forgets the default threshold
                    command: pipeline
                    input: cases/erp.yaml
                    fires:
                      - {rule: ACME-002, severity: P1}
                    does_not_fire: [LOAD-006]
                """);
        Report r = Dece.verify(dir);
        CheckOutcome c = r.checks().get(0);
        assertThat(c.status()).isEqualTo(CheckOutcome.Status.FAIL);
        assertThat(c.detail()).contains("expected ACME-002 P1; fired: ACME-002 P2 acme.reliability")
                .contains("expected LOAD-006 not to fire; it fired: LOAD-006 P1");
        assertThat(r.artifacts().get(0).content()).startsWith("FAIL wrong.test.yaml:2 ").endsWith("1 cases, 0 passed, 1 failed\n");
        assertThat(OutputFormat.JUNIT.render(r)).contains("failures=\"1\"");
    }

    @Test
    void aBadCaseFileIsLocated(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.test.yaml"), """
                cases:
                  - name: typo
                    command: pipline
                    input: missing.yaml
                    fire: [ACME-001]
                """);
        assertThatThrownBy(() -> Dece.verify(dir)).isInstanceOf(InputException.class)
                .hasMessageContaining("bad.test.yaml:3:14: cases[0].command: \"pipline\" is not a command a case runs; use one of assess, pipeline")
                .hasMessageContaining("cases[0].input: \"missing.yaml\" is not a file next to bad.test.yaml")
                .hasMessageContaining("fire");
        assertThatThrownBy(() -> Dece.verify(dir.resolve("nothing"))).isInstanceOf(InputException.class)
                .hasMessageContaining("is not a directory");
    }

    @Test
    void aFolderWithoutCasesIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> Dece.verify(dir)).isInstanceOf(InputException.class).hasMessageContaining("holds no *.test.yaml case file");
    }
}
