package dev.dece.core.quality;

import dev.dece.core.drl.Check;
import dev.dece.core.sql.Dialect;

/**
 * One check as SQL. Every query returns one row with {@code violations} (offending rows, or 1 for a
 * failed table-level condition), {@code total_rows} (null where no row count applies) and {@code observed}
 * (the measured figure: duplicate keys, age in hours, row count, top value share, variance percent).
 *
 * @param sql the query, without a trailing semicolon
 */
record SqlCheck(Check check, Dialect dialect, String sql) {

    /** The file text: a comment header naming the check and its pass condition, then the query. */
    public String file() {
        return "-- check: " + safe(check.id()) + "\n-- kind: " + check.kind().label() + " (" + check.kind().dimension() + ")"
                + "\n-- dialect: " + dialect.label() + "\n-- passes when: " + safe(passCondition()) + "\n" + sql + ";\n";
    }

    /** What the result must satisfy, in words. */
    public String passCondition() {
        if (check.kind() == dev.dece.core.drl.CheckKind.CUSTOM) return "the query's value " + check.expect().describe();
        if (check.kind().countsRows()) {
            return check.expect().percent() ? "violations as % of total_rows " + check.expect().describe() : "violations " + check.expect().describe();
        }
        return "violations = 0";
    }

    /** A file name for the check: its ID with anything but letters, digits, '.', '_' and '-' replaced. */
    public String fileName() {
        return UNSAFE_NAME.matcher(check.id()).replaceAll("_") + ".sql";
    }

    static String safe(String s) {
        return CONTROL.matcher(s).replaceAll(" ");
    }

    private static final java.util.regex.Pattern UNSAFE_NAME = java.util.regex.Pattern.compile("[^A-Za-z0-9._-]");
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("\\p{Cntrl}");
}
