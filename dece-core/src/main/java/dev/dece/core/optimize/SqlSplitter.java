package dev.dece.core.optimize;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL file into statements at the semicolons that end them, and notes where each starts, so each statement
 * is parsed on its own (one that does not parse does not stop the others) and its parser positions map back to the
 * file. A semicolon inside a string, a quoted identifier, a dollar-quoted body ({@code $$ ... $$}), a comment or a
 * Jinja tag does not end a statement. Linear in the file's length; keeps no copy of it beyond the pieces.
 */
final class SqlSplitter {
    private SqlSplitter() {}

    /**
     * One statement's text.
     *
     * @param text      from just after the previous semicolon (or the file's start) to just before its own
     * @param line      the 1-based line where {@code text} starts
     * @param col       the 1-based column where {@code text} starts
     * @param stmtLine  the line of its first token (after blanks and comments)
     * @param stmtCol   the column of its first token
     * @param maxDepth  its deepest nesting of parentheses
     * @param jinja     true when it holds {@code {{ }}}, {@code {% %}} or {@code {# #}}
     */
    record Piece(String text, int line, int col, int stmtLine, int stmtCol, int maxDepth, boolean jinja) {}

    static List<Piece> split(String sql, OptimizeOptions.SqlDialect dialect) {
        List<Piece> out = new ArrayList<>();
        int n = sql.length();
        int start = 0, line = 1, col = 1;          // current position
        int pLine = 1, pCol = 1;                   // where the current piece starts
        int sLine = -1, sCol = -1;                 // its first token
        int depth = 0, maxDepth = 0;
        boolean jinja = false;
        boolean backslash = dialect != null && dialect.backslashEscapes();
        boolean hash = dialect == OptimizeOptions.SqlDialect.BIGQUERY;
        boolean dollar = dialect == null || dialect == OptimizeOptions.SqlDialect.POSTGRES || dialect == OptimizeOptions.SqlDialect.DUCKDB
                || dialect == OptimizeOptions.SqlDialect.SNOWFLAKE;
        // JSqlParser does not read BigQuery's # comments: they are blanked (positions kept) in the pieces it parses
        char[] blanked = hash ? sql.toCharArray() : null;
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int next = i + 1;
            boolean significant = true;
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || hash && c == '#') {
                next = lineEnd(sql, i);
                significant = false;
                if (c == '#') java.util.Arrays.fill(blanked, i, next, ' ');
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int e = sql.indexOf("*/", i + 2);
                next = e < 0 ? n : e + 2;
                significant = false;
            } else if (c == '\'' || c == '"' || c == '`') {
                next = quoted(sql, i, c, backslash && c != '`');
            } else if (c == '$' && dollar && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                int tagEnd = i + 1;
                while (tagEnd < n && (Character.isLetterOrDigit(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_')) tagEnd++;
                if (tagEnd < n && sql.charAt(tagEnd) == '$' && (tagEnd == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
                    String tag = sql.substring(i, tagEnd + 1);
                    int e = sql.indexOf(tag, tagEnd + 1);
                    next = e < 0 ? n : e + tag.length();
                }
            } else if (c == '{' && i + 1 < n && (sql.charAt(i + 1) == '{' || sql.charAt(i + 1) == '%' || sql.charAt(i + 1) == '#')) {
                char open = sql.charAt(i + 1);
                String close = open == '{' ? "}}" : open + "}";
                int e = sql.indexOf(close, i + 2);
                next = e < 0 ? n : e + 2;
                jinja = true;
            } else if (c == '(') {
                maxDepth = Math.max(maxDepth, ++depth);
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == ';') {
                if (sLine > 0) out.add(new Piece(text(sql, blanked, start, i), pLine, pCol, sLine, sCol, maxDepth, jinja));
                int[] lc = advance(sql, i, next, line, col);
                line = lc[0];
                col = lc[1];
                i = next;
                start = i;
                pLine = line;
                pCol = col;
                sLine = sCol = -1;
                depth = maxDepth = 0;
                jinja = false;
                continue;
            } else if (Character.isWhitespace(c)) {
                significant = false;
            }
            if (significant && sLine < 0) {
                sLine = line;
                sCol = col;
            }
            int[] lc = advance(sql, i, next, line, col);
            line = lc[0];
            col = lc[1];
            i = next;
        }
        if (sLine > 0) out.add(new Piece(text(sql, blanked, start, n), pLine, pCol, sLine, sCol, maxDepth, jinja));
        return out;
    }

    private static String text(String sql, char[] blanked, int from, int to) {
        return blanked == null ? sql.substring(from, to) : new String(blanked, from, to - from);
    }

    private static int lineEnd(String s, int i) {
        int e = s.indexOf('\n', i);
        return e < 0 ? s.length() : e;
    }

    /** The index after a quoted run starting at {@code i}; a doubled quote is part of it; an unclosed one runs to the end. */
    private static int quoted(String s, int i, char q, boolean backslash) {
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (backslash && c == '\\') {
                j += 2;
                continue;
            }
            if (c == q) {
                if (j + 1 < s.length() && s.charAt(j + 1) == q) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return s.length();
    }

    /** Line and column after moving from {@code from} to {@code to}. */
    private static int[] advance(String s, int from, int to, int line, int col) {
        for (int k = from; k < to && k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }
}
