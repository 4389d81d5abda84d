package dev.dece.core.quality;

import dev.dece.core.contract.BoundContract;
import dev.dece.core.drl.Check;
import dev.dece.core.drl.CheckKind;
import dev.dece.core.drl.CheckResult;
import dev.dece.core.policy.Policy;
import dev.dece.core.sql.Dialect;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every generated check, executed on a real DuckDB: seeded good data passes them all, seeded bad data
 * fails each one, with the rows the check found.
 */
class ChecksOnDuckDbTest {

    static final BoundContract C = Fixtures.contract("all-checks.yaml");

    static Map<String, CheckResult> run(String seed) throws Exception {
        List<SqlCheck> sql = QualitySql.generate(C, Dialect.DUCKDB, Policy.defaults());
        try (Databases.Opened db = Databases.open("jdbc:duckdb:", List.of(Fixtures.resource(seed)), 30, dev.dece.core.input.Limits.DEFAULT);
             CheckRunner runner = new CheckRunner(db.connection(), 30)) {
            return runner.run(sql).stream().collect(Collectors.toMap(r -> r.check().id(), r -> r));
        }
    }

    @Test
    void theFixtureCoversEveryCheckKind() {
        assertThat(C.checks().stream().map(Check::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(CheckKind.class))))
                .containsExactlyInAnyOrder(CheckKind.values());
    }

    @Test
    void goodDataPassesEveryCheck() throws Exception {
        Map<String, CheckResult> r = run("good.sql");
        assertThat(r).hasSize(12);
        assertThat(r.values()).allSatisfy(x -> assertThat(x.status()).as(x.check().id() + ": " + x.error()).isEqualTo("pass"));
        assertThat(r.get("fct_orders.loaded_at.freshness").observed()).isBetween(0.9, 1.1);
        assertThat(r.get("fct_orders.status.distribution").observed()).isEqualTo(50.0);
        assertThat(r.get("fct_orders.amount.reconciliation").observed()).isEqualTo(0.0);
    }

    @Test
    void badDataFailsEveryCheckWithTheRowsItFound() throws Exception {
        Map<String, CheckResult> r = run("bad.sql");
        assertThat(r.values()).allSatisfy(x -> assertThat(x.status()).as(x.check().id() + ": " + x.error()).isEqualTo("fail"));
        assertThat(r.get("fct_orders.order_id.not_null").violations()).isEqualTo(1);
        assertThat(r.get("fct_orders.order_id.not_null").totalRows()).isEqualTo(3);
        assertThat(r.get("fct_orders.order_id.unique").violations()).isEqualTo(2);       // two rows share id 1
        assertThat(r.get("fct_orders.order_id.unique").observed()).isEqualTo(1.0);       // one duplicated key
        assertThat(r.get("fct_orders.customer_id.referential").violations()).isEqualTo(1);
        assertThat(r.get("fct_orders.email.regex").violations()).isEqualTo(1);
        assertThat(r.get("fct_orders.email.length").violations()).isEqualTo(1);       // 'not-an-email' is 12 characters
        assertThat(r.get("fct_orders.amount.range").violations()).isEqualTo(1);
        assertThat(r.get("fct_orders.amount.reconciliation").observed()).isCloseTo(235.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(r.get("fct_orders.status.enum").violations()).isEqualTo(1);
        assertThat(r.get("fct_orders.status.distribution").observed()).isCloseTo(66.67, org.assertj.core.data.Offset.offset(0.01));
        assertThat(r.get("fct_orders.loaded_at.freshness").observed()).isBetween(29.9, 30.1);
        assertThat(r.get("fct_orders.volume").totalRows()).isEqualTo(3);
        assertThat(r.get("fct_orders.custom").observed()).isEqualTo(1.0);
        assertThat(r.get("fct_orders.order_id.not_null").affectedPercent()).isCloseTo(33.33, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void checksRunReadOnly() throws Exception {
        try (Databases.Opened db = Databases.open("jdbc:duckdb:", List.of(Fixtures.resource("good.sql")), 30, dev.dece.core.input.Limits.DEFAULT);
             java.sql.Statement st = db.connection().createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.execute("DELETE FROM fct_orders"))
                    .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("read-only");
        }
    }

    @Test
    void aMissingColumnIsAnErrorNotAnException() throws Exception {
        List<SqlCheck> sql = QualitySql.generate(C, Dialect.DUCKDB, Policy.defaults());
        try (Databases.Opened db = Databases.open("jdbc:duckdb:", List.of(Fixtures.resource("good.sql")), 30, dev.dece.core.input.Limits.DEFAULT);
             CheckRunner runner = new CheckRunner(db.connection(), 30)) {
            Check bad = new Check(null, "x.nope.not_null", "fct_orders", "nope", CheckKind.NOT_NULL, null, null, null, null, null,
                    null, null, null, null, null, null, dev.dece.core.drl.Expect.ZERO, false, null, null, false, false);
            CheckResult r = runner.run(new SqlCheck(bad, Dialect.DUCKDB, QualitySql.sql(bad, Dialect.DUCKDB, Policy.defaults())));
            assertThat(r.status()).isEqualTo("error");
            assertThat(r.error()).contains("nope");
            assertThat(runner.run(sql.get(0)).status()).isEqualTo("pass"); // the connection is still usable
        }
    }
}
