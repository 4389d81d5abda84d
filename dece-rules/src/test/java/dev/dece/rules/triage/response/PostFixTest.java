package dev.dece.rules.triage.response;

import dev.dece.core.report.Recommendation;
import dev.dece.rules.support.RunLogs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of PostFix.drl: what to do after the fix, per branch, as the triage.post-fix recommendation shows it. */
class PostFixTest {

    @TempDir
    Path dir;

    Recommendation postFix(String message) {
        return RunLogs.in(dir).triage(message, null).recommendations("triage.post-fix").get(0);
    }

    @Test
    void tri019_postFixVerifyUpdateTheRunbookAddMonitoring() {
        Recommendation schema = postFix("ERROR 1054 (42S22): Unknown column 'loyalty_tier' in 'field list'");
        assertThat(schema.ruleId()).isEqualTo("TRI-019");
        assertThat(schema.choice()).isEqualTo("schema-comparison-check");
        assertThat(schema.rationale()).contains("verify data correctness").contains("note the failure in the runbook")
                .contains("add a schema comparison check in the extraction");
        Recommendation timeout = postFix("psycopg2.errors.QueryCanceled: canceling statement due to statement timeout");
        assertThat(timeout.choice()).isEqualTo("runtime-alert");
        // near miss: an unknown failure gets a new pattern, not a branch's monitoring
        assertThat(postFix("KeyError: 'tiktok'").ruleId()).isNotEqualTo("TRI-019");
    }

    @Test
    void tri020_postFixAddTheNewFailureModeToThePatterns() {
        Recommendation hit = postFix("KeyError: 'tiktok'");
        assertThat(hit.ruleId()).isEqualTo("TRI-020");
        assertThat(hit.choice()).isEqualTo("new-failure-pattern");
        assertThat(hit.rationale()).contains("add a pattern (id, vendor, branch, kind, regex) matching \"KeyError: 'tiktok'\"").contains("--patterns");
        assertThat(postFix("java.lang.OutOfMemoryError: Java heap space").ruleId()).isNotEqualTo("TRI-020");
    }
}
