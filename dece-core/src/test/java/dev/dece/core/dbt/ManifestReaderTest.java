package dev.dece.core.dbt;

import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;
import dev.dece.core.input.Problem;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The manifest reader on real JSON text: what it reads, and every wrong shape refused with its place. */
class ManifestReaderTest {

    static final String META = "\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v12.json\", \"project_name\": \"shop\"}";

    static Manifest read(String json) throws InputException {
        return ManifestReader.read("manifest.json", json.getBytes(StandardCharsets.UTF_8), Limits.DEFAULT, false);
    }

    static String problem(String json) {
        try {
            read(json);
        } catch (InputException e) {
            return e.problems().stream().map(Problem::toString).reduce((a, b) -> a + "\n" + b).orElse("");
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void readsModelsColumnsTestsAndWhatItDidNotRead() throws Exception {
        Manifest m = read("{\"child_map\": {\"x\": []}, " + META + ", \"nodes\": {"
                + "\"model.shop.orders\": {\"resource_type\": \"model\", \"package_name\": \"shop\", \"name\": \"orders\", \"description\": \"One row per order\","
                + " \"columns\": {\"order_id\": {\"name\": \"order_id\", \"data_type\": \"bigint\", \"description\": \"\"}},"
                + " \"constraints\": [{\"type\": \"primary_key\", \"columns\": [\"order_id\", \"line\"]}], \"config\": {\"materialized\": \"table\"}},"
                + "\"test.shop.u\": {\"resource_type\": \"test\", \"attached_node\": \"model.shop.orders\", \"column_name\": \"order_id\","
                + " \"test_metadata\": {\"name\": \"unique\", \"namespace\": null, \"kwargs\": {}}},"
                + "\"test.shop.c\": {\"resource_type\": \"test\", \"depends_on\": {\"nodes\": [\"model.shop.orders\"]},"
                + " \"test_metadata\": {\"name\": \"unique_combination_of_columns\", \"kwargs\": {\"combination_of_columns\": [\"order_id\", \"line\"]}}},"
                + "\"future.shop.f\": {\"resource_type\": \"future_thing\"}},"
                + " \"semantic_models\": {\"a\": {}, \"b\": {}}, \"metrics\": {\"c\": {}}}");
        assertThat(m.schemaVersion()).isEqualTo(12);
        assertThat(m.projectName()).isEqualTo("shop");
        Manifest.DbtNode n = m.nodes().get(0);
        assertThat(n.description()).isEqualTo("One row per order");
        assertThat(n.columns().get(0).description()).isNull();
        assertThat(n.keyColumns()).containsExactly("order_id", "line");
        assertThat(n.materialized()).isEqualTo("table");
        assertThat(m.testsOf("model.shop.orders")).extracting(Manifest.DbtTest::name).containsExactly("unique", "unique_combination_of_columns");
        assertThat(m.testsOf("model.shop.orders").get(1).columns()).containsExactly("order_id", "line");
        assertThat(m.unknown()).extracting(Manifest.Unknown::resourceType).containsExactly("future_thing");
        assertThat(m.semanticNodes()).isEqualTo(3);
    }

    @Test
    void metadataAfterMegabytesIsStillFound() throws Exception {
        String big = "\"child_map\": {\"x\": [\"" + "y".repeat(200_000) + "\"]}"; // child_map lists unique_ids (read since issue 14)
        Manifest m = read("{" + big + ", \"nodes\": {\"model.shop.a\": {\"resource_type\": \"model\", \"name\": \"a\"}}, " + META + "}");
        assertThat(m.nodes()).hasSize(1);
    }

    @Test
    void duplicateKeysAnywhereAreRefused() {
        assertThat(problem("{" + META + ", \"nodes\": {}, \"nodes\": {}}"))
                .startsWith("manifest.json:1:").contains("Duplicate field 'nodes'").contains("each key appears once");
        assertThat(problem("{" + META + ", \"nodes\": {\"model.shop.a\": {\"resource_type\": \"model\", \"name\": \"a\", \"name\": \"b\"}}}"))
                .contains("Duplicate field 'name'");
    }

    @Test
    void wrongTypesAreLocatedProblems() {
        assertThat(problem("{" + META + ",\n \"nodes\": [1, 2]}"))
                .isEqualTo("manifest.json:2:11: nodes: found an array; expected an object of nodes keyed by unique_id");
        assertThat(problem("{" + META + ", \"nodes\": {\"model.shop.a\": 7}}")).contains("nodes[\"model.shop.a\"]: found a number; expected a node (an object)");
        assertThat(problem("{" + META + ", \"nodes\": {\"model.shop.a\": {\"resource_type\": \"model\", \"name\": \"a\", \"columns\": [\"x\"]}}}"))
                .contains("nodes[\"model.shop.a\"].columns: found an array; expected an object of columns keyed by name");
        assertThat(problem("{" + META + ", \"nodes\": {\"model.shop.a\": {\"resource_type\": \"model\", \"name\": \"a\", \"columns\": {\"x\": \"text\"}}}}"))
                .contains("columns[\"x\"]: found a string; expected a column");
        assertThat(problem("{" + META + ", \"nodes\": {\"model.shop.a\": {\"resource_type\": 3, \"name\": \"a\"}}}"))
                .contains("nodes[\"model.shop.a\"].resource_type: found a number 3; expected a string");
        assertThat(problem("{" + META + ", \"nodes\": {\"model.shop.a\": {\"resource_type\": \"model\", \"name\": \"a\", \"description\": {}}}}"))
                .contains(".description: found an object; expected a string");
    }

    @Test
    void otherDbtArtifactsSayWhatTheyAreAndWhichCommandReadsThem() {
        assertThat(problem("{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/run-results/v6.json\"}, \"results\": []}"))
                .contains("is a dbt run_results.json (the results of one dbt run, test or build), not target/manifest.json; dece monitor reads it");
        assertThat(problem("{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/sources/v3.json\"}, \"results\": []}"))
                .contains("dbt sources.json").contains("dece monitor reads it");
        assertThat(problem("{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/catalog/v1.json\"}, \"nodes\": {}}"))
                .contains("dbt catalog.json").contains("no DECE command reads it yet");
        assertThat(problem("{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v9.json\", \"dbt_version\": \"1.5.0\"}}"))
                .contains("(dbt 1.5.0) is not a supported manifest version");
    }

    @Test
    void jsonThatIsNoDbtArtifactIsLeftToOtherReaders() throws Exception {
        assertThat(read("{\"tables\": [{\"name\": \"a\"}]}")).isNull();
        assertThat(problem("{\"nodes\": {}}")).contains("is not a dbt manifest: no metadata.dbt_schema_version");
    }

    @Test
    void everyRecordCounts() {
        String json = "{" + META + ", \"nodes\": {\"model.shop.a\": {\"resource_type\": \"model\", \"name\": \"a\", \"columns\": {\"x\": {}, \"y\": {}}}}}";
        assertThatThrownBy(() -> ManifestReader.read("m.json", json.getBytes(StandardCharsets.UTF_8), Limits.DEFAULT.withMaxStreamRecords(2), false))
                .hasMessageContaining("more than 2 nodes, columns and tests; the limit is Limits.maxStreamRecords");
        assertThatThrownBy(() -> ManifestReader.read("m.json", json.getBytes(StandardCharsets.UTF_8), Limits.DEFAULT.withMaxStreamBytes(10), false))
                .hasMessageContaining("the limit is 10 bytes (Limits.maxStreamBytes)");
    }
}
