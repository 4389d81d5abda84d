package dev.dece.core.optimize;

import dev.dece.core.drl.KnownColumn;
import dev.dece.core.drl.KnownTable;
import dev.dece.core.drl.SqlAggregateJoin;
import dev.dece.core.drl.SqlAt;
import dev.dece.core.drl.SqlDistinct;
import dev.dece.core.drl.SqlFilter;
import dev.dece.core.drl.SqlNotIn;
import dev.dece.core.drl.SqlOrderBy;
import dev.dece.core.drl.SqlRepeatedScan;
import dev.dece.core.drl.SqlRuns;
import dev.dece.core.drl.SqlStar;
import dev.dece.core.drl.SqlStatement;
import dev.dece.core.drl.SqlStringFilter;
import dev.dece.core.drl.SqlSubquery;
import dev.dece.core.drl.SqlTableRead;
import dev.dece.core.optimize.OptimizeOptions.SqlDialect;

import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.expression.operators.relational.RegExpMatchOperator;
import net.sf.jsqlparser.expression.operators.relational.SimilarToExpression;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.SimpleNode;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperation;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.UnionOp;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Works out, from one statement's JSqlParser syntax tree, what the SQL checklist's rules need, into one
 * {@link SqlStatement} fact: the scopes of the statement (each SELECT with its FROM sources: tables, CTEs, derived
 * tables), column resolution through them (qualified names; unqualified ones when one source, or the table knowledge,
 * decides), the predicates on each table read (and those that reach it through CTEs and derived tables), and each
 * construct a checklist row is about, located at its first token. Not thread-safe: one per statement.
 */
final class SqlAnalyzer {

    /** Maps a parser position (1-based, relative to the parsed text) to the input's file, line and column. */
    interface Locator {
        SqlAt at(int line, int col);
    }

    private static final Set<String> AGGREGATES = Set.of("sum", "count", "avg", "min", "max");
    private static final Set<String> NON_DECOMPOSABLE = Set.of("median", "percentile_cont", "percentile_disc", "listagg", "string_agg",
            "array_agg", "group_concat", "approx_count_distinct", "approx_percentile", "approx_quantiles", "mode", "stddev",
            "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop", "corr", "covar_pop", "covar_samp", "collect_list",
            "collect_set", "percentile", "percentile_approx", "any_value", "arbitrary", "first", "last", "first_value", "last_value",
            "bool_and", "bool_or", "count_if", "hll", "object_agg", "array_unique_agg", "approx_top_k", "kurtosis", "skew");
    private static final Set<String> STRING_FUNCTIONS = Set.of("lower", "upper", "lcase", "ucase", "trim", "ltrim", "rtrim", "btrim",
            "substr", "substring", "left", "right", "concat", "concat_ws", "replace", "regexp_replace", "regexp_like", "regexp_contains",
            "regexp_matches", "regexp_substr", "regexp_extract", "regexp_instr", "rlike", "split_part", "split", "initcap", "lpad",
            "rpad", "length", "len", "char_length", "character_length", "position", "strpos", "instr", "charindex", "contains",
            "reverse", "to_char", "to_varchar", "format", "translate", "soundex", "levenshtein", "editdistance", "jarowinkler_similarity",
            "collate", "normalize", "unicode", "ascii", "md5", "sha1", "sha2", "hash", "ilike", "endswith", "ends_with", "string");
    private static final Set<String> BIGQUERY_PRUNING_WRAPPERS = Set.of("date", "timestamp_trunc", "date_trunc", "datetime_trunc");
    private static final Pattern TEXT_TYPE = Pattern.compile("(?i)(var)?char.*|text|string|nvarchar.*|nchar.*|clob");

    private final Knowledge knowledge;
    private final SqlDialect dialect;
    private final Locator locator;
    private final String kindLabel;
    private final boolean materialized;
    private final SqlAt statementAt;

    private final List<ReadB> reads = new ArrayList<>();
    private final List<SqlStar> stars = new ArrayList<>();
    private final List<SqlSubquery> correlated = new ArrayList<>();
    private final List<SqlDistinct> distincts = new ArrayList<>();
    private final List<SqlOrderBy> orderBys = new ArrayList<>();
    private final List<SqlStringFilter> stringFilters = new ArrayList<>();
    private final List<SqlNotIn> notIns = new ArrayList<>();
    private final List<SqlRepeatedScan> repeated = new ArrayList<>();
    private final List<SqlAggregateJoin> aggregateJoins = new ArrayList<>();
    private final Set<Object> orderedSeen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * @param materialized true when the statement's result is stored (a dbt model, INSERT, CREATE TABLE AS, a view),
     *                     so no ORDER BY in it is a presentation query's
     */
    SqlAnalyzer(Knowledge knowledge, SqlDialect dialect, Locator locator, boolean materialized, SqlAt statementAt) {
        this.knowledge = knowledge;
        this.dialect = dialect;
        this.locator = locator;
        this.materialized = materialized;
        this.statementAt = statementAt;
        this.kindLabel = materialized ? "dbt model" : "query";
    }

    // ------------------------------------------------------------------ the model of scopes

    enum Kind { BASE, CTE, DERIVED, OTHER }

    /** One FROM item of a SELECT. */
    static final class Source {
        private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();
        final long id = IDS.incrementAndGet();   // a map key unique per source (identity hash codes can collide)
        Kind kind;
        String alias;          // lower case, or null
        String name;           // lower-case last name part (table or CTE name)
        ReadB read;            // BASE
        Query query;           // CTE, DERIVED
        boolean nullSide;      // the outer side of an outer join: its columns can be NULL
        String written;

        boolean named(String q) {
            return alias != null ? alias.equals(q) : name != null && name.equals(q);
        }

        String qualifier() {
            return alias != null ? alias : name;
        }
    }

    /** One base-table read being built. */
    static final class ReadB {
        String table, key, alias, clause;
        SqlAt at;
        KnownTable known;
        final List<SqlFilter> filters = new ArrayList<>();
        final Map<Object, List<SqlFilter>> pushed = new LinkedHashMap<>();
        Query in;              // the query it is read in
    }

    /** What a SELECT (plain, set operation, or parenthesised) exposes to the queries around it. */
    static final class Query {
        /** Output column name to the (source, column) it passes through, per branch. */
        final Map<String, List<Origin>> outputs = new LinkedHashMap<>();
        final List<Source> starSources = new ArrayList<>();
        boolean pushSafe = true;
        Set<Origin> groupKeys;  // non-null when grouped: only these pass filters through
        final Set<String> starBase = new LinkedHashSet<>();
        final List<String> starThrough = new ArrayList<>();
        final Set<String> tables = new LinkedHashSet<>();
        final List<Object> references = new ArrayList<>();
        AggScan agg;
        Scope scope;           // for a plain select
        PlainSelect plain;
        List<Query> branches = List.of();
    }

    record Origin(Source src, String column) {}

    /** A single-table aggregate without GROUP BY: one pass that CASE WHEN could share with another. */
    record AggScan(String key, String tableText, String alias, Expression where, List<SelectItem<?>> items, SqlAt at) {}

    /** The sources of one SELECT, and the scope around it. */
    static final class Scope {
        final Scope outer;
        final List<Source> sources = new ArrayList<>();
        final Set<String> correlations;  // non-null at the top of a subquery: outer columns it refers to
        PlainSelect ps;

        Scope(Scope outer, Set<String> correlations) {
            this.outer = outer;
            this.correlations = correlations;
        }
    }

    /** Where a query is in the statement. */
    record Ctx(boolean output, boolean presentation, boolean inExistsOrIn, Set<String> correlations, String scopeName,
               Map<String, CteDef> ctes) {
        Ctx inner(String name) {
            return new Ctx(false, false, inExistsOrIn, null, name, ctes);
        }

        Ctx withCtes(Map<String, CteDef> c) {
            return new Ctx(output, presentation, inExistsOrIn, correlations, scopeName, c);
        }
    }

    static final class CteDef {
        final String name;
        Query q;
        boolean analysing;

        CteDef(String name) {
            this.name = name;
        }
    }

    // ------------------------------------------------------------------ the statement

