package dev.dece.core.quality;

import dev.dece.core.drl.CheckKind;
import dev.dece.core.drl.CheckResult;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs generated checks over JDBC, read-only and time-boxed. The connection is switched to read-only
 * ({@link Connection#setReadOnly}; on PostgreSQL also {@code SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY}
 * and a server-side {@code statement_timeout}, because pgjdbc ignores setReadOnly in auto-commit; a DuckDB
 * file should be opened with {@code duckdb.read_only=true}, as {@link Databases#open} does), each statement gets
 * {@link Statement#setQueryTimeout} and, for drivers that ignore it, a watchdog that cancels it. A check that
 * cannot run is reported as {@code error}, never thrown, so one bad check does not hide the others.
 * Not thread-safe: one runner per connection.
 */
final class CheckRunner implements AutoCloseable {

    private final Connection connection;
    private final int timeoutSeconds;
    private final ScheduledExecutorService watchdog;

    /**
     * @param connection     an open connection; the runner sets it read-only and does not close it
     * @param timeoutSeconds per-statement limit, at least 1
     */
    public CheckRunner(Connection connection, int timeoutSeconds) throws SQLException {
        if (timeoutSeconds < 1) throw new IllegalArgumentException("timeoutSeconds must be at least 1");
        this.connection = connection;
        this.timeoutSeconds = timeoutSeconds;
        try {
            connection.setReadOnly(true);
        } catch (SQLFeatureNotSupportedException e) {
            // the driver has no read-only switch; the DuckDB connection is opened read-only instead
        }
        if ("PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
            // pgjdbc applies setReadOnly only outside auto-commit; make the whole session read-only and
            // let the server enforce the timeout as well
            try (Statement st = connection.createStatement()) {
                st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
                st.execute("SET statement_timeout = " + (timeoutSeconds * 1000L));
            }
        }
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dece-check-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs every check in order. */
    public List<CheckResult> run(List<SqlCheck> checks) {
        List<CheckResult> out = new ArrayList<>(checks.size());
        for (SqlCheck c : checks) out.add(run(c));
        return out;
    }

    /** Runs one check. */
    public CheckResult run(SqlCheck c) {
        long start = System.nanoTime();
        try (Statement st = connection.createStatement()) {
            try {
                st.setQueryTimeout(timeoutSeconds);
            } catch (SQLFeatureNotSupportedException e) {
                // the watchdog below still applies
            }
            ScheduledFuture<?> cancel = watchdog.schedule(() -> {
                try {
                    st.cancel();
                } catch (SQLException ignored) {
                    // the statement finished meanwhile
                }
            }, timeoutSeconds, TimeUnit.SECONDS);
            try (ResultSet rs = st.executeQuery(c.sql())) {
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (!rs.next()) return error(c, "the query returned no row", ms);
                if (c.check().kind() == CheckKind.CUSTOM) {
                    Double v = number(rs, 1);
                    boolean pass = v != null && c.check().expect().test(v);
                    return new CheckResult(c.check(), pass ? "pass" : "fail", pass ? 0 : 1, null, v, null, null, ms);
                }
                ResultSetMetaData md = rs.getMetaData();
                if (md.getColumnCount() < 3) return error(c, "expected violations, total_rows, observed", ms);
                Double viol = number(rs, 1);
                Double total = number(rs, 2);
                Double observed = number(rs, 3);
                long v = viol == null ? 0 : Math.round(viol);
                Long t = total == null ? null : Math.round(total);
                Double pct = t == null || t == 0 || !c.check().kind().countsRows() ? null : 100.0 * v / t;
                boolean pass;
                if (c.check().kind().countsRows()) {
                    double measured = c.check().expect().percent() ? (pct == null ? 0 : pct) : v;
                    pass = c.check().expect().test(measured);
                } else {
                    pass = v == 0;
                }
                return new CheckResult(c.check(), pass ? "pass" : "fail", v, t, observed, pct, null, ms);
            } finally {
                cancel.cancel(false);
            }
        } catch (SQLException e) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().replaceAll("\\s+", " ");
            if (ms >= timeoutSeconds * 1000L) msg = "timed out after " + timeoutSeconds + " s: " + msg;
            return error(c, msg, ms);
        }
    }

    private static CheckResult error(SqlCheck c, String msg, long ms) {
        return new CheckResult(c.check(), "error", 0, null, null, null, msg.length() > 300 ? msg.substring(0, 300) + "..." : msg, ms);
    }

    private static Double number(ResultSet rs, int i) throws SQLException {
        Object o = rs.getObject(i);
        if (o == null) return null;
        if (o instanceof Number n) return n.doubleValue();
        try {
            return Double.parseDouble(o.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
