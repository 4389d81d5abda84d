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
 * Runs generated checks over JDBC, read-only and time-boxed, so that no check can write or change what the
 * next check sees.
 * <ul>
 *   <li>PostgreSQL: auto-commit off; every check runs in its own transaction that is itself read-only
 *       ({@code SET TRANSACTION READ ONLY} first, with local statement, lock and idle timeouts) and is rolled
 *       back afterwards, which also undoes any setting the check changed ({@code set_config(..., false)}
 *       included); the session's default is read-only as well.</li>
 *   <li>DuckDB: the connection comes read-only, with external access off and the configuration locked
 *       ({@link Databases#open}).</li>
 *   <li>Every statement gets {@link Statement#setQueryTimeout} and, for drivers that ignore it, a watchdog
 *       that cancels it.</li>
 * </ul>
 * A check that cannot run is reported as {@code error} with the database's message shortened (quoted
 * values removed, so an error cannot carry data out into a report), never thrown, so one bad check does not
 * hide the others. Not thread-safe: one runner per connection.
 */
final class CheckRunner implements AutoCloseable {

    private final Connection connection;
    private final int timeoutSeconds;
    private final ScheduledExecutorService watchdog;
    private final boolean postgres;

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
        this.postgres = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        if (postgres) {
            // the session's default, then one read-only transaction per check (see run): pgjdbc applies
            // setReadOnly only outside auto-commit, and a session default alone can be switched off by a check
            try (Statement st = connection.createStatement()) {
                st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            }
            connection.setAutoCommit(false);
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

    /** Runs one check; on PostgreSQL in its own read-only transaction, rolled back afterwards. */
    public CheckResult run(SqlCheck c) {
        long start = System.nanoTime();
        try {
            return readOnly(() -> query(c));
        } catch (SQLException e) {
            return error(c, shorten(e.getMessage(), c.sql()), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** A scan failed and its checks ran one by one: which table, which checks, and why. */
    record Fallback(ScanPlan.Scan scan, String reason) {}

    /**
     * Runs one scan of a {@link ScanPlan}: one query for all its checks, or, when that query fails (a missing
     * column, a timeout, a refused statement), each check's own query, so that the others still get their
     * results; the failure goes to {@code fallbacks}. A result's {@code millis} is the whole scan's time.
     */
    public List<CheckResult> run(ScanPlan.Scan scan, List<Fallback> fallbacks) {
        if (scan.shape() == ScanPlan.Shape.SINGLE) return List.of(run(scan.members().get(0)));
        String why;
        try {
            Object r = readOnly(() -> scanQuery(scan));
            if (r instanceof String s) {
                why = s;
            } else {
                @SuppressWarnings("unchecked") List<CheckResult> ok = (List<CheckResult>) r;
                return ok;
            }
        } catch (SQLException e) {
            why = shorten(e.getMessage(), scan.sql());
        }
        fallbacks.add(new Fallback(scan, why));
        List<CheckResult> out = new ArrayList<>(scan.members().size());
        for (SqlCheck c : scan.members()) out.add(run(c));
        return out;
    }

    /** A scan's results, or why it could not give them (then its checks run one by one). */
    private Object scanQuery(ScanPlan.Scan scan) {
        long start = System.nanoTime();
        String refused = dev.dece.core.contract.CustomSql.problem(scan.sql());
        if (refused != null) return "refused: the scan's SQL " + refused;
        try (Statement st = connection.createStatement()) {
            ScheduledFuture<?> cancel = timeBox(st);
            try (ResultSet rs = st.executeQuery(scan.sql())) {
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (!rs.next()) return "the scan returned no row";
                int n = scan.members().size();
                if (rs.getMetaData().getColumnCount() != 1 + 2 * n) return "the scan returned " + rs.getMetaData().getColumnCount() + " columns, not " + (1 + 2 * n);
                Double total = number(rs, 1);
                List<CheckResult> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) out.add(result(scan.members().get(i), number(rs, 2 + 2 * i), total, number(rs, 3 + 2 * i), ms));
                return out;
            } finally {
                cancel.cancel(false);
            }
        } catch (SQLException e) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : shorten(e.getMessage(), scan.sql());
            return ms >= timeoutSeconds * 1000L ? "timed out after " + timeoutSeconds + " s: " + msg : msg;
        }
    }

    /** Work that reads the database, one statement or more; on PostgreSQL in a read-only transaction rolled back afterwards. */
    private interface Read<T> {
        T get() throws SQLException;
    }

    private <T> T readOnly(Read<T> work) throws SQLException {
        if (!postgres) return work.get();
        try {
            try (Statement st = connection.createStatement()) {
                // one round trip: the driver sends the four settings together, before the check's query
                long ms = timeoutSeconds * 1000L;
                st.execute("SET TRANSACTION READ ONLY; SET LOCAL statement_timeout = " + ms + "; SET LOCAL lock_timeout = " + ms
                        + "; SET LOCAL idle_in_transaction_session_timeout = " + (ms * 2));
            }
            return work.get();
        } finally {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // a broken connection fails the next check, which says so
            }
        }
    }

    /** The statement's timeout, and a watchdog that cancels it for drivers that ignore it. */
    private ScheduledFuture<?> timeBox(Statement st) throws SQLException {
        try {
            st.setQueryTimeout(timeoutSeconds);
        } catch (SQLFeatureNotSupportedException e) {
            // the watchdog below still applies
        }
        return watchdog.schedule(() -> {
            try {
                st.cancel();
            } catch (SQLException ignored) {
                // the statement finished meanwhile
            }
        }, timeoutSeconds, TimeUnit.SECONDS);
    }

    private CheckResult query(SqlCheck c) {
        long start = System.nanoTime();
        // a contract's own SQL is checked when the contract is read; every statement is checked again here,
        // for checks a program builds directly: one read-only query, none of the functions that reach outside
        String refused = dev.dece.core.contract.CustomSql.problem(c.sql());
        if (refused != null) return error(c, "refused: the check's SQL " + refused, 0);
        try (Statement st = connection.createStatement()) {
            ScheduledFuture<?> cancel = timeBox(st);
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
                return result(c, number(rs, 1), number(rs, 2), number(rs, 3), ms);
            } finally {
                cancel.cancel(false);
            }
        } catch (SQLException e) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : shorten(e.getMessage(), c.sql());
            if (ms >= timeoutSeconds * 1000L) msg = "timed out after " + timeoutSeconds + " s: " + msg;
            return error(c, msg, ms);
        }
    }

    /** A check's result from its three figures, the same whether its own query or a scan measured them. */
    private static CheckResult result(SqlCheck c, Double viol, Double total, Double observed, long ms) {
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
    }

    private static CheckResult error(SqlCheck c, String msg, long ms) {
        return new CheckResult(c.check(), "error", 0, null, null, null, msg, ms);
    }

    /** Longest database message kept, after quoted values are removed. */
    static final int MAX_MESSAGE = 200;

    /** {@link #shorten(String, String)} for a message about no particular SQL: every quoted run is removed. */
    static String shorten(String message) {
        return shorten(message, "");
    }

    /**
     * A database message fit for a report: one line; every quoted run ({@code 'root:x:0:0:...'},
     * {@code "s3cr3t"}) that is not text of the check's own SQL ({@code sql}) replaced by {@code …}, so an
     * error can name a column the check used but cannot carry the data it failed on; the query text DuckDB
     * appends ({@code LINE 1: ...}) dropped; at most {@link #MAX_MESSAGE} characters.
     */
    static String shorten(String message, String sql) {
        if (message == null) return "(no message)";
        String m = message;
        int line = m.indexOf("\nLINE ");
        if (line >= 0) m = m.substring(0, line);
        java.util.regex.Matcher q = QUOTED.matcher(m);
        StringBuilder sb = new StringBuilder();
        while (q.find()) {
            String inner = q.group(2) != null ? q.group(2) : q.group(3) != null ? q.group(3) : "";
            boolean ours = !inner.isEmpty() && sql.contains(inner);
            String quote = q.group(1).substring(0, 1);
            q.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(ours ? q.group(1) : quote + "…" + quote));
        }
        q.appendTail(sb);
        m = sb.toString().replaceAll("\\s+", " ").strip();
        return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "..." : m;
    }

    /** A single- or double-quoted run, closed or running to the end of the message. */
    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("('((?:[^']|'')*)'?|\"((?:[^\"]|\"\")*)\"?)");

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