    /**
     * The statement as a fact, or null when it is not a query (DDL, SET, GRANT ...).
     *
     * @param runs what a history measured for it, or null
     */
    SqlStatement analyze(Statement st, String id, String origin, String snippet, SqlRuns runs) {
        String kind;
        Ctx top = new Ctx(true, !materialized, false, null, kindLabel, Map.of());
        if (st instanceof Select s) {
            kind = "SELECT";
            analyzeSelect(s, null, top);
        } else if (st instanceof Insert ins && ins.getSelect() != null) {
            kind = "INSERT";
            analyzeSelect(ins.getSelect(), null, new Ctx(true, false, false, null, "INSERT ... SELECT", Map.of()));
        } else if (st instanceof CreateTable ct && ct.getSelect() != null) {
            kind = "CREATE TABLE AS";
            analyzeSelect(ct.getSelect(), null, new Ctx(true, false, false, null, "CREATE TABLE AS", Map.of()));
        } else if (st instanceof CreateView cv && cv.getSelect() != null) {
            kind = "CREATE VIEW";
            analyzeSelect(cv.getSelect(), null, new Ctx(true, false, false, null, "view", Map.of()));
        } else if (st instanceof Merge m) {
            kind = "MERGE";
            analyzeMerge(m);
        } else if (st instanceof Update u) {
            kind = "UPDATE";
            analyzeDml(u.getTable(), "UPDATE", u.getFromItem(), u.getJoins(), u.getWhere());
        } else if (st instanceof Delete d) {
            kind = "DELETE";
            analyzeDml(d.getTable(), "DELETE", null, d.getJoins(), d.getWhere());
        } else {
            return null;
        }
        List<SqlTableRead> rs = new ArrayList<>();
        for (ReadB r : reads) {
            List<List<SqlFilter>> pushed = new ArrayList<>();
            if (r.in != null && !r.in.references.isEmpty()) {
                for (Object ref : r.in.references) pushed.add(r.pushed.getOrDefault(ref, List.of()));
            }
            rs.add(new SqlTableRead(r.table, r.key, r.alias, r.clause, r.at, r.filters, pushed));
        }
        return new SqlStatement(id, origin, dialect.label(), kind, dialect.columnar(), statementAt, snippet, rs, stars, correlated,
                distincts, orderBys, stringFilters, notIns, repeated, aggregateJoins, runs);
    }

    private void analyzeMerge(Merge m) {
        Scope scope = new Scope(null, null);
        Source target = base(m.getTable(), "MERGE INTO", null);
        scope.sources.add(target);
        if (m.getFromItem() != null) addFrom(scope, m.getFromItem(), "USING", false, new Ctx(false, false, false, null, "MERGE source", Map.of()), null);
        if (m.getOnCondition() != null) {
            for (Expression c : conjuncts(m.getOnCondition())) applyConstraints(c, scope, null);
            walk(m.getOnCondition(), scope, "ON", true, new Ctx(false, false, false, null, "MERGE", Map.of()));
        }
    }

    private void analyzeDml(Table target, String clause, FromItem from, List<Join> joins, Expression where) {
        Scope scope = new Scope(null, null);
        Ctx ctx = new Ctx(false, false, false, null, clause, Map.of());
        if (target != null) scope.sources.add(base(target, clause, null));
        if (from != null) addFrom(scope, from, "FROM", false, ctx, null);
        if (joins != null) for (Join j : joins) addFrom(scope, j.getRightItem(), "JOIN", false, ctx, null);
        if (where != null) {
            for (Expression c : conjuncts(where)) applyConstraints(c, scope, null);
            walk(where, scope, "WHERE", true, ctx);
        }
        pushPending(scope);
    }

    // ------------------------------------------------------------------ queries

    private Query analyzeSelect(Select s, Scope outer, Ctx ctx) {
        Map<String, CteDef> ctes = ctx.ctes();
        if (s.getWithItemsList() != null && !s.getWithItemsList().isEmpty()) {
            Map<String, CteDef> inner = new LinkedHashMap<>(ctes);
            for (WithItem<?> w : s.getWithItemsList()) {
                String name = Knowledge.unquote(w.getAliasName() == null ? "" : w.getAliasName()).toLowerCase(Locale.ROOT);
                CteDef def = new CteDef(name);
                inner.put(name, def);
                if (w.getSelect() == null) continue;
                def.analysing = true;
                def.q = analyzeSelect(w.getSelect(), null, new Ctx(false, false, false, null, "CTE " + name, inner));
                def.analysing = false;
            }
            ctx = ctx.withCtes(inner);
        }
        Query q;
        if (s instanceof PlainSelect ps) {
            q = analyzePlain(ps, outer, ctx);
        } else if (s instanceof SetOperationList so) {
            q = analyzeSetOp(so, outer, ctx);
        } else if (s instanceof ParenthesedSelect p && p.getSelect() != null) {
            q = analyzeSelect(p.getSelect(), outer, ctx);
        } else {
            q = new Query();
            q.pushSafe = false;
        }
        if (s.getLimit() != null || s.getFetch() != null || s.getOffset() != null) q.pushSafe = false;
        orderBy(s, s.getOrderByElements(), s.getLimit() != null || s.getFetch() != null
                || s instanceof PlainSelect ps2 && ps2.getTop() != null, ctx);
        return q;
    }

    private void orderBy(Object owner, List<OrderByElement> elements, boolean limited, Ctx ctx) {
        if (elements == null || elements.isEmpty() || !orderedSeen.add(owner)) return;
        OrderByElement first = elements.get(0);
        SqlAt at = at(first.getExpression());
        StringBuilder text = new StringBuilder();
        for (OrderByElement e : elements) {
            if (text.length() > 0) text.append(", ");
            text.append(e);
        }
        orderBys.add(new SqlOrderBy(at, shorten(text.toString()), limited, ctx.presentation(), false, ctx.scopeName()));
    }

    private Query analyzeSetOp(SetOperationList so, Scope outer, Ctx ctx) {
        Query q = new Query();
        List<Query> branches = new ArrayList<>();
        Ctx branchCtx = new Ctx(ctx.output(), false, ctx.inExistsOrIn(), ctx.correlations(), ctx.scopeName(), ctx.ctes());
        for (Select b : so.getSelects()) branches.add(analyzeSelect(b, outer, branchCtx));
        q.branches = branches;
        boolean allUnionAll = true;
        List<SetOperation> ops = so.getOperations() == null ? List.of() : so.getOperations();
        for (int i = 0; i < ops.size(); i++) {
            SetOperation op = ops.get(i);
            boolean unionAll = op instanceof UnionOp u && u.isAll();
            if (!unionAll) allUnionAll = false;
            if (op instanceof UnionOp u && !u.isAll() && !ctx.inExistsOrIn() && i + 1 < so.getSelects().size()) {
                SqlAt at = keywordAt(so.getSelects().get(i), "UNION");
                Set<String> tables = new LinkedHashSet<>();
                branches.forEach(b -> tables.addAll(b.tables));
                distincts.add(distinct(at, "UNION", false, tables));
            }
        }
        for (Query b : branches) {
            q.tables.addAll(b.tables);
            q.starBase.addAll(b.starBase);
            if (!b.pushSafe) q.pushSafe = false;
        }
        // outputs by position: the first branch's names, each branch's origin at that position
        if (!branches.isEmpty()) {
            List<String> names = new ArrayList<>(branches.get(0).outputs.keySet());
            List<Select> selects = so.getSelects();
            for (int i = 0; i < names.size(); i++) {
                List<Origin> all = new ArrayList<>();
                for (int b = 0; b < branches.size(); b++) {
                    List<String> bn = new ArrayList<>(branches.get(b).outputs.keySet());
                    if (i < bn.size() && positional(selects.get(b), i)) all.addAll(branches.get(b).outputs.get(bn.get(i)));
                }
                q.outputs.put(names.get(i), all);
            }
        }
        if (allUnionAll) repeatedUnion(so, branches);
        return q;
    }

    /** True when a branch's outputs map one-to-one to its select items (no star), so position {@code i} is item {@code i}. */
    private static boolean positional(Select s, int i) {
        PlainSelect ps = s instanceof PlainSelect p ? p : s instanceof ParenthesedSelect pp ? pp.getPlainSelect() : null;
        if (ps == null) return false;
        for (SelectItem<?> it : ps.getSelectItems()) if (it.getExpression() instanceof AllColumns || it.getExpression() instanceof AllTableColumns) return false;
        return i < ps.getSelectItems().size();
    }

