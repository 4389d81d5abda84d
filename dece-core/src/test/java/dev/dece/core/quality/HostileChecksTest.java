package dev.dece.core.quality;

import dev.dece.core.drl.Check;
import dev.dece.core.drl.CheckKind;
import dev.dece.core.drl.CheckResult;
import dev.dece.core.drl.Expect;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;
import dev.dece.core.sql.Dialect;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Checks written by a hostile contract author, run past the contract reader's own guard (as a program
 * building facts directly could), against the database-level fences: on DuckDB a read-only, locked session
 * with external access off; on PostgreSQL one read-only transaction per check, rolled back, under the
 * least-privilege role docs/security.md recommends. After the whole suite every table's rows, every sequence,
 * the large objects and the files on disk are as before, and no secret reached a result or a message.
 */
class HostileChecksTest {

    static final String SECRET = "s3cr3t-token-DO-NOT-LEAK";

    /** A check of a row-counting kind (so the runner's own custom-SQL guard does not step in) with hostile SQL. */
    static SqlCheck hostile(int i, Dialect d, String sql) {
        Check c = new Check(null, "hostile." + i, "t", null, CheckKind.NOT_NULL, null, null, List.of(), null, null, null, null,
                null, null, null, null, Expect.ZERO, false, null, null, false, false);
        return new SqlCheck(c, d, sql);
    }

    static List<CheckResult> runAll(Connection c, Dialect d, List<String> attacks) throws Exception {
        List<SqlCheck> checks = new ArrayList<>();
        for (int i = 0; i < attacks.size(); i++) checks.add(hostile(i, d, attacks.get(i)));
        try (CheckRunner r = new CheckRunner(c, 5)) {
            return r.run(checks);
        }
    }

    static void noLeak(List<CheckResult> results) {
        for (CheckResult r : results) {
            assertThat(String.valueOf(r.error())).as(r.check().id()).doesNotContain(SECRET).doesNotContain("root:x:0:0");
            assertThat(r.error() == null ? "" : r.error()).hasSizeLessThanOrEqualTo(CheckRunner.MAX_MESSAGE + 3);
        }
    }

