package dev.dece.core.sql;

import java.util.regex.Pattern;

/**
 * The identifiers DECE lets a contract put into SQL. Two defences, both always on: a contract whose table
 * or column name falls outside a conservative alphabet is refused when it is bound (a located error), and
 * every identifier that reaches SQL is quoted by its {@link dev.dece.core.sql.Dialect} anyway, so a name that slipped past
 * (a program building facts directly) can at worst name a column that does not exist.
 */
public final class Identifiers {
    private Identifiers() {}

    /** Letters, digits, underscore, dollar; inner blanks and hyphens; 1..128 characters; starts with a letter or _. */
    private static final Pattern SAFE = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_$]*(?:[ -][\\p{L}\\p{N}_$]+)*");

    /** Why {@code name} is refused, or null when it is a safe identifier. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) return "an identifier cannot be empty";
        if (name.length() > 128) return "an identifier is at most 128 characters; this one has " + name.length();
        if (!SAFE.matcher(name).matches()) {
            return "\"" + printable(name) + "\" is not a safe SQL identifier; use letters, digits, _ and $"
                    + " (inner blanks and hyphens allowed), starting with a letter or _";
        }
        return null;
    }

    /** Why a possibly schema-qualified name ({@code schema.table}) is refused, or null. */
    public static String qualifiedProblem(String name) {
        if (name == null || name.isEmpty()) return "a table name cannot be empty";
        String[] parts = name.split("\\.", -1);
        if (parts.length > 3) return "\"" + printable(name) + "\" has more than three dotted parts; use table, schema.table or catalog.schema.table";
        for (String p : parts) {
            String pr = problem(p);
            if (pr != null) return pr.startsWith("\"") ? "\"" + printable(name) + "\": " + pr : pr;
        }
        return null;
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7f) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }
}
