package dev.dece.examples;

import dev.dece.core.Dece;
import dev.dece.core.input.InputException;
import dev.dece.core.report.Recommendation;
import dev.dece.core.report.Report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bundled brief is valid and says what its scenario is about; the facade example runs. */
class ExampleBriefsTest {

    static final Path BRIEFS = Path.of("briefs");
    static Dece dece;

    @BeforeAll
    static void build() throws InputException {
        dece = Dece.builder().build();
    }

    static List<Path> briefs() throws IOException {
        try (Stream<Path> s = Files.list(BRIEFS)) {
            return s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
        }
    }

    static List<String> choices(Report r) {
        return r.recommendations().stream().map(Recommendation::choice).toList();
    }

    @Test
    void everyBundledBriefIsAssessedWithoutError() throws IOException, InputException {
        List<Path> all = briefs();
        assertThat(all).extracting(p -> p.getFileName().toString())
                .contains("retail-batch.yaml", "realtime-fraud.yaml", "ml-platform.yaml", "multi-domain-enterprise.yaml");
        for (Path p : all) {
            Report r = dece.assess(p);
            assertThat(r.recommendations("architecture.pattern")).as(p.toString()).isNotEmpty();
        }
    }

    @Test
    void retailBatchIsBatchEtl() throws InputException {
        assertThat(choices(dece.assess(BRIEFS.resolve("retail-batch.yaml")))).contains("batch-etl");
    }

    @Test
    void realtimeFraudIsKappaBecauseTheStreamCanBeReplayed() throws InputException {
        Report r = dece.assess(BRIEFS.resolve("realtime-fraud.yaml"));
        Recommendation primary = r.recommendations("architecture.pattern").get(0);
        assertThat(primary.choice()).isEqualTo("kappa");
        assertThat(primary.alternatives()).extracting(a -> a.choice()).contains("lambda", "streaming");
    }

    @Test
    void mlPlatformGetsAFeatureStoreAndALakehouse() throws InputException {
        assertThat(choices(dece.assess(BRIEFS.resolve("ml-platform.yaml")))).contains("feature-store", "lakehouse");
    }

    @Test
    void multiDomainEnterpriseGetsADataMesh() throws InputException {
        Report r = dece.assess(BRIEFS.resolve("multi-domain-enterprise.yaml"));
        assertThat(choices(r)).contains("data-mesh", "lakehouse", "kappa");
        Recommendation mesh = r.recommendations().stream().filter(x -> x.choice().equals("data-mesh")).findFirst().orElseThrow();
        assertThat(mesh.ruleId()).isEqualTo("PAT-011");
        assertThat(mesh.rationale()).startsWith("9 data teams and 6 source domains");
    }

    @Test
    void assessExamplePrintsRecommendationsAlternativesAndFindings() throws InputException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = AssessExample.run(dece, BRIEFS.resolve("realtime-fraud.yaml"), new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(0);
        assertThat(out).contains("Recommendations for realtime-fraud.yaml:").contains("kappa").contains("[PAT-005]")
                .contains("because current_state.sources[0].replayable = true").contains("instead of lambda: ");
    }

    @Test
    void assessExampleShowsInputProblems(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "project_name: x\ndata_consumers:\n  - latency_requirement: soon\n");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = AssessExample.run(dece, bad, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(buf.toString(StandardCharsets.UTF_8).strip()).isEqualTo("cannot use " + bad
                + " line 3 at data_consumers[0].latency_requirement: \"soon\" is not a latency; "
                + "use one of real-time (<1s), near-real-time (<5min), batch (hourly+)");
    }
}
