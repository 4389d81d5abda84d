package dev.dece.core.optimize;

import dev.dece.core.drl.SqlAt;
import dev.dece.core.drl.SqlRuns;
import dev.dece.core.drl.SqlStatement;
import dev.dece.core.drl.SqlUnparsed;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;
import dev.dece.core.input.Problem;
import dev.dece.core.lint.LintCommand;
import dev.dece.core.optimize.OptimizeOptions.SqlDialect;
import dev.dece.core.usage.QueryHistory;

import net.sf.jsqlparser.parser.SimpleNode;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Reads the SQL {@code dece optimize} analyses into {@link SqlStatement} facts (and {@link SqlUnparsed} for what it
 * cannot): {@code .sql} files and directories of them (read recursively, in path order), the compiled SQL of a dbt
 * manifest's models, and the statements of query-history exports, one fact per distinct statement with its runs
 * measured. Each statement is parsed on its own, bounded ({@link BoundedParser}). Not thread-safe: one per run.
 */
final class SqlSources implements AutoCloseable {

    private final Knowledge knowledge;
    private final OptimizeOptions options;
    private final Limits limits;
    private final Map<SqlDialect, BoundedParser> parsers = new LinkedHashMap<>();

    final List<SqlStatement> statements = new ArrayList<>();
    final List<SqlUnparsed> unparsed = new ArrayList<>();
    /** What was read and not analysed, by reason, for the coverage summary. */
    final Map<String, Long> notAnalysed = new TreeMap<>();
    final List<String> readNotes = new ArrayList<>();
    int files;

    SqlSources(Knowledge knowledge, OptimizeOptions options, Limits limits) {
        this.knowledge = knowledge;
        this.options = options;
        this.limits = limits;
    }

    private BoundedParser parser(SqlDialect d) {
        return parsers.computeIfAbsent(d, x -> new BoundedParser(x, options.parseTimeoutMillis()));
    }

    // ------------------------------------------------------------------ .sql files

    /** The .sql files under {@code input} (itself when it is a file), sorted by path. */
    static List<Path> sqlFiles(Path input) throws InputException {
        if (!Files.exists(input)) throw new InputException(Problem.file(input.toString(), "no such file or directory"));
        if (Files.isRegularFile(input)) return List.of(input);
        if (!Files.isDirectory(input)) throw new InputException(Problem.file(input.toString(), "is neither a regular file nor a directory"));
        try (Stream<Path> s = Files.walk(input)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new InputException(Problem.file(input.toString(), "cannot be listed: " + e.getMessage()));
        }
    }

    void sqlFile(Path file, SqlDialect dialect) throws InputException {
        String name = file.toString();
        String text = readText(file, limits.maxBytes());
        files++;
        List<SqlSplitter.Piece> pieces = SqlSplitter.split(text, dialect);
        for (int i = 0; i < pieces.size(); i++) {
            SqlSplitter.Piece p = pieces.get(i);
            String path = "statements[" + i + "]";
            SqlAnalyzer.Locator loc = (l, c) -> new SqlAt(name, p.line() + l - 1, l == 1 ? p.col() + c - 1 : c, path);
            SqlAt stmt = new SqlAt(name, p.stmtLine(), p.stmtCol(), path);
            analyse(p, loc, stmt, name + "#" + (i + 1), "sql", dialect, false, null);
        }
    }

    static String readText(Path file, long maxBytes) throws InputException {
        String name = file.toString();
        try {
            if (!Files.isRegularFile(file)) throw new InputException(Problem.file(name, "is not a regular file"));
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new InputException(Problem.file(name, "is " + size + " bytes, above the limit of " + maxBytes + " for one SQL file; split it"));
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(Problem.file(name, "is not UTF-8 text"));
        } catch (IOException e) {
            throw new InputException(Problem.file(name, "cannot be read: " + e.getMessage()));
        }
    }

    // ------------------------------------------------------------------ dbt