    static Map<String, Object> files(Path dir) throws Exception {
        Map<String, Object> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) m.put(dir.relativize(p).toString(), Files.size(p) + ":" + Files.getLastModifiedTime(p));
        }
        return m;
    }

    // ------------------------------------------------------------------ DuckDB

    @Test
    void duckDbChecksCannotWriteReadFilesOrUnlockTheSession(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("wh.duckdb");
        Path secret = dir.resolve("secret.csv");
        Files.writeString(secret, "token\n" + SECRET + "\n");
        try (Connection w = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = w.createStatement()) {
            st.execute("CREATE TABLE t (id BIGINT, v VARCHAR)");
            st.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
            st.execute("CREATE SEQUENCE seq START 1");
        }
        Map<String, Object> before = files(dir);
        String s = secret.toString().replace("'", "''");
        List<String> attacks = List.of(
                "SELECT CAST((SELECT string_agg(content, '') FROM read_text('" + s + "')) AS INTEGER), 0, 0",
                "SELECT count(*), 0, 0 FROM '" + s + "'",
                "SELECT CAST(token AS INTEGER), 0, 0 FROM read_csv('" + s + "')",
                "SELECT CAST(getenv('HOME') AS INTEGER), 0, 0",
                "SET enable_external_access = true",
                "SET lock_configuration = false",
                "ATTACH '" + dir.resolve("other.duckdb") + "' AS other",
                "COPY t TO '" + dir.resolve("out.csv") + "'",
                "EXPORT DATABASE '" + dir.resolve("export") + "'",
                "INSERT INTO t VALUES (3, 'c')",
                "CREATE TABLE x AS SELECT 1",
                "SELECT nextval('seq'), 0, 0",
                "INSTALL httpfs",
                "LOAD httpfs",
                "CHECKPOINT");
        List<CheckResult> results;
        try (Databases.Opened o = Databases.open("jdbc:duckdb:" + db, List.of(), 5, Limits.DEFAULT)) {
            results = runAll(o.connection(), Dialect.DUCKDB, attacks);
        }
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.check().id() + " " + r.error()).isEqualTo("error"));
        noLeak(results);
        assertThat(files(dir)).isEqualTo(before);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), string_agg(id || v, ',' ORDER BY id), (SELECT currval('seq') IS NULL) FROM t")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2);
            assertThat(rs.getString(2)).isEqualTo("1a,2b");
        } catch (java.sql.SQLException e) {
            // currval of a sequence never used is an error: the sequence was not advanced
            assertThat(e.getMessage()).containsIgnoringCase("currval");
        }
    }

    @Test
    void aSeedScriptCannotWriteOutsideItsOwnDatabase(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("evil.seed.sql");
        Files.writeString(seed, "CREATE TABLE t (id INT);\n-- a comment line\nINSERT INTO t VALUES (1);\n"
                + "ATTACH '" + dir.resolve("victim.duckdb") + "' AS v;\nCOPY t TO '" + dir.resolve("out.csv") + "';\n");
        Map<String, Object> before = files(dir);
        assertThatThrownBy(() -> Databases.open("jdbc:duckdb:", List.of(seed), 5, Limits.DEFAULT))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(seed + ":4: seed statement \"ATTACH")
                .hasMessageContaining(seed + ":5: seed statement \"COPY t TO");
        assertThat(files(dir)).isEqualTo(before);

        // a statement that passes the filter but reads a file is stopped by external access being off,
        // and the error names the seed file and line; the temporary database is removed
        Path reads = dir.resolve("reads.seed.sql");
        Files.writeString(reads, "CREATE TABLE t AS SELECT * FROM read_text('/etc/passwd');\n");
        long tempsBefore = temps();
        assertThatThrownBy(() -> Databases.open("jdbc:duckdb:", List.of(reads), 5, Limits.DEFAULT))
                .isInstanceOf(InputException.class).hasMessageStartingWith(reads + ":1: seed statement failed: ")
                .hasMessageNotContaining("root:x:0:0");
        assertThat(temps()).isEqualTo(tempsBefore);
    }

    static long temps() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("dece-quality")).count();
        }
    }

    // ------------------------------------------------------------------ PostgreSQL

    static EmbeddedPostgres pg;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id BIGINT, secret TEXT)");
            st.execute("INSERT INTO t VALUES (1, '" + SECRET + "'), (2, 'b')");
            st.execute("CREATE SEQUENCE seq START 1");
            st.execute("SELECT lo_from_bytea(4242, 'kept'::bytea)");
            st.execute("CREATE FUNCTION switch_off() RETURNS int LANGUAGE plpgsql AS $$ BEGIN "
                    + "PERFORM set_config('default_transaction_read_only', 'off', false); RETURN 1; END $$");
            st.execute("CREATE FUNCTION bump() RETURNS int LANGUAGE plpgsql AS $$ BEGIN PERFORM setval('seq', 999); RETURN 1; END $$");
            st.execute("CREATE FUNCTION add_row() RETURNS int LANGUAGE plpgsql AS $$ BEGIN INSERT INTO t VALUES (9, 'x'); RETURN 1; END $$");
            st.execute("CREATE FUNCTION make_lo() RETURNS int LANGUAGE plpgsql AS $$ BEGIN PERFORM lo_from_bytea(0, 'x'::bytea); RETURN 1; END $$");
            // the checking role docs/security.md recommends: it may read the checked tables, nothing else
            st.execute("CREATE ROLE dece_checker LOGIN PASSWORD 'pw'");
            st.execute("GRANT USAGE ON SCHEMA public TO dece_checker");
            st.execute("GRANT SELECT ON t TO dece_checker");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) pg.close();
    }

    static String state() throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) || ':' || md5(string_agg(id || secret, ',' ORDER BY id)) FROM t)"
                     + " || '|' || (SELECT last_value || ':' || is_called FROM seq)"
                     + " || '|' || (SELECT count(*) FROM pg_largeobject_metadata)"
                     + " || '|' || current_setting('default_transaction_read_only')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void postgresChecksRunInReadOnlyTransactionsThatNoCheckCanSwitchOff() throws Exception {
        String before = state();
        List<String> attacks = List.of(
                // functions of the database itself that DECE's SQL guard cannot know: the first switches the session's
                // read-only default off for every later check, the others then try to write
                "SELECT switch_off(), 0, 0",
                "SELECT bump(), 0, 0",
                "SELECT add_row(), 0, 0",
                "SELECT make_lo(), 0, 0",
                // refused by the runner before the database sees them
                "SELECT set_config('default_transaction_read_only', 'off', false)::int, 0, 0",
                "SELECT setval('seq', 999), 0, 0",
                "SELECT lo_from_bytea(0, 'x'::bytea), 0, 0",
                "SELECT count(*), 0, 0 FROM (SELECT query_to_xml('INSERT INTO t VALUES (9, ''x'')', true, true, '')) q",
                "INSERT INTO t VALUES (3, 'c')",
                "COPY t TO '/tmp/dece-hostile-copy.csv'",
                // an error that would print a value of the table
                "SELECT CAST(secret AS INTEGER), 0, 0 FROM t WHERE id = 1");
        List<CheckResult> results;
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            results = runAll(c, Dialect.POSTGRES, attacks);
        }
        // switch_off "succeeds" in its own transaction, which is rolled back with the setting; every write after it
        // fails in its read-only transaction, except lo_from_bytea, which PostgreSQL allows in one: it vanishes with
        // the rollback like everything else a check does
        assertThat(results.get(0).status()).isEqualTo("fail");
        assertThat(results.get(1).error()).contains("cannot execute setval() in a read-only transaction");
        assertThat(results.get(2).error()).contains("cannot execute INSERT in a read-only transaction");
        for (int i = 4; i < 10; i++) assertThat(results.get(i).error()).as(attacks.get(i)).startsWith("refused: the check's SQL");
        assertThat(results.get(10).error()).isEqualTo("ERROR: invalid input syntax for type integer: \"…\"");
        noLeak(results);
        assertThat(state()).isEqualTo(before);
        assertThat(Path.of("/tmp/dece-hostile-copy.csv")).doesNotExist();
    }

    /**
     * The third fence, for a superuser-free deployment: the role docs/security.md recommends, reached without
     * DECE's guards (as a check the guards missed would reach it), cannot read server files or large objects.
     */
    @Test
    void theRecommendedRoleCannotReadServerFilesOrLargeObjects() throws Exception {
        String before = state();
        String url = pg.getJdbcUrl("dece_checker", "postgres") + "&password=pw";
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            for (String attack : List.of("SELECT length(pg_read_file('/etc/passwd'))", "SELECT length(lo_get(4242))",
                    "SELECT count(*) FROM pg_ls_dir('/')", "COPY t TO '/tmp/dece-hostile-copy.csv'")) {
                try (Statement st = c.createStatement()) {
                    st.execute("SET TRANSACTION READ ONLY");
                    assertThatThrownBy(() -> st.execute(attack)).as(attack).hasMessageMatching("(?s).*(permission denied|must be superuser).*");
                } finally {
                    c.rollback();
                }
            }
        }
        try (Databases.Opened o = Databases.open(url, List.of(), 5, Limits.DEFAULT)) {
            List<CheckResult> r = runAll(o.connection(), Dialect.POSTGRES, List.of("SELECT count(*), 0, 0 FROM t"));
            assertThat(r.get(0).status()).isEqualTo("fail"); // it reads the table it was granted: 2 rows counted as violations
        }
        assertThat(state()).isEqualTo(before);
        assertThat(Path.of("/tmp/dece-hostile-copy.csv")).doesNotExist();
    }

    @Test
    void connectingToAServerThatNeverAnswersStopsAtTheTimeout() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0)) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> Databases.open("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/db", List.of(), 2, Limits.DEFAULT))
                    .isInstanceOf(InputException.class).hasMessageContaining("127.0.0.1:" + silent.getLocalPort());
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10.0);
        }
    }
}
