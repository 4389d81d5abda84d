package dev.dece.core.sql;

import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statements;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way DECE parses SQL text it is given (DDL to lint, queries to review): with JSqlParser, but
 * bounded. The nesting of parentheses is checked before the parser sees the text (a hostile file of
 * 20 000 nested parentheses would otherwise overflow the parser's stack), the parser runs on a thread
 * with a large stack and under a time limit, and every failure is a located {@link InputException}.
 *
 * <pre>{@code
 * Statements s = SqlParsing.statements("schema.sql", text, 200, 10_000);
 * }</pre>
 */
public final class SqlParsing {
    private SqlParsing() {}

    /** Deepest parenthesis nesting accepted (a real query nests a few dozen levels at most). */
    public static final int MAX_NESTING = 200;

    private static final Pattern AT = Pattern.compile("line (\\d+), column (\\d+)");

    /** Parser threads: large stacks for deep but legal SQL, daemon so they never keep the JVM alive. */
    private static final ExecutorService PARSERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(null, r, "dece-sql-parser", 64L << 20);
        t.setDaemon(true);
        return t;
    });

    /**
     * Parses every statement of {@code sql}.
     *
     * @param name          the file name for locations
     * @param timeoutMillis how long the parser may run
     * @throws InputException for empty text, nesting deeper than {@link #MAX_NESTING}, a parse error (with the
     *                        parser's line and column) or a parse that runs out of time
     */
    public static Statements statements(String name, String sql, long timeoutMillis) throws InputException {
        if (sql.isBlank()) throw new InputException(Problem.file(name, "is empty; expected SQL statements separated by ';'"));
        int[] deepest = deepestNesting(sql);
        if (deepest[0] > MAX_NESTING) {
            throw new InputException(new Problem(name, deepest[1], deepest[2], "", "parentheses nest " + deepest[0]
                    + " levels deep; DECE parses SQL nested at most " + MAX_NESTING + " levels"));
        }
        CCJSqlParser parser = CCJSqlParserUtil.newParser(sql).withTimeOut(timeoutMillis);
        try {
            Statements s = CCJSqlParserUtil.parseStatements(parser, PARSERS);
            return s == null ? new Statements() : s;
        } catch (JSQLParserException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof StackOverflowError) {
                throw new InputException(Problem.file(name, "is nested too deeply for the SQL parser; simplify the statement"));
            }
            if (cause instanceof NumberFormatException nfe) {
                throw new InputException(Problem.file(name, "holds a number the SQL parser cannot read ("
                        + String.valueOf(nfe.getMessage()).replace("For input string: ", "") + "); numbers in SQL types and literals must fit 64 bits"));
            }
            String msg = String.valueOf(cause.getMessage() != null ? cause.getMessage() : e.getMessage());
            if (cause instanceof java.util.concurrent.TimeoutException || String.valueOf(e.getMessage()).startsWith("Time out occurred")) {
                throw new InputException(Problem.file(name, "took the SQL parser more than " + timeoutMillis + " ms; DECE stopped it"));
            }
            Matcher m = AT.matcher(msg);
            int line = 0;
            int col = 0;
            if (m.find()) {
                line = Integer.parseInt(m.group(1));
                col = Integer.parseInt(m.group(2));
            }
            String first = msg.lines().findFirst().orElse(msg).strip();
            if (first.length() > 200) first = first.substring(0, 200) + "...";
            throw new InputException(List.of(new Problem(name, line, col, "",
                    "SQL does not parse: " + first.replaceAll("\\s*at line \\d+, column \\d+\\.?", "")
                            + "; expected SQL statements separated by ';'")));
        } catch (StackOverflowError e) {
            throw new InputException(Problem.file(name, "is nested too deeply for the SQL parser; simplify the statement"));
        }
    }

    /**
     * The deepest parenthesis nesting outside quotes and comments, with the line and column where it is
     * reached: {@code {depth, line, column}}.
     */
    static int[] deepestNesting(String sql) {
        int depth = 0;
        int max = 0;
        int line = 1;
        int col = 0;
        int maxLine = 0;
        int maxCol = 0;
        char quote = 0;
        boolean lineComment = false;
        boolean blockComment = false;
        for (int i = 0, n = sql.length(); i < n; i++) {
            char c = sql.charAt(i);
            col++;
            if (c == '\n') {
                line++;
                col = 0;
                lineComment = false;
                continue;
            }
            if (lineComment) continue;
            if (blockComment) {
                if (c == '*' && i + 1 < n && sql.charAt(i + 1) == '/') blockComment = false;
                continue;
            }
            if (quote != 0) {
                if (c == quote) quote = 0;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') quote = c;
            else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') lineComment = true;
            else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') blockComment = true;
            else if (c == '(') {
                if (++depth > max) {
                    max = depth;
                    maxLine = line;
                    maxCol = col;
                }
            } else if (c == ')') depth = Math.max(0, depth - 1);
        }
        return new int[] {max, maxLine, maxCol};
    }
}
