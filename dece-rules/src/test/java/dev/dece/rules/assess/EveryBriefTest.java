package dev.dece.rules.assess;

import dev.dece.core.report.Recommendation;
import dev.dece.core.report.Report;
import dev.dece.rules.support.TestDece;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bundled brief and every brief file of the tests gets exactly one primary choice in each required slot:
 * an architecture pattern, a warehouse, a modeling methodology, an orchestrator, and a processing engine for
 * the batch consumers (and one for the real-time ones when there are any). The Assembler decides one winner
 * per slot by construction; this test fails when a slot is left with no candidate at all.
 */
class EveryBriefTest {

    static final Set<String> BATCH = Set.of("spark", "duckdb", "polars", "pandas", "warehouse-sql");
    static final Set<String> WAREHOUSE = Set.of("snowflake", "bigquery", "redshift", "databricks", "postgresql");
    static final Set<String> ORCHESTRATOR = Set.of("airflow", "dagster", "prefect", "temporal", "cron", "dbt");

    static Stream<Path> briefs() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("../dece-examples/briefs"))) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(out::add);
        }
        out.add(Path.of("../dece-examples/monitor/brief.yaml"));
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/assess/briefs"))) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(out::add);
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("briefs")
    void oneChoicePerRequiredSlot(Path brief) throws Exception {
        Report r = TestDece.DECE.assess(brief);
        assertThat(choices(r, "architecture.pattern")).as(brief + ": pattern").isNotEmpty();
        assertThat(choices(r, "storage")).filteredOn(WAREHOUSE::contains).as(brief + ": warehouse").hasSize(1);
        assertThat(choices(r, "modeling.methodology")).as(brief + ": modeling").isNotEmpty();
        assertThat(choices(r, "processing")).filteredOn(BATCH::contains).as(brief + ": batch processing").hasSize(1);
        // dbt appears twice in the table: as the orchestrator (its scheduler, ORC-018) or as the transform layer
        // beside one (ORC-008); only the first is an orchestrator choice
        List<String> orchestrators = r.recommendations().stream()
                .filter(x -> x.topic().equals("orchestration") && ORCHESTRATOR.contains(x.choice())
                        && !(x.choice().equals("dbt") && x.ruleId().equals("ORC-008")))
                .map(Recommendation::choice).toList();
        assertThat(orchestrators).as(brief + ": orchestrator").hasSize(1);
    }

    static List<String> choices(Report r, String topic) {
        return r.recommendations().stream().filter(x -> x.topic().equals(topic)).map(Recommendation::choice).toList();
    }
}
