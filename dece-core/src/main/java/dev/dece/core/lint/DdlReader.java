package dev.dece.core.lint;

import dev.dece.core.drl.Column;
import dev.dece.core.drl.ColumnType;
import dev.dece.core.drl.Table;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.sql.SqlParsing;

import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the {@code CREATE TABLE} statements of a DDL file with JSqlParser; other statements are skipped.
 * Column types are classified with {@link ColumnType#of(String, String)}; a {@code PRIMARY KEY} (column or
 * table constraint) is the table's key. Lines are found by locating each table's and column's name in the
 * text after its {@code CREATE TABLE}, in order.
 */
final class DdlReader {
    private DdlReader() {}

    /** How long the parser may take for one DDL file. */
    static final long PARSE_MILLIS = 20_000;

    /**
     * @param name    the file name, used in locations
     * @param sql     the file's text
     * @param dialect e.g. {@code bigquery} (matters for bare TIMESTAMP), or null
     * @throws InputException when the SQL does not parse (with the parser's line and column) or holds no CREATE TABLE
     */
    public static List<Table> read(String name, String sql, String dialect) throws InputException {
        Statements statements = SqlParsing.statements(name, sql, PARSE_MILLIS);
        List<Table> out = new ArrayList<>();
        List<Problem> duplicates = new ArrayList<>();
        java.util.Map<String, int[]> seenTables = new java.util.HashMap<>();
        // names are found in the text with comments and string literals blanked out, so a comment above a
        // CREATE TABLE that mentions "create" or a column's name does not take its location
        String lower = masked(sql).toLowerCase(Locale.ROOT);
        int[] starts = lineStarts(sql);
        int from = 0;
        int index = 0;
        for (Statement s : statements) {
            if (!(s instanceof CreateTable ct)) continue;
            String table = unquote(ct.getTable().getName());
            int at = createAt(lower, from);
            int tpos = at < 0 ? from : wordAt(lower, table.toLowerCase(Locale.ROOT), at);
            if (tpos < 0) tpos = Math.max(at, 0);
            from = tpos + table.length();
            String tpath = "tables[" + index++ + "]";
            String pk = null;
            List<String> key = List.of();
            if (ct.getIndexes() != null) {
                for (Index i : ct.getIndexes()) {
                    if (i.getType() != null && i.getType().toLowerCase(Locale.ROOT).contains("primary")) {
                        if (i.getColumnsNames().size() == 1) pk = unquote(i.getColumnsNames().get(0));
                        else key = i.getColumnsNames().stream().map(DdlReader::unquote).toList();
                    }
                }
            }
            List<Column> cols = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<Set<String>> tests = new ArrayList<>();
            List<ColumnDefinition> defs = ct.getColumnDefinitions() == null ? List.of() : ct.getColumnDefinitions();
            int cfrom = from;
            java.util.Map<String, int[]> seenColumns = new java.util.HashMap<>();
            for (int i = 0; i < defs.size(); i++) {
                ColumnDefinition d = defs.get(i);
                String cname = unquote(d.getColumnName());
                String type = d.getColDataType().toString();
                List<String> specs = d.getColumnSpecs() == null ? List.of() : d.getColumnSpecs();
                String spec = String.join(" ", specs).toLowerCase(Locale.ROOT);
                if (spec.contains("primary key")) pk = cname;
                int cpos = wordAt(lower, cname.toLowerCase(Locale.ROOT), cfrom);
                if (cpos >= 0) cfrom = cpos + cname.length();
                int[] lc = lineCol(starts, cpos < 0 ? tpos : cpos);
                int[] firstCol = seenColumns.putIfAbsent(cname.toLowerCase(Locale.ROOT), lc);
                if (firstCol != null) {
                    duplicates.add(new Problem(name, lc[0], lc[1], tpath + ".columns[" + i + "]", "column \"" + cname + "\" of " + table
                            + " is already defined at line " + firstCol[0] + "; each column appears once"));
                }
                names.add(cname);
                tests.add(Set.of());
                cols.add(new Column(table, cname, type, ColumnType.of(type, dialect), Set.of(), false, name, lc[0], lc[1],
                        tpath + ".columns[" + i + "]", null, false, quoted(d.getColumnName()), ""));
            }
            from = Math.max(from, cfrom);
            pk = key.isEmpty() ? Tables.primaryKey(table, names, pk, tests) : null;
            int[] lc = lineCol(starts, at >= 0 ? at : tpos);
            int[] firstTable = seenTables.putIfAbsent(table.toLowerCase(Locale.ROOT), lc);
            if (firstTable != null) {
                duplicates.add(new Problem(name, lc[0], lc[1], tpath, "table \"" + table + "\" is already created at line " + firstTable[0]
                        + "; each table appears once"));
            }
            out.add(new Table(table, Tables.kindOf(table), false, "ddl", null, Tables.markKey(cols, pk, key), pk, false, Set.of(),
                    dialect, name, lc[0], lc[1], tpath, null, false, key));
        }
        if (!duplicates.isEmpty()) throw new InputException(duplicates);
        if (out.isEmpty()) {
            throw new InputException(Problem.file(name, "holds no CREATE TABLE statement; expected DDL such as CREATE TABLE fct_orders (order_id BIGINT, ...)"));
        }
        return out;
    }

