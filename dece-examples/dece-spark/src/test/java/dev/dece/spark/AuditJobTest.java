package dev.dece.spark;

import dev.dece.core.Dece;
import dev.dece.core.catalog.CatalogOptions;
import dev.dece.core.quality.QualityOptions;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.sql.Dialect;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit on a real Spark {@code local[2]} against the single-process commands on the same files: the bundled
 * estate (dece-examples/lint, contracts and catalog), findings compared as canonical lines after sorting.
 */
class AuditJobTest {

    static final Path EXAMPLES = Path.of("..");
    static final Instant AS_OF = Instant.parse("2024-05-01T12:00:00Z");
    static final List<Path> LINT = List.of(EXAMPLES.resolve("lint/manifest.json"), EXAMPLES.resolve("lint/tables.yaml"),
            EXAMPLES.resolve("lint/warehouse.sql"));
    static final List<Path> CONTRACTS = List.of(EXAMPLES.resolve("contracts/orders.contract.yaml"),
            EXAMPLES.resolve("contracts/orders.odcs.yaml"), EXAMPLES.resolve("contracts/orders.v2.contract.yaml"));
    static final Path ENTRIES = EXAMPLES.resolve("catalog/entries");
    static final Path MANIFEST = EXAMPLES.resolve("catalog/manifest.json");
    static final Path PIPELINES = EXAMPLES.resolve("catalog/pipelines");
    static final Path CATALOG_CONTRACT = EXAMPLES.resolve("catalog/contracts/orders.contract.yaml");

    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("dece-audit-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    static List<Row> estate() {
        List<Row> rows = new ArrayList<>();
        rows.addAll(Documents.of("shop", "lint", LINT));
        rows.addAll(Documents.of("shop", "contract", CONTRACTS));
        rows.addAll(Documents.of("shop", "catalog-entry", List.of(ENTRIES)));
        rows.addAll(Documents.of("shop", "catalog-manifest", List.of(MANIFEST)));
        rows.addAll(Documents.of("shop", "catalog-pipeline", List.of(PIPELINES)));
        rows.addAll(Documents.of("shop", "catalog-contract", List.of(CATALOG_CONTRACT)));
        return rows;
    }

    /** What the three single-process commands find on the same files, as canonical lines, sorted. */
    static List<String> singleProcess() throws Exception {
        Dece dece = Dece.builder().build();
        Map<String, String> sets = Reviews.ruleSets(dece);
        List<String> out = new ArrayList<>();
        for (Path f : LINT) for (Finding x : dece.lint(f).findings()) out.add(FindingRows.line(FindingRows.of("lint", x, sets)));
        for (Path f : CONTRACTS) {
            for (Finding x : dece.quality(f, QualityOptions.generate(Dialect.DUCKDB)).findings()) {
                out.add(FindingRows.line(FindingRows.of("quality", x, sets)));
            }
        }
        Report c = dece.catalog(List.of(ENTRIES), new CatalogOptions(List.of(MANIFEST), List.of(PIPELINES), List.of(CATALOG_CONTRACT), null, AS_OF));
        for (Finding x : c.findings()) out.add(FindingRows.line(FindingRows.of("catalog", x, sets)));
        out.sort(null);
        return out;
    }

    @Test
    void findingsOfTheBundledEstateEqualTheSingleProcessCommands(@TempDir Path out) throws Exception {
        Dataset<Row> docs = Documents.dataset(spark, estate(), 2);
        AuditJob.Summary s = AuditJob.run(spark, docs, "", AS_OF, out.toString());

        List<String> written = new ArrayList<>();
        for (Row r : spark.read().parquet(out.resolve("findings.parquet").toString()).collectAsList()) written.add(FindingRows.line(r));
        written.sort(null);
        List<String> expected = singleProcess();

        assertThat(expected).as("the bundled estate has findings of all three reviews").isNotEmpty();
        assertThat(expected).anyMatch(l -> l.startsWith("lint\t")).anyMatch(l -> l.startsWith("quality\t"))
                .anyMatch(l -> l.startsWith("catalog\tCAT-"));
        assertThat(String.join("\n", written)).isEqualTo(String.join("\n", expected));
        assertThat(written).noneMatch(l -> l.contains("dece-estate"));

        // the JSON lines hold the same rows, one directory per rule set
        List<String> json = new ArrayList<>();
        for (Row r : spark.read().schema(FindingRows.SCHEMA).json(out.resolve("findings.json").toString()).collectAsList()) json.add(FindingRows.line(r));
        json.sort(null);
        assertThat(json).isEqualTo(expected);
        try (Stream<Path> dirs = Files.list(out.resolve("findings.json"))) {
            assertThat(dirs.map(p -> p.getFileName().toString())).contains("rule_set=lint", "rule_set=catalog", "rule_set=quality");
        }

        // the summary counts what was written, by rule set and severity, and the documents by kind
        assertThat(s.findings()).isEqualTo(expected.size());
        long catalogP1 = expected.stream().filter(l -> l.startsWith("catalog\t") && l.split("\t")[2].equals("P1")).count();
        assertThat(s.counts().getOrDefault("catalog/P1", 0L)).isEqualTo(catalogP1);
        assertThat(s.documents()).containsEntry("lint", 3L).containsEntry("contract", 3L).containsEntry("catalog-entry", 2L);
        String summary;
        try (Stream<Path> parts = Files.list(out.resolve("summary.json"))) {
            Path part = parts.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
            summary = Files.readString(part).trim();
        }
        assertThat(summary).isEqualTo(s.json()).contains("\"findings\":" + expected.size());
    }

    @Test
    void aDocumentDeceCannotUseIsAnInputRowNotASilentSkip() {
        List<Row> rows = List.of(Documents.row("shop", "contract", "broken.contract.yaml", "contract: [unclosed"),
                Documents.row("shop", "lint", "ok.yaml", "tables:\n  - name: fct_orders\n    columns:\n      - name: order_id\n"));
        List<String> lines = new ArrayList<>();
        for (Row r : AuditJob.findings(spark, Documents.dataset(spark, rows, 2), "", null).collectAsList()) lines.add(FindingRows.line(r));
        assertThat(lines).anyMatch(l -> l.startsWith("input\tINPUT\tERROR\tquality\tbroken.contract.yaml\t"));
        assertThat(lines).noneMatch(l -> l.contains("\tok.yaml\t") && l.startsWith("input\t"));

        Row odd = org.apache.spark.sql.RowFactory.create("shop", "notes", "notes.txt", "hello");
        List<String> oddLines = new ArrayList<>();
        for (Row r : AuditJob.findings(spark, spark.createDataFrame(List.of(odd), Documents.SCHEMA), "", null).collectAsList()) {
            oddLines.add(FindingRows.line(r));
        }
        assertThat(oddLines).containsExactly("input\tINPUT\tERROR\taudit\tnotes.txt\t0\t0\t\t\\N\tkind \"notes\" is not a document kind; "
                + "use one of lint, contract, catalog-entry, catalog-manifest, catalog-pipeline, catalog-contract");
    }
}
