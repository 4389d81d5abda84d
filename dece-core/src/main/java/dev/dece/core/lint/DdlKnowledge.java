package dev.dece.core.lint;

import dev.dece.core.drl.KnownColumn;
import dev.dece.core.drl.KnownTable;
import dev.dece.core.input.InputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code CREATE TABLE} DDL as table knowledge for {@code dece optimize}: the columns and their nullability
 * ({@code NOT NULL} or {@code PRIMARY KEY}: not null; otherwise nullable) from {@link DdlReader}, and the
 * partitioning and clustering clauses that follow the column list, which JSqlParser does not read for every dialect:
 * {@code PARTITION BY col | DATE(col) | RANGE (col)} (BigQuery, PostgreSQL), {@code PARTITIONED BY (col, ...)}
 * (Spark, Hive, Databricks) and {@code CLUSTER BY (a, b)} / {@code CLUSTER BY a, b} (Snowflake, BigQuery, Databricks).
 * The clauses are read from the text and removed before parsing, so lint's own reading of the same file is unchanged.
 */
final class DdlKnowledge {
    private DdlKnowledge() {}

    private static final Pattern CREATE = Pattern.compile("(?is)\\bcreate\\s+(?:or\\s+replace\\s+)?(?:(?:temporary|temp|transient|external)\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?");
    private static final Pattern PARTITION = Pattern.compile("(?is)\\bpartition(?:ed)?\\s+by\\s+(?:(?:range|list|hash)\\s*)?(\\((?:[^()]|\\([^()]*\\))*\\)|[\\w.`\"]+\\s*(?:\\((?:[^()]|\\([^()]*\\))*\\))?)");
    private static final Pattern CLUSTER = Pattern.compile("(?is)\\bcluster\\s+by\\s+(\\((?:[^()]|\\([^()]*\\))*\\)|[\\w`\"]+(?:\\s*,\\s*[\\w`\"]+)*)");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|`[^`]+`|\"[^\"]+\"");

    static List<KnownTable> read(String name, String sql) throws InputException {
        Map<String, List<String>[]> clauses = new LinkedHashMap<>();
        Map<String, String> qualified = new LinkedHashMap<>();
        StringBuilder stripped = new StringBuilder(sql);
        Matcher m = CREATE.matcher(sql);
        List<int[]> cuts = new ArrayList<>();
        while (m.find()) {
            int open = sql.indexOf('(', m.end());
            int semi = statementEnd(sql, m.end());
            if (open < 0 || open > semi) continue;
            String table = sql.substring(m.end(), open).strip();
            int close = closing(sql, open);
            if (close < 0 || close > semi) continue;
            String tail = sql.substring(close + 1, semi);
            if (tail.toLowerCase(Locale.ROOT).matches("(?s).*\\bas\\s+select\\b.*")) continue;
            List<String> part = new ArrayList<>();
            List<String> clus = new ArrayList<>();
            Matcher p = PARTITION.matcher(tail);
            if (p.find()) part = columns(p.group(1), true);
            Matcher c = CLUSTER.matcher(tail);
            if (c.find()) clus = columns(c.group(1), false);
            @SuppressWarnings("unchecked") List<String>[] both = new List[] {part, clus};
            clauses.put(DdlReader.unquote(lastPart(table)).toLowerCase(Locale.ROOT), both);
            StringBuilder q = new StringBuilder();
            for (String piece : table.split("\\.")) q.append(q.length() > 0 ? "." : "").append(DdlReader.unquote(piece.strip()));
            qualified.put(DdlReader.unquote(lastPart(table)).toLowerCase(Locale.ROOT), q.toString());
            cuts.add(new int[] {close + 1, semi});
        }
        // blank out the clauses (keep the line structure so locations stay right)
        for (int[] cut : cuts) {
            for (int i = cut[0]; i < cut[1]; i++) if (stripped.charAt(i) != '\n') stripped.setCharAt(i, ' ');
        }
        List<KnownTable> out = new ArrayList<>();
        for (dev.dece.core.drl.Table t : DdlReader.read(name, stripped.toString(), null)) {
            List<KnownColumn> cols = new ArrayList<>();
            for (dev.dece.core.drl.Column c : t.columns()) {
                cols.add(new KnownColumn(c.name().toLowerCase(Locale.ROOT), c.sqlType(), c.primaryKey() || notNull(sql, c) ? Boolean.FALSE : Boolean.TRUE));
            }
            List<String>[] k = clauses.getOrDefault(lastPart(t.name()).toLowerCase(Locale.ROOT), new List[] {List.of(), List.of()});
            String full = qualified.getOrDefault(lastPart(t.name()).toLowerCase(Locale.ROOT), t.name());
            out.add(new KnownTable(full.toLowerCase(Locale.ROOT), full, "ddl", cols, k[0], k[1], null, null, t.file(), t.line(), t.col(), t.path()));
        }
        return out;
    }

    /** True when the column's definition line says NOT NULL (DdlReader keeps the specs; the text is the ground truth). */
    private static boolean notNull(String sql, dev.dece.core.drl.Column c) {
        String[] lines = sql.split("\n", -1);
        if (c.line() < 1 || c.line() > lines.length) return false;
        String l = lines[c.line() - 1].substring(Math.max(0, Math.min(lines[c.line() - 1].length(), c.col() - 1)));
        int comma = commaAtDepth0(l);
        String def = (comma < 0 ? l : l.substring(0, comma)).toLowerCase(Locale.ROOT);
        return def.matches("(?s).*\\bnot\\s+null\\b.*");
    }

    private static int commaAtDepth0(String s) {
        int d = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '(') d++;
            else if (ch == ')') {
                if (d == 0) return i;
                d--;
            } else if (ch == ',' && d == 0) return i;
        }
        return -1;
    }

    private static String lastPart(String qualified) {
        String q = qualified.strip();
        int dot = q.lastIndexOf('.');
        return dot < 0 ? q : q.substring(dot + 1);
    }

    /** Column names of a clause: {@code (a, b)}, {@code DATE(ts)}, {@code a, b}; for a partition expression, its column. */
    private static List<String> columns(String clause, boolean partition) {
        String c = clause.strip();
        if (c.startsWith("(") && c.endsWith(")")) c = c.substring(1, c.length() - 1);
        List<String> out = new ArrayList<>();
        for (String part : splitTop(c)) {
            String p = part.strip();
            // DATE(ts), DATE_TRUNC(ts, MONTH), TIMESTAMP_TRUNC(ts, DAY), RANGE_BUCKET(id, ...): the first identifier argument
            int paren = p.indexOf('(');
            if (paren > 0 && p.endsWith(")")) p = p.substring(paren + 1, p.length() - 1);
            Matcher id = IDENT.matcher(p);
            while (id.find()) {
                String w = DdlReader.unquote(id.group()).toLowerCase(Locale.ROOT);
                if (w.matches("day|month|year|hour|week|quarter|date|linear|string|int|bigint|date|timestamp")) continue;
                if (!out.contains(w)) out.add(w);
                break;
            }
        }
        return out;
    }

    private static List<String> splitTop(String s) {
        List<String> out = new ArrayList<>();
        int d = 0, from = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '(') d++;
            else if (ch == ')') d--;
            else if (ch == ',' && d == 0) {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        out.add(s.substring(from));
        return out;
    }

    private static int closing(String s, int open) {
        int d = 0;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'') {
                int e = s.indexOf('\'', i + 1);
                if (e < 0) return -1;
                i = e;
            } else if (ch == '(') d++;
            else if (ch == ')' && --d == 0) return i;
        }
        return -1;
    }

    private static int statementEnd(String s, int from) {
        int d = 0;
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'') {
                int e = s.indexOf('\'', i + 1);
                if (e < 0) return s.length();
                i = e;
            } else if (ch == '(') d++;
            else if (ch == ')') d--;
            else if (ch == ';' && d <= 0) return i;
        }
        return s.length();
    }
}
