package dev.dece.bench;

import dev.dece.core.Dece;
import dev.dece.core.report.Recommendation;
import dev.dece.core.report.Report;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's plain-Java baseline must make the same pattern decision as the rules, or the ratio means nothing. */
class PlainJavaPatternsTest {

    @Test
    void baselineAgreesWithTheRulesOnEveryBundledBrief() throws Exception {
        Dece dece = Dece.builder().build();
        List<Path> briefs;
        try (Stream<Path> s = Files.list(Path.of("briefs"))) {
            briefs = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(briefs).isNotEmpty();
        for (Path p : briefs) {
            Report r = dece.assess(p);
            List<String> rules = r.recommendations("architecture.pattern").stream().map(Recommendation::choice).sorted().toList();
            List<Object> facts = dece.prepare("assess", p).facts();
            List<String> plain = PlainJavaPatterns.decide(facts).stream().sorted().toList();
            assertThat(plain).as(p.toString()).isEqualTo(rules);
        }
    }
}
