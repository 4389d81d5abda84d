package dev.dece.rules.triage.response;

import dev.dece.core.report.Recommendation;
import dev.dece.rules.support.PipelineYaml;
import dev.dece.rules.support.RunLogs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Retry.drl: whether re-running is safe, judged from the pipeline's real spec. */
class RetryTest {

    @TempDir
    Path dir;

    static final String MSG = "org.postgresql.util.PSQLException: The connection attempt failed. Caused by: java.net.SocketTimeoutException: connect timed out";

    Recommendation retry(PipelineYaml spec) {
        RunLogs logs = RunLogs.in(dir);
        if (spec != null) logs.spec(spec);
        return logs.triage(MSG, spec == null ? null : "orders").recommendations("triage.retry").get(0);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "upsert; [order_id]; safe",
            "merge; [order_id]; safe",
            "upsert; []; not-safe",
            "truncate-reload; []; safe",
            "append; []; not-safe"})
    void tri016_retryIsSafeWhenTheLoadIsIdempotent(String strategy, String keys, String verdict) {
        Recommendation r = retry(PipelineYaml.review().set("load.strategy", strategy).set("load.merge_keys", keys));
        assertThat(r.choice()).isEqualTo(verdict);
        assertThat(r.ruleId()).isEqualTo(verdict.equals("safe") ? "TRI-016" : "TRI-017");
    }

    @Test
    void tri016_partitionSwapWithItsKey() {
        Recommendation hit = retry(PipelineYaml.review().set("load.strategy", "partition-swap").set("load.partition_key", "order_date"));
        assertThat(hit.ruleId()).isEqualTo("TRI-016");
        assertThat(hit.rationale()).contains("idempotent (partition swap on order_date)");
        Recommendation merge = retry(PipelineYaml.review());
        assertThat(merge.rationale()).contains("upsert on order_id");
        // near miss: a merge whose watermark lives in the code is not safe to re-run
        Recommendation miss = retry(PipelineYaml.review().set("extract.watermark_storage", "hardcoded in the DAG file"));
        assertThat(miss.ruleId()).isNotEqualTo("TRI-016");
    }

    @Test
    void tri017_retryIsNotSafe() {
        Recommendation hit = retry(PipelineYaml.review().set("load.strategy", "append").set("load.merge_keys", "[]")
                .set("load.data_profile.nature", "immutable-events"));
        assertThat(hit.ruleId()).isEqualTo("TRI-017");
        assertThat(hit.choice()).isEqualTo("not-safe");
        assertThat(hit.rationale()).contains("append without deduplication on a natural key loads the failed window's rows twice (IDEM-001, IDEM-002)");
        Recommendation code = retry(PipelineYaml.review().set("extract.watermark_storage", "hardcoded in the DAG file"));
        assertThat(code.ruleId()).isEqualTo("TRI-017");
        assertThat(code.rationale()).contains("watermark is kept in the pipeline code").contains("IDEM-003");
        // near miss: an append deduplicated on its natural key is idempotent
        Recommendation miss = retry(PipelineYaml.review().set("load.strategy", "append").set("load.merge_keys", "[event_id]")
                .set("transform.stages", "[{name: clean, operations: [deduplicate on event_id]}]").set("load.data_profile.nature", "immutable-events"));
        assertThat(miss.ruleId()).isEqualTo("TRI-016");
    }

    @Test
    void tri018_retrySafetyUnknownWithoutASpec() {
        Recommendation hit = retry(null);
        assertThat(hit.ruleId()).isEqualTo("TRI-018");
        assertThat(hit.choice()).isEqualTo("unknown");
        assertThat(hit.rationale()).contains("No pipeline spec names message").contains("treat it as not safe");
        assertThat(retry(PipelineYaml.review()).ruleId()).isNotEqualTo("TRI-018");
    }
}
