package dev.dece.rules.assess.lake;

import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.BriefYaml;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dece.rules.support.BriefYaml.brief;
import static dev.dece.rules.support.Results.choices;
import static dev.dece.rules.support.Results.findings;
import static dev.dece.rules.support.Results.fired;
import static dev.dece.rules.support.Results.paths;
import static dev.dece.rules.support.Results.rec;
import static dev.dece.rules.support.Results.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Lake.drl: a brief that triggers it and a near miss that must not. */
class LakeTest {

    static final String T = "storage";

    /** An analytics consumer reading dashboards in batch. */
    static BriefYaml bi() {
        return brief().consumer("bi", "batch");
    }

    /** A lakehouse brief (PAT-008: a lake and a warehouse are both in use today). */
    static BriefYaml lakehouse() {
        return bi().storage("S3 data lake", "Redshift");
    }

    @Test
    void sto020_objectStorageUnderALakehouse() {
        Report hit = lakehouse().constraint("cloud_provider", "AWS").assess();
        var lake = rec(hit, T, "object-storage").orElseThrow();
        assertThat(lake.ruleId()).isEqualTo("STO-020");
        assertThat(lake.rationale()).contains("A lakehouse is recommended (PAT-008)").contains("in S3");

        // several lakehouse rules: one object-storage rationale naming them all
        Report several = lakehouse().consumer("ds", "ML", "batch", "scheduled").constraint("cloud_provider", "AWS").assess();
        assertThat(rec(several, T, "object-storage").orElseThrow().rationale())
                .isEqualTo("A lakehouse is recommended (PAT-008, PAT-009): its raw and curated layers live as open files in S3, cheap storage for any format.");

        Report miss = bi().storage("Redshift").constraint("cloud_provider", "AWS").assess();
        assertThat(fired(miss, "STO-020")).isFalse();
    }

    @Test
    void sto021_objectStorageForFileSources() {
        Report hit = bi().source("Supplier CSV drops on SFTP").constraint("cloud_provider", "GCP").assess();
        var lake = rec(hit, T, "object-storage").orElseThrow();
        assertThat(lake.ruleId()).isEqualTo("STO-021");
        assertThat(lake.rationale()).contains("in GCS");
        assertThat(paths(lake.evidence())).containsExactly("current_state.sources[0]");

        Report miss = bi().source("Postgres orders DB").constraint("cloud_provider", "GCP").assess();
        assertThat(fired(miss, "STO-021")).isFalse();
    }

    @Test
    void sto022_noObjectStorageAsTheOnlySqlStore() {
        Report hit = bi().source("Supplier CSV drops on SFTP").assess();
        List<Finding> f = findings(hit, "STO-022");
        assertThat(f).singleElement().extracting(Finding::severity).isEqualTo(Severity.P2);
        assertThat(f.get(0).message()).contains("object-storage is still the best fit for storage although 'bi' queries with SQL");
        assertThat(f.get(0).remediation()).contains("Athena");

        Report miss = bi().source("Supplier CSV drops on SFTP").constraint("cloud_provider", "AWS").assess();
        assertThat(choices(miss, T)).containsExactly("redshift", "object-storage");
        assertThat(fired(miss, "STO-022")).isFalse();
    }

    @Test
    void sto023_deltaLakeForASparkNativeLakehouse() {
        Report hit = lakehouse().volume(40, 0, 1).workload("transform_languages", "[python, ml]").constraint("cloud_provider", "AWS").assess();
        assertThat(choices(hit, T)).contains("delta-lake").doesNotContain("iceberg");
        assertThat(rejected(hit, T, "iceberg")).get().asString().contains("delta-lake ranks first");

        Report miss = lakehouse().volume(40, 0, 1).workload("transform_languages", "[python]").constraint("cloud_provider", "AWS").assess();
        assertThat(fired(miss, "STO-023")).isFalse();
    }

    @Test
    void sto024_icebergForAnEngineNeutralLakehouse() {
        Report hit = lakehouse().constraint("cloud_provider", "AWS").assess();
        assertThat(choices(hit, T)).containsExactly("redshift", "object-storage", "iceberg");
        assertThat(rec(hit, T, "iceberg").orElseThrow().rationale()).contains("ACID transactions");

        Report miss = bi().source("Supplier CSV drops on SFTP").constraint("cloud_provider", "AWS").assess();
        assertThat(fired(miss, "STO-024")).isFalse();
    }

    @Test
    void sto025_noTableFormatForPlainFileStorage() {
        Report hit = bi().source("Supplier CSV drops on SFTP").constraint("cloud_provider", "AWS").assess();
        assertThat(rejected(hit, T, "iceberg")).get().asString().contains("STO-025").contains("no lakehouse is recommended");
        assertThat(rejected(hit, T, "delta-lake")).get().asString().contains("STO-025");

        Report miss = lakehouse().source("Supplier CSV drops on SFTP").constraint("cloud_provider", "AWS").assess();
        assertThat(fired(miss, "STO-025")).isFalse();
    }
}
