package dev.dece.rules.audit.featurestore;

import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.AuditFixtures;
import dev.dece.rules.support.PipelineYaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static dev.dece.rules.support.Results.findings;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of FeatureStore.drl, on real feature_store files in an audited platform folder. */
class FeatureStoreTest {

    @TempDir Path dir;

    static String spec(String feature, String serving) {
        return "feature_store:\n  entity: customer\n  entity_key: customer_id\n  features:\n" + feature + "  serving:\n" + serving;
    }

    static String feature(String source, String computation, String freshness, String ttl) {
        return "    - {name: f1, description: d, type: INT, source: " + source + ", computation: " + computation + ", freshness: " + freshness
                + ", ttl_hours: " + ttl + "}\n";
    }

    static final String GOOD_SERVING = "    online: true\n    offline: true\n    point_in_time_correct: true\n    online_store: redis\n";

    private Report audit(Path d, String yaml) {
        return AuditFixtures.in(d).pipeline(PipelineYaml.review().set("name", "fct_orders")).file("features.yaml", yaml).run();
    }

    @Test
    void fst001_featureExpiresBeforeItIsRefreshed() {
        Report r = audit(dir, spec(feature("fct_orders", "batch", "daily", "12"), GOOD_SERVING));
        assertThat(findings(r, "FST-001")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.subject()).isEqualTo("customer.f1");
            assertThat(f.message()).isEqualTo("Feature 'f1' of customer lives 12 h (ttl_hours) but is refreshed daily (every 24 h): it expires before the next refresh and is served as missing.");
            assertThat(f.location().file()).endsWith("features.yaml");
            assertThat(f.location().path()).isEqualTo("feature_store.features[0].ttl_hours");
        });
        // near miss: 48 h of TTL for a daily refresh
        assertThat(findings(audit(dir.resolve("b"), spec(feature("fct_orders", "batch", "daily", "48"), GOOD_SERVING)), "FST-001")).isEmpty();
    }

    @ParameterizedTest(name = "ttl {0} h, refreshed every 6h -> {1}")
    @CsvSource({"5.5, FST-001", "6, none", "7, none"})
    void fst001_ttlEdges(String ttl, String rule) {
        Report r = audit(dir, spec(feature("fct_orders", "batch", "6h", ttl), GOOD_SERVING));
        assertThat(findings(r, "FST-001").isEmpty()).as("FST-001 at ttl = refresh").isEqualTo(rule.equals("none"));
    }

    @Test
    void fst002_streamingFeatureFromABatchSource() {
        Report r = audit(dir, spec(feature("fct_orders", "streaming", "real-time", "1"), GOOD_SERVING));
        assertThat(findings(r, "FST-002")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("Feature 'f1' of customer is computed streaming from 'fct_orders', a batch table in this platform");
            assertThat(f.location().path()).isEqualTo("feature_store.features[0].source");
        });
        // near miss: from an event stream the platform does not hold as a batch table
        assertThat(findings(audit(dir.resolve("b"), spec(feature("events_stream", "streaming", "real-time", "1"), GOOD_SERVING)), "FST-002")).isEmpty();
    }

    @Test
    void fst003_trainingRetrievalWithoutPointInTimeCorrectness() {
        Report r = audit(dir, spec(feature("fct_orders", "batch", "daily", "48"), "    online: true\n    offline: true\n    online_store: redis\n"));
        assertThat(findings(r, "FST-003")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.subject()).isEqualTo("feature_store:customer");
            assertThat(f.message()).contains("serves offline retrieval for training without point_in_time_correct");
        });
        // near miss: no offline serving, so no training sets to leak into
        assertThat(findings(audit(dir.resolve("b"), spec(feature("fct_orders", "batch", "daily", "48"),
                "    online: true\n    offline: false\n    online_store: redis\n")), "FST-003")).isEmpty();
    }

    @Test
    void fst004_onlineServingWithoutALowLatencyStore() {
        Report r = audit(dir, spec(feature("fct_orders", "batch", "daily", "48"),
                "    online: true\n    offline: true\n    point_in_time_correct: true\n    online_store: snowflake\n"));
        assertThat(findings(r, "FST-004")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).isEqualTo("Feature store 'customer' serves features online from 'snowflake', not a low-latency key-value store.");
        });
        assertThat(findings(audit(dir.resolve("c"), spec(feature("fct_orders", "batch", "daily", "48"),
                "    online: true\n    offline: true\n    point_in_time_correct: true\n")), "FST-004")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("no named store (serving.online_store)"));
        // near miss: Redis
        assertThat(findings(audit(dir.resolve("b"), spec(feature("fct_orders", "batch", "daily", "48"), GOOD_SERVING)), "FST-004")).isEmpty();
    }
}
