package dev.dece.core.contract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guards a contract's own SQL ({@code custom} checks, ODCS {@code type: sql}): one read-only query, no
 * statement separator, no comment that could hide one, and none of the functions that read files, reach
 * another database, change the session or wait. This is the first of two fences: checks also run in a
 * read-only transaction (PostgreSQL) or a read-only, locked session with external access off (DuckDB).
 */
public final class CustomSql {
    private CustomSql() {}

    private static final String[] WRITES = {"insert", "update", "delete", "merge", "drop", "create", "alter",
            "truncate", "grant", "revoke", "copy", "attach", "detach", "install", "load", "pragma", "set", "reset", "call",
            "execute", "vacuum", "export", "import", "checkpoint", "listen", "notify", "lock", "prepare", "deallocate",
            "discard", "begin", "commit", "rollback", "savepoint", "do"};

    /**
     * Functions a check may not call, by name or name prefix: file and server access, other databases, session
     * state, sequences and large objects (they write), sleeping and locking (they stall the database), and
     * functions that run SQL given as text (they would bypass this guard).
     */
    static final List<String> FUNCTIONS = List.of(
            // PostgreSQL
            "set_config", "pg_read_file", "pg_read_binary_file", "pg_ls_", "pg_stat_file", "lo_", "lowrite", "loread",
            "dblink", "pg_sleep", "pg_advisory_", "pg_try_advisory_", "pg_terminate_backend", "pg_cancel_backend",
            "pg_reload_conf", "pg_rotate_logfile", "pg_switch_wal", "pg_create_", "pg_drop_", "pg_logical_", "pg_notify",
            "pg_replication_", "pg_promote", "pg_export_snapshot", "pg_import_system_collations", "nextval", "setval",
            "query_to_xml", "query_to_xml_and_xmlschema", "cursor_to_xml", "table_to_xml", "schema_to_xml",
            "database_to_xml", "xpath_table", "txid_current", "pg_current_xact_id",
            // DuckDB
            "read_", "glob", "getenv", "query", "query_table", "sniff_csv", "parquet_", "duckdb_secrets", "iceberg_",
            "delta_scan", "st_read", "sqlite_", "postgres_", "mysql_", "excel_", "http_", "httpfs");

    /** Each of {@link #WRITES} as a whole word, compiled once (every check's statement is checked before it runs). */
    private static final Pattern[] WRITE_WORDS = java.util.Arrays.stream(WRITES).map(w -> Pattern.compile("\\b" + w + "\\b")).toArray(Pattern[]::new);

    private static final Pattern LITERAL = Pattern.compile("'((?:[^'\\\\]|\\\\.|'')*)'");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"([^\"]|\"\")*\"");
    private static final Pattern BACKQUOTED = Pattern.compile("`[^`]*`");

    private static final Pattern CALL = Pattern.compile("(?i)\\b([a-z_][a-z0-9_$]*)\\s*\\(");
    private static final Pattern SCAN = Pattern.compile("(?i)\\b[a-z0-9_]*_scan\\s*\\(");
    private static final Pattern FROM_FILE = Pattern.compile("(?i)\\b(from|join)\\s+(\\(\\s*)?__literal__");

    /** Why the SQL is refused, or null when it is acceptable. */
    public static String problem(String sql) {
        String s = sql.strip();
        // string literals and quoted names are data: keywords, separators and calls inside them are not SQL
        // literals may escape quotes as '' or (BigQuery) \'; names are "quoted" or `quoted`
        String code = BACKQUOTED.matcher(DOUBLE_QUOTED.matcher(LITERAL.matcher(s).replaceAll(" __literal__ ")).replaceAll(" __name__ "))
                .replaceAll(" __name__ ");
        if (code.indexOf('\'') >= 0 || code.indexOf('"') >= 0) return "has an unterminated quote; a check is one complete SELECT";
        code = code.strip();
        if (code.endsWith(";")) code = code.substring(0, code.length() - 1).strip();
        if (code.contains(";")) return "holds more than one statement (a ';' inside); a check is one SELECT";
        if (code.contains("--") || code.contains("/*")) return "holds a SQL comment; remove it (comments can hide statements)";
        String l = code.toLowerCase(Locale.ROOT);
        if (!(l.startsWith("select") || l.startsWith("with") || l.startsWith("("))) return "must start with SELECT or WITH; a check only reads";
        for (int i = 0; i < WRITES.length; i++) {
            if (WRITE_WORDS[i].matcher(l).find()) return "uses " + WRITES[i].toUpperCase(Locale.ROOT) + "; a check only reads";
        }
        Matcher m = CALL.matcher(l);
        while (m.find()) {
            String fn = m.group(1);
            for (String bad : FUNCTIONS) {
                if (bad.endsWith("_") ? fn.startsWith(bad) : fn.equals(bad)) {
                    return "calls " + fn + "(); a check may not read files, reach other databases, change the session, "
                            + "write sequences or large objects, sleep, lock, or run SQL given as text";
                }
            }
        }
        if (SCAN.matcher(l).find()) return "calls a *_scan() table function; a check reads only the database's tables";
        if (FROM_FILE.matcher(l).find()) return "reads FROM a quoted path; a check reads only the database's tables";
        return null;
    }

    /** {@code s} with control characters shown as {@code \\uXXXX}, for messages. */
    public static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7f) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }
}
