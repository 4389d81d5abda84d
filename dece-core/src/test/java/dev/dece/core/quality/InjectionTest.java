package dev.dece.core.quality;

import dev.dece.core.contract.ContractReader;
import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.drl.Check;
import dev.dece.core.drl.CheckKind;
import dev.dece.core.drl.CheckResult;
import dev.dece.core.drl.Expect;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;
import dev.dece.core.policy.Policy;
import dev.dece.core.sql.Dialect;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Identifiers and literals from a contract never reach SQL unquoted: refused when bound, quoted when generated. */
class InjectionTest {

    static final String HOSTILE = "x\"; DROP TABLE t; --";

    @Test
    void aHostileColumnNameIsRefusedWithItsLocation() {
        String yaml = "contract:\n  name: t\n  schema:\n    - column: 'x\"; DROP TABLE t; --'\n      checks: [{type: not_null}]\n";
        assertThatThrownBy(() -> ContractReader.read(new DocumentLoader(Limits.DEFAULT).load("c.yaml", yaml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("c.yaml:4:15: contract.schema[0].column: \"x\"; DROP TABLE t; --\" is not a safe SQL identifier");
    }

    @Test
    void aHostileTableNameInOdcsIsRefused() {
        String yaml = "apiVersion: v3.0.2\nkind: DataContract\nid: a\nversion: 1.0.0\nstatus: active\nschema:\n  - name: \"t; DELETE FROM t\"\n";
        assertThatThrownBy(() -> ContractReader.read(new DocumentLoader(Limits.DEFAULT).load("c.yaml", yaml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InputException.class).hasMessageContaining("schema[0].name").hasMessageContaining("not a safe SQL identifier");
    }

    @Test
    void quotedNamesAndLiteralsCannotEscapeEvenPastTheBinder() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (x INTEGER, s VARCHAR)");
            st.execute("INSERT INTO t VALUES (1, 'a')");
            // a program that builds facts directly, skipping the binder
            Check col = new Check(null, "t.hostile.not_null", "t", HOSTILE, CheckKind.NOT_NULL, null, null, null, null, null,
                    null, null, null, null, null, null, Expect.ZERO, false, null, null, false, false);
            Check lit = new Check(null, "t.s.enum", "t", "s", CheckKind.ENUM, null, null, List.of("a'); DROP TABLE t; --"), null,
                    null, null, null, null, null, null, null, Expect.ZERO, false, null, null, false, false);
            Check tab = new Check(null, "t.x.not_null", "t\"; DROP TABLE t; --", "x", CheckKind.NOT_NULL, null, null, null, null,
                    null, null, null, null, null, null, null, Expect.ZERO, false, null, null, false, false);
            try (CheckRunner runner = new CheckRunner(c, 10)) {
                for (Check k : List.of(col, lit, tab)) {
                    String sql = QualitySql.sql(k, Dialect.DUCKDB, Policy.defaults());
                    runner.run(new SqlCheck(k, Dialect.DUCKDB, sql));
                }
                CheckResult r = runner.run(new SqlCheck(col, Dialect.DUCKDB, QualitySql.sql(col, Dialect.DUCKDB, Policy.defaults())));
                assertThat(r.status()).isEqualTo("error"); // no such column: the name stayed one quoted identifier
                CheckResult e = runner.run(new SqlCheck(lit, Dialect.DUCKDB, QualitySql.sql(lit, Dialect.DUCKDB, Policy.defaults())));
                assertThat(e.status()).isEqualTo("fail"); // 'a' is not the hostile literal: it stayed one string
            }
            c.setReadOnly(false);
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1); // nothing was dropped
            }
        }
        assertThat(Dialect.POSTGRES.quote(HOSTILE)).isEqualTo("\"x\"\"; DROP TABLE t; --\"");
        assertThat(Dialect.BIGQUERY.string("it's \\")).isEqualTo("'it\\'s \\\\'");
        assertThatThrownBy(() -> Dialect.BIGQUERY.quote("a`b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dialect.DUCKDB.quote("a\nb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void customSqlIsOneReadOnlyQuery() {
        assertThat(dev.dece.core.contract.CustomSql.problem("SELECT 1; DROP TABLE t")).contains("more than one statement");
        assertThat(dev.dece.core.contract.CustomSql.problem("DELETE FROM t")).contains("must start with SELECT");
        assertThat(dev.dece.core.contract.CustomSql.problem("WITH x AS (DELETE FROM t RETURNING *) SELECT COUNT(*) FROM x")).contains("DELETE");
        assertThat(dev.dece.core.contract.CustomSql.problem("SELECT COUNT(*) FROM t WHERE s = 'delete me'")).isNull();
    }
}
