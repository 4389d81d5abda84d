package dev.dece.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dece optimize} as a user runs it on the bundled examples: every output format, exit codes, bad input. */
class OptimizeCommandTest {

    static final ObjectMapper M = new ObjectMapper();

    static CliRun run(String... args) {
        return CliRun.dece(args);
    }

    static final String[] QUERIES = {"optimize", "optimize/queries", "--tables", "optimize/tables.yaml", "--dialect", "snowflake"};

    static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void theBundledQueriesHitTheChecklistOnTheirLinesAndColumns() {
        CliRun r = run(QUERIES);
        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("SQL-003  optimize.sql  optimize/queries/daily_revenue.sql:5:8 statements[0]")
                .contains("scans all of analytics.orders, a 3.0 TB table")
                .contains("SQL-011  optimize.sql  optimize/queries/customer_health.sql:16:8")
                .contains("ARTIFACT sql-rewrite: rewrites/optimize_queries_customer_health.sql-16-8-SQL-011.sql")
                .contains("ARTIFACT optimize-coverage: coverage.txt");
        for (String id : new String[] {"SQL-001", "SQL-002", "SQL-003", "SQL-004", "SQL-005", "SQL-006", "SQL-007", "SQL-008", "SQL-009",
                "SQL-010", "SQL-011", "SQL-012", "SQL-015"}) {
            assertThat(r.out()).as(id).contains(id);
        }
    }

    @Test
    void sarifAnnotatesTheQueryOnItsLineAndColumnAndIsValid() throws Exception {
        CliRun r = run(with(QUERIES, "--format", "sarif"));
        assertThat(r.code()).isEqualTo(Main.OK);
        JsonNode doc = M.readTree(r.out());
        JsonSchema schema;
        try (InputStream in = OptimizeCommandTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        assertThat(schema.validate(doc)).isEmpty();
        JsonNode hit = null;
        for (JsonNode res : doc.at("/runs/0/results")) if (res.at("/ruleId").asText().equals("SQL-011")) hit = res;
        assertThat(hit).isNotNull();
        JsonNode loc = hit.at("/locations/0/physicalLocation");
        assertThat(loc.at("/artifactLocation/uri").asText()).isEqualTo("optimize/queries/customer_health.sql");
        assertThat(loc.at("/region/startLine").asInt()).isEqualTo(16);
        assertThat(loc.at("/region/startColumn").asInt()).isEqualTo(8);
        assertThat(hit.at("/level").asText()).isEqualTo("error");
    }

    @Test
    void jsonMarkdownAndJunitAndDeterminism() throws Exception {
        CliRun json = run(with(QUERIES, "--format", "json"));
        JsonNode doc = M.readTree(json.out());
        assertThat(doc.at("/command").asText()).isEqualTo("optimize");
        JsonNode first = doc.at("/findings/0");
        assertThat(first.at("/location/column").asInt()).isPositive();
        assertThat(json.out()).isEqualTo(run(with(QUERIES, "--format", "json")).out());
        assertThat(run(with(QUERIES, "--format", "markdown")).out()).contains("| P1 | SQL-003 | optimize.sql | optimize/queries/daily_revenue.sql:5:8 statements[0] |");
        assertThat(run(with(QUERIES, "--format", "junit")).out()).contains("<testsuite name=\"dece optimize optimize/queries optimize/tables.yaml\"")
                .contains("optimize/queries/customer_health.sql:16:8");
    }

    @Test
    void failOnGivesExitOne() {
        assertThat(run(with(QUERIES, "--fail-on", "P1")).code()).isEqualTo(Main.FINDINGS);
        assertThat(run(with(QUERIES, "--fail-on", "P0")).code()).isEqualTo(Main.OK);
    }

    @Test
    void theBundledEventLogAndHistoryRun() {
        CliRun spark = run("optimize", "--event-log", "optimize/spark/app-20240501-orders_daily");
        assertThat(spark.code()).isEqualTo(Main.OK);
        assertThat(spark.out()).contains("SPK-001").contains("SPK-002").contains("SPK-004").contains("SPK-006").contains("SPK-007")
                .contains("SPK-011").contains("AQE is on (Spark 3.5.1)");
        CliRun history = run("optimize", "--history", "optimize/query_history.csv");
        assertThat(history.code()).isEqualTo(Main.OK);
        assertThat(history.out()).contains("SQL-013").contains("scanned 2.0 TB").contains("2 runs").contains("SQL-014")
                .contains("not analysed: 1 Snowflake SHOW statements (not queries)");
    }

    @Test
    void badInputIsOneLocatedLineAndExitTwo(@TempDir Path dir) throws Exception {
        CliRun none = run("optimize");
        assertThat(none.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(none.err()).contains("name an INPUT (.sql file, directory or dbt manifest), a --history export or an --event-log");
        Path bad = dir.resolve("tables.yaml");
        Files.writeString(bad, "tables:\n  - name: t\n    size_gb: lots\n");
        CliRun r = run("optimize", "optimize/queries", "--tables", bad.toString());
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("tables.yaml:3:14: tables[0].size_gb: \"lots\" is not a number; expected a size in GB");
        assertThat(run("optimize", "optimize/queries", "--dialect", "oracle").err())
                .contains("--dialect: \"oracle\" is not a dialect; use postgres, duckdb, snowflake, bigquery, spark");
        Path log = dir.resolve("app-1");
        Files.writeString(log, "not json\n");
        CliRun l = run("optimize", "--event-log", log.toString());
        assertThat(l.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(l.err()).contains("app-1:1:").contains("is not a JSON event").doesNotContain("Exception");
    }
}
