package dev.dece.rules.catalog;

import dev.dece.core.report.Finding;
import dev.dece.core.report.Severity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.dece.rules.catalog.CatalogFiles.CLEAN;
import static dev.dece.rules.catalog.CatalogFiles.review;
import static dev.dece.rules.catalog.CatalogFiles.with;
import static dev.dece.rules.support.Results.findings;
import static dev.dece.rules.support.Results.fired;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Lake.drl, through real entry files and the real rule base. */
class LakeTest {
    @TempDir Path dir;

    static final String LAKE = CLEAN + "  storage: {format: parquet, location: \"s3://lake/sales/\"}\n";

    @Test
    void cat020_noKnownConsumer() throws Exception {
        String swamp = with(with(with(CLEAN, "downstream: [\"finance-dashboard\"]", "downstream: []"), "top_consumers: [\"finance\"]", "top_consumers: []"),
                "avg_daily_queries: 50", "avg_daily_queries: 0");
        Finding f = findings(review(dir, swamp), "CAT-020").get(0);
        assertThat(f.severity()).isEqualTo(Severity.P3);
        assertThat(f.message()).contains("has no known consumer");
        assertThat(fired(review(dir, with(swamp, "top_consumers: []", "top_consumers: [finance]")), "CAT-020")).isFalse();
    }

    @Test
    void cat021_noTableFormat() throws Exception {
        Finding f = findings(review(dir, LAKE), "CAT-021").get(0);
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("parquet files at s3://lake/sales/ with no table format");
        assertThat(f.location().path()).isEqualTo("dataset.storage.format");
        assertThat(fired(review(dir, with(LAKE, "format: parquet", "format: iceberg")), "CAT-021")).isFalse();
    }

    @Test
    void cat022_noAccessControls() throws Exception {
        String open = with(with(LAKE, "controls: [\"authentication\", \"audit\"]", "controls: []"), "access_request_process: \"request in #data-access\"", "access_request_process: \"\"");
        Finding f = findings(review(dir, open), "CAT-022").get(0);
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("names no access controls");
        assertThat(fired(review(dir, with(open, "s3://lake/sales/", "warehouse.sales")), "CAT-022")).isFalse();
    }
}
