package dev.dece.core.optimize;

import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one statement at a time with JSqlParser, bounded so hostile SQL cannot hang or crash DECE: the text's length
 * and its nesting of parentheses are checked before parsing, the parse runs on a worker thread with a large stack and
 * a timeout (on expiry the parser's own interrupt flag stops it, and the worker is replaced), and a stack overflow
 * in the parser or the analysis is reported like a parse error. Not thread-safe: one per run.
 */
final class BoundedParser implements AutoCloseable {

    /** The longest statement parsed, in characters (Snowflake keeps 100 000 of a query's text, BigQuery takes 1 MB). */
    static final int MAX_STATEMENT_CHARS = 1 << 20;
    /** The deepest nesting of parentheses parsed. */
    static final int MAX_NESTING = 100;

    private static final Pattern AT = Pattern.compile("(?:at )?line (\\d+), column (\\d+)\\.?");

    private final OptimizeOptions.SqlDialect dialect;
    private final long timeoutMillis;
    private ExecutorService worker;

    BoundedParser(OptimizeOptions.SqlDialect dialect, long timeoutMillis) {
        this.dialect = dialect;
        this.timeoutMillis = timeoutMillis;
    }

    /** A parse: the statements, or why there are none, at the piece-relative line and column the parser named. */
    record Result(List<Statement> statements, String error, int line, int col) {
        boolean ok() {
            return error == null;
        }
    }

    Result parse(String text, int maxDepth) {
        if (text.length() > MAX_STATEMENT_CHARS) {
            return new Result(null, "the statement is " + text.length() + " characters long, above the limit of " + MAX_STATEMENT_CHARS, 0, 0);
        }
        if (maxDepth > MAX_NESTING) {
            return new Result(null, "the statement nests parentheses " + maxDepth + " deep, above the limit of " + MAX_NESTING, 0, 0);
        }
        CCJSqlParser p = CCJSqlParserUtil.newParser(text).withTimeOut(timeoutMillis)
                .withBackslashEscapeCharacter(dialect.backslashEscapes());
        try {
            Statements s = call(p::Statements, () -> p.interrupted = true);
            return new Result(List.copyOf(s), null, 0, 0);
        } catch (TimeoutException e) {
            return new Result(null, "parsing took longer than " + timeoutMillis + " ms; the statement was not analysed", 0, 0);
        } catch (StackOverflowError e) {
            return new Result(null, "the statement is nested too deeply to parse", 0, 0);
        } catch (Exception e) {
            return failure(e);
        }
    }

    /** Runs {@code work} (the analysis of a parsed statement) on the worker with the same bounds. */
    <T> T analyse(Callable<T> work) throws TimeoutException, Exception {
        return call(work, () -> {});
    }

    private <T> T call(Callable<T> work, Runnable onTimeout) throws Exception {
        if (worker == null) worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "dece-sql-parser", 256L << 20);
            t.setDaemon(true);
            return t;
        });
        Future<T> f = worker.submit(work);
        try {
            return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            onTimeout.run();
            f.cancel(true);
            worker.shutdownNow();
            worker = null;   // a parser that ignores the flag keeps a daemon thread busy, never the next statement
            throw e;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof StackOverflowError so) throw so;
            if (c instanceof Exception x) throw x;
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /** The parser's message, its first line, without the position (which the location carries) or the token lists. */
    static Result failure(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t instanceof net.sf.jsqlparser.JSQLParserException)) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        String first = msg.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(msg).strip();
        int line = 0, col = 0;
        Matcher m = AT.matcher(msg);
        if (m.find()) {
            line = Integer.parseInt(m.group(1));
            col = Integer.parseInt(m.group(2));
        }
        first = AT.matcher(first).replaceAll("").replaceAll("\\s+", " ").replaceAll("[ .,]+$", "").strip();
        if (first.length() > 160) first = first.substring(0, 157) + "...";
        return new Result(null, first, line, col);
    }

    @Override
    public void close() {
        if (worker != null) worker.shutdownNow();
    }
}
