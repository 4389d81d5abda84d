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
        String lower = sql.toLowerCase(Locale.ROOT);
        int[] starts = lineStarts(sql);
        int from = 0;
        int index = 0;
        for (Statement s : statements) {
            if (!(s instanceof CreateTable ct)) continue;
            String table = unquote(ct.getTable().getName());
            int at = lower.indexOf("create", from);
            int tpos = at < 0 ? from : lower.indexOf(table.toLowerCase(Locale.ROOT), at);
            if (tpos < 0) tpos = Math.max(at, 0);
            from = tpos + table.length();
            String tpath = "tables[" + index++ + "]";
            String pk = null;
            if (ct.getIndexes() != null) {
                for (Index i : ct.getIndexes()) {
                    if (i.getType() != null && i.getType().toLowerCase(Locale.ROOT).contains("primary") && i.getColumnsNames().size() == 1) {
                        pk = unquote(i.getColumnsNames().get(0));
                    }
                }
            }
            List<Column> cols = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<Set<String>> tests = new ArrayList<>();
            List<ColumnDefinition> defs = ct.getColumnDefinitions() == null ? List.of() : ct.getColumnDefinitions();
            int cfrom = from;
            for (int i = 0; i < defs.size(); i++) {
                ColumnDefinition d = defs.get(i);
                String cname = unquote(d.getColumnName());
                String type = d.getColDataType().toString();
                List<String> specs = d.getColumnSpecs() == null ? List.of() : d.getColumnSpecs();
                String spec = String.join(" ", specs).toLowerCase(Locale.ROOT);
                if (spec.contains("primary key")) pk = cname;
                int cpos = lower.indexOf(cname.toLowerCase(Locale.ROOT), cfrom);
                if (cpos >= 0) cfrom = cpos + cname.length();
                int[] lc = lineCol(starts, cpos < 0 ? tpos : cpos);
                names.add(cname);
                tests.add(Set.of());
                cols.add(new Column(table, cname, type, ColumnType.of(type, dialect), Set.of(), false, name, lc[0], lc[1],
                        tpath + ".columns[" + i + "]"));
            }
            from = Math.max(from, cfrom);
            pk = Tables.primaryKey(table, names, pk, tests);
            int[] lc = lineCol(starts, tpos);
            out.add(new Table(table, Tables.kindOf(table), false, "ddl", null, Tables.markKey(cols, pk), pk, false, Set.of(),
                    dialect, name, lc[0], lc[1], tpath));
        }
        if (out.isEmpty()) {
            throw new InputException(Problem.file(name, "holds no CREATE TABLE statement; expected DDL such as CREATE TABLE fct_orders (order_id BIGINT, ...)"));
        }
        return out;
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
