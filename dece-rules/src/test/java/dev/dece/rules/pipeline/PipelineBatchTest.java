package dev.dece.rules.pipeline;

import dev.dece.core.report.Report;
import dev.dece.rules.support.PipelineYaml;
import dev.dece.rules.support.TestDece;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One call with more pipelines than one rule session holds (the facade evaluates 500 per session) gives
 * every pipeline exactly the results it gets alone: nothing is lost between sessions or capped.
 */
class PipelineBatchTest {

    @Test
    void twelveHundredPipelinesInOneCallEachGetTheirOwnResults() throws Exception {
        PipelineYaml one = PipelineYaml.review().set("load.strategy", "append").set("error_handling.retry_delay_seconds", "0");
        Report alone = one.run();
        assertThat(alone.findings()).extracting(f -> f.ruleId()).containsExactly("IDEM-001", "OPS-003");

        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1_200; i++) {
            if (i > 0) many.append("---\n");
            many.append(one.set("name", "p" + i).yaml());
        }
        Report all = TestDece.DECE.pipeline("many.yaml", many.toString());
        Map<String, Long> byRule = all.findings().stream()
                .collect(Collectors.groupingBy(f -> f.ruleId(), TreeMap::new, Collectors.counting()));
        assertThat(byRule).containsExactly(Map.entry("IDEM-001", 1_200L), Map.entry("OPS-003", 1_200L));
        assertThat(all.artifacts()).hasSize(1_200);
        assertThat(all.recommendations()).hasSize(1_200 * alone.recommendations().size());
        assertThat(all.findings().get(1_199).location().line()).isGreaterThan(all.findings().get(0).location().line());
    }
}
