package dev.dece.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.dece.core.Dece;
import dev.dece.core.input.InputException;
import dev.dece.core.catalog.CatalogOptions;
import dev.dece.core.drl.Spelled;
import dev.dece.core.policy.Policy;
import dev.dece.core.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ties the JSON Schemas in {@code docs/schemas/} to the binders: every bundled example of each kind validates,
 * a set of broken documents is rejected by the schema AND by DECE's own reader, the schema's properties are the
 * binders' key lists, and its enums are the spelled enums' spellings.
 */
class SchemasTest {

    static final Path SCHEMAS = Path.of("../docs/schemas");
    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();
    static Dece dece;

    @FunctionalInterface
    interface Reader {
        void read(Path file) throws Exception;
    }

    /** A kind of input: its schema, its bundled examples and DECE's reader for it. */
    enum Kind {
        BRIEF("brief", f -> dece.assess(f)),
        PIPELINE("pipeline", f -> dece.pipeline(f)),
        MODEL("model", f -> dece.model(f, Dialect.DUCKDB)),
        CONTRACT("contract", f -> dece.prepare("quality", f)),
        CATALOG("catalog-entry", f -> dece.catalog(List.of(f), CatalogOptions.defaults())),
        COST("cost-allocation", f -> dece.cost(List.of(f), CostExamplesTest.options())), // the March template leaves costs to the bundled usage
        POLICY("policy", Policy::load),
        WAIVERS("waivers", f -> Dece.builder().waivers(f).asOf(LocalDate.of(2026, 1, 1)).build()),
        RECOVERY("recovery", f -> dece.recovery(f)),
        FEATURE_STORE("feature-store", f -> dece.audit(List.of(f), dev.dece.core.audit.AuditOptions.defaults()));

        final String schema;
        final Reader reader;

        Kind(String schema, Reader reader) {
            this.schema = schema;
            this.reader = reader;
        }
    }

    @BeforeAll
    static void build() throws InputException {
        dece = Dece.builder().build();
    }

    static JsonNode schemaJson(Kind k) throws IOException {
        return JSON.readTree(SCHEMAS.resolve(k.schema + ".schema.json").toFile());
    }

