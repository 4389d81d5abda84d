package dev.dece.core.drl;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column type as written in a contract ({@code varchar(18)}, {@code bigint}, {@code decimal(12,2)},
 * ODCS {@code logicalType: integer}), reduced to a family and a size so two versions can be compared:
 * a change is <em>widening</em> when every old value still fits, <em>narrowing</em> otherwise. The type-change
 * matrix in {@code docs/quality.md} (Schema change) is this class's {@link #widens} read both ways.
 *
 * @param text   the type as written, trimmed; {@code ""} when the contract gives none
 * @param family the family, {@link Family#OTHER} when unknown
 * @param size   character length, integer bits, or decimal precision; 0 when unbounded or unknown
 * @param scale  decimal scale, 0 otherwise
 */
public record SqlType(String text, Family family, int size, int scale) {

    /** Type families in the order values can be converted without loss (see {@link #widens}). */
    public enum Family { BOOLEAN, INTEGER, DECIMAL, FLOAT, DATE, TIMESTAMP, STRING, OTHER }

    private static final Pattern ARGS = Pattern.compile("\\(\\s*(\\d{1,6})\\s*(?:,\\s*(\\d{1,6})\\s*)?\\)");

    /** A whole type with its arguments: {@code name}, {@code name(n)} or {@code name(p, s)}. */
    private static final Pattern WELL_FORMED = Pattern.compile("[a-z_][a-z0-9_ ]*(\\(\\s*\\d{1,6}\\s*(,\\s*\\d{1,6}\\s*)?\\))?[a-z0-9_ ]*");

    /**
     * Why {@code text} is not a type DECE can compare, or null when it is (or is empty, or a type DECE does not
     * know but writes plainly): unbalanced or malformed arguments ({@code decimal(12,}), arguments that are not
     * whole numbers, or a scale above the precision. Readers report it at the type's node, so a typo is never
     * compared as an unbounded type.
     */
    public static String problem(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.indexOf('(') < 0 && t.indexOf(')') < 0 && t.indexOf('<') < 0) return null;
        if (t.indexOf('<') >= 0 || t.startsWith("struct") || t.startsWith("array") || t.startsWith("map")) return null; // nested types: not sized
        if (!WELL_FORMED.matcher(t).matches()) {
            return "\"" + text.strip() + "\" is not a well-formed type; write it as name, name(n) or name(precision, scale), e.g. decimal(12,2)";
        }
        Matcher m = ARGS.matcher(t);
        if (m.find() && m.group(2) != null && Integer.parseInt(m.group(2)) > Integer.parseInt(m.group(1))) {
            return "\"" + text.strip() + "\" has a scale above its precision";
        }
        return null;
    }

    /** Parses a type; never throws (a malformed one is read as {@link Family#OTHER}; see {@link #problem}). */
    public static SqlType parse(String text) {
        String t = text == null ? "" : text.strip();
        String l = t.toLowerCase(Locale.ROOT);
        if (problem(t) != null) return new SqlType(t, Family.OTHER, 0, 0);
        Matcher m = ARGS.matcher(l);
        int a = 0;
        int b = 0;
        if (m.find()) {
            a = Integer.parseInt(m.group(1));
            if (m.group(2) != null) b = Integer.parseInt(m.group(2));
        }
        String base = l.replaceAll("\\(.*", "").strip();
        Family f;
        int size = 0;
        switch (base) {
            case "boolean": case "bool": f = Family.BOOLEAN; break;
            case "tinyint": case "int8": case "byteint": f = Family.INTEGER; size = base.equals("int8") ? 64 : 8; break;
            case "smallint": case "int2": f = Family.INTEGER; size = 16; break;
            case "int": case "integer": case "int4": f = Family.INTEGER; size = 32; break;
            case "bigint": case "int64": case "long": f = Family.INTEGER; size = 64; break;
            case "hugeint": f = Family.INTEGER; size = 128; break;
            case "decimal": case "numeric": case "number": case "bignumeric":
                if (a == 0 && base.equals("number")) { f = Family.DECIMAL; size = 0; break; }
                f = Family.DECIMAL; size = a; break;
            case "real": case "float4": case "float": f = Family.FLOAT; size = base.equals("float") ? 64 : 32; break;
            case "double": case "double precision": case "float8": case "float64": f = Family.FLOAT; size = 64; break;
            case "date": f = Family.DATE; break;
            case "timestamp": case "timestamptz": case "datetime": case "timestamp_ntz": case "timestamp_tz":
            case "timestamp with time zone": case "timestamp without time zone": f = Family.TIMESTAMP; break;
            case "varchar": case "char": case "character varying": case "character": case "nvarchar":
                f = Family.STRING; size = a; break;
            case "text": case "string": f = Family.STRING; size = a; break;
            default: f = Family.OTHER;
        }
        return new SqlType(t, f, size, f == Family.DECIMAL ? b : 0);
    }

    /** True when every value of {@code this} type fits {@code to} without loss. */
    public boolean widens(SqlType to) {
        if (family == Family.OTHER || to.family == Family.OTHER) return text.equalsIgnoreCase(to.text);
        if (family == to.family) {
            if (family == Family.DECIMAL) {
                if (to.size == 0) return true;
                if (size == 0) return false;
                return to.scale >= scale && (to.size - to.scale) >= (size - scale);
            }
            if (to.size == 0) return true;
            if (size == 0) return false;
            return to.size >= size;
        }
        // across families only the numeric and the temporal conversions keep both the values and the code that reads
        // them: a string column that becomes a number (or a number that becomes a string, a boolean that becomes
        // text) breaks the functions, comparisons and joins written for the old type, whichever way values convert
        switch (family) {
            case INTEGER:
                if (to.family == Family.DECIMAL) return to.size == 0 || to.size - to.scale >= digits(size);
                if (to.family == Family.FLOAT) return to.size == 64 && size <= 32;
                return false;
            case DATE: return to.family == Family.TIMESTAMP;
            default: return false;
        }
    }

    private static int digits(int bits) {
        switch (bits) {
            case 8: return 3;
            case 16: return 5;
            case 32: return 10;
            case 64: return 19;
            default: return 39;
        }
    }

    /** True when two types are the same for compatibility purposes (case and blanks ignored). */
    public boolean sameAs(SqlType o) {
        return text.replaceAll("\\s+", "").equalsIgnoreCase(o.text.replaceAll("\\s+", ""))
                || family != Family.OTHER && family == o.family && size == o.size && scale == o.scale;
    }
}