    /** True for a quoted (case-sensitive) identifier: {@code "OrderId"}, {@code `x`}, {@code [x]}. */
    static boolean quoted(String s) {
        return s != null && !s.strip().equals(unquote(s));
    }

    /** The next {@code CREATE} keyword at or after {@code from} (as a word), or -1. */
    static int createAt(String lowerMasked, int from) {
        return wordAt(lowerMasked, "create", from);
    }

    /** The next occurrence of {@code word} at or after {@code from} that is a whole word (not inside a longer name), or -1. */
    static int wordAt(String text, String word, int from) {
        if (word.isEmpty()) return -1;
        int i = from;
        while ((i = text.indexOf(word, i)) >= 0) {
            int e = i + word.length();
            if (!namePart(text, i - 1) && !namePart(text, e)) return i;
            i = i + 1;
        }
        return -1;
    }

    private static boolean namePart(String text, int i) {
        if (i < 0 || i >= text.length()) return false;
        char ch = text.charAt(i);
        return Character.isLetterOrDigit(ch) || ch == '_' || ch == '$';
    }

    /**
     * The text with {@code --} and {@code /* *}{@code /} comments and {@code '...'} string literals replaced by
     * spaces (line breaks kept), so positions still match the original.
     */
    static String masked(String sql) {
        char[] c = sql.toCharArray();
        int n = c.length;
        int i = 0;
        while (i < n) {
            if (c[i] == '-' && i + 1 < n && c[i + 1] == '-') {
                while (i < n && c[i] != '\n') c[i++] = ' ';
            } else if (c[i] == '/' && i + 1 < n && c[i + 1] == '*') {
                c[i++] = ' ';
                c[i++] = ' ';
                while (i < n && !(c[i] == '*' && i + 1 < n && c[i + 1] == '/')) {
                    if (c[i] != '\n') c[i] = ' ';
                    i++;
                }
                if (i < n) c[i++] = ' ';
                if (i < n) c[i++] = ' ';
            } else if (c[i] == '\'') {
                c[i++] = ' ';
                while (i < n && c[i] != '\'') {
                    if (c[i] != '\n') c[i] = ' ';
                    i++;
                }
                if (i < n) c[i++] = ' ';
            } else {
                i++;
            }
        }
        return new String(c);
    }

    static String unquote(String s) {
        if (s == null) return null;
        String t = s.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("`") && t.endsWith("`")
                || t.startsWith("[") && t.endsWith("]"))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** Line and column of {@code pos}, by binary search over the line starts (linear files stay linear). */
    static int[] lineCol(int[] starts, int pos) {
        int i = java.util.Arrays.binarySearch(starts, pos);
        int line = i >= 0 ? i : -i - 2;
        return new int[] {line + 1, pos - starts[line] + 1};
    }

    static int[] lineStarts(String text) {
        List<Integer> s = new ArrayList<>();
        s.add(0);
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') s.add(i + 1);
        return s.stream().mapToInt(Integer::intValue).toArray();
    }
}