    private Query analyzePlain(PlainSelect ps, Scope outer, Ctx ctx) {
        Query q = new Query();
        Scope scope = new Scope(outer, ctx.correlations());
        scope.ps = ps;
        q.scope = scope;
        q.plain = ps;
        Ctx innerCtx = ctx.inner("subquery");
        if (ps.getFromItem() != null) addFrom(scope, ps.getFromItem(), "FROM", false, innerCtx, q);
        List<Join> joins = ps.getJoins() == null ? List.of() : ps.getJoins();
        for (Join j : joins) {
            if (j.isRight() || j.isFull()) scope.sources.forEach(x -> x.nullSide = true);
            int before = scope.sources.size();
            addFrom(scope, j.getRightItem(), "JOIN", j.isLeft() || j.isFull(), innerCtx, q);
            if (j.isLeft() || j.isFull()) for (int i = before; i < scope.sources.size(); i++) scope.sources.get(i).nullSide = true;
        }
        for (Source s : scope.sources) {
            if (s.kind == Kind.BASE) q.tables.add(s.read.key);
            if (s.query != null) q.tables.addAll(s.query.tables);
        }
        // predicates: WHERE applies to every source, ON to the joined side (and to both sides of an inner join)
        if (ps.getWhere() != null) {
            for (Expression c : conjuncts(ps.getWhere())) applyConstraints(c, scope, null);
            walk(ps.getWhere(), scope, "WHERE", true, ctx);
        }
        for (int ji = 0; ji < joins.size(); ji++) {
            Join j = joins.get(ji);
            if (j.getOnExpressions() == null) continue;
            Source joined = scope.sources.size() > ji + 1 ? scope.sources.get(ji + 1) : null;
            boolean outerJoin = j.isLeft() || j.isRight() || j.isFull();
            for (Expression on : j.getOnExpressions()) {
                for (Expression c : conjuncts(on)) applyConstraints(c, scope, outerJoin ? joined : null);
                walk(on, scope, "ON", true, ctx);
            }
        }
        if (ps.getHaving() != null) walk(ps.getHaving(), scope, "HAVING", false, ctx);
        if (ps.getQualify() != null) walk(ps.getQualify(), scope, "QUALIFY", false, ctx);
        boolean windows = false;
        for (SelectItem<?> it : ps.getSelectItems()) {
            Expression e = it.getExpression();
            if (e instanceof AllColumns || e instanceof AllTableColumns) {
                star(it, e, scope, q, ctx);
                continue;
            }
            windows |= walk(e, scope, "SELECT list", false, ctx);
            String name = it.getAlias() != null ? Knowledge.unquote(it.getAlias().getName()).toLowerCase(Locale.ROOT)
                    : e instanceof Column c ? Knowledge.unquote(c.getColumnName()).toLowerCase(Locale.ROOT) : "_" + q.outputs.size();
            List<Origin> origin = new ArrayList<>();
            if (e instanceof Column c) {
                Resolved r = resolve(c, scope);
                if (r != null && r.scope == scope && r.src != null) origin.add(new Origin(r.src, r.column));
            }
            q.outputs.put(name, origin);
        }
        if (windows || ps.getTop() != null || ps.getDistinct() != null && ps.getDistinct().getOnSelectItems() != null) q.pushSafe = false;
        if (ps.getGroupBy() != null && ps.getGroupBy().getGroupByExpressionList() != null) {
            q.groupKeys = new LinkedHashSet<>();
            for (Object g : ps.getGroupBy().getGroupByExpressionList()) {
                if (g instanceof Column c) {
                    Resolved r = resolve(c, scope);
                    if (r != null && r.src != null) q.groupKeys.add(new Origin(r.src, r.column));
                } else if (g instanceof Expression e) {
                    walk(e, scope, "GROUP BY", false, ctx);
                }
            }
        }
        if (ps.getDistinct() != null && ps.getDistinct().getOnSelectItems() == null && !ctx.inExistsOrIn()) {
            distincts.add(distinct(keywordAt(ps, "DISTINCT"), "DISTINCT", !joins.isEmpty(), q.tables));
        }
        q.agg = aggScan(ps, scope);
        if (q.groupKeys != null && !joins.isEmpty()) aggregateJoin(ps, scope, joins);
        repeatedScalars(ps, scope);
        repeatedSources(scope);
        pushPending(scope);
        return q;
    }

    // ------------------------------------------------------------------ sources

    private void addFrom(Scope scope, FromItem fi, String clause, boolean nullSide, Ctx ctx, Query q) {
        if (fi instanceof Table t) {
            List<String> parts = nameParts(t);
            String last = parts.isEmpty() ? "" : parts.get(parts.size() - 1).toLowerCase(Locale.ROOT);
            CteDef cte = parts.size() == 1 ? ctx.ctes().get(last) : null;
            if (cte != null) {
                Source s = new Source();
                s.kind = cte.analysing || cte.q == null ? Kind.OTHER : Kind.CTE;
                s.name = last;
                s.alias = alias(t.getAlias());
                s.query = cte.q;
                s.nullSide = nullSide;
                s.written = t.toString();
                if (s.query != null) s.query.references.add(s);
                scope.sources.add(s);
                return;
            }
            Source s = base(t, clause, q);
            s.nullSide = nullSide;
            scope.sources.add(s);
        } else if (fi instanceof ParenthesedSelect p) {
            Source s = new Source();
            s.kind = Kind.DERIVED;
            s.alias = alias(p.getAlias());
            s.query = analyzeSelect(p, scope.outer, ctx.inner("subquery"));
            s.query.references.add(s);
            s.nullSide = nullSide;
            scope.sources.add(s);
        } else if (fi instanceof ParenthesedFromItem pf) {
            addFrom(scope, pf.getFromItem(), clause, nullSide, ctx, q);
            if (pf.getJoins() != null) for (Join j : pf.getJoins()) addFrom(scope, j.getRightItem(), "JOIN", nullSide || j.isLeft(), ctx, q);
        } else if (fi instanceof LateralSubSelect ls) {
            Source s = new Source();
            s.kind = Kind.OTHER;
            s.alias = alias(ls.getAlias());
            if (ls.getSelect() != null) {
                Query inner = analyzeSelect(ls.getSelect(), scope, ctx.inner("LATERAL subquery"));
                if (q != null) q.tables.addAll(inner.tables);
            }
            scope.sources.add(s);
        } else if (fi != null) {
            Source s = new Source();
            s.kind = Kind.OTHER;
            s.alias = alias(fi.getAlias());
            scope.sources.add(s);
        }
    }

    private Source base(Table t, String clause, Query in) {
        List<String> parts = nameParts(t);
        ReadB r = new ReadB();
        r.table = String.join(".", parts.stream().map(Knowledge::unquote).toList());
        r.key = knowledge.resolve(parts);
        r.known = knowledge.table(r.key);
        r.alias = alias(t.getAlias());
        r.clause = clause;
        r.at = at(t);
        r.in = in;
        reads.add(r);
        Source s = new Source();
        s.kind = Kind.BASE;
        s.read = r;
        s.alias = r.alias;
        s.name = parts.isEmpty() ? "" : Knowledge.unquote(parts.get(parts.size() - 1)).toLowerCase(Locale.ROOT);
        s.written = r.table;
        return s;
    }

    private static String alias(net.sf.jsqlparser.expression.Alias a) {
        return a == null || a.getName() == null ? null : Knowledge.unquote(a.getName()).toLowerCase(Locale.ROOT);
    }