    static JsonSchema schema(Kind k) throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaJson(k));
    }

    static List<JsonNode> documents(Path file) throws IOException {
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            return it.readAll();
        }
    }

    static List<Path> glob(String dir, String regex) throws IOException {
        try (Stream<Path> s = Files.walk(Path.of(dir))) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches(regex)).sorted().collect(Collectors.toList());
        }
    }

    static Stream<Arguments> examples() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Path p : glob("briefs", ".*\\.ya?ml")) out.add(Arguments.of(Kind.BRIEF, p));
        for (Path p : glob("cost", "brief\\.yaml")) out.add(Arguments.of(Kind.BRIEF, p));
        for (String d : List.of("pipelines", "catalog/pipelines", "cost/pipelines", "policy/cases")) {
            for (Path p : glob(d, ".*\\.ya?ml")) out.add(Arguments.of(Kind.PIPELINE, p));
        }
        for (Path p : glob("models", ".*\\.ya?ml")) out.add(Arguments.of(Kind.MODEL, p));
        for (String d : List.of("contracts", "catalog/contracts")) {
            for (Path p : glob(d, ".*\\.contract\\.ya?ml")) out.add(Arguments.of(Kind.CONTRACT, p));
        }
        for (Path p : glob("catalog/entries", ".*\\.(ya?ml|json)")) out.add(Arguments.of(Kind.CATALOG, p));
        for (Path p : glob("cost", "cost-\\d{4}-\\d{2}\\.yaml")) out.add(Arguments.of(Kind.COST, p));
        out.add(Arguments.of(Kind.POLICY, Path.of("policy/policy.yaml")));
        out.add(Arguments.of(Kind.RECOVERY, Path.of("recovery/platform.yaml")));
        out.add(Arguments.of(Kind.FEATURE_STORE, Path.of("platform/ml/feature-store.yaml")));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("examples")
    void everyBundledExampleValidates(Kind kind, Path file) throws Exception {
        kind.reader.read(file); // DECE reads it ...
        JsonSchema s = schema(kind);
        List<JsonNode> docs = documents(file);
        assertFalse(docs.isEmpty(), file + " holds no document");
        for (JsonNode doc : docs) {
            Set<ValidationMessage> errors = s.validate(doc);
            assertTrue(errors.isEmpty(), file + " against " + kind.schema + ".schema.json: " + errors); // ... and so does the schema
        }
        // an editor modeline, where an example carries one, names this kind's schema by a path that exists
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("# yaml-language-server: $schema=")) continue;
            Path target = file.getParent().resolve(line.substring(line.indexOf('=') + 1).strip()).normalize();
            assertEquals(SCHEMAS.resolve(kind.schema + ".schema.json").toAbsolutePath().normalize(), target.toAbsolutePath().normalize(), file + ": " + line);
        }
    }

    @Test
    void examplesCarryTheEditorModeline() throws IOException {
        long with = 0;
        for (Arguments a : examples().collect(Collectors.toList())) {
            if (Files.readString((Path) a.get()[1]).contains("\n# yaml-language-server: $schema=")) with++;
        }
        assertTrue(with >= 15, "examples with a modeline: " + with);
    }

    @Test
    void everyKindHasBundledExamples() throws IOException {
        Set<Kind> seen = examples().map(a -> (Kind) a.get()[0]).collect(Collectors.toSet());
        Set<Kind> expected = new TreeSet<>(List.of(Kind.values()));
        expected.remove(Kind.WAIVERS); // no bundled waiver file: the docs' example is checked below
        assertEquals(expected, new TreeSet<>(seen));
    }

    @Test
    void theDocumentedWaiverExampleValidates(@TempDir Path tmp) throws Exception {
        String doc = Files.readString(Path.of("../docs/policy.md"));
        int at = doc.indexOf("```yaml\n# .dece-waivers.yaml");
        assertTrue(at >= 0, "docs/policy.md shows a waiver file");
        String yaml = doc.substring(doc.indexOf('\n', at) + 1, doc.indexOf("```", at + 7));
        Path f = tmp.resolve("waivers.yaml");
        Files.writeString(f, yaml);
        Kind.WAIVERS.reader.read(f);
        assertEquals(Set.of(), schema(Kind.WAIVERS).validate(YAML.readTree(yaml)));
    }

    /** Documents both the schema and DECE's reader must reject: unknown keys, wrong types, missing required fields. */
    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of(Kind.BRIEF, "unknown key", "project_name: p\ndata_consumers: [{team: a, latency_requirement: batch}]\nbudget: 3\n"),
                Arguments.of(Kind.BRIEF, "unknown nested key", "project_name: p\ndata_consumers: [{team: a, latency_requirement: batch, latncy: x}]\n"),
                Arguments.of(Kind.BRIEF, "missing project_name", "data_consumers: [{team: a, latency_requirement: batch}]\n"),
                Arguments.of(Kind.BRIEF, "no consumer", "project_name: p\ndata_consumers: []\n"),
                Arguments.of(Kind.BRIEF, "missing latency", "project_name: p\ndata_consumers: [{team: a}]\n"),
                Arguments.of(Kind.BRIEF, "quoted number", "project_name: p\ndata_consumers: [{team: a, latency_requirement: batch}]\ndata_volume: {current_gb_per_day: \"12\"}\n"),
                Arguments.of(Kind.BRIEF, "not a latency", "project_name: p\ndata_consumers: [{team: a, latency_requirement: weekly}]\n"),
                Arguments.of(Kind.BRIEF, "negative team", "project_name: p\ndata_consumers: [{team: a, latency_requirement: batch}]\nconstraints: {team_size: -1}\n"),
                Arguments.of(Kind.PIPELINE, "unknown key", "pipeline: {name: p, owners: x}\n"),
                Arguments.of(Kind.PIPELINE, "missing name", "pipeline: {owner: x}\n"),
                Arguments.of(Kind.PIPELINE, "missing pipeline", "name: p\n"),
                Arguments.of(Kind.PIPELINE, "wrong type", "pipeline: {name: p, sla_minutes: soon}\n"),
                Arguments.of(Kind.PIPELINE, "quoted boolean", "pipeline: {name: p, extract: {source_profile: {supports_cdc: \"true\"}}}\n"),
                Arguments.of(Kind.PIPELINE, "not a load strategy", "pipeline: {name: p, load: {strategy: overwrite-all}}\n"),
                Arguments.of(Kind.PIPELINE, "unknown nested key", "pipeline: {name: p, load: {data_profile: {daily_gbs: 3}}}\n"),
                Arguments.of(Kind.MODEL, "unknown key", "fact_table: {name: fct_a}\nfacts: []\n"),
                Arguments.of(Kind.MODEL, "missing fact_table", "dimensions: [{name: dim_a}]\n"),
                Arguments.of(Kind.MODEL, "missing measure name", "fact_table: {name: fct_a, measures: [{type: additive}]}\n"),
                Arguments.of(Kind.MODEL, "not an aggregation", "fact_table: {name: fct_a, measures: [{name: m, aggregation: MEDIAN}]}\n"),
                Arguments.of(Kind.MODEL, "attribute type 6", "fact_table: {name: fct_a}\ndimensions: [{name: dim_a, attributes: [{name: x, scd_type: 6}]}]\n"),
                Arguments.of(Kind.CONTRACT, "unknown key", "contract: {name: orders, owners: x}\n"),
                Arguments.of(Kind.CONTRACT, "missing name", "contract: {owner: x}\n"),
                Arguments.of(Kind.CONTRACT, "missing column", "contract: {name: orders, schema: [{type: integer}]}\n"),
                Arguments.of(Kind.CONTRACT, "unknown param", "contract: {name: orders, schema: [{column: id, checks: [{type: range, params: {minimum: 0}}]}]}\n"),
                Arguments.of(Kind.CONTRACT, "check without type", "contract: {name: orders, schema: [{column: id, checks: [{params: {min: 0}}]}]}\n"),
                Arguments.of(Kind.CONTRACT, "availability above 100", "contract: {name: orders, sla: {availability_percent: 101}}\n"),
                Arguments.of(Kind.CATALOG, "unknown key", "dataset: {name: a.b, owner: x}\n"),
                Arguments.of(Kind.CATALOG, "no dataset", "name: a.b\n"),
                Arguments.of(Kind.CATALOG, "missing name", "dataset: {owner_team: x}\n"),
                Arguments.of(Kind.CATALOG, "not a tier", "dataset: {name: a.b, tier: platinum}\n"),
                Arguments.of(Kind.CATALOG, "not a PII handling", "dataset: {name: a.b, lineage: {pii_handling: {email: masked}}}\n"),
                Arguments.of(Kind.CATALOG, "list item not a mapping", "datasets: [a.b]\n"),
                Arguments.of(Kind.COST, "unknown key", "cost_tracking: {by_pipeline: [{pipeline: a, total: 3, owner: x}]}\n"),
                Arguments.of(Kind.COST, "missing cost_tracking", "month: 2026-03\n"),
                Arguments.of(Kind.COST, "missing pipeline", "cost_tracking: {by_pipeline: [{total: 3}]}\n"),
                Arguments.of(Kind.COST, "negative cost", "cost_tracking: {by_pipeline: [{pipeline: a, total: -3}]}\n"),
                Arguments.of(Kind.COST, "not an effort", "cost_tracking: {by_pipeline: [{pipeline: a, total: 3}], optimization_opportunities: [{description: d, effort: huge}]}\n"),
                Arguments.of(Kind.COST, "not a month", "month: March\ncost_tracking: {by_pipeline: [{pipeline: a, total: 3}]}\n"),
                Arguments.of(Kind.POLICY, "unknown key", "thresholds: {}\nrules: []\n"),
                Arguments.of(Kind.POLICY, "unknown threshold", "thresholds: {not_a_threshold: 3}\n"),
                Arguments.of(Kind.POLICY, "negative threshold", "thresholds: {" + dev.dece.core.policy.PolicyKey.values()[0].key() + ": -1}\n"),
                Arguments.of(Kind.POLICY, "text threshold", "thresholds: {" + dev.dece.core.policy.PolicyKey.values()[0].key() + ": many}\n"),
                Arguments.of(Kind.WAIVERS, "unknown key", "waivers: [{rule: LOAD-006, reason: r, approved_by: a, until: 2026-12-31}]\n"),
                Arguments.of(Kind.WAIVERS, "missing reason", "waivers: [{rule: LOAD-006, approved_by: a}]\n"),
                Arguments.of(Kind.WAIVERS, "missing waivers", "waiver: []\n"),
                Arguments.of(Kind.WAIVERS, "not a list", "waivers: {rule: LOAD-006}\n"),
                Arguments.of(Kind.WAIVERS, "not a date", "waivers: [{rule: LOAD-006, reason: r, approved_by: a, expires: soon}]\n"),
                Arguments.of(Kind.RECOVERY, "unknown key", "disaster_recovery: {code_in_gitt: true}\n"),
                Arguments.of(Kind.RECOVERY, "missing disaster_recovery", "code_in_git: true\n"),
                Arguments.of(Kind.RECOVERY, "wrong type", "disaster_recovery: {time_travel_days: a week}\n"),
                Arguments.of(Kind.RECOVERY, "not a rotation", "disaster_recovery: {credential_rotation: yearly}\n"),
                // a document without feature_store is not a feature store spec to dece audit (it is listed as ignored)
                Arguments.of(Kind.FEATURE_STORE, "unknown key", "feature_store: {entity: c, entity_key: id, servng: {online: true}}\n"),
                Arguments.of(Kind.FEATURE_STORE, "missing entity_key", "feature_store: {entity: c}\n"),
                Arguments.of(Kind.FEATURE_STORE, "not a computation", "feature_store: {entity: c, entity_key: id, features: [{name: f, computation: nightly}]}\n"),
                Arguments.of(Kind.FEATURE_STORE, "wrong type", "feature_store: {entity: c, entity_key: id, features: [{name: f, ttl_hours: two days}]}\n"),
                Arguments.of(Kind.FEATURE_STORE, "unknown feature key", "feature_store: {entity: c, entity_key: id, features: [{name: f, ttl: 3}]}\n"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("broken")
    void brokenDocumentsAreRejectedByTheSchemaAndByDece(Kind kind, String what, String yaml, @TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("broken.yaml");
        Files.writeString(f, yaml);
        assertThrows(InputException.class, () -> kind.reader.read(f), what + ": DECE must reject it");
        assertFalse(schema(kind).validate(YAML.readTree(yaml)).isEmpty(), what + ": the schema must reject it");
    }

    /** The schema's property names at a JSON pointer must be exactly a binder's key list. */
    static Stream<Arguments> keyLists() {
        return Stream.of(
                Arguments.of(Kind.BRIEF, "", "dev.dece.core.assess.BriefBinder", "TOP"),
                Arguments.of(Kind.BRIEF, "/definitions/consumer", "dev.dece.core.assess.BriefBinder", "CONSUMER"),
                Arguments.of(Kind.BRIEF, "/properties/current_state", "dev.dece.core.assess.BriefBinder", "CURRENT"),
                Arguments.of(Kind.BRIEF, "/definitions/source/anyOf/1", "dev.dece.core.assess.BriefBinder", "SOURCE"),
                Arguments.of(Kind.BRIEF, "/properties/data_volume", "dev.dece.core.assess.BriefBinder", "VOLUME"),
                Arguments.of(Kind.BRIEF, "/properties/constraints", "dev.dece.core.assess.BriefBinder", "CONSTRAINTS"),
                Arguments.of(Kind.BRIEF, "/properties/workload", "dev.dece.core.assess.BriefBinder", "WORKLOAD"),
                Arguments.of(Kind.PIPELINE, "", "dev.dece.core.pipeline.PipelineBinder", "TOP"),
                Arguments.of(Kind.PIPELINE, "/properties/pipeline", "dev.dece.core.pipeline.PipelineBinder", "PIPELINE"),
                Arguments.of(Kind.PIPELINE, "/properties/pipeline/properties/extract", "dev.dece.core.pipeline.PipelineBinder", "EXTRACT"),
                Arguments.of(Kind.PIPELINE, "/properties/pipeline/properties/extract/properties/source_profile", "dev.dece.core.pipeline.PipelineBinder", "SOURCE_PROFILE"),
                Arguments.of(Kind.PIPELINE, "/properties/pipeline/properties/extract/properties/cdc", "dev.dece.core.pipeline.PipelineBinder", "CDC"),
                Arguments.of(Kind.PIPELINE, "/properties/pipeline/properties/transform", "dev.dece.core.pipeline.PipelineBinder", "TRANSFORM"),
                Arguments.of(Kind.PIPELINE, "/properties/pipeline/properties/transform/properties/stages/items", "dev.dece.core.pipeline.PipelineBinder", "STAGE"),
                Arguments.of(Kind.PIPELINE, "/properties/pipeline/properties/load", "dev.dece.core.pipeline.PipelineBinder", "LOAD"),
                Arguments.of(Kind.PIPELINE, "/properties/pipeline/properties/load/properties/data_profile", "dev.dece.core.pipeline.PipelineBinder", "DATA_PROFILE"),
                Arguments.of(Kind.PIPELINE, "/properties/pipeline/properties/quality_gates", "dev.dece.core.pipeline.PipelineBinder", "GATES"),
                Arguments.of(Kind.PIPELINE, "/properties/pipeline/properties/error_handling", "dev.dece.core.pipeline.PipelineBinder", "ERRORS"),
                Arguments.of(Kind.MODEL, "", "dev.dece.core.model.ModelBinder", "TOP"),
                Arguments.of(Kind.MODEL, "/properties/fact_table", "dev.dece.core.model.ModelBinder", "FACT"),
                Arguments.of(Kind.MODEL, "/properties/fact_table/properties/measures/items", "dev.dece.core.model.ModelBinder", "MEASURE"),
                Arguments.of(Kind.MODEL, "/properties/dimensions/items", "dev.dece.core.model.ModelBinder", "DIMENSION"),
                Arguments.of(Kind.MODEL, "/properties/dimensions/items/properties/attributes/items", "dev.dece.core.model.ModelBinder", "ATTRIBUTE"),
                Arguments.of(Kind.CONTRACT, "/properties/contract", "dev.dece.core.contract.TemplateReader", "CONTRACT"),
                Arguments.of(Kind.CONTRACT, "/properties/contract/properties/sla", "dev.dece.core.contract.TemplateReader", "SLA"),
                Arguments.of(Kind.CONTRACT, "/definitions/column", "dev.dece.core.contract.TemplateReader", "COLUMN"),
                Arguments.of(Kind.CONTRACT, "/definitions/check", "dev.dece.core.contract.TemplateReader", "CHECK"),
                Arguments.of(Kind.CATALOG, "", "dev.dece.core.catalog.CatalogReader", "ROOT"),
                Arguments.of(Kind.CATALOG, "/definitions/dataset", "dev.dece.core.catalog.CatalogReader", "DATASET"),
                Arguments.of(Kind.CATALOG, "/definitions/dataset/properties/lineage", "dev.dece.core.catalog.CatalogReader", "LINEAGE"),
                Arguments.of(Kind.CATALOG, "/definitions/dataset/properties/refresh", "dev.dece.core.catalog.CatalogReader", "REFRESH"),
                Arguments.of(Kind.CATALOG, "/definitions/dataset/properties/quality", "dev.dece.core.catalog.CatalogReader", "QUALITY"),
                Arguments.of(Kind.CATALOG, "/definitions/dataset/properties/access", "dev.dece.core.catalog.CatalogReader", "ACCESS"),
                Arguments.of(Kind.CATALOG, "/definitions/dataset/properties/usage", "dev.dece.core.catalog.CatalogReader", "USAGE"),
                Arguments.of(Kind.CATALOG, "/definitions/dataset/properties/storage", "dev.dece.core.catalog.CatalogReader", "STORAGE"),
                Arguments.of(Kind.CATALOG, "/definitions/dataset/properties/columns/items/anyOf/1", "dev.dece.core.catalog.CatalogReader", "COLUMN"),
                Arguments.of(Kind.CATALOG, "/definitions/dataset/properties/schema_changes/items", "dev.dece.core.catalog.CatalogReader", "CHANGE"),
                Arguments.of(Kind.COST, "", "dev.dece.core.cost.CostTemplate", "TOP"),
                Arguments.of(Kind.COST, "/properties/cost_tracking", "dev.dece.core.cost.CostTemplate", "TRACKING"),
                Arguments.of(Kind.COST, "/properties/cost_tracking/properties/by_pipeline/items", "dev.dece.core.cost.CostTemplate", "PIPELINE"),
                Arguments.of(Kind.COST, "/properties/cost_tracking/properties/optimization_opportunities/items", "dev.dece.core.cost.CostTemplate", "OPPORTUNITY"),
                Arguments.of(Kind.WAIVERS, "/properties/waivers/items", "dev.dece.core.waiver.Suppressor", "WAIVER_KEYS"),
                Arguments.of(Kind.RECOVERY, "/properties/disaster_recovery", "dev.dece.core.recovery.RecoveryCommand", "KEYS"),
                Arguments.of(Kind.FEATURE_STORE, "", "dev.dece.core.audit.FeatureStoreReader", "TOP"),
                Arguments.of(Kind.FEATURE_STORE, "/properties/feature_store", "dev.dece.core.audit.FeatureStoreReader", "STORE"),
                Arguments.of(Kind.FEATURE_STORE, "/properties/feature_store/properties/serving", "dev.dece.core.audit.FeatureStoreReader", "SERVING"),
                Arguments.of(Kind.FEATURE_STORE, "/definitions/feature", "dev.dece.core.audit.FeatureStoreReader", "FEATURE"));
    }

    @ParameterizedTest(name = "{0} {1} = {2}.{3}")
    @MethodSource("keyLists")
    void schemaPropertiesAreTheBindersKeys(Kind kind, String pointer, String binder, String field) throws Exception {
        var f = Class.forName(binder).getDeclaredField(field);
        f.setAccessible(true); // the binders keep their key lists package-private
        Set<String> keys = new TreeSet<>((Collection<String>) f.get(null));
        assertEquals(keys, properties(schemaJson(kind).at(pointer)), kind.schema + ".schema.json" + pointer);
    }

    @Test
    void extraKeysTheBindersSpellInline() throws Exception {
        // keys the readers pass as List.of(...) in place: Policy.load, TemplateReader.read, Suppressor, RecoveryCommand.read
        assertEquals(Set.of("thresholds", "disabled_rules"), properties(schemaJson(Kind.POLICY)));
        assertEquals(Set.of("contract"), properties(schemaJson(Kind.CONTRACT)));
        assertEquals(Set.of("waivers"), properties(schemaJson(Kind.WAIVERS)));
        assertEquals(Set.of("disaster_recovery"), properties(schemaJson(Kind.RECOVERY)));
        Set<String> policyKeys = Stream.of(dev.dece.core.policy.PolicyKey.values()).map(dev.dece.core.policy.PolicyKey::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(policyKeys, properties(schemaJson(Kind.POLICY).at("/properties/thresholds")));
    }

    @SuppressWarnings("unchecked")
    @Test
    void checkParamsAreTheReadersParams() throws Exception {
        var f = Class.forName("dev.dece.core.contract.TemplateReader").getDeclaredField("PARAMS");
        f.setAccessible(true);
        Map<Enum<?>, List<String>> params = (Map<Enum<?>, List<String>>) f.get(null);
        JsonNode allOf = schemaJson(Kind.CONTRACT).at("/definitions/check/allOf");
        assertEquals(params.size(), allOf.size());
        for (JsonNode branch : allOf) {
            String kind = branch.get("x-dece-check").asText();
            Enum<?> constant = params.keySet().stream().filter(k -> k.name().equals(kind)).findFirst().orElseThrow();
            assertEquals(new TreeSet<>(params.get(constant)), properties(branch.at("/then/properties/params")), kind);
            Set<String> spellings = new TreeSet<>();
            branch.at("/if/properties/type/enum").forEach(v -> spellings.add(v.asText()));
            assertEquals(new TreeSet<>(((Spelled) constant).spellings()), spellings, kind);
        }
    }

    /** Every enum marked {@code x-dece-enum} lists exactly the spellings of that spelled enum (or of the constants it names). */
    @Test
    void enumsAreTheSpelledEnumsSpellings() throws Exception {
        int checked = 0;
        for (Kind k : Kind.values()) {
            List<JsonNode> marked = new ArrayList<>();
            collect(schemaJson(k), marked);
            for (JsonNode n : marked) {
                Class<?> type = Class.forName("dev.dece.core.drl." + n.get("x-dece-enum").asText());
                Set<String> only = new TreeSet<>();
                if (n.has("x-dece-constants")) n.get("x-dece-constants").forEach(c -> only.add(c.asText()));
                Set<String> expected = new TreeSet<>();
                for (Object c : type.getEnumConstants()) {
                    if (only.isEmpty() || only.contains(((Enum<?>) c).name())) expected.addAll(((Spelled) c).spellings());
                }
                Set<String> actual = new TreeSet<>();
                n.get("enum").forEach(v -> {
                    if (v.isTextual() && !v.asText().isEmpty()) actual.add(v.asText());
                });
                assertEquals(expected, actual, k.schema + ": " + n.get("x-dece-enum").asText());
                n.get("enum").forEach(v -> {
                    if (v.isNumber()) assertTrue(expected.contains(v.asText()), "a number the enum spells: " + v);
                });
                checked++;
            }
        }
        assertTrue(checked >= 30, "enums checked: " + checked);
    }

    static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isObject() && n.has("x-dece-enum")) out.add(n);
        n.forEach(c -> collect(c, out));
    }

    static Set<String> properties(JsonNode schema) {
        assertTrue(schema.has("properties"), "no properties at " + schema);
        assertEquals(false, schema.path("additionalProperties").asBoolean(true), "unknown keys must be refused: " + schema);
        Set<String> out = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }
}
