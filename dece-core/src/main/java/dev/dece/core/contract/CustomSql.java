package dev.dece.core.contract;

import java.util.Locale;

/**
 * Guards a contract's own SQL ({@code custom} checks, ODCS {@code type: sql}): one read-only query, no
 * statement separator, no comment that could hide one. Checks also run in a read-only transaction, so this
 * is the first of two fences, not the only one.
 */
public final class CustomSql {
    private CustomSql() {}

    private static final String[] WRITES = {"insert", "update", "delete", "merge", "drop", "create", "alter",
            "truncate", "grant", "revoke", "copy", "attach", "detach", "install", "load", "pragma", "set", "call",
            "execute", "vacuum", "export", "import", "checkpoint"};

    /** Why the SQL is refused, or null when it is acceptable. */
    public static String problem(String sql) {
        String s = sql.strip();
        if (s.endsWith(";")) s = s.substring(0, s.length() - 1).strip();
        if (s.contains(";")) return "holds more than one statement (a ';' inside); a check is one SELECT";
        if (s.contains("--") || s.contains("/*")) return "holds a SQL comment; remove it (comments can hide statements)";
        String l = s.toLowerCase(Locale.ROOT);
        if (!(l.startsWith("select") || l.startsWith("with"))) return "must start with SELECT or WITH; a check only reads";
        for (String w : WRITES) {
            if (l.matches("(?s).*\\b" + w + "\\b.*") && !inQuotes(l, w)) {
                return "uses " + w.toUpperCase(Locale.ROOT) + "; a check only reads";
            }
        }
        return null;
    }

    private static boolean inQuotes(String l, String word) {
        // a keyword inside a string literal ('... delete ...') is data, not a statement
        String stripped = l.replaceAll("'([^']|'')*'", "''");
        return !stripped.matches("(?s).*\\b" + word + "\\b.*");
    }
}
