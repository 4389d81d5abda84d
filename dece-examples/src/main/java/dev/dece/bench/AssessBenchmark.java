package dev.dece.bench;

import dev.dece.core.Dece;
import dev.dece.core.Prepared;
import dev.dece.core.input.InputException;
import dev.dece.core.report.Report;

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
import java.util.Comparator;
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
    private Path path;
    private String name;
    private String text;
    private Prepared prepared;

    @Setup
    public void setUp() throws InputException {
        path = brief.isEmpty() ? largestBrief() : Path.of(brief);
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        name = path.toString();
        dece = Dece.builder().build();
        prepared = dece.prepare("assess", path);
    }

    static Path largestBrief() {
        try (Stream<Path> s = Files.list(Path.of("dece-examples/briefs"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).max(Comparator.comparingLong(p -> p.toFile().length()))
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("run from the repository root: " + e.getMessage(), e);
        }
    }

    /** The whole call a user makes: parse YAML, bind, run every phase, assemble the report. */
    @Benchmark
    public Report assessFromText() throws InputException {
        return dece.assess(name, text);
    }

    /** Rules only: every phase over already-bound facts, report assembled. */
    @Benchmark
    public Report evaluateBoundFacts() throws InputException {
        return dece.evaluate(prepared);
    }

    /**
     * Like for like with the plain-Java baseline: only the architecture-pattern rule set (PAT-001..016)
     * fired over the same facts, with evidence, alternatives and the assembled report.
     */
    @Benchmark
    public Report architectureRulesOnly() throws InputException {
        return dece.evaluate(prepared, "assess.architecture");
    }

    /** Baseline: the architecture-pattern decision in plain Java over the same bound facts. */
    @Benchmark
    public List<String> plainJavaPatternDecision() {
        return PlainJavaPatterns.decide(prepared.facts());
    }

    /** Baseline: reading, YAML parsing and binding alone, the part of assess that is not rules. */
    @Benchmark
    public Prepared parseAndBind() throws InputException {
        return dece.prepare("assess", path);
    }
}
