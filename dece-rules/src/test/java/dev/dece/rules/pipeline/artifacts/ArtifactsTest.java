package dev.dece.rules.pipeline.artifacts;

import dev.dece.core.report.Artifact;
import dev.dece.core.report.Report;

import org.junit.jupiter.api.Test;

import static dev.dece.rules.support.PipelineYaml.design;
import static dev.dece.rules.support.PipelineYaml.review;
import static dev.dece.rules.support.Results.choices;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Artifacts.drl: a spec that triggers it and a near miss that must not. */
class ArtifactsTest {

    static String runTwice(Report r) {
        return r.artifacts().stream().filter(a -> a.kind().equals("idempotency-test")).findFirst().orElseThrow().content();
    }

    @Test
    void idem007_runItTwiceTestForEveryPipeline() {
        Report hit = review().run();
        assertThat(hit.artifacts()).extracting(Artifact::kind, Artifact::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("idempotency-test", "orders.run-twice.sql"));
        String sql = hit.artifacts().get(0).content();
        // Snowflake target: names quoted as Snowflake stores unquoted ones
        assertThat(sql).contains("IDEM-007", "load strategy: upsert\n", "WHERE \"ORDER_DATE\" IN (${window})", "EXCEPT",
                "GROUP BY \"ORDER_ID\" HAVING COUNT(*) > 1", "watermark (state table pipeline_state)");

        // a spec in design mode gets the test for the strategy DECE recommends for it, never "not chosen yet"
        Report designed = design().set("load.data_profile.nature", "mutable").run();
        String chosen = choices(designed, "load.strategy").get(0);
        assertThat(runTwice(designed)).contains("IDEM-007", "load strategy: " + chosen + " (recommended by DECE)")
                .doesNotContain("not chosen yet");

        Report miss = design().remove("load.target_system").run();
        assertThat(miss.artifacts()).extracting(Artifact::kind).doesNotContain("idempotency-test");
    }
}
