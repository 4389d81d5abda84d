package dev.dece.bench;

import dev.dece.core.Dece;
import dev.dece.core.Policy;
import dev.dece.core.engine.Assembler;
import dev.dece.core.engine.RuleBase;
import dev.dece.core.Report;
import dev.dece.core.brief.BriefBinder;
import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.doc.InputException;
import dev.dece.core.doc.Limits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Set;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Warm {@code assess} on the largest bundled brief, beside a plain-Java implementation of the
 * architecture-pattern decision over the same facts. Sample mode gives p50/p99 per call.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -cp "dece-examples/target/dece-examples-0.1.0.jar:dece-examples/target/lib/*" org.openjdk.jmh.Main AssessBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AssessBenchmark {

    /** A brief file; empty means the largest file in dece-examples/briefs. */
    @Param({""})
    public String brief;

    private Dece dece;
    private String name;
    private String text;
    private List<Object> facts;
    private List<Object> factsWithPolicy;
    private RuleBase ruleBase;

    @Setup
    public void setUp() throws InputException {
        Path p = brief.isEmpty() ? largestBrief() : Path.of(brief);
        try {
            text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        name = p.toString();
        dece = Dece.builder().build();
        facts = BriefBinder.bind(new DocumentLoader(Limits.DEFAULT).load(name, text.getBytes(StandardCharsets.UTF_8)));
        factsWithPolicy = new ArrayList<>(facts);
        factsWithPolicy.add(0, Policy.defaults());
        ruleBase = RuleBase.load(getClass().getClassLoader(), List.of());
    }

    static Path largestBrief() {
        try (Stream<Path> s = Files.list(Path.of("dece-examples/briefs"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).max(Comparator.comparingLong(p -> p.toFile().length()))
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("run from the repository root: " + e.getMessage(), e);
        }
    }

    /** The whole call a user makes: parse YAML, bind, fire every rule set, assemble the report. */
    @Benchmark
    public Report assessFromText() throws InputException {
        return dece.assess(name, text);
    }

    /** Rules only: every rule set fired over already-bound facts, report assembled. */
    @Benchmark
    public Report evaluateBoundFacts() {
        return dece.evaluate("assess", List.of(name), facts);
    }

    /**
     * Like for like with the plain-Java baseline: only the architecture-pattern rule set (PAT-001..016)
     * fired over the same facts, with evidence, alternatives and the assembled report.
     */
    @Benchmark
    public Report architectureRulesOnly() {
        return Assembler.assemble("assess", List.of(name),
                ruleBase.evaluate(Set.of("architecture"), factsWithPolicy, Set.of()));
    }

    /** Baseline: the architecture-pattern decision in plain Java over the same bound facts. */
    @Benchmark
    public List<String> plainJavaPatternDecision() {
        return PlainJavaPatterns.decide(facts);
    }

    /** Baseline: YAML parsing and binding alone, the part of assess that is not rules. */
    @Benchmark
    public List<Object> parseAndBind() throws InputException {
        return BriefBinder.bind(new DocumentLoader(Limits.DEFAULT).load(name, text.getBytes(StandardCharsets.UTF_8)));
    }
}
