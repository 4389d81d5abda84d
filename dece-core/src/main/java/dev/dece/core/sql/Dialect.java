package dev.dece.core.sql;

import dev.dece.core.drl.Spelled;

import java.util.List;
import java.util.Locale;

/**
 * The SQL dialects DECE writes: model DDL and SCD2 loads ({@code dece model}) and quality checks
 * ({@code dece quality}). Every identifier goes through {@link #quote(String)}
 * and every text literal through {@link #string(String)}; numbers are formatted from parsed doubles. No
 * contract text reaches SQL any other way.
 */
public enum Dialect implements Spelled {
    POSTGRES("postgres", "postgresql", "pg"),
    DUCKDB("duckdb"),
    SNOWFLAKE("snowflake"),
    BIGQUERY("bigquery", "bq");

    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final List<String> spellings;

    Dialect(String... s) {
        this.spellings = List.of(s);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }

    /**
     * A quoted identifier: {@code "name"} with embedded {@code "} doubled (PostgreSQL, DuckDB, Snowflake), or
     * {@code `name`} (BigQuery, which has no escape for a backtick in an identifier). A plain name (letters,
     * digits, _) is quoted in the case the database stores unquoted names in (PostgreSQL lower case,
     * Snowflake upper case), so it matches tables created without quotes; other names keep their case.
     *
     * @throws IllegalArgumentException for a name no quoting makes safe (control characters; a backtick or
     *                                  backslash in BigQuery)
     */
    public String quote(String ident) {
        for (char c : ident.toCharArray()) {
            if (c < 0x20 || c == 0x7f) throw new IllegalArgumentException("identifier holds a control character: " + ident.replaceAll("\\p{Cntrl}", "?"));
        }
        if (PLAIN.matcher(ident).matches()) {
            // the case the database gives an unquoted name, so quoted names match tables created without quotes
            if (this == POSTGRES) ident = ident.toLowerCase(Locale.ROOT);
            if (this == SNOWFLAKE) ident = ident.toUpperCase(Locale.ROOT);
        }
        if (this == BIGQUERY) {
            if (ident.indexOf('`') >= 0 || ident.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("a BigQuery identifier cannot hold ` or \\: " + ident);
            }
            return "`" + ident + "`";
        }
        return "\"" + ident.replace("\"", "\"\"") + "\"";
    }

    /** A possibly qualified table name, each dotted part quoted. */
    public String table(String qualified) {
        StringBuilder sb = new StringBuilder();
        for (String part : qualified.split("\\.", -1)) {
            if (sb.length() > 0) sb.append('.');
            sb.append(quote(part));
        }
        return sb.toString();
    }

    /**
     * A text literal that holds exactly {@code s}, whatever the server's settings:
     * <ul>
     *   <li>DuckDB: single quotes doubled (backslash is an ordinary character);</li>
     *   <li>PostgreSQL: the same, and when {@code s} holds a backslash an escape string {@code E'...'} with
     *       backslashes doubled, so a server with {@code standard_conforming_strings = off} reads it the same;</li>
     *   <li>Snowflake: backslashes doubled and single quotes doubled (Snowflake literals read backslash escapes);</li>
     *   <li>BigQuery: backslashes doubled and quotes escaped with a backslash.</li>
     * </ul>
     *
     * @throws IllegalArgumentException for a control character other than tab, which binders refuse first
     */
    public String string(String s) {
        for (char c : s.toCharArray()) {
            if (c < 0x20 && c != '\t') throw new IllegalArgumentException("a literal holds a control character");
        }
        if (this == BIGQUERY) return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        if (this == SNOWFLAKE) return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
        if (this == POSTGRES && s.indexOf('\\') >= 0) return "E'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
        return "'" + s.replace("'", "''") + "'";
    }

    /** The expression cast to text. */
    public String asText(String expr) {
        switch (this) {
            case POSTGRES: return "CAST(" + expr + " AS TEXT)";
            case BIGQUERY: return "CAST(" + expr + " AS STRING)";
            default: return "CAST(" + expr + " AS VARCHAR)";
        }
    }

    /** True when {@code text} does not match the regular expression {@code patternLiteral} anywhere. */
    public String regexMismatch(String text, String patternLiteral) {
        switch (this) {
            case POSTGRES: return text + " !~ " + patternLiteral;
            case DUCKDB: return "NOT regexp_matches(" + text + ", " + patternLiteral + ")";
            case SNOWFLAKE: return "REGEXP_INSTR(" + text + ", " + patternLiteral + ") = 0";
            default: return "NOT REGEXP_CONTAINS(" + text + ", " + patternLiteral + ")";
        }
    }

    /** The timestamp {@code minutes} before now. */
    public String minutesAgo(long minutes) {
        switch (this) {
            case POSTGRES: return "CURRENT_TIMESTAMP - INTERVAL '" + minutes + " minutes'";
            case DUCKDB: return "CAST(CURRENT_TIMESTAMP AS TIMESTAMP) - INTERVAL " + minutes + " MINUTE";
            case SNOWFLAKE: return "DATEADD(minute, -" + minutes + ", CURRENT_TIMESTAMP())";
            default: return "TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL " + minutes + " MINUTE)";
        }
    }

    /** Hours between {@code ts} and now. */
    public String hoursSince(String ts) {
        switch (this) {
            case POSTGRES: return "EXTRACT(EPOCH FROM (CURRENT_TIMESTAMP - " + ts + ")) / 3600.0";
            case DUCKDB: return "date_diff('second', " + ts + ", CAST(CURRENT_TIMESTAMP AS TIMESTAMP)) / 3600.0";
            case SNOWFLAKE: return "DATEDIFF(second, " + ts + ", CURRENT_TIMESTAMP()) / 3600.0";
            default: return "TIMESTAMP_DIFF(CURRENT_TIMESTAMP(), " + ts + ", SECOND) / 3600.0";
        }
    }

}
