package dev.dece.core.pipeline;

import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.drl.ErrorStrategy;
import dev.dece.core.drl.Extract;
import dev.dece.core.drl.ExtractStrategy;
import dev.dece.core.drl.LoadStrategy;
import dev.dece.core.drl.Nature;
import dev.dece.core.drl.Pipeline;
import dev.dece.core.drl.SourceType;
import dev.dece.core.drl.Tier;
import dev.dece.core.drl.TransformEngine;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;
import dev.dece.core.input.Problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Binding of Universal Pipeline Template documents: fields, extensions, modes, located errors. */
class PipelineBinderTest {

    static final DocumentLoader LOADER = new DocumentLoader(Limits.DEFAULT);

    static List<Pipeline> bind(String yaml) throws InputException {
        return PipelineBinder.bind(LOADER.load("p.yaml", yaml.getBytes(StandardCharsets.UTF_8)), List.of());
    }

    static List<Problem> problems(String yaml) {
        try {
            bind(yaml);
        } catch (InputException e) {
            return e.problems();
        }
        throw new AssertionError("expected input problems");
    }

    static final String FULL = """
            pipeline:
              name: "orders"
              owner: "data-platform"
              schedule: "0 2 * * *"
              sla_minutes: 45
              tier: 1
              extract:
                source_system: "postgres"
                connection: "orders_ro"
                strategy: "CDC"
                incremental_key: ""
                watermark_storage: "state table"
                source_profile: {supports_cdc: true, row_count: 1_000, hard_deletes: true}
              transform:
                engine: "dbt"
                stages:
                  - name: "clean"
                    operations: [dedupe, trim]
              load:
                target_system: "snowflake"
                strategy: "merge"
                merge_keys: [order_id]
                partition_key: "order_date"
                clustering_keys: []
                data_profile: {nature: mutable, daily_gb: 1.5, retention_days: 365, data_type: transactional, key_cardinality: 3}
              quality_gates:
                pre_load: [schema]
                post_load: []
              error_handling:
                strategy: "dead-letter"
                max_retries: 3
                retry_delay_seconds: 300
                alert_channels: [pagerduty]
            """;

    @Test
    void bindsEveryTemplateFieldAndTheExtensions() throws InputException {
        Pipeline p = bind(FULL).get(0);
        assertThat(p.name()).isEqualTo("orders");
        assertThat(p.mode()).isEqualTo(Pipeline.Mode.REVIEW);
        assertThat(p.schedule().minGapMinutes()).isEqualTo(1440);
        assertThat(p.slaMinutes()).isEqualTo(45);
        assertThat(p.tier()).isEqualTo(Tier.CRITICAL);
        assertThat(p.extract().strategy()).isEqualTo(ExtractStrategy.CDC);
        assertThat(p.extract().incrementalKey()).isNull();   // "" is the template's placeholder
        assertThat(p.extract().watermark()).isEqualTo(Extract.Watermark.EXTERNAL);
        assertThat(p.extract().source().type()).isEqualTo(SourceType.DATABASE);
        assertThat(p.extract().source().typeInferred()).isTrue();
        assertThat(p.extract().source().rowCount()).isEqualTo(1000L);
        assertThat(p.extract().sourceTypeEv().path()).isEqualTo("pipeline.extract.source_system");
        assertThat(p.extract().sourceTypeEv().value()).isEqualTo("postgres (type inferred: database)");
        assertThat(p.transform().engine()).isEqualTo(TransformEngine.DBT);
        assertThat(p.transform().dedups()).isTrue();
        assertThat(p.load().strategy()).isEqualTo(LoadStrategy.MERGE);
        assertThat(p.load().isMerge()).isTrue();
        assertThat(p.load().mergeKeys()).containsExactly("order_id");
        assertThat(p.load().data().nature()).isEqualTo(Nature.MUTABLE);
        assertThat(p.load().partitionMb()).isEqualTo(1536.0);
        assertThat(p.load().partitionsOverRetention()).isEqualTo(365.0);
        assertThat(p.gates().preLoad()).containsExactly("schema");
        assertThat(p.errors().strategy()).isEqualTo(ErrorStrategy.DEAD_LETTER);
        assertThat(p.errors().alertChannels()).containsExactly("pagerduty");
        assertThat(p.node("tier").line()).isEqualTo(6);
    }

    @Test
    void aPartialDocumentIsInDesignMode() throws InputException {
        Pipeline p = bind("pipeline:\n  name: x\n  extract: {source_system: kafka}\n  load: {target_system: s3}\n").get(0);
        assertThat(p.mode()).isEqualTo(Pipeline.Mode.DESIGN);
        assertThat(p.extract().source().type()).isEqualTo(SourceType.STREAM);
        assertThat(p.extract().watermark()).isEqualTo(Extract.Watermark.NOWHERE);
        assertThat(p.schedule()).isNull();
        assertThat(p.slaMinutes()).isNull();
    }

