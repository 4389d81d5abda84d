package dev.dece.core.report;

/**
 * Where in the input a finding points.
 *
 * <pre>{@code
 * new Location("queries/daily.sql", 12, 8, "statements[3]");   // line 12, column 8: SARIF annotates the column
 * new Location("brief.yaml", 6, "data_consumers[1]");           // a line only (column 0)
 * }</pre>
 *
 * @param file   file name as given by the caller
 * @param line   1-based line, 0 when the finding is about the whole document or an absent key's parent is unknown
 * @param column 1-based column of the offending element (a SQL expression), 0 when the finding is about a line
 *               or a YAML key; reports write it only when it is set, so findings without one render as before
 * @param path   YAML path (or, for SQL, the statement), {@code ""} for the whole document
 */
public record Location(String file, int line, int column, String path) {

    public Location {
        if (column < 0) throw new IllegalArgumentException("column must be 0 or more: " + column);
    }

    /** A location on a line, without a column. */
    public Location(String file, int line, String path) {
        this(file, line, 0, path);
    }

    /** {@code file:line:column}, {@code file:line} or {@code file}, as editors and CI logs link them. */
    public String where() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        return sb.toString();
    }
}
