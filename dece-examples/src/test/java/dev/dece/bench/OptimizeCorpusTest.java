package dev.dece.bench;

import dev.dece.core.Dece;
import dev.dece.core.optimize.OptimizeOptions;
import dev.dece.core.report.Report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's corpus: DECE finds every checklist pattern it plants, and no other checklist finding (recall and precision 100%). */
class OptimizeCorpusTest {

    @Test
    void everyPlantedPatternIsFoundAndNothingElse(@TempDir Path dir) throws Exception {
        OptimizeCorpus.Corpus c = OptimizeCorpus.generate(dir, 5 * (OptimizeCorpus.PLANTED.size() + 1), 7);
        Report r = Dece.builder().build().optimize(List.of(c.queries()), OptimizeOptions.defaults().withTables(List.of(c.tables())));
        assertThat(c.planted().values().stream().filter(s -> !s.isEmpty()).count()).isEqualTo(5L * OptimizeCorpus.PLANTED.size());
        double[] q = OptimizeBenchmark.recall(c, r);
        assertThat(q[0]).as("recall").isEqualTo(1.0);
        assertThat(q[1]).as("precision").isEqualTo(1.0);
        assertThat(r.findings()).noneMatch(f -> f.ruleId().equals("SQL-012"));
    }
}
