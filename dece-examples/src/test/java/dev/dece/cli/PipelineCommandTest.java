package dev.dece.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** `dece pipeline`: inputs, --brief, --format, --fail-on and exit codes like `dece assess`. */
class PipelineCommandTest {


    static CliRun run(String... args) {
        return CliRun.dece(args);
    }

    @Test
    void reviewsAFileAndFailsOnASeverity() {
        CliRun ok = run("pipeline", "pipelines/db/legacy_erp_invoices.yaml");
        assertThat(ok.code()).isEqualTo(Main.OK);
        assertThat(ok.out()).contains("DECE pipeline: pipelines/db/legacy_erp_invoices.yaml", "EXT-005", "LOAD-006");
        CliRun failing = run("pipeline", "pipelines/db/legacy_erp_invoices.yaml", "--fail-on", "P1");
        assertThat(failing.code()).isEqualTo(Main.FINDINGS);
        CliRun clean = run("pipeline", "pipelines/db/customers.yaml", "--fail-on", "P3");
        assertThat(clean.code()).isEqualTo(Main.OK);
    }

    @Test
    void sarifAndJsonFormats() {
        CliRun sarif = run("pipeline", "pipelines/db/user_profiles.yaml", "--format", "sarif");
        assertThat(sarif.code()).isEqualTo(Main.OK);
        assertThat(sarif.out()).contains("\"version\" : \"2.1.0\"", "\"ruleId\" : \"IDEM-001\"", "\"startLine\" : 23");
        CliRun json = run("pipeline", "pipelines/drafts", "--format", "json");
        assertThat(json.out()).contains("\"kind\" : \"pipeline-template\"");
    }

    @Test
    void theBriefAddsTheConsumersLatency() {
        CliRun r = run("pipeline", "pipelines/db/user_profiles.yaml", "--brief", "briefs/shop-pipelines.yaml");
        assertThat(r.out()).contains("OPS-009");
        assertThat(run("pipeline", "pipelines/db/user_profiles.yaml").out()).doesNotContain("OPS-009");
    }

    @Test
    void badInputIsExitTwoWithLocatedMessages() {
        CliRun missing = run("pipeline", "no/such/dir");
        assertThat(missing.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(missing.err()).contains("dece: no/such/dir: no such file or directory");
        CliRun badBrief = run("pipeline", "pipelines/db/orders.yaml", "--brief", "pipelines/db/orders.yaml");
        assertThat(badBrief.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(badBrief.err()).contains("unknown key \"pipeline\"");
        CliRun badFormat = run("pipeline", "pipelines/db/orders.yaml", "--format", "xml");
        assertThat(badFormat.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(badFormat.err()).contains("use text, json, markdown, sarif or junit");
    }
}
