package dev.dece.core.model;

import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.drl.Dimension;
import dev.dece.core.drl.DimensionalModel;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;
import dev.dece.core.report.Artifact;
import dev.dece.core.sql.Dialect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests for every generator and dialect (the bundled example model), and execution of the
 * generated DuckDB DDL and SCD Type 2 load against a real embedded DuckDB: create, load two snapshots,
 * apply the load after each, and check the history rows.
 *
 * <p>To refresh the golden files after an intended change: {@code -Ddece.golden.update=true}.
 */
class ModelSqlTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");

    static DimensionalModel example() throws InputException {
        return ModelBinder.bind(new DocumentLoader(Limits.DEFAULT).load(Path.of("../dece-examples/models/orders-model.yaml")));
    }

    static void golden(String file, String actual) throws IOException {
        Path p = GOLDEN.resolve(file);
        if (Boolean.getBoolean("dece.golden.update") || !Files.exists(p)) {
            Files.createDirectories(p.getParent());
            Files.writeString(p, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(p, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void goldenPerDialect(Dialect d) throws Exception {
        List<Artifact> arts = ModelSql.artifacts(example(), d);
        assertThat(arts).extracting(Artifact::name).containsExactly(
                d.label() + "/fct_orders.sql", d.label() + "/dim_customer_scd2.sql", d.label() + "/dim_product_scd2.sql", "schema.yml");
        for (Artifact a : arts) {
            if (a.kind().equals("dbt-schema")) continue;
            golden(a.name(), a.content());
        }
        // deterministic: a second run gives the same text
        assertThat(ModelSql.artifacts(example(), d)).isEqualTo(arts);
    }

    @Test
    void goldenDbtSchema() throws Exception {
        String yaml = DbtSchema.yaml(example());
        golden("schema.yml", yaml);
        assertThat(yaml).contains("relationships:\n              to: ref('dim_customer')\n              field: customer_key");
        // the schema is valid YAML that the loader reads back
        assertThat(new DocumentLoader(Limits.DEFAULT).load("schema.yml", yaml.getBytes(StandardCharsets.UTF_8)).get(0)
                .get("models").items()).hasSize(3);
    }

    @Test
    void scd2MergeSqlCarriesTheMethodologyShape() throws Exception {
        DimensionalModel m = example();
        String sql = ModelSql.scd2(m, m.dimensions().get(0), Dialect.POSTGRES);
        assertThat(sql).contains("MERGE INTO \"dim_customer\" AS target")
                .contains("target.\"customer_status\" IS DISTINCT FROM source.\"status\"")
                .contains("THEN UPDATE SET\n    \"is_current\" = FALSE,\n    \"valid_to\" = CURRENT_TIMESTAMP")
                .contains("FROM \"stg_crm__customers\"")
                .contains("-- Step 2: insert the new version of every changed row");
    }

    // ---- DuckDB execution ----

    static void exec(Connection c, String script) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String stmt : statements(script)) s.execute(stmt);
        }
    }

    /** Splits a generated script on ';' at line ends, dropping comment-only lines. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--")) continue;
            cur.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }

    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> r = new ArrayList<>();
                for (int i = 1; i <= n; i++) r.add(String.valueOf(rs.getObject(i)));
                out.add(String.join("|", r));
            }
        }
        return out;
    }

    @Test
    void duckdbRunsTheDdlAndTheScd2LoadOverTwoSnapshots() throws Exception {
        DimensionalModel m = example();
        Dimension customer = m.dimensionsByName().get("dim_customer");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            exec(c, ModelSql.ddl(m, Dialect.DUCKDB));
            exec(c, "CREATE SCHEMA IF NOT EXISTS main; CREATE TABLE stg_crm__customers (customer_id VARCHAR, name VARCHAR, status VARCHAR, country VARCHAR, city VARCHAR);");
            String load = ModelSql.scd2(m, customer, Dialect.DUCKDB);

            // snapshot 1: two customers
            exec(c, "INSERT INTO stg_crm__customers VALUES ('C1', 'Ada', 'active', 'FR', 'Paris'), ('C2', 'Bob', 'trial', 'DE', 'Berlin');");
            exec(c, load);
            assertThat(rows(c, "SELECT customer_id, customer_status, is_current, valid_to = TIMESTAMPTZ '9999-12-31 00:00:00+00' FROM dim_customer ORDER BY 1, 2"))
                    .containsExactly("C1|active|true|true", "C2|trial|true|true");

            // snapshot 2: C1 changes status (Type 2) and name (Type 1), C2 only its city (Type 1), C3 is new
            exec(c, "DELETE FROM stg_crm__customers;");
            exec(c, "INSERT INTO stg_crm__customers VALUES ('C1', 'Ada L.', 'churned', 'FR', 'Paris'), ('C2', 'Bob', 'trial', 'DE', 'Munich'), ('C3', 'Cy', 'active', 'US', 'Austin');");
            exec(c, load);
            assertThat(rows(c, "SELECT customer_id, customer_name, customer_status, city, is_current FROM dim_customer ORDER BY customer_id, valid_from, is_current"))
                    .containsExactly(
                            "C1|Ada|active|Paris|false",      // old version closed, kept as history
                            "C1|Ada L.|churned|Paris|true",   // the changed row got its new version
                            "C2|Bob|trial|Munich|true",       // Type 1 change: overwritten in place, no new row
                            "C3|Cy|active|Austin|true");      // new key inserted
            // the closed version ends where the new one starts; surrogate keys are distinct
            assertThat(rows(c, "SELECT count(*) FROM dim_customer o JOIN dim_customer n ON o.customer_id = n.customer_id "
                    + "AND NOT o.is_current AND n.is_current AND o.valid_to = n.valid_from")).containsExactly("1");
            assertThat(rows(c, "SELECT count(DISTINCT customer_key) = count(*) FROM dim_customer")).containsExactly("true");

            // re-running with the same snapshot changes nothing (idempotent)
            exec(c, load);
            assertThat(rows(c, "SELECT count(*), count(*) FILTER (WHERE is_current) FROM dim_customer")).containsExactly("4|3");

            // the fact table accepts rows keyed by the dimensions' surrogate keys
            exec(c, "INSERT INTO fct_orders (customer_key, product_key, order_number, order_amount, line_item_count, discount_rate) "
                    + "SELECT customer_key, 1, 'SO-1', 10.5, 2, 0.1 FROM dim_customer WHERE customer_id = 'C1' AND is_current;");
            assertThat(rows(c, "SELECT count(*) FROM fct_orders")).containsExactly("1");
        }
    }

    @Test
    void everyDialectScriptSplitsIntoStatements() throws Exception {
        DimensionalModel m = example();
        for (Dialect d : Dialect.values()) {
            List<String> st = statements(ModelSql.scd2(m, m.dimensions().get(0), d));
            assertThat(st.stream().filter(s -> s.toUpperCase(Locale.ROOT).startsWith("MERGE"))).hasSize(1);
            assertThat(st.stream().filter(s -> s.startsWith("INSERT INTO " + d.quote("dim_customer")))).hasSize(1);
        }
    }
}
