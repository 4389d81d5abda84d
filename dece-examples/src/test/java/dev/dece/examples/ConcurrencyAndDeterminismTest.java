package dev.dece.examples;

import dev.dece.core.Dece;
import dev.dece.core.input.InputException;
import dev.dece.core.report.OutputFormat;
import dev.dece.core.report.Report;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * One {@link Dece} shared by many threads gives exactly the sequential answers, and the same input always
 * gives byte-identical output in every format, from the same or a fresh instance.
 */
class ConcurrencyAndDeterminismTest {

    static final int THREADS = 8;
    static final int ROUNDS = 20;

    static Map<Path, String> assessAll(Dece dece, List<Path> briefs, OutputFormat format) throws InputException {
        Map<Path, String> out = new LinkedHashMap<>();
        for (Path p : briefs) out.put(p, format.render(dece.assess(p)));
        return out;
    }

    @Test
    void eightThreadsSharingOneInstanceGetTheSequentialResults() throws Exception {
        List<Path> briefs = ExampleBriefsTest.briefs();
        Dece dece = Dece.builder().build();
        Map<Path, String> sequential = assessAll(dece, briefs, OutputFormat.JSON);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                final int offset = t;
                Callable<List<String>> job = () -> {
                    start.await();
                    List<String> mismatches = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int i = 0; i < briefs.size(); i++) {
                            // each thread walks the briefs from a different place, so different briefs overlap
                            Path p = briefs.get((i + offset + round) % briefs.size());
                            String json = OutputFormat.JSON.render(dece.assess(p));
                            if (!json.equals(sequential.get(p))) mismatches.add(p + " in round " + round);
                        }
                    }
                    return mismatches;
                };
                futures.add(pool.submit(job));
            }
            start.countDown();
            List<String> mismatches = new ArrayList<>();
            assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
                for (Future<List<String>> f : futures) mismatches.addAll(f.get());
            });
            assertThat(mismatches).as("reports that differ from the sequential run").isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sameInputGivesByteIdenticalOutputInEveryFormat() throws InputException, IOException {
        List<Path> briefs = ExampleBriefsTest.briefs();
        Dece one = Dece.builder().build();
        Dece fresh = Dece.builder().build();
        for (OutputFormat f : OutputFormat.values()) {
            Map<Path, String> first = assessAll(one, briefs, f);
            assertThat(assessAll(one, briefs, f)).as("same instance, " + f).isEqualTo(first);
            assertThat(assessAll(fresh, briefs, f)).as("fresh instance, " + f).isEqualTo(first);
        }
    }

    @Test
    void inMemoryAndFileInputGiveTheSameReport() throws Exception {
        Dece dece = Dece.builder().build();
        for (Path p : ExampleBriefsTest.briefs()) {
            Report fromFile = dece.assess(p);
            Report fromText = dece.assess(p.toString(), java.nio.file.Files.readString(p));
            assertThat(OutputFormat.JSON.render(fromText)).isEqualTo(OutputFormat.JSON.render(fromFile));
        }
    }
}
