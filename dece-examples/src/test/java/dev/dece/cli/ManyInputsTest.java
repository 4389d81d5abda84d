package dev.dece.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Many inputs in one run: files, directories and globs, one report each or one combined, with one engine. */
class ManyInputsTest {

    @TempDir Path dir;

    static final String A = "briefs/retail-batch.yaml";
    static final String B = "briefs/realtime-fraud.yaml";

    @Test
    void twoBriefsGiveTwoReportsEachTheSameAsItsOwnRun() throws Exception {
        CliRun both = CliRun.dece("assess", A, B, "--format", "json");
        assertThat(both.code()).as(both.err()).isZero();
        JsonNode reports = new ObjectMapper().readTree(both.out());
        assertThat(reports.isArray()).isTrue();
        assertThat(reports).hasSize(2);
        // each element is exactly what the input's own run prints
        ObjectMapper m = new ObjectMapper();
        assertThat(reports.get(0)).isEqualTo(m.readTree(CliRun.dece("assess", A, "--format", "json").out()));
        assertThat(reports.get(1)).isEqualTo(m.readTree(CliRun.dece("assess", B, "--format", "json").out()));
        CliRun text = CliRun.dece("assess", A, B);
        assertThat(text.out()).startsWith("==> " + A + " <==\n").contains("\n==> " + B + " <==\n");
    }

    @Test
    void aDirectoryIsReadInPathOrderAndCombinedIntoOneReport() throws Exception {
        Files.copy(Path.of(A), dir.resolve("b.yaml"));
        Files.copy(Path.of(B), dir.resolve("a.yaml"));
        Files.writeString(dir.resolve("notes.txt"), "not a brief");
        CliRun r = CliRun.dece("assess", dir.toString(), "--combined", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("inputs").toString()).isEqualTo("[\"" + dir.resolve("a.yaml") + "\",\"" + dir.resolve("b.yaml") + "\"]");
        assertThat(report.get("findings").size()).isEqualTo(
                new ObjectMapper().readTree(CliRun.dece("assess", B, "--format", "json").out()).get("findings").size()
                        + new ObjectMapper().readTree(CliRun.dece("assess", A, "--format", "json").out()).get("findings").size());
    }

    @Test
    void aQuotedGlobIsExpandedAndOneBadInputStillLetsTheOthersRun() throws Exception {
        Files.createDirectories(dir.resolve("x/y"));
        Files.copy(Path.of(A), dir.resolve("x/one.yaml"));
        Files.copy(Path.of(B), dir.resolve("x/y/two.yaml"));
        Files.writeString(dir.resolve("x/y/bad.yaml"), "brief: [unclosed\n");
        CliRun r = CliRun.dece("assess", dir + "/x/**/*.yaml", "--format", "sarif");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().satisfies(l -> assertThat(l).startsWith("dece: " + dir.resolve("x/y/bad.yaml") + ":2:"));
        JsonNode sarif = new ObjectMapper().readTree(r.out());
        assertThat(sarif.get("runs")).hasSize(2);
    }

    @Test
    void aGlobOrDirectoryWithNothingToReadIsBadInputNotAnEmptyRun() throws Exception {
        CliRun none = CliRun.dece("assess", dir + "/*.yaml");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("matches no file");
        CliRun empty = CliRun.dece("quality", dir.toString());
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("is a directory with no file this command reads");
    }

    @Test
    void junitHasOneSuitePerContractAndFailOnLooksAtEveryReport() {
        CliRun r = CliRun.dece("quality", "contracts/orders.contract.yaml", "contracts/orders.odcs.yaml", "--jdbc", "jdbc:duckdb:",
                "--seed", "contracts/orders.seed.sql", "--format", "junit", "--fail-on", "P1");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out().split("<testsuite ", -1)).hasSize(3);
        assertThat(r.out()).contains("name=\"dece quality contracts/orders.contract.yaml\"").contains("name=\"dece quality contracts/orders.odcs.yaml\"");
    }

    @Test
    void qualityJobsOutsideOneToSixteenAreRefused() {
        CliRun r = CliRun.dece("quality", "contracts/orders.contract.yaml", "--jobs", "17");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--jobs: 17 is not 1 to 16");
        CliRun same = CliRun.dece("quality", "contracts/orders.contract.yaml", "--jdbc", "jdbc:duckdb:", "--seed", "contracts/orders.seed.sql", "--jobs", "3", "--format", "json");
        CliRun one = CliRun.dece("quality", "contracts/orders.contract.yaml", "--jdbc", "jdbc:duckdb:", "--seed", "contracts/orders.seed.sql", "--per-check", "--format", "json");
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(same.out()).isEqualTo(one.out());
    }
}
