package dev.dece.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The model and lint commands as a user runs them: bundled examples, exit codes, bad input, determinism. */
class LintCommandTest {


    static CliRun run(String... args) {
        return CliRun.dece(args);
    }

    @Test
    void lintsEachInputKindOfTheExamples() {
        CliRun ddl = run("lint", "lint/warehouse.sql");
        assertThat(ddl.code()).isZero();
        assertThat(ddl.out()).contains("NAME-001").contains("'fact_orders' uses the prefix 'fact_'; rename it to 'fct_orders'")
                .contains("lint/warehouse.sql:6 tables[0].columns[3]");
        CliRun manifest = run("lint", "lint/manifest.json", "--format", "json");
        assertThat(manifest.code()).isZero();
        assertThat(manifest.out()).contains("\"ruleId\" : \"TEST-001\"").contains("models/staging/stripe/stg_stripe__payments.sql");
        assertThat(run("lint", "lint/tables.yaml").out()).contains("'orders' has no layer prefix; as a fact rename it to 'fct_orders'");
    }

    @Test
    void failOnGivesExitOne() {
        assertThat(run("lint", "lint/manifest.json", "--fail-on", "P2").code()).isEqualTo(Main.FINDINGS);
        assertThat(run("lint", "lint/warehouse.sql", "--fail-on", "P1").code()).isEqualTo(Main.OK);
        assertThat(run("lint", "lint/manifest.json", "--fail-on", "P1").code()).isEqualTo(Main.OK);
    }

    @Test
    void sameInputSameBytes() {
        assertThat(run("lint", "lint/manifest.json", "--format", "json").out())
                .isEqualTo(run("lint", "lint/manifest.json", "--format", "json").out());
        assertThat(run("model", "models/orders-model.yaml", "--format", "json").out())
                .isEqualTo(run("model", "models/orders-model.yaml", "--format", "json").out());
    }

    @Test
    void unsupportedManifestVersionIsRefusedWithTheVersionFound(@TempDir Path dir) throws Exception {
        Path old = dir.resolve("manifest.json");
        Files.writeString(old, Files.readString(Path.of("lint/manifest.json")).replace("manifest/v12.json", "manifest/v9.json"),
                StandardCharsets.UTF_8);
        CliRun r = run("lint", old.toString());
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("metadata.dbt_schema_version: \"https://schemas.getdbt.com/dbt/manifest/v9.json\" (dbt 1.9.4) "
                + "is not a supported manifest version; DECE reads manifest v10, v11 and v12");
    }

    @Test
    void brokenDdlIsLocated(@TempDir Path dir) throws Exception {
        Path sql = dir.resolve("bad.sql");
        Files.writeString(sql, "CREATE TABLE x (a int,\n b ,);\n");
        CliRun r = run("lint", sql.toString());
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("bad.sql:2:4: SQL does not parse");
    }

    @Test
    void modelWritesArtifactsForTheDialect() {
        CliRun r = run("model", "models/orders-model.yaml", "--dialect", "bigquery");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("ARTIFACT ddl: bigquery/fct_orders.sql").contains("ARTIFACT scd2-merge: bigquery/dim_customer_scd2.sql")
                .contains("DECLARE load_ts TIMESTAMP DEFAULT CURRENT_TIMESTAMP();").contains("ARTIFACT dbt-schema: schema.yml");
    }

    @Test
    void modelInputProblemsAreLocatedWithSuggestions(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("model.yaml");
        Files.writeString(bad, Files.readString(Path.of("models/orders-model.yaml")).replace("grain_statement", "grain_statment"));
        CliRun r = run("model", bad.toString());
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("model.yaml:5:3: fact_table.grain_statment: unknown key \"grain_statment\"; did you mean \"grain_statement\"?");
        assertThat(run("model", "models/orders-model.yaml", "--dialect", "oracle").err())
                .contains("--dialect: \"oracle\" is not a dialect; use postgres, duckdb, snowflake, bigquery");
    }
}