    void manifest(LintCommand.Manifest m, Path file, SqlDialect fallback) throws InputException {
        SqlDialect d = options.dialect() != null ? options.dialect() : SqlDialect.ofAdapter(m.adapter());
        if (d == null) d = fallback;
        files++;
        boolean any = m.models().stream().anyMatch(x -> x.sql() != null);
        if (!m.models().isEmpty() && !any) {
            throw new InputException(Problem.file(file.toString(), "holds no compiled SQL (no model has compiled_code): it was written by "
                    + "'dbt parse'; run 'dbt compile' and pass target/manifest.json"));
        }
        for (LintCommand.CompiledModel cm : m.models()) {
            if ("ephemeral".equalsIgnoreCase(cm.materialized())) {
                notAnalysed.merge("dbt ephemeral models (analysed inside the models that use them)", 1L, Long::sum);
                continue;
            }
            String where = cm.compiledPath() != null ? cm.compiledPath() : cm.originalFile() != null ? cm.originalFile() : cm.file();
            if (cm.sql() == null) {
                unparsed.add(new SqlUnparsed(cm.uniqueId(), "dbt", d.label(), new SqlAt(cm.file(), cm.line(), cm.col(), cm.path()), "",
                        "the manifest holds no compiled_code for " + cm.uniqueId(), "run 'dbt compile' so every model has compiled SQL"));
                continue;
            }
            List<SqlSplitter.Piece> pieces = SqlSplitter.split(cm.sql(), d);
            for (int i = 0; i < pieces.size(); i++) {
                SqlSplitter.Piece p = pieces.get(i);
                String path = cm.path() + (pieces.size() > 1 ? "[" + i + "]" : "");
                SqlAnalyzer.Locator loc = (l, c) -> new SqlAt(where, p.line() + l - 1, l == 1 ? p.col() + c - 1 : c, path);
                analyse(p, loc, new SqlAt(where, p.stmtLine(), p.stmtCol(), path), cm.uniqueId() + (pieces.size() > 1 ? "#" + (i + 1) : ""),
                        "dbt", d, !"analysis".equals(cm.materialized()), null);
            }
        }
    }

    // ------------------------------------------------------------------ query history

    /** Runs of one distinct statement. */
    private static final class Group {
        final QueryHistory.Query first;
        long runs, failed;
        Long maxBytes, totalBytes, partScanned, partTotal, rowsMax, spillMax, elapsed;
        final TreeSet<String> warehouses = new TreeSet<>();
        final List<Integer> facts = new ArrayList<>();

        Group(QueryHistory.Query q) {
            first = q;
        }

        void add(QueryHistory.Query q) {
            runs++;
            if (q.failed()) failed++;
            if (q.bytesScanned() != null) {
                totalBytes = (totalBytes == null ? 0 : totalBytes) + q.bytesScanned();
                if (maxBytes == null || q.bytesScanned() > maxBytes) {
                    maxBytes = q.bytesScanned();
                    partScanned = q.partitionsScanned();
                    partTotal = q.partitionsTotal();
                }
            }
            if (q.rowsProduced() != null) rowsMax = rowsMax == null ? q.rowsProduced() : Math.max(rowsMax, q.rowsProduced());
            long spill = (q.spilledLocalBytes() == null ? 0 : q.spilledLocalBytes()) + (q.spilledRemoteBytes() == null ? 0 : q.spilledRemoteBytes());
            if (q.spilledLocalBytes() != null || q.spilledRemoteBytes() != null) spillMax = spillMax == null ? spill : Math.max(spillMax, spill);
            if (q.elapsedMs() != null) elapsed = (elapsed == null ? 0 : elapsed) + q.elapsedMs();
            if (q.warehouse() != null && warehouses.size() < 8) warehouses.add(q.warehouse());
        }

        SqlRuns measures() {
            return new SqlRuns(runs, failed, maxBytes, totalBytes, partScanned, partTotal, rowsMax, spillMax, elapsed, String.join(", ", warehouses));
        }
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();
    long historyRows;

