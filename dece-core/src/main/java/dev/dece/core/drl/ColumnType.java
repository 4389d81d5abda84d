package dev.dece.core.drl;

import java.util.Locale;

/**
 * What a column's SQL type means for the naming and timezone rules. {@link #UNKNOWN} when the input does
 * not say (a dbt column without {@code data_type}): rules that need the type then stay silent.
 */
public enum ColumnType {
    BOOLEAN, TIMESTAMP_TZ, TIMESTAMP_NTZ, DATE, INTEGER, DECIMAL, TEXT, OTHER, UNKNOWN;

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern PARENS = java.util.regex.Pattern.compile("\\(.*?\\)");
    private static final java.util.regex.Pattern INTEGER_TYPES = java.util.regex.Pattern.compile(
            "(big|small|tiny|medium)?int(eger)?[0-9]*|int64|serial|bigserial|smallserial|hugeint|ubigint|uinteger|long|short|byteint");
    private static final java.util.regex.Pattern DECIMAL_TYPES = java.util.regex.Pattern.compile(
            "(numeric|decimal|number|bignumeric|bigdecimal|money|real|double|double precision|float[0-9]*|float64)");
    private static final java.util.regex.Pattern ZERO_SCALE = java.util.regex.Pattern.compile(
            "^\\s*(number|numeric|decimal)\\s*\\(\\s*\\d+\\s*(,\\s*0\\s*)?\\)");
    private static final java.util.regex.Pattern TEXT_TYPES = java.util.regex.Pattern.compile(
            "(var)?char(acter)?( varying)?|text|string|nvarchar|nchar|varchar2|clob|uuid");

    public boolean isTimestamp() {
        return this == TIMESTAMP_TZ || this == TIMESTAMP_NTZ;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    /**
     * Classifies a SQL type as written. {@code dialect} matters for bare {@code TIMESTAMP}: in BigQuery it is an
     * absolute point in time (UTC); in PostgreSQL, DuckDB and Snowflake (default mapping) it has no time zone.
     *
     * @param sqlType e.g. {@code timestamp with time zone}, {@code NUMBER(18,2)}; null or blank gives UNKNOWN
     * @param dialect e.g. {@code bigquery}; may be null
     */
    public static ColumnType of(String sqlType, String dialect) {
        if (sqlType == null || sqlType.isBlank()) return UNKNOWN;
        String t = PARENS.matcher(SPACES.matcher(sqlType.toLowerCase(Locale.ROOT).strip()).replaceAll(" ")).replaceAll("").strip();
        boolean bq = dialect != null && dialect.toLowerCase(Locale.ROOT).contains("bigquery");
        if (t.startsWith("bool") || t.equals("bit")) return BOOLEAN;
        if (t.equals("timestamptz") || t.contains("with time zone") && !t.contains("without")
                || t.equals("timestamp_tz") || t.equals("timestamp_ltz") || t.equals("datetimeoffset")) return TIMESTAMP_TZ;
        if (t.equals("timestamp")) return bq ? TIMESTAMP_TZ : TIMESTAMP_NTZ;
        if (t.startsWith("timestamp") || t.equals("datetime") || t.equals("datetime2") || t.equals("smalldatetime")) return TIMESTAMP_NTZ;
        if (t.equals("date")) return DATE;
        if (INTEGER_TYPES.matcher(t).matches()) return INTEGER;
        // NUMBER without a scale (Snowflake, Oracle) and NUMERIC(p,0) hold whole numbers
        if (t.equals("number") || ZERO_SCALE.matcher(sqlType.toLowerCase(Locale.ROOT)).find()) return INTEGER;
        if (DECIMAL_TYPES.matcher(t).matches()) return DECIMAL;
        if (TEXT_TYPES.matcher(t).matches()) return TEXT;
        return OTHER;
    }
}
