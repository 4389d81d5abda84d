package dev.dece.rules.pipeline;

import dev.dece.core.input.InputException;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.Report;
import dev.dece.rules.support.TestDece;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests of the completed Universal Pipeline Template (design mode): each spec under
 * src/test/resources/pipeline/golden/ must complete to exactly its {@code .expected.yaml}. To accept a
 * deliberate change, run with {@code -Ddece.golden.update=true} and review the diff.
 */
class PipelineTemplateGoldenTest {

    static final Path DIR = Path.of("src/test/resources/pipeline/golden");

    @ParameterizedTest
    @ValueSource(strings = {"db-incremental", "kafka-events", "api-reference", "s3-files"})
    void completedTemplateMatchesTheGoldenFile(String name) throws IOException, InputException {
        String spec = Files.readString(DIR.resolve(name + ".yaml"));
        String brief = Files.readString(DIR.resolve("brief.yaml"));
        Report r = name.equals("kafka-events")
                ? TestDece.DECE.pipeline(name + ".yaml", spec, "brief.yaml", brief)
                : TestDece.DECE.pipeline(name + ".yaml", spec);
        Artifact template = r.artifacts().stream().filter(a -> a.kind().equals("pipeline-template")).findFirst().orElseThrow();
        Path expected = DIR.resolve(name + ".expected.yaml");
        if (Boolean.getBoolean("dece.golden.update")) {
            Files.writeString(expected, template.content(), StandardCharsets.UTF_8);
        }
        assertThat(template.content()).isEqualTo(Files.readString(expected));
        // the completed template is itself a valid spec, and complete: it reviews, it is not designed again
        Report again = TestDece.DECE.pipeline(template.name(), template.content());
        assertThat(again.artifacts()).extracting(Artifact::kind).doesNotContain("pipeline-template");
    }
}
