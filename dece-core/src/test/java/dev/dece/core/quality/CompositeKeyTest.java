package dev.dece.core.quality;

import dev.dece.core.contract.BoundContract;
import dev.dece.core.drl.Check;
import dev.dece.core.drl.CheckKind;
import dev.dece.core.drl.CheckResult;
import dev.dece.core.policy.Policy;
import dev.dece.core.sql.Dialect;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A composite primary key and a composite foreign key (ODCS {@code primaryKeyPosition}, a schema-level
 * relationship with lists), read from a real contract, generated for every dialect, executed on DuckDB and
 * PostgreSQL: valid data where each key column alone repeats passes; a repeated tuple and an orphan tuple fail.
 */
class CompositeKeyTest {

    static final BoundContract C = Fixtures.contract("composite-keys.yaml");

    @Test
    void oneUniquenessCheckPerKeyTupleInKeyOrder() {
        List<Check> unique = C.checks().stream().filter(k -> k.kind() == CheckKind.UNIQUE).toList();
        assertThat(unique).extracting(Check::id).containsExactly("orders.order_id+shop.unique", "order_lines.order_id+line_no.unique");
        assertThat(unique.get(1).columns()).containsExactly("order_id", "line_no");   // by primaryKeyPosition, not document order
        assertThat(unique.get(1).column()).isNull();
        Check fk = C.checks().stream().filter(k -> k.kind() == CheckKind.REFERENTIAL).findFirst().orElseThrow();
        assertThat(fk.id()).isEqualTo("order_lines.order_id+shop.referential");
        assertThat(fk.refTable()).isEqualTo("orders");
        assertThat(fk.refKeyColumns()).containsExactly("order_id", "shop");
    }

    @Test
    void everyDialectGroupsByTheWholeTuple() {
        Check pk = C.checks().stream().filter(k -> k.id().equals("order_lines.order_id+line_no.unique")).findFirst().orElseThrow();
        assertThat(QualitySql.sql(pk, Dialect.DUCKDB, Policy.defaults())).contains("GROUP BY \"order_id\", \"line_no\"");
        assertThat(QualitySql.sql(pk, Dialect.BIGQUERY, Policy.defaults())).contains("GROUP BY `order_id`, `line_no`");
        assertThat(QualitySql.sql(pk, Dialect.SNOWFLAKE, Policy.defaults())).contains("GROUP BY \"ORDER_ID\", \"LINE_NO\"");   // unquoted names fold to upper case there
        assertThat(QualitySql.sql(pk, Dialect.POSTGRES, Policy.defaults())).contains("WHERE \"order_id\" IS NOT NULL AND \"line_no\" IS NOT NULL");
    }

    @Test
    void dbtGetsOneCombinationTestAndNamesTheForeignKeyItCannotExpress() {
        String yml = QualityArtifacts.dbt(C).content();
        assertThat(yml).contains("      - dbt_utils.unique_combination_of_columns:\n          combination_of_columns:\n            - 'order_id'\n            - 'line_no'\n");
        assertThat(yml).doesNotContain("- unique\n");
        assertThat(yml).contains("Not expressible as dbt tests (run them with 'dece quality'): order_lines.order_id+shop.referential");
    }

    @Test
    void duckDbPassesValidDataAndFailsRepeatedOrOrphanTuples() throws Exception {
        Map<String, CheckResult> good = duck("composite-good.sql");
        assertThat(good.values()).allSatisfy(r -> assertThat(r.status()).as(r.check().id() + ": " + r.error()).isEqualTo("pass"));
        Map<String, CheckResult> bad = duck("composite-bad.sql");
        assertBad(bad);
    }

    @Test
    void postgresPassesValidDataAndFailsRepeatedOrOrphanTuples() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            for (String schema : List.of("good", "bad")) {
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                    st.execute("CREATE SCHEMA " + schema);
                    st.execute("SET search_path TO " + schema);
                    for (String s : Databases.statements(Files.readString(Fixtures.resource("composite-" + schema + ".sql"), StandardCharsets.UTF_8))) {
                        st.execute(s);
                    }
                }
            }
            Map<String, CheckResult> good = pg(pg, "good");
            assertThat(good.values()).allSatisfy(r -> assertThat(r.status()).as(r.check().id() + ": " + r.error()).isEqualTo("pass"));
            assertBad(pg(pg, "bad"));
        }
    }

    private static void assertBad(Map<String, CheckResult> bad) {
        assertThat(bad.get("order_lines.order_id+line_no.unique").status()).isEqualTo("fail");
        assertThat(bad.get("order_lines.order_id+line_no.unique").violations()).isEqualTo(2);   // (1, 1) twice
        assertThat(bad.get("orders.order_id+shop.unique").violations()).isEqualTo(2);            // (1, eu) twice
        assertThat(bad.get("order_lines.order_id+shop.referential").violations()).isEqualTo(1);  // (2, us) has no order
        assertThat(bad.get("order_lines.order_id+shop.referential").observed()).isEqualTo(1.0);
    }

    private static Map<String, CheckResult> duck(String seed) throws Exception {
        List<SqlCheck> sql = QualitySql.generate(C, Dialect.DUCKDB, Policy.defaults());
        try (Databases.Opened db = Databases.open("jdbc:duckdb:", List.of(Fixtures.resource(seed)), 30, dev.dece.core.input.Limits.DEFAULT);
             CheckRunner runner = new CheckRunner(db.connection(), 30)) {
            return runner.run(sql).stream().collect(Collectors.toMap(r -> r.check().id(), r -> r));
        }
    }

    private static Map<String, CheckResult> pg(EmbeddedPostgres pg, String schema) throws Exception {
        List<SqlCheck> sql = QualitySql.generate(C, Dialect.POSTGRES, Policy.defaults());
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("SET search_path TO " + schema);
            }
            try (CheckRunner runner = new CheckRunner(c, 30)) {
                return runner.run(sql).stream().collect(Collectors.toMap(r -> r.check().id(), r -> r));
            }
        }
    }
}
