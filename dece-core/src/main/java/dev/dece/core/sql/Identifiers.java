package dev.dece.core.sql;

import java.util.regex.Pattern;

/**
 * The one identifier policy of every generator (quality checks, model DDL and SCD2 loads, the pipeline's
 * run-twice test, dbt files): a name read from an input is <em>validated</em> when it is bound (a located
 * error for anything outside a conservative alphabet) and <em>quoted</em> by its {@link Dialect} wherever it
 * reaches SQL, so a name that slipped past (a program building facts directly) can at worst name a column
 * that does not exist. Free text (a grain statement, a pipeline name) reaches generated files only as one
 * comment line ({@link #comment}), and generated file names are {@link #fileName sanitised}.
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

    /**
     * {@code text} fit for one {@code --} or {@code #} comment line: line breaks and control characters
     * become spaces, and a block-comment end ({@code *}{@code /}) is broken up, so the text can never end the
     * comment and start a statement or a YAML key.
     */
    public static String comment(String text) {
        if (text == null) return "";
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) sb.append(c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' ? ' ' : c);
        return sb.toString().replace("*/", "* /").strip();
    }

    /**
     * {@code name} fit for a generated file name: letters, digits, {@code . _ -} kept, anything else (path
     * separators, quotes, blanks, {@code ;}) replaced by {@code _}, no leading dot, at most 100 characters;
     * {@code "unnamed"} when nothing is left.
     */
    public static String fileName(String name) {
        if (name == null) return "unnamed";
        String s = name.replaceAll("[^\\p{L}\\p{N}._-]", "_").replaceAll("^\\.+", "_");
        if (s.length() > 100) s = s.substring(0, 100);
        return s.isEmpty() ? "unnamed" : s;
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
