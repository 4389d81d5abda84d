package dev.dece.core.quality;

import dev.dece.core.contract.CustomSql;
import dev.dece.core.doc.Inputs;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;
import dev.dece.core.input.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Opens the database checks run on, so that no check can write or reach outside it.
 * <ul>
 *   <li>Connecting is bounded: the driver gets its connect, login and socket timeouts (PostgreSQL), and the
 *       attempt itself runs under a deadline, so a server that accepts TCP and never answers cannot hang a run.</li>
 *   <li>DuckDB files are opened read-only, with external access switched off and the configuration locked:
 *       a check cannot read a local file, attach another database or change a setting back.</li>
 *   <li>Seed scripts ({@code --seed}) load only into a temporary DuckDB file that DECE creates: each statement
 *       is one of the kinds a seed needs (CREATE, INSERT, ...; never ATTACH, COPY, EXPORT, INSTALL, LOAD,
 *       PRAGMA, SET), runs with external access off and under the statement timeout, and a failure names the
 *       seed file and line. The checks then get the file back read-only. The temporary directory is removed on
 *       every path, failures included.</li>
 * </ul>
 */
final class Databases {
    private Databases() {}

    /** A connection and what to clean up after it. */
    record Opened(Connection connection, Path temp) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try {
                connection.close();
            } finally {
                deleteTree(temp);
            }
        }
    }

    /** Statement kinds a seed script may hold: it builds tables in DECE's own temporary database, nothing else. */
    private static final Pattern SEED_ALLOWED = Pattern.compile(
            "(?is)(create\\s+(or\\s+replace\\s+)?(temp(orary)?\\s+)?(table|view|schema|sequence|type|macro)|insert|update|delete|alter\\s+table|drop\\s+(table|view|sequence|schema|type|macro)|with)\\b.*");

    /** Connections are made off the caller's thread, so a silent server costs the timeout, not forever. */
    private static final ExecutorService CONNECTORS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dece-connect");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param url     a JDBC URL, e.g. {@code jdbc:duckdb:} or {@code jdbc:postgresql://localhost/db}
     * @param seed    SQL scripts to load first; only with an in-memory DuckDB URL
     * @param timeout seconds for connecting and for each seed statement
     * @throws InputException when the database cannot be opened in time, or a seed script is refused or fails
     */
    static Opened open(String url, List<Path> seed, int timeout, Limits limits) throws InputException {
        boolean duck = url.toLowerCase(Locale.ROOT).startsWith("jdbc:duckdb:");
        String target = duck ? url.substring("jdbc:duckdb:".length()) : null;
        boolean memory = duck && (target.isEmpty() || target.startsWith(":memory:"));
        if (!seed.isEmpty()) {
            if (!memory) {
                throw new InputException(Problem.file(url, "seed scripts only load into an in-memory DuckDB (--jdbc jdbc:duckdb:); "
                        + "DECE does not write to " + url));
            }
            return seeded(seed, timeout, limits);
        }
        if (duck && !memory) return new Opened(lockedDuck(connect(url, readOnly(), timeout)), null);
        if (duck) return new Opened(lockedDuck(connect(url, new Properties(), timeout)), null);
        return new Opened(connect(url, timeouts(url, timeout), timeout), null);
    }

    /**
     * One more connection to the database {@code db} is open on, for {@code jobs}: a DuckDB connection is
     * duplicated (same database instance, so the same read-only file, external access off and configuration
     * locked); any other database gets a new connection to {@code url} with the same timeouts.
     */
    static Connection another(Opened db, String url, int timeout) throws InputException {
        Connection c = db.connection();
        if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:duckdb:")) {
            try {
                return (Connection) c.getClass().getMethod("duplicate").invoke(c);
            } catch (ReflectiveOperationException | ClassCastException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new InputException(Problem.file(url, "cannot open another DuckDB connection for --jobs: "
                        + CheckRunner.shorten(cause.getMessage() == null ? cause.toString() : cause.getMessage())));
            }
        }
        return connect(url, timeouts(url, timeout), timeout);
    }

    private static Opened seeded(List<Path> seed, int timeout, Limits limits) throws InputException {
        List<Seed> statements = new ArrayList<>();
        for (Path p : seed) {
            String text = Inputs.utf8(p.toString(), Inputs.read(p, limits.maxSqlBytes(), "Limits.maxSqlBytes", "a SQL seed script"));
            statements.addAll(statements(p.toString(), text));
        }
        List<Problem> refused = new ArrayList<>();
        for (Seed s : statements) {
            if (!SEED_ALLOWED.matcher(s.sql()).matches()) {
                refused.add(new Problem(s.file(), s.line(), 0, "", "seed statement \"" + CustomSql.printable(first(s.sql()))
                        + "\" is not allowed; a seed creates and fills tables in DECE's own temporary database"
                        + " (CREATE TABLE/VIEW/SCHEMA/SEQUENCE/TYPE/MACRO, INSERT, UPDATE, DELETE, ALTER TABLE, DROP)"));
            }
        }
        if (!refused.isEmpty()) throw new InputException(refused);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("dece-quality");
            Path file = dir.resolve("seed.duckdb");
            ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "dece-seed-watchdog");
                t.setDaemon(true);
                return t;
            });
            try (Connection w = lockedDuck(connect("jdbc:duckdb:" + file, new Properties(), timeout)); Statement st = w.createStatement()) {
                for (Seed s : statements) {
                    var cancel = watchdog.schedule(() -> {
                        try {
                            st.cancel();
                        } catch (SQLException ignored) {
                            // finished meanwhile
                        }
                    }, timeout, TimeUnit.SECONDS);
                    try {
                        st.execute(s.sql());
                    } catch (SQLException e) {
                        throw new InputException(new Problem(s.file(), s.line(), 0, "", "seed statement failed: " + CheckRunner.shorten(e.getMessage())));
                    } finally {
                        cancel.cancel(false);
                    }
                }
            } finally {
                watchdog.shutdownNow();
            }
            Opened o = new Opened(lockedDuck(connect("jdbc:duckdb:" + file, readOnly(), timeout)), dir);
            dir = null; // the Opened owns it now
            return o;
        } catch (SQLException e) {
            throw new InputException(Problem.file("jdbc:duckdb:", "cannot open the in-memory seed database: " + CheckRunner.shorten(e.getMessage())));
        } catch (IOException e) {
            throw new InputException(Problem.file("jdbc:duckdb:", "cannot create the seed database's temporary directory: " + e.getMessage()));
        } finally {
            deleteTree(dir);
        }
    }

    /** Connects on another thread and waits at most {@code timeout} seconds (plus the driver's own timeouts). */
    static Connection connect(String url, Properties props, int timeout) throws InputException {
        Future<Connection> f = CONNECTORS.submit(() -> DriverManager.getConnection(url, props));
        try {
            return f.get(timeout + 1L, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            // close a connection that arrives after all
            CONNECTORS.submit(() -> {
                try {
                    f.get().close();
                } catch (Exception ignored) {
                    // it never came
                }
            });
            throw new InputException(Problem.file(url, "no connection within " + timeout + " s (--timeout); is the server up and reachable?"));
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new InputException(Problem.file(url, "cannot connect: " + CheckRunner.shorten(c.getMessage() == null ? c.toString() : c.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(Problem.file(url, "interrupted while connecting"));
        }
    }

    /** PostgreSQL driver timeouts, unless the URL sets them: connect and login at {@code timeout}, socket above the statement timeout. */
    static Properties timeouts(String url, int timeout) {
        Properties p = new Properties();
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:")) {
            if (!u.contains("connecttimeout=")) p.setProperty("connectTimeout", Integer.toString(timeout));
            if (!u.contains("logintimeout=")) p.setProperty("loginTimeout", Integer.toString(timeout));
            if (!u.contains("sockettimeout=")) p.setProperty("socketTimeout", Integer.toString(timeout * 2 + 10));
        }
        return p;
    }

    private static Properties readOnly() {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        return p;
    }

    /** External access off and the configuration locked, so no later statement can turn it back on. */
    static Connection lockedDuck(Connection c) throws InputException {
        try (Statement st = c.createStatement()) {
            st.execute("SET enable_external_access = false");
            st.execute("SET lock_configuration = true");
            return c;
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing
            }
            throw new InputException(Problem.file("jdbc:duckdb:", "cannot lock the DuckDB session down: " + CheckRunner.shorten(e.getMessage())));
        }
    }

    /** One statement of a seed script, with the line it starts on. */
    record Seed(String file, int line, String sql) {}

    /**
     * Splits a script on semicolons that end a line (seed scripts are plain DDL and INSERTs), dropping
     * {@code --} comment lines, keeping each statement's first line.
     */
    static List<Seed> statements(String file, String script) {
        List<Seed> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int start = 0;
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.strip().startsWith("--")) continue;
            if (cur.length() == 0 && l.isBlank()) continue;
            if (cur.length() == 0) start = i + 1;
            String body = l.stripTrailing();
            boolean ends = body.endsWith(";");
            cur.append(ends ? body.substring(0, body.length() - 1) : l).append('\n');
            if (ends) {
                String s = cur.toString().strip();
                if (!s.isEmpty()) out.add(new Seed(file, start, s));
                cur.setLength(0);
            }
        }
        String s = cur.toString().strip();
        if (!s.isEmpty()) out.add(new Seed(file, start, s));
        return out;
    }

    /** The statements of a script without their locations (the tests' fixtures load this way). */
    static List<String> statements(String script) {
        return statements("", script).stream().map(Seed::sql).toList();
    }

    private static String first(String sql) {
        String l = sql.lines().findFirst().orElse(sql).strip();
        return l.length() > 60 ? l.substring(0, 60) + "..." : l;
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a temporary file left behind holds only the example's seed data
        }
    }
}
