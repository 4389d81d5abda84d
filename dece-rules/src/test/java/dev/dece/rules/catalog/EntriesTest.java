package dev.dece.rules.catalog;

import dev.dece.core.catalog.CatalogOptions;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.dece.rules.catalog.CatalogFiles.CLEAN;
import static dev.dece.rules.catalog.CatalogFiles.review;
import static dev.dece.rules.catalog.CatalogFiles.with;
import static dev.dece.rules.support.Results.findings;
import static dev.dece.rules.support.Results.fired;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Entries.drl, through real entry files and the real rule base. */
class EntriesTest {
    @TempDir Path dir;

    static final CatalogOptions AS_OF = CatalogOptions.defaults().withAsOf(Instant.parse("2024-05-01T08:00:00Z"));

    @Test
    void cleanEntryHasNoFindings() throws Exception {
        assertThat(review(dir, AS_OF, CLEAN).findings()).isEmpty();
    }

    @Test
    void cat001_goldMissingRequiredField() throws Exception {
        Report r = review(dir, with(CLEAN, "steward: \"ana.lopez\"", "steward: \"\""));
        assertThat(findings(r, "CAT-001")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("Gold dataset 'analytics.fct_sales' is missing steward");
            assertThat(f.location().path()).isEqualTo("dataset");
            assertThat(f.location().line()).isEqualTo(2);
        });
        assertThat(fired(review(dir, CLEAN), "CAT-001")).isFalse();
        // the same gap on a bronze dataset is not required
        assertThat(fired(review(dir, with(with(CLEAN, "steward: \"ana.lopez\"", "steward: \"\""), "tier: \"gold\"", "tier: \"bronze\"")), "CAT-001")).isFalse();
    }

    @Test
    void cat002_silverMissingRequiredField() throws Exception {
        Report r = review(dir, with(with(CLEAN, "tier: \"gold\"", "tier: \"silver\""), "tests: [\"unique(sale_id)\"]", "tests: []"));
        Finding f = findings(r, "CAT-002").get(0);
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("(silver) is missing quality.tests");
        // bronze does not need tests
        assertThat(fired(review(dir, with(with(CLEAN, "tier: \"gold\"", "tier: \"bronze\""), "tests: [\"unique(sale_id)\"]", "tests: []")), "CAT-002")).isFalse();
    }

    @ParameterizedTest(name = "last run {0}: fires {1}")
    @CsvSource({"2024-05-01T02:01:00Z, false", "2024-05-01T02:00:00Z, false", "2024-05-01T01:59:00Z, true"})
    void cat003_lastRunOlderThanSla(String lastRun, boolean fires) throws Exception {
        Report r = review(dir, AS_OF, with(CLEAN, "2024-05-01T04:30:00Z", lastRun));
        assertThat(fired(r, "CAT-003")).as("CAT-003").isEqualTo(fires);
        if (fires) {
            Finding f = findings(r, "CAT-003").get(0);
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("beyond its sla_hours of 6");
            assertThat(f.location().path()).isEqualTo("dataset.refresh.last_successful_run");
        }
    }

    @Test
    void cat004_slaNotCheckedWithoutAsOf() throws Exception {
        Finding f = findings(review(dir, CLEAN), "CAT-004").get(0);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).contains("refresh SLA not checked");
        assertThat(fired(review(dir, AS_OF, CLEAN), "CAT-004")).isFalse();
    }

    @ParameterizedTest(name = "score {0}: fires {1}")
    @CsvSource({"60, true", "61, false", "62, false"})
    void cat005_scoreBelowPolicy(int score, boolean fires) throws Exception {
        Report r = review(dir, AS_OF, with(CLEAN, "last_score: 85", "last_score: " + score));
        assertThat(fired(r, "CAT-005")).as("CAT-005").isEqualTo(fires);
        if (fires) assertThat(findings(r, "CAT-005").get(0).message()).contains("scored 60, below the policy's 61");
    }

    @Test
    void cat006_knownIssuesOnGold() throws Exception {
        String issue = with(CLEAN, "known_issues: []", "known_issues: [\"refunds counted twice\"]");
        Finding f = findings(review(dir, AS_OF, issue), "CAT-006").get(0);
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("refunds counted twice");
        assertThat(fired(review(dir, AS_OF, with(issue, "tier: \"gold\"", "tier: \"silver\"")), "CAT-006")).isFalse();
    }

    @Test
    void cat007_costWithZeroUsage() throws Exception {
        Finding f = findings(review(dir, AS_OF, with(CLEAN, "avg_daily_queries: 50", "avg_daily_queries: 0")), "CAT-007").get(0);
        assertThat(f.severity()).isEqualTo(Severity.P3);
        assertThat(f.message()).contains("costs 100 USD a month and is queried 0 times a day");
        assertThat(fired(review(dir, AS_OF, with(with(CLEAN, "avg_daily_queries: 50", "avg_daily_queries: 0"), "cost_monthly_usd: 100", "cost_monthly_usd: 0")), "CAT-007")).isFalse();
    }

    @Test
    void badEntriesAreLocatedProblems() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> review(dir, with(CLEAN, "tier: \"gold\"", "tier: \"platinum\"")))
                .isInstanceOf(dev.dece.core.input.InputException.class)
                .hasMessageContaining("entries.yaml:7").hasMessageContaining("\"platinum\" is not a tier");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> review(dir, CLEAN, CLEAN))
                .hasMessageContaining("each dataset has one entry");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> review(dir, with(CLEAN, "steward:", "stewart:")))
                .hasMessageContaining("unknown key \"stewart\"");
        assertThat(List.of()).isEmpty();
    }
}