    /** The dotted parts of a table name as written, quotes kept so they can be removed part by part. */
    static List<String> nameParts(Table t) {
        String full = t.getFullyQualifiedName();
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (char c : full.toCharArray()) {
            if (quote != 0) {
                cur.append(c);
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '`' || c == '[') {
                quote = c == '[' ? ']' : c;
                cur.append(c);
            } else if (c == '.') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        // a backtick-quoted BigQuery name holds its dots inside the quotes: `project.dataset.table`
        List<String> split = new ArrayList<>();
        for (String p : out) {
            String u = p.strip();
            if (u.startsWith("`") && u.endsWith("`") && u.contains(".")) {
                for (String x : u.substring(1, u.length() - 1).split("\\.")) split.add(x);
            } else if (!u.isEmpty()) {
                split.add(u);
            }
        }
        return split;
    }

    // ------------------------------------------------------------------ columns

    record Resolved(Source src, String column, Scope scope) {}

    /**
     * The source a column belongs to: by its qualifier, looked up from the innermost scope out; an unqualified column
     * belongs to the only source of its scope, else to the one source whose known columns (or partition and clustering
     * keys) hold it. Crossing the top of a subquery records the column as a correlation of that subquery.
     */
    Resolved resolve(Column c, Scope from) {
        String col = Knowledge.unquote(c.getColumnName()).toLowerCase(Locale.ROOT);
        Table t = c.getTable();
        String qual = t == null || t.getName() == null ? null : Knowledge.unquote(t.getName()).toLowerCase(Locale.ROOT);
        List<Scope> passed = new ArrayList<>();
        for (Scope s = from; s != null; s = s.outer) {
            Source hit = null;
            if (qual != null) {
                for (Source src : s.sources) if (src.named(qual)) { hit = src; break; }
            } else if (!s.sources.isEmpty()) {
                hit = unqualified(s, col);
                if (hit == null && !allKnownWithout(s, col)) return new Resolved(null, col, s);
            }
            if (hit != null) {
                if (s != from) {
                    for (Scope p : passed) if (p.correlations != null) p.correlations.add(c.toString());
                }
                return new Resolved(hit, col, s);
            }
            passed.add(s);
            if (qual == null && !s.sources.isEmpty()) return new Resolved(null, col, s);
        }
        return null;
    }

    private Source unqualified(Scope s, String col) {
        List<Source> real = s.sources.stream().filter(x -> x.kind != Kind.OTHER).toList();
        if (s.sources.size() == 1) return s.sources.get(0);
        Source found = null;
        for (Source src : real) {
            if (has(src, col)) {
                if (found != null) return null;
                found = src;
            }
        }
        if (found != null) return found;
        for (Source src : real) {
            if (src.kind == Kind.BASE && src.read.known != null && src.read.known.pruningKeys().contains(col)) {
                if (found != null) return null;
                found = src;
            }
        }
        return found;
    }

    private static boolean has(Source src, String col) {
        if (src.kind == Kind.BASE) return src.read.known != null && src.read.known.column(col) != null;
        if (src.query != null) return src.query.outputs.containsKey(col);
        return false;
    }

    /** True when every source of the scope is a table whose known column list lacks {@code col}: look further out. */
    private static boolean allKnownWithout(Scope s, String col) {
        for (Source src : s.sources) {
            if (src.kind != Kind.BASE || src.read.known == null || src.read.known.columns().isEmpty() || src.read.known.column(col) != null) return false;
        }
        return true;
    }

    /** Columns of {@code e} outside its subqueries, resolved from {@code scope}. */
    private List<Resolved> columns(Expression e, Scope scope) {
        List<Resolved> out = new ArrayList<>();
        e.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Column c, S ctx) {
                Resolved r = resolve(c, scope);
                out.add(r == null ? new Resolved(null, Knowledge.unquote(c.getColumnName()).toLowerCase(Locale.ROOT), null) : r);
                return null;
            }

            @Override
            public <S> Void visit(Select p, S ctx) {
                return null;
            }

            @Override
            public <S> Void visit(ExistsExpression x, S ctx) {
                return null;
            }
        }, null);
        return out;
    }

    private static boolean hasSubquery(Expression e) {
        boolean[] found = {false};
        e.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Select p, S ctx) {
                found[0] = true;
                return null;
            }
        }, null);
        return found[0];
    }

    // ------------------------------------------------------------------ predicates

    private final Map<Scope, List<Object[]>> pending = new IdentityHashMap<>();

    static List<Expression> conjuncts(Expression e) {
        List<Expression> out = new ArrayList<>();
        Expression u = unwrap(e);
        if (u instanceof AndExpression a) {
            out.addAll(conjuncts(a.getLeftExpression()));
            out.addAll(conjuncts(a.getRightExpression()));
        } else {
            out.add(u);
        }
        return out;
    }

    static Expression unwrap(Expression e) {
        while (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) e = (Expression) p.get(0);
        return e;
    }

    /** A column constrained by a predicate, and how. */
    record Constraint(Source src, String column, boolean pruning, String defeat, String text, SqlAt at) {
        /** Not pruning, for the given reason (kept when one was given already). */
        Constraint withDefeat(String why) {
            return new Constraint(src, column, false, defeat != null && !pruning ? defeat : why, text, at);
        }
    }

    /**
     * Files the filters one top-level conjunct puts on the sources of {@code scope}. With {@code onlyFor} set (the
     * joined side of an outer join), an ON condition filters only that side.
     */
    private void applyConstraints(Expression conj, Scope scope, Source onlyFor) {
        Map<String, Constraint> cs = constraints(conj, scope);
        for (Constraint c : cs.values()) {
            if (c.src == null || onlyFor != null && c.src != onlyFor) continue;
            SqlFilter f = new SqlFilter(c.column, c.pruning, c.defeat, shorten(conj.toString()), c.at);
            if (c.src.kind == Kind.BASE) c.src.read.filters.add(f);
            else if (c.src.query != null) pending.computeIfAbsent(scope, k -> new ArrayList<>()).add(new Object[] {c.src, f});
        }
    }

    /** Sends the filters on CTE and derived-table columns into them, once the scope's predicates are all known. */
    private void pushPending(Scope scope) {
        List<Object[]> ps = pending.remove(scope);
        if (ps == null) return;
        for (Object[] p : ps) {
            Source src = (Source) p[0];
            push(src.query, ((SqlFilter) p[1]).column(), (SqlFilter) p[1], src, 0);
        }
    }

    private void push(Query q, String column, SqlFilter f, Object ref, int depth) {
        if (q == null || !q.pushSafe || depth > 32) return;
        List<Origin> origins = q.outputs.get(column);
        if (origins == null || origins.isEmpty()) {
            origins = new ArrayList<>();
            if (q.starSources.size() == 1) origins.add(new Origin(q.starSources.get(0), column));
            for (Query b : q.branches) {
                List<Origin> bo = b.outputs.get(column);
                if (bo != null) origins.addAll(bo);
                else if (b.starSources.size() == 1) origins.add(new Origin(b.starSources.get(0), column));
            }
        }
        for (Origin o : origins) {
            Query owner = owner(q, o.src);
            if (owner != null && owner.groupKeys != null && !owner.groupKeys.contains(o)) continue;
            SqlFilter moved = new SqlFilter(o.column, f.pruning(), f.defeat(), f.text(), f.at());
            if (o.src.kind == Kind.BASE) o.src.read.pushed.computeIfAbsent(ref, k -> new ArrayList<>()).add(moved);
            else if (o.src.query != null) push(o.src.query, o.column, moved, o.src, depth + 1);
        }
    }

    private static Query owner(Query q, Source s) {
        if (q.scope != null && q.scope.sources.contains(s)) return q;
        for (Query b : q.branches) {
            Query o = owner(b, s);
            if (o != null) return o;
        }
        return null;
    }

    private Map<String, Constraint> constraints(Expression e, Scope scope) {
        Map<String, Constraint> out = new LinkedHashMap<>();
        Expression u = unwrap(e);
        if (u instanceof AndExpression a) {
            merge(out, constraints(a.getLeftExpression(), scope));
            merge(out, constraints(a.getRightExpression(), scope));
        } else if (u instanceof OrExpression o) {
            Map<String, Constraint> l = constraints(o.getLeftExpression(), scope);
            Map<String, Constraint> r = constraints(o.getRightExpression(), scope);
            for (Map.Entry<String, Constraint> x : l.entrySet()) {
                Constraint y = r.get(x.getKey());
                Constraint c = x.getValue();
                if (y == null) out.put(x.getKey(), c.withDefeat("sits under an OR whose other branch does not filter it"));
                else out.put(x.getKey(), c.pruning && y.pruning ? c : c.pruning ? y : c);
            }
            for (Map.Entry<String, Constraint> y : r.entrySet()) {
                if (!l.containsKey(y.getKey())) out.put(y.getKey(), y.getValue().withDefeat("sits under an OR whose other branch does not filter it"));
            }
        } else if (u instanceof NotExpression n) {
            for (Constraint c : sideConstraints(n.getExpression(), scope)) out.put(key(c), c.withDefeat("is negated (NOT)"));
        } else if (u instanceof NotEqualsTo ne) {
            for (Constraint c : sideConstraints(ne, scope)) out.put(key(c), c.withDefeat("is a <> comparison, which prunes nothing"));
        } else if (u instanceof ComparisonOperator cmp) {
            compare(cmp.getLeftExpression(), cmp.getRightExpression(), u, scope, out);
        } else if (u instanceof Between b) {
            if (b.isNot()) {
                for (Constraint c : sideConstraints(b, scope)) out.put(key(c), c.withDefeat("is NOT BETWEEN, which prunes nothing"));
            } else {
                Expression both = new AndExpression(b.getBetweenExpressionStart(), b.getBetweenExpressionEnd());
                compare(b.getLeftExpression(), both, u, scope, out);
            }
        } else if (u instanceof InExpression in) {
            if (in.isNot()) {
                for (Constraint c : sideConstraints(in.getLeftExpression(), scope)) out.put(key(c), c.withDefeat("is NOT IN, which prunes nothing"));
            } else {
                compare(in.getLeftExpression(), in.getRightExpression(), u, scope, out);
            }
        } else if (u instanceof IsNullExpression isn) {
            if (isn.isNot()) {
                for (Constraint c : sideConstraints(isn.getLeftExpression(), scope)) out.put(key(c), c.withDefeat("is IS NOT NULL, which prunes nothing"));
            } else {
                compare(isn.getLeftExpression(), new NullValue(), u, scope, out);
            }
        } else if (u instanceof LikeExpression like) {
            for (Constraint c : sideConstraints(like.getLeftExpression(), scope)) out.put(key(c), c.withDefeat("is a " + like.getStringExpression() + ", which prunes no date or number partition"));
        } else {
            for (Constraint c : sideConstraints(u, scope)) out.put(key(c), c.withDefeat("is inside " + shorten(u.toString(), 40) + ", which prunes nothing"));
        }
        return out;
    }

    private void compare(Expression left, Expression right, Expression whole, Scope scope, Map<String, Constraint> out) {
        List<Resolved> lc = local(columns(left, scope), scope);
        List<Resolved> rc = local(columns(right, scope), scope);
        if (!lc.isEmpty() && rc.isEmpty()) one(left, right, lc, scope, out);
        else if (lc.isEmpty() && !rc.isEmpty()) one(right, left, rc, scope, out);
        else if (!lc.isEmpty()) {
            // column against column: a join condition; no constant to prune with
            for (Resolved r : lc) if (r.src != null) out.putIfAbsent(r.src.id + ":" + r.column, new Constraint(r.src, r.column, false,
                    "is only compared with another column (" + shorten(right.toString(), 40) + "), so it prunes only where the engine prunes dynamically at run time", shorten(whole.toString()), at(left)));
            for (Resolved r : rc) if (r.src != null) out.putIfAbsent(r.src.id + ":" + r.column, new Constraint(r.src, r.column, false,
                    "is only compared with another column (" + shorten(left.toString(), 40) + "), so it prunes only where the engine prunes dynamically at run time", shorten(whole.toString()), at(right)));
        }
    }

    /** {@code side} holds the table's column(s), {@code other} no column of this scope. */
    private void one(Expression side, Expression other, List<Resolved> cols, Scope scope, Map<String, Constraint> out) {
        Expression s = unwrap(side);
        boolean outerRefs = columns(other, scope).stream().anyMatch(r -> r.scope != scope);
        boolean sub = hasSubquery(other);
        for (Resolved r : cols) {
            if (r.src == null) continue;
            boolean pruning;
            String defeat = null;
            if (s instanceof Column) {
                if (outerRefs) {
                    pruning = false;
                    defeat = "is compared with a column of the outer query (" + shorten(other.toString(), 40) + ")";
                } else if (sub) {
                    pruning = dialect != SqlDialect.BIGQUERY;
                    if (!pruning) defeat = "is compared with a subquery, which BigQuery does not prune on; compare it with a constant or a scripting variable";
                } else {
                    pruning = true;
                }
            } else {
                String wrap = describeWrap(s);
                pruning = dialect == SqlDialect.BIGQUERY && s instanceof Function f && f.getName() != null
                        && BIGQUERY_PRUNING_WRAPPERS.contains(f.getName().toLowerCase(Locale.ROOT)) && !outerRefs && !sub;
                if (!pruning) defeat = wrap + ", so the engine cannot match the predicate to partitions";
            }
            out.put(key(r), new Constraint(r.src, r.column, pruning, defeat, shorten(side + " " + other), at(side)));
        }
    }

    private String describeWrap(Expression s) {
        if (s instanceof Function f) return "wraps it in " + (f.getName() == null ? "a function" : f.getName().toUpperCase(Locale.ROOT) + "()");
        if (s instanceof CastExpression c) return "casts it (" + shorten(c.toString(), 40) + ")";
        if (s instanceof BinaryExpression b) return "computes " + shorten(b.toString(), 40) + " from it";
        return "computes " + shorten(s.toString(), 40) + " from it";
    }

    private static List<Resolved> local(List<Resolved> cols, Scope scope) {
        List<Resolved> out = new ArrayList<>();
        for (Resolved r : cols) if (r.scope == scope) out.add(r);
        return out;
    }

    private List<Constraint> sideConstraints(Expression e, Scope scope) {
        List<Constraint> out = new ArrayList<>();
        for (Resolved r : local(columns(e, scope), scope)) {
            if (r.src != null) out.add(new Constraint(r.src, r.column, false, null, shorten(e.toString()), at(e)));
        }
        return out;
    }

    private static String key(Constraint c) {
        return (c.src == null ? "-" : String.valueOf(c.src.id)) + ":" + c.column;
    }

    private static String key(Resolved r) {
        return (r.src == null ? "-" : String.valueOf(r.src.id)) + ":" + r.column;
    }

    private static void merge(Map<String, Constraint> into, Map<String, Constraint> more) {
        for (Map.Entry<String, Constraint> e : more.entrySet()) {
            Constraint prev = into.get(e.getKey());
            if (prev == null || !prev.pruning && e.getValue().pruning) into.put(e.getKey(), e.getValue());
        }
    }

    // ------------------------------------------------------------------ spots in expressions

    /**
     * Walks an expression of {@code scope} for the constructs the rules look at: subqueries (correlated, NOT IN,
     * EXISTS), string operations in a condition, windows' ORDER BY. Returns true when it holds a window function.
     */
    private boolean walk(Expression e, Scope scope, String clause, boolean condition, Ctx ctx) {
        boolean[] windows = {false};
        int[] inString = {0};
        e.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Select sel, S c) {
                if (sel instanceof ParenthesedSelect p) subquery(p, scope, clause, ctx, false);
                return null;
            }

            @Override
            public <S> Void visit(ExistsExpression x, S c) {
                if (unwrap(x.getRightExpression()) instanceof ParenthesedSelect p) subquery(p, scope, clause, ctx, true);
                return null;
            }

            @Override
            public <S> Void visit(InExpression in, S c) {
                in.getLeftExpression().accept(this, c);
                Expression right = unwrap(in.getRightExpression());
                if (right instanceof ParenthesedSelect p) {
                    Query sq = subquery(p, scope, clause, new Ctx(false, false, true, null, "subquery", ctx.ctes()), false);
                    if (in.isNot()) notIn(in, p, sq, scope);
                } else {
                    right.accept(this, c);
                    if (in.isNot() && right instanceof ExpressionList<?> list) {
                        for (Object x : list) {
                            if (x instanceof NullValue) {
                                notIns.add(new SqlNotIn(at(in.getLeftExpression()), shorten(in.toString()), null, null, Boolean.TRUE,
                                        "the list holds NULL", null));
                                break;
                            }
                        }
                    }
                }
                return null;
            }

            @Override
            public <S> Void visit(Function f, S c) {
                String n = f.getName() == null ? "" : f.getName().toLowerCase(Locale.ROOT);
                boolean str = condition && STRING_FUNCTIONS.contains(n) && hasColumn(f, scope);
                if (str && inString[0] == 0) stringFilter(f, f.getName().toUpperCase(Locale.ROOT) + "()", f, scope, clause);
                if (str) inString[0]++;
                super.visit(f, c);
                if (str) inString[0]--;
                return null;
            }

            @Override
            public <S> Void visit(LikeExpression l, S c) {
                Expression pat = unwrap(l.getRightExpression());
                boolean str = condition && pat instanceof StringValue sv && (sv.getValue().startsWith("%") || sv.getValue().startsWith("_"))
                        && hasColumn(l.getLeftExpression(), scope);
                if (str && inString[0] == 0) {
                    stringFilter(l, l.getStringExpression().toUpperCase(Locale.ROOT) + " '" + shorten(((StringValue) pat).getValue(), 40) + "'",
                            l.getLeftExpression(), scope, clause);
                }
                if (str) inString[0]++;
                super.visit(l, c);
                if (str) inString[0]--;
                return null;
            }

            @Override
            public <S> Void visit(Concat cc, S c) {
                boolean str = condition && hasColumn(cc, scope);
                if (str && inString[0] == 0) stringFilter(cc, "||", cc, scope, clause);
                if (str) inString[0]++;
                super.visit(cc, c);
                if (str) inString[0]--;
                return null;
            }

            @Override
            public <S> Void visit(CastExpression ce, S c) {
                boolean str = condition && ce.getColDataType() != null && TEXT_TYPE.matcher(ce.getColDataType().getDataType()).matches()
                        && hasColumn(ce.getLeftExpression(), scope);
                if (str && inString[0] == 0) stringFilter(ce, "CAST AS " + ce.getColDataType().getDataType().toUpperCase(Locale.ROOT), ce, scope, clause);
                if (str) inString[0]++;
                super.visit(ce, c);
                if (str) inString[0]--;
                return null;
            }

            @Override
            public <S> Void visit(RegExpMatchOperator r, S c) {
                boolean str = condition && hasColumn(r.getLeftExpression(), scope);
                if (str && inString[0] == 0) stringFilter(r, "regular expression match", r, scope, clause);
                if (str) inString[0]++;
                super.visit(r, c);
                if (str) inString[0]--;
                return null;
            }

            @Override
            public <S> Void visit(SimilarToExpression r, S c) {
                boolean str = condition && hasColumn(r.getLeftExpression(), scope);
                if (str && inString[0] == 0) stringFilter(r, "SIMILAR TO", r, scope, clause);
                if (str) inString[0]++;
                super.visit(r, c);
                if (str) inString[0]--;
                return null;
            }

            @Override
            public <S> Void visit(AnalyticExpression a, S c) {
                windows[0] = true;
                if (a.getOrderByElements() != null && !a.getOrderByElements().isEmpty()) {
                    StringBuilder t = new StringBuilder();
                    for (OrderByElement o : a.getOrderByElements()) t.append(t.length() > 0 ? ", " : "").append(o);
                    orderBys.add(new SqlOrderBy(at(a.getOrderByElements().get(0).getExpression()), shorten(t.toString()), false, false, true, "window"));
                }
                return super.visit(a, c);
            }
        }, null);
        return windows[0];
    }

    private boolean hasColumn(Expression e, Scope scope) {
        return !columns(e, scope).isEmpty();
    }

    private void stringFilter(Expression node, String op, Expression over, Scope scope, String clause) {
        if (!clause.equals("WHERE") && !clause.equals("ON")) return;
        List<Resolved> cols = columns(over, scope);
        String col = cols.isEmpty() ? "" : cols.get(0).column;
        stringFilters.add(new SqlStringFilter(at(node), op, col, shorten(node.toString()), clause));
    }

    private Query subquery(ParenthesedSelect p, Scope scope, String clause, Ctx ctx, boolean exists) {
        Set<String> corr = new TreeSet<>();
        Ctx sub = new Ctx(false, false, exists || ctx.inExistsOrIn(), corr, "subquery", ctx.ctes());
        Query q = analyzeSelect(p, scope, sub);
        if (!exists && !corr.isEmpty()) {
            String[] rw = correlatedRewrite(p, q, scope);
            correlated.add(new SqlSubquery(at(p), clause, String.join(", ", corr), shorten(p.toString()), rw == null ? null : rw[0], rw == null ? null : rw[1]));
        }
        return q;
    }

    // ------------------------------------------------------------------ NOT IN

    private void notIn(InExpression in, ParenthesedSelect p, Query sq, Scope outer) {
        PlainSelect ps = p.getPlainSelect();
        String table = null, column = null, why = null, rewrite = null;
        Boolean nullable = null;
        if (ps != null && ps.getSelectItems().size() == 1 && sq.scope != null) {
            Expression item = unwrap(ps.getSelectItems().get(0).getExpression());
            if (item instanceof Column c) {
                Resolved r = resolve(c, sq.scope);
                Origin base = r == null || r.src == null ? null : baseOrigin(new Origin(r.src, r.column), 0);
                if (base != null) {
                    table = base.src.read.key;
                    column = base.column;
                    KnownTable kt = base.src.read.known;
                    KnownColumn kc = kt == null ? null : kt.column(column);
                    if (r.src.nullSide || base.src.nullSide) {
                        nullable = Boolean.TRUE;
                        why = "the column comes from the outer side of an outer join in the subquery";
                    } else if (kc != null && kc.nullable() != null) {
                        nullable = kc.nullable();
                        why = kt.source() + ": " + kt.name() + "." + kc.name() + (kc.nullable() ? " is nullable" : " is NOT NULL");
                    }
                }
                if (ps.getWhere() != null) {
                    for (Expression cj : conjuncts(ps.getWhere())) {
                        if (cj instanceof IsNullExpression isn && isn.isNot() && unwrap(isn.getLeftExpression()) instanceof Column nc
                                && Knowledge.unquote(nc.getColumnName()).equalsIgnoreCase(c.getColumnName())) {
                            nullable = Boolean.FALSE;
                            why = "the subquery keeps only rows where " + nc + " IS NOT NULL";
                        }
                    }
                }
                rewrite = notExistsRewrite(in, ps, c, outer);
            } else if (item instanceof net.sf.jsqlparser.expression.LongValue || item instanceof StringValue) {
                nullable = Boolean.FALSE;
                why = "the subquery selects a constant";
            }
        }
        notIns.add(new SqlNotIn(at(in.getLeftExpression()), shorten(in.toString()), table, column, nullable, why, rewrite));
    }

    /** The base table column an origin passes through to, following CTEs and derived tables. */
    private Origin baseOrigin(Origin o, int depth) {
        if (o.src.kind == Kind.BASE) return o;
        if (o.src.query == null || depth > 32) return null;
        List<Origin> next = o.src.query.outputs.get(o.column);
        if ((next == null || next.isEmpty()) && o.src.query.starSources.size() == 1) next = List.of(new Origin(o.src.query.starSources.get(0), o.column));
        if (next == null || next.size() != 1) return null;
        return baseOrigin(next.get(0), depth + 1);
    }

    private String notExistsRewrite(InExpression in, PlainSelect ps, Column inner, Scope outer) {
        if (ps.getGroupBy() != null || ps.getHaving() != null || ps.getLimit() != null || !(ps.getFromItem() instanceof Table t)) return null;
        if (ps.getJoins() != null && !ps.getJoins().isEmpty()) return null;
        Expression left = unwrap(in.getLeftExpression());
        if (!(left instanceof Column lc)) return null;
        String leftText = lc.toString();
        if (lc.getTable() == null || lc.getTable().getName() == null) {
            if (outer.sources.size() != 1 || outer.sources.get(0).qualifier() == null) return null;
            leftText = outer.sources.get(0).qualifier() + "." + lc.getColumnName();
        }
        String q = t.getAlias() != null ? t.getAlias().getName() : t.getName();
        String innerText = inner.getTable() != null && inner.getTable().getName() != null ? inner.toString() : q + "." + inner.getColumnName();
        String where = ps.getWhere() == null ? "" : "(" + ps.getWhere() + ") AND ";
        return "-- NOT IN over a column that can be NULL returns no rows once the subquery yields a NULL; NOT EXISTS does not.\n"
                + "-- Unlike NOT IN, NOT EXISTS keeps the outer rows whose " + leftText + " is NULL: add AND " + leftText
                + " IS NOT NULL if they must stay out.\n"
                + "NOT EXISTS (SELECT 1 FROM " + t + " WHERE " + where + innerText + " = " + leftText + ")\n";
    }

    // ------------------------------------------------------------------ correlated subquery rewrites

    /** [rewrite, kind] for a correlated aggregate subquery with equality correlations; null when none is safe. */
    private String[] correlatedRewrite(ParenthesedSelect p, Query q, Scope outer) {
        PlainSelect ps = p.getPlainSelect();
        if (ps == null || q.scope == null || ps.getSelectItems().size() != 1) return null;
        if (!(ps.getFromItem() instanceof Table t) || ps.getJoins() != null && !ps.getJoins().isEmpty()) return null;
        if (ps.getGroupBy() != null || ps.getHaving() != null || ps.getLimit() != null || ps.getDistinct() != null) return null;
        if (!(unwrap(ps.getSelectItems().get(0).getExpression()) instanceof Function agg) || agg.getName() == null
                || !AGGREGATES.contains(agg.getName().toLowerCase(Locale.ROOT))) return null;
        if (ps.getWhere() == null) return null;
        List<String[]> pairs = new ArrayList<>();   // inner column text, inner column name, outer column text, outer column name
        List<String> rest = new ArrayList<>();
        for (Expression c : conjuncts(ps.getWhere())) {
            boolean outerRef = columns(c, q.scope).stream().anyMatch(r -> r.scope != q.scope);
            if (!outerRef) {
                rest.add(c.toString());
                continue;
            }
            if (!(c instanceof EqualsTo eq) || !(unwrap(eq.getLeftExpression()) instanceof Column a) || !(unwrap(eq.getRightExpression()) instanceof Column b)) return null;
            Resolved ra = resolve(a, q.scope), rb = resolve(b, q.scope);
            if (ra == null || rb == null) return null;
            if (ra.scope == q.scope && rb.scope != q.scope) pairs.add(new String[] {a.toString(), ra.column, b.toString(), rb.column});
            else if (rb.scope == q.scope && ra.scope != q.scope) pairs.add(new String[] {b.toString(), rb.column, a.toString(), ra.column});
            else return null;
        }
        if (pairs.isEmpty()) return null;
        boolean count = agg.getName().equalsIgnoreCase("count");
        // the same table read once by the outer query, unfiltered: a window over it computes the same value per row
        Source only = outer.sources.size() == 1 ? outer.sources.get(0) : null;
        String innerKey = knowledge.resolve(nameParts(t));
        if (only != null && only.kind == Kind.BASE && only.read.key.equals(innerKey) && outer.ps != null && outer.ps.getWhere() == null
                && outer.ps.getGroupBy() == null && rest.isEmpty() && pairs.stream().allMatch(x -> x[1].equals(x[3]))) {
            String innerQ = t.getAlias() != null ? t.getAlias().getName() : t.getName();
            String outerQ = only.qualifier() == null ? null : only.alias != null ? only.alias : only.written;
            String fn = agg.toString();
            if (outerQ != null) fn = fn.replaceAll("(?i)\\b" + Pattern.quote(innerQ) + "\\.", outerQ + ".");
            StringBuilder part = new StringBuilder();
            for (String[] x : pairs) part.append(part.length() > 0 ? ", " : "").append(x[2]);
            return new String[] {"-- the subquery aggregates the same unfiltered table per " + part + ": a window function reads it once\n"
                    + fn + " OVER (PARTITION BY " + part + ")\n", "window"};
        }
        StringBuilder keys = new StringBuilder(), on = new StringBuilder();
        for (String[] x : pairs) {
            keys.append(keys.length() > 0 ? ", " : "").append(x[0]);
            on.append(on.length() > 0 ? " AND " : "").append("sq.").append(x[1]).append(" = ").append(x[2]);
        }
        String sql = "-- aggregate once per key, then join: the engine reads " + t.getName() + " once instead of once per outer row\n"
                + "LEFT JOIN (\n    SELECT " + keys + ", " + agg + " AS agg_value\n    FROM " + t + "\n"
                + (rest.isEmpty() ? "" : "    WHERE " + String.join(" AND ", rest) + "\n")
                + "    GROUP BY " + keys + "\n) AS sq ON " + on + "\n"
                + "-- and in place of the subquery: " + (count ? "COALESCE(sq.agg_value, 0)" : "sq.agg_value") + "\n";
        return new String[] {sql, "join"};
    }

    // ------------------------------------------------------------------ SELECT *

    private void star(SelectItem<?> it, Expression e, Scope scope, Query q, Ctx ctx) {
        List<Source> over = new ArrayList<>();
        if (e instanceof AllTableColumns atc) {
            String qual = atc.getTable() == null || atc.getTable().getName() == null ? null
                    : Knowledge.unquote(atc.getTable().getName()).toLowerCase(Locale.ROOT);
            for (Source s : scope.sources) if (qual != null && s.named(qual)) over.add(s);
        } else {
            over.addAll(scope.sources);
        }
        q.starSources.addAll(over);
        Set<String> base = new LinkedHashSet<>();
        List<String> through = new ArrayList<>();
        for (Source s : over) {
            if (s.kind == Kind.BASE) base.add(s.read.key);
            else if (s.query != null && !s.query.starBase.isEmpty()) {
                base.addAll(s.query.starBase);
                through.add((s.kind == Kind.CTE ? "CTE " : "derived table ") + (s.name != null ? s.name : s.alias));
                through.addAll(s.query.starThrough);
            }
        }
        q.starBase.addAll(base);
        q.starThrough.addAll(through);
        if (ctx.output() && !ctx.inExistsOrIn() && !base.isEmpty()) {
            stars.add(new SqlStar(at(e), shorten(it.toString(), 60), new ArrayList<>(base), through));
        }
    }

    // ------------------------------------------------------------------ DISTINCT

    private SqlDistinct distinct(SqlAt at, String kind, boolean overJoin, Set<String> tables) {
        String largest = null;
        Double gb = null;
        Long rows = null;
        for (String key : tables) {
            KnownTable t = knowledge.table(key);
            if (t == null) continue;
            if (t.sizeGb() != null && (gb == null || t.sizeGb() > gb)) {
                gb = t.sizeGb();
                largest = key;
            }
            if (t.rowCount() != null && (rows == null || t.rowCount() > rows)) {
                rows = t.rowCount();
                if (gb == null) largest = key;
            }
        }
        return new SqlDistinct(at, kind, overJoin, new ArrayList<>(tables), largest, gb, rows);
    }

    // ------------------------------------------------------------------ passes over the same table

    private AggScan aggScan(PlainSelect ps, Scope scope) {
        if (scope.sources.size() != 1 || scope.sources.get(0).kind != Kind.BASE) return null;
        if (ps.getGroupBy() != null || ps.getDistinct() != null || ps.getLimit() != null || ps.getHaving() != null) return null;
        boolean anyAgg = false;
        for (SelectItem<?> it : ps.getSelectItems()) {
            Expression e = unwrap(it.getExpression());
            if (e instanceof Function f && f.getName() != null && AGGREGATES.contains(f.getName().toLowerCase(Locale.ROOT))) anyAgg = true;
            else if (!constant(e)) return null;
        }
        if (!anyAgg) return null;
        Source s = scope.sources.get(0);
        return new AggScan(s.read.key, ps.getFromItem().toString(), s.alias, ps.getWhere(), ps.getSelectItems(), s.read.at);
    }

    private static boolean constant(Expression e) {
        return e instanceof StringValue || e instanceof net.sf.jsqlparser.expression.LongValue
                || e instanceof net.sf.jsqlparser.expression.DoubleValue || e instanceof NullValue
                || e instanceof net.sf.jsqlparser.expression.BooleanValue;
    }

    private void repeatedUnion(SetOperationList so, List<Query> branches) {
        Map<String, List<Integer>> byTable = new LinkedHashMap<>();
        for (int i = 0; i < branches.size(); i++) {
            AggScan a = branches.get(i).agg;
            if (a != null) byTable.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, List<Integer>> e : byTable.entrySet()) {
            if (e.getValue().size() < 2) continue;
            List<AggScan> scans = e.getValue().stream().map(i -> branches.get(i).agg).toList();
            repeated.add(new SqlRepeatedScan(scans.get(0).at(), e.getKey(), scans.size(), "UNION ALL branches",
                    scans.subList(1, scans.size()).stream().map(a -> a.at().line() + ":" + a.at().col()).toList(), unionRewrite(scans)));
        }
    }

    /**
     * UNION ALL of single-table aggregates, each filtering one column on a different constant: one GROUP BY on that
     * column gives the same rows (the branches' rows cannot overlap, so nothing is counted twice).
     */
    private static String unionRewrite(List<AggScan> scans) {
        String col = null;
        List<String> literals = new ArrayList<>();
        int n = scans.get(0).items().size();
        // the conjuncts every branch shares stay in WHERE; each branch must differ by one equality on the same column
        List<Set<String>> texts = new ArrayList<>();
        for (AggScan a : scans) {
            if (a.where() == null) return null;
            Set<String> t = new LinkedHashSet<>();
            for (Expression c : conjuncts(a.where())) t.add(c.toString());
            texts.add(t);
        }
        Set<String> common = new LinkedHashSet<>(texts.get(0));
        for (Set<String> t : texts) common.retainAll(t);
        for (AggScan a : scans) {
            List<Expression> own = new ArrayList<>();
            for (Expression c : conjuncts(a.where())) if (!common.contains(c.toString())) own.add(c);
            if (own.size() != 1 || !(own.get(0) instanceof EqualsTo eq)) return null;
            Expression l = unwrap(eq.getLeftExpression()), r = unwrap(eq.getRightExpression());
            Column c = l instanceof Column lc && constant(r) ? lc : r instanceof Column rc && constant(l) ? rc : null;
            if (c == null) return null;
            String lit = (c == l ? r : l).toString();
            if (col == null) col = c.toString();
            else if (!col.equalsIgnoreCase(c.toString())) return null;
            if (literals.contains(lit)) return null;
            literals.add(lit);
            if (a.items().size() != n || !a.key().equals(scans.get(0).key())) return null;
        }
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Expression first = unwrap(scans.get(0).items().get(i).getExpression());
            String alias = scans.get(0).items().get(i).getAlias() == null ? null : scans.get(0).items().get(i).getAlias().getName();
            String item;
            if (constant(first)) {
                StringBuilder cs = new StringBuilder("CASE " + col);
                boolean sameAsKey = true;
                for (int b = 0; b < scans.size(); b++) {
                    String label = unwrap(scans.get(b).items().get(i).getExpression()).toString();
                    if (!label.equals(literals.get(b))) sameAsKey = false;
                    cs.append(" WHEN ").append(literals.get(b)).append(" THEN ").append(label);
                }
                item = sameAsKey ? col : cs.append(" END").toString();
            } else {
                for (AggScan b : scans) if (!unwrap(b.items().get(i).getExpression()).toString().equals(first.toString())) return null;
                item = first.toString();
            }
            boolean sameName = alias != null && item.equalsIgnoreCase(alias);
            select.append(select.length() > 0 ? ",\n       " : "").append(item).append(alias == null || sameName ? "" : " AS " + alias);
        }
        return "-- one pass: the branches filter " + col + " on different values, so grouping by it gives the same rows\n"
                + "SELECT " + select + "\nFROM " + scans.get(0).tableText() + "\nWHERE " + col + " IN (" + String.join(", ", literals) + ")"
                + (common.isEmpty() ? "" : " AND " + String.join(" AND ", common)) + "\n"
                + "GROUP BY " + col + "\n";
    }

    /** {@code SELECT (SELECT agg FROM t WHERE a), (SELECT agg FROM t WHERE b)}: one pass with conditional aggregates. */
    private void repeatedScalars(PlainSelect ps, Scope scope) {
        Map<String, List<int[]>> byTable = new LinkedHashMap<>();
        List<AggScan> scans = new ArrayList<>();
        List<SelectItem<?>> items = ps.getSelectItems();
        for (int i = 0; i < items.size(); i++) {
            Expression e = unwrap(items.get(i).getExpression());
            AggScan a = null;
            if (e instanceof ParenthesedSelect p && p.getPlainSelect() != null) {
                PlainSelect inner = p.getPlainSelect();
                Scope s = new Scope(scope, null);
                if (inner.getFromItem() instanceof Table t && (inner.getJoins() == null || inner.getJoins().isEmpty())) {
                    Source src = new Source();
                    src.kind = Kind.BASE;
                    ReadB rb = new ReadB();
                    rb.key = knowledge.resolve(nameParts(t));
                    rb.at = at(t);
                    src.read = rb;
                    src.alias = alias(t.getAlias());
                    s.sources.add(src);
                    a = aggScan(inner, s);
                    if (a != null && a.items().size() != 1) a = null;
                }
            }
            scans.add(a);
            if (a != null) byTable.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(new int[] {i});
        }
        for (Map.Entry<String, List<int[]>> e : byTable.entrySet()) {
            if (e.getValue().size() < 2) continue;
            List<AggScan> same = e.getValue().stream().map(x -> scans.get(x[0])).toList();
            String rewrite = null;
            boolean pure = ps.getFromItem() == null && scans.stream().allMatch(java.util.Objects::nonNull)
                    && same.size() == scans.size() && same.stream().map(a -> String.valueOf(a.alias())).distinct().count() == 1;
            if (pure) {
                StringBuilder sel = new StringBuilder();
                for (int i = 0; i < same.size(); i++) {
                    Function f = (Function) unwrap(same.get(i).items().get(0).getExpression());
                    String name = items.get(i).getAlias() != null ? items.get(i).getAlias().getName()
                            : same.get(i).items().get(0).getAlias() != null ? same.get(i).items().get(0).getAlias().getName() : null;
                    sel.append(sel.length() > 0 ? ",\n       " : "").append(conditional(f, same.get(i).where()))
                            .append(name == null ? "" : " AS " + name);
                }
                rewrite = "-- one pass: each subquery's filter becomes a CASE WHEN inside its aggregate\nSELECT " + sel + "\nFROM "
                        + same.get(0).tableText() + "\n";
            }
            repeated.add(new SqlRepeatedScan(same.get(0).at(), e.getKey(), same.size(), "scalar subqueries",
                    same.subList(1, same.size()).stream().map(a -> a.at().line() + ":" + a.at().col()).toList(), rewrite));
        }
    }

    /** {@code COUNT(*)} under {@code w}: {@code COUNT(CASE WHEN w THEN 1 END)}; {@code SUM(x)}: {@code SUM(CASE WHEN w THEN x END)}. */
    private static String conditional(Function f, Expression where) {
        if (where == null) return f.toString();
        String name = f.getName();
        String distinct = f.isDistinct() ? "DISTINCT " : "";
        boolean star = f.isAllColumns() || f.getParameters() == null || f.getParameters().isEmpty()
                || f.getParameters().get(0) instanceof AllColumns;
        String arg = star ? "1" : f.getParameters().get(0).toString();
        return name.toUpperCase(Locale.ROOT) + "(" + distinct + "CASE WHEN " + where + " THEN " + arg + " END)";
    }

    /** Several CTEs or derived tables of one FROM, each a single-table aggregate of the same table. */
    private void repeatedSources(Scope scope) {
        Map<String, List<AggScan>> byTable = new LinkedHashMap<>();
        for (Source s : scope.sources) {
            if ((s.kind == Kind.CTE || s.kind == Kind.DERIVED) && s.query != null && s.query.agg != null) {
                byTable.computeIfAbsent(s.query.agg.key(), k -> new ArrayList<>()).add(s.query.agg);
            }
        }
        for (Map.Entry<String, List<AggScan>> e : byTable.entrySet()) {
            List<AggScan> same = e.getValue().stream().distinct().toList();
            if (same.size() < 2) continue;
            repeated.add(new SqlRepeatedScan(same.get(0).at(), e.getKey(), same.size(), "CTEs",
                    same.subList(1, same.size()).stream().map(a -> a.at().line() + ":" + a.at().col()).toList(), null));
        }
    }

    // ------------------------------------------------------------------ joins that could pre-aggregate

    private void aggregateJoin(PlainSelect ps, Scope scope, List<Join> joins) {
        List<Function> aggs = new ArrayList<>();
        boolean[] blocked = {false};
        ExpressionVisitorAdapter<Void> finder = new ExpressionVisitorAdapter<>() {
            @Override
            public <S> Void visit(Function f, S c) {
                String n = f.getName() == null ? "" : f.getName().toLowerCase(Locale.ROOT);
                if (AGGREGATES.contains(n) && !f.isDistinct()) aggs.add(f);
                else if (NON_DECOMPOSABLE.contains(n) || AGGREGATES.contains(n)) blocked[0] = true;
                else super.visit(f, c);
                return null;
            }

            @Override
            public <S> Void visit(AnalyticExpression a, S c) {
                blocked[0] = true;
                return null;
            }

            @Override
            public <S> Void visit(Select p, S c) {
                return null;
            }
        };
        for (SelectItem<?> it : ps.getSelectItems()) it.getExpression().accept(finder, null);
        if (ps.getHaving() != null) ps.getHaving().accept(finder, null);
        if (blocked[0] || aggs.isEmpty()) return;
        Source f = null;
        for (Function a : aggs) {
            if (a.getParameters() == null || a.isAllColumns()) continue;
            for (Resolved r : local(columns(a, scope), scope)) {
                if (r.src == null) return;
                if (f == null) f = r.src;
                else if (f != r.src) return;
            }
        }
        if (f == null || f.kind != Kind.BASE || f.nullSide) return;
        final Source fact = f;
        Set<String> joinKeys = new LinkedHashSet<>();
        Set<String> joinCols = new LinkedHashSet<>();
        for (Join j : joins) {
            if (j.getOnExpressions() == null) continue;
            for (Expression on : j.getOnExpressions()) {
                for (Expression c : conjuncts(on)) {
                    if (!(c instanceof EqualsTo eq) || !(unwrap(eq.getLeftExpression()) instanceof Column a) || !(unwrap(eq.getRightExpression()) instanceof Column b)) continue;
                    Resolved ra = resolve(a, scope), rb = resolve(b, scope);
                    if (ra == null || rb == null || ra.src == null || rb.src == null || ra.src == rb.src) continue;
                    if (ra.src == f) { joinKeys.add(a.toString()); joinCols.add(a.toString()); }
                    if (rb.src == f) { joinKeys.add(b.toString()); joinCols.add(b.toString()); }
                }
            }
        }
        if (joinKeys.isEmpty()) return;
        boolean otherGroupKey = false;
        Set<String> fGroupCols = new LinkedHashSet<>();
        for (Object g : ps.getGroupBy().getGroupByExpressionList()) {
            if (!(g instanceof Expression ge)) continue;
            for (Resolved r : local(columns(ge, scope), scope)) {
                if (r.src != null && r.src != f) otherGroupKey = true;
                if (r.src == f && unwrap(ge) instanceof Column) fGroupCols.add(ge.toString());
            }
        }
        if (!otherGroupKey) return;
        KnownTable kt = f.read.known;
        Set<String> cteKeys = new LinkedHashSet<>(joinCols);
        cteKeys.addAll(fGroupCols);
        StringBuilder items = new StringBuilder(String.join(", ", cteKeys));
        StringBuilder reagg = new StringBuilder();
        int i = 0;
        for (Function a : aggs) {
            String n = a.getName().toLowerCase(Locale.ROOT);
            String col = n + "_" + (++i);
            if (n.equals("avg")) {
                String arg = a.getParameters().get(0).toString();
                items.append(", SUM(").append(arg).append(") AS sum_").append(i).append(", COUNT(").append(arg).append(") AS count_").append(i);
                reagg.append("\n--   ").append(a).append(" -> SUM(sum_").append(i).append(") / SUM(count_").append(i).append(")");
            } else {
                items.append(", ").append(a).append(" AS ").append(col);
                String outer = n.equals("count") ? "SUM(" + col + ")" : n.toUpperCase(Locale.ROOT) + "(" + col + ")";
                reagg.append("\n--   ").append(a).append(" -> ").append(outer);
            }
        }
        List<String> fOnly = new ArrayList<>();
        if (ps.getWhere() != null) {
            for (Expression c : conjuncts(ps.getWhere())) {
                List<Resolved> cs = columns(c, scope);
                if (!cs.isEmpty() && cs.stream().allMatch(r -> r.src == fact) && !hasSubquery(c)) fOnly.add(c.toString());
            }
        }
        String from = f.written + (f.alias != null ? " " + f.alias : "");
        String cte = f.name + "_agg";
        String rewrite = "-- pre-aggregate " + f.written + " to one row per join key, then join the smaller result\n"
                + "WITH " + cte + " AS (\n    SELECT " + items + "\n    FROM " + from + "\n"
                + (fOnly.isEmpty() ? "" : "    WHERE " + String.join(" AND ", fOnly) + "\n")
                + "    GROUP BY " + String.join(", ", cteKeys) + "\n)\n"
                + "-- then join " + cte + " in place of " + f.written + " (same join keys) and re-aggregate the partial results:" + reagg
                + "\n-- safe when each " + f.written + " row matches at most one row on the other side (a dimension's key)\n";
        StringBuilder groupText = new StringBuilder();
        for (Object g : ps.getGroupBy().getGroupByExpressionList()) groupText.append(groupText.length() > 0 ? ", " : "").append(g);
        StringBuilder aggText = new StringBuilder();
        for (Function a : aggs) aggText.append(aggText.length() > 0 ? ", " : "").append(a);
        Join first = joins.get(0);
        SqlAt at = at(first.getRightItem());
        aggregateJoins.add(new SqlAggregateJoin(at, f.read.key, String.join(", ", joinKeys), shorten(groupText.toString()),
                shorten(aggText.toString()), kt == null ? null : kt.sizeGb(), kt == null ? null : kt.rowCount(), rewrite));
    }

    // ------------------------------------------------------------------ positions

    private SqlAt at(ASTNodeAccess n) {
        SimpleNode sn = n == null ? null : n.getASTNode();
        Token t = sn == null ? null : sn.jjtGetFirstToken();
        if (t == null || t.beginLine <= 0) return statementAt;
        return locator.at(t.beginLine, t.beginColumn);
    }

    /** The position of {@code keyword} at or after the start of {@code n} (DISTINCT after SELECT, UNION after a branch). */
    private SqlAt keywordAt(ASTNodeAccess n, String keyword) {
        SimpleNode sn = n == null ? null : n.getASTNode();
        if (sn == null) return at(n);
        Token t = sn.jjtGetFirstToken();
        Token last = sn.jjtGetLastToken();
        if (keyword.equals("UNION")) t = last == null ? null : last.next;
        for (int i = 0; t != null && i < 64; i++, t = t.next) {
            if (keyword.equalsIgnoreCase(t.image)) return locator.at(t.beginLine, t.beginColumn);
        }
        return at(n);
    }

    static String shorten(String s) {
        return shorten(s, 120);
    }

    static String shorten(String s, int max) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 3) + "...";
    }
}