    @Test
    void watermarkInCodeIsRecognised() throws InputException {
        for (String w : List.of("pipeline code", "hardcoded", "in-memory variable", "a constant in the script")) {
            Pipeline p = bind("pipeline:\n  name: x\n  extract: {watermark_storage: \"" + w + "\"}\n").get(0);
            assertThat(p.extract().watermark()).as(w).isEqualTo(Extract.Watermark.IN_CODE);
        }
        assertThat(bind("pipeline:\n  name: x\n  extract: {watermark_storage: none}\n").get(0).extract().watermark())
                .isEqualTo(Extract.Watermark.NOWHERE);
    }

    @Test
    void unknownKeysAreLocatedWithDidYouMean() {
        List<Problem> ps = problems("pipeline:\n  name: x\n  extract:\n    stratgy: cdc\n  laod: {}\n");
        assertThat(ps).extracting(Problem::toString).containsExactly(
                "p.yaml:4:5: pipeline.extract.stratgy: unknown key \"stratgy\"; did you mean \"strategy\"? Known keys here: "
                        + "cdc, connection, consumer_lag_alert_seconds, delivery, incremental_key, rate_limit_per_minute, reconciliation, "
                        + "source_profile, source_system, strategy, watermark_storage",
                "p.yaml:5:3: pipeline.laod: unknown key \"laod\"; did you mean \"load\"? Known keys here: error_handling, extract, "
                        + "load, name, owner, quality_gates, schedule, serves, sla_minutes, tier, transform");
    }

    @Test
    void wrongValuesListWhatIsAllowed() {
        List<Problem> ps = problems("pipeline:\n  name: x\n  tier: 4\n  load:\n    strategy: upsrt\n    data_profile: {daily_gb: -1}\n");
        assertThat(ps).extracting(Problem::toString).containsExactly(
                "p.yaml:3:9: pipeline.tier: \"4\" is not a tier; use one of 1 (critical), 2 (important), 3 (nice-to-have)",
                "p.yaml:5:15: pipeline.load.strategy: \"upsrt\" is not a load strategy; use one of append, upsert, merge, "
                        + "truncate-reload, partition-swap, soft-delete (did you mean \"upsert\"?)",
                "p.yaml:6:30: pipeline.load.data_profile.daily_gb: \"-1\" is below 0; expected compressed GB loaded per day, 0 or more");
    }

    @Test
    void aBadCronExpressionIsAnInputProblem() {
        List<Problem> ps = problems("pipeline:\n  name: x\n  schedule: \"every day\"\n");
        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).toString()).startsWith("p.yaml:3:13: pipeline.schedule: \"every day\" is not a cron expression")
                .endsWith("use five fields: minute hour day-of-month month day-of-week, e.g. \"0 2 * * *\" for 02:00 daily");
    }

    @Test
    void theNameIsRequiredAndUnique() {
        List<Problem> ps = problems("pipeline:\n  owner: me\n---\npipeline:\n  name: a\n---\npipeline:\n  name: a\n");
        assertThat(ps).extracting(Problem::toString).containsExactly(
                "p.yaml:2:3: pipeline.name: is required: name the pipeline; names are unique across the inputs",
                "p.yaml:8:9: pipeline.name: \"a\" is already the name of the pipeline at p.yaml:5; pipeline names must be unique across the inputs");
    }

    @Test
    void aDocumentWithoutPipelineIsRefused() {
        assertThat(problems("project_name: x\n")).extracting(Problem::toString).containsExactly(
                "p.yaml:1:1: project_name: unknown key \"project_name\" Known keys here: pipeline",
                "p.yaml:1:1: pipeline: is required: the Universal Pipeline Template starts with \"pipeline:\"");
    }

    @Test
    void severalDocumentsAndADirectoryInSortedOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.yaml"), "pipeline: {name: b2}\n---\npipeline: {name: b1}\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/c.yml"), "pipeline: {name: c}\n");
        Files.writeString(dir.resolve("a.json"), "{\"pipeline\": {\"name\": \"a\"}}");
        Files.writeString(dir.resolve("notes.txt"), "not a spec");
        List<Pipeline> ps = PipelineBinder.load(LOADER, List.of(dir), List.of());
        assertThat(ps).extracting(Pipeline::name).containsExactly("a", "b2", "b1", "c");
    }

    @Test
    void anEmptyDirectoryOrMissingPathIsAProblem(@TempDir Path dir) {
        assertThatThrownBy(() -> PipelineBinder.load(LOADER, List.of(dir, dir.resolve("nope.yaml")), List.of()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("holds no .yaml, .yml or .json file")
                .hasMessageContaining("nope.yaml: no such file or directory");
    }
}
