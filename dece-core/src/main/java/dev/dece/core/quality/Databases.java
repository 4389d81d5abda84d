package dev.dece.core.quality;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Opens the database checks run on. DuckDB files are opened read-only. With seed scripts (the bundled
 * example's table), an in-memory DuckDB URL becomes a temporary DuckDB file: the scripts run first, the file
 * is closed, and the checks get it back read-only, so even the example runs its checks on a database that
 * refuses writes. The temporary file is deleted on {@link Opened#close()}.
 */
final class Databases {
    private Databases() {}

    /** A connection and what to clean up after it. */
    public record Opened(Connection connection, Path temp) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try {
                connection.close();
            } finally {
                if (temp != null) {
                    try {
                        Files.deleteIfExists(temp);
                        Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + ".wal"));
                        Files.deleteIfExists(temp.getParent());
                    } catch (IOException ignored) {
                        // a temp file left behind is harmless
                    }
                }
            }
        }
    }

    /**
     * @param url  a JDBC URL, e.g. {@code jdbc:duckdb:} or {@code jdbc:postgresql://localhost/db}
     * @param seed SQL scripts to run before the checks; only with an in-memory DuckDB URL
     * @throws SQLException          when the database cannot be opened or a seed script fails
     * @throws IllegalArgumentException when seed scripts are given for another database
     */
    public static Opened open(String url, List<Path> seed) throws SQLException, IOException {
        boolean duck = url.toLowerCase(Locale.ROOT).startsWith("jdbc:duckdb:");
        String target = duck ? url.substring("jdbc:duckdb:".length()) : null;
        boolean memory = duck && (target.isEmpty() || target.startsWith(":memory:"));
        if (!seed.isEmpty()) {
            if (!memory) {
                throw new IllegalArgumentException("seed scripts only load into an in-memory DuckDB (jdbc:duckdb:); "
                        + "DECE does not write to " + url);
            }
            Path dir = Files.createTempDirectory("dece-quality");
            Path file = dir.resolve("seed.duckdb");
            try (Connection w = DriverManager.getConnection("jdbc:duckdb:" + file); Statement st = w.createStatement()) {
                for (Path p : seed) {
                    for (String stmt : statements(Files.readString(p, StandardCharsets.UTF_8))) st.execute(stmt);
                }
            }
            return new Opened(readOnlyDuck("jdbc:duckdb:" + file), file);
        }
        if (duck && !memory) return new Opened(readOnlyDuck(url), null);
        return new Opened(DriverManager.getConnection(url), null);
    }

    private static Connection readOnlyDuck(String url) throws SQLException {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection(url, p);
    }

    /** Splits a script on semicolons that end a line (seed scripts are plain DDL and INSERTs). */
    static List<String> statements(String script) {
        return java.util.Arrays.stream(script.split(";\\s*(\\r?\\n|$)"))
                .map(s -> s.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip())
                .filter(s -> !s.isEmpty()).toList();
    }
}