    void history(Path file) throws InputException {
        QueryHistory.Summary s = QueryHistory.read(file, QueryHistory.Limits.DEFAULT, q -> {
            historyRows++;
            String skip = skipReason(q);
            if (skip != null) {
                notAnalysed.merge(skip, 1L, Long::sum);
                return;
            }
            // the text's digest, not the text: the map of distinct statements holds 32 bytes each, not up to 1 MiB
            String key = q.parameterizedHash() != null ? "h:" + q.parameterizedHash() : "t:" + digest(q.text().strip());
            Group g = groups.get(key);
            if (g == null) {
                if (groups.size() >= options.maxStatements()) throw new TooMany(q);
                g = new Group(q);
                groups.put(key, g);
                analyseHistory(g);
            }
            g.add(q);
        });
        files++;
        readNotes.add(s.file() + ": " + s.vendor().label() + " " + s.format() + ", " + s.records() + " records");
    }

    private static String digest(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Thrown from inside the history reader's callback to stop at the statement limit; turned into a located problem. */
    static final class TooMany extends RuntimeException {
        final QueryHistory.Query at;

        TooMany(QueryHistory.Query at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    /** Why a run is not a query DECE analyses, or null when it is. */
    static String skipReason(QueryHistory.Query q) {
        if (q.jobType() != null && !q.jobType().equals("QUERY")) return "BigQuery " + q.jobType() + " jobs (no query)";
        String t = q.statementType();
        if (t == null) return null;
        if (q.vendor() == QueryHistory.Vendor.BIGQUERY && t.equals("SCRIPT")) return "BigQuery SCRIPT jobs (their child jobs hold the statements)";
        switch (t) {
            case "SELECT": case "INSERT": case "MERGE": case "UPDATE": case "DELETE": case "CREATE_TABLE_AS_SELECT": case "CREATE_VIEW":
            case "INSERT_OVERWRITE": case "MULTI_TABLE_INSERT": case "UNLOAD":
                return null;
            default:
                return (q.vendor() == QueryHistory.Vendor.SNOWFLAKE ? "Snowflake " : "BigQuery ") + t + " statements (not queries)";
        }
    }

    private void analyseHistory(Group g) {
        QueryHistory.Query q = g.first;
        SqlDialect d = q.vendor() == QueryHistory.Vendor.SNOWFLAKE ? SqlDialect.SNOWFLAKE : SqlDialect.BIGQUERY;
        String col = q.vendor().textColumn();
        String base = "rows[" + (q.row() - 1) + "]." + col;
        int line = (int) Math.min(Integer.MAX_VALUE, q.line());
        String id = q.parameterizedHash() != null ? "query hash " + q.parameterizedHash() : q.queryId() != null ? "query " + q.queryId() : q.file() + ":" + line;
        List<SqlSplitter.Piece> pieces = SqlSplitter.split(q.text(), d);
        for (int i = 0; i < pieces.size(); i++) {
            SqlSplitter.Piece p = pieces.get(i);
            SqlAnalyzer.Locator loc = (l, c) -> new SqlAt(q.file(), line, 0, base + ":" + (p.line() + l - 1) + ":" + (l == 1 ? p.col() + c - 1 : c));
            int before = statements.size();
            analyse(p, loc, new SqlAt(q.file(), line, 0, base), id + (pieces.size() > 1 ? "#" + (i + 1) : ""), "history", d, false, null);
            for (int k = before; k < statements.size(); k++) g.facts.add(k);
        }
    }

    /** Puts each history statement's measured runs on its fact, once every record is read. */
    void finishHistory() {
        for (Group g : groups.values()) {
            SqlRuns runs = g.measures();
            for (int k : g.facts) {
                SqlStatement s = statements.get(k);
                statements.set(k, new SqlStatement(s.id(), s.origin(), s.dialect(), s.kind(), s.columnar(), s.at(), s.sql(), s.reads(), s.stars(),
                        s.correlated(), s.distincts(), s.orderBys(), s.stringFilters(), s.notIns(), s.repeatedScans(), s.aggregateJoins(), runs));
            }
        }
    }

    // ------------------------------------------------------------------ one statement

    private void analyse(SqlSplitter.Piece p, SqlAnalyzer.Locator loc, SqlAt stmtAt, String id, String origin, SqlDialect dialect,
                         boolean materialized, SqlRuns runs) {
        String snippet = snippet(p.text());
        BoundedParser parser = parser(dialect);
        BoundedParser.Result r = parser.parse(p.text(), p.maxDepth());
        if (!r.ok()) {
            SqlAt at = r.line() > 0 ? loc.at(r.line(), r.col()) : stmtAt;
            String hint = p.jinja() ? "the statement holds Jinja ({{ }}, {% %}); pass the dbt manifest (target/manifest.json after 'dbt compile') to analyse the compiled SQL"
                    : "if it is valid " + dialect.label() + " SQL, docs/optimize.md lists the syntax the parser does not read";
            unparsed.add(new SqlUnparsed(id, origin, dialect.label(), at, snippet, r.error(), hint));
            return;
        }
        int n = 0;
        for (Statement st : r.statements()) {
            String sid = r.statements().size() > 1 ? id + "." + (++n) : id;
            SqlAt at = statementAt(st, loc, stmtAt);
            SqlAnalyzer a = new SqlAnalyzer(knowledge, dialect, loc, materialized, at);
            SqlStatement s;
            try {
                s = parser.analyse(() -> a.analyze(st, sid, origin, snippet, runs));
            } catch (StackOverflowError e) {
                unparsed.add(new SqlUnparsed(sid, origin, dialect.label(), at, snippet, "the statement is nested too deeply to analyse", ""));
                continue;
            } catch (TimeoutException e) {
                unparsed.add(new SqlUnparsed(sid, origin, dialect.label(), at, snippet, "analysing it took longer than "
                        + options.parseTimeoutMillis() + " ms", ""));
                continue;
            } catch (Exception e) {
                // a construct the analysis does not expect: reported on the statement, never a crash of the run
                unparsed.add(new SqlUnparsed(sid, origin, dialect.label(), at, snippet, "DECE could not analyse it ("
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + SqlAnalyzer.shorten(e.getMessage(), 80))
                        + ")", "please report the statement"));
                continue;
            }
            if (s == null) {
                notAnalysed.merge(kindOf(st) + " statements (not queries)", 1L, Long::sum);
                continue;
            }
            if (statements.size() >= options.maxStatements()) throw new TooManyStatements(at);
            statements.add(s);
        }
    }

    /** More statements than {@link OptimizeOptions#maxStatements()}; turned into a located problem. */
    static final class TooManyStatements extends RuntimeException {
        final SqlAt at;

        TooManyStatements(SqlAt at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    private static SqlAt statementAt(Statement st, SqlAnalyzer.Locator loc, SqlAt fallback) {
        SimpleNode n = st instanceof net.sf.jsqlparser.parser.ASTNodeAccess a ? a.getASTNode() : null;
        Token t = n == null ? null : n.jjtGetFirstToken();
        if (t == null || t.beginLine <= 0) return fallback;
        SqlAt at = loc.at(t.beginLine, t.beginColumn);
        return new SqlAt(at.file(), at.line(), at.col(), fallback.path());
    }

    private static String kindOf(Statement st) {
        String n = st.getClass().getSimpleName();
        return n.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }

    /** The statement's first line (after comments and blanks), 120 characters at most. */
    static String snippet(String text) {
        for (String l : text.split("\n")) {
            String s = l.strip();
            if (s.isEmpty() || s.startsWith("--")) continue;
            return SqlAnalyzer.shorten(s, 120);
        }
        return "";
    }

    @Override
    public void close() {
        parsers.values().forEach(BoundedParser::close);
    }
}
