package dev.dece.core.contract;

import dev.dece.core.doc.Binder;
import dev.dece.core.drl.Check;
import dev.dece.core.drl.CheckKind;
import dev.dece.core.drl.Contract;
import dev.dece.core.drl.ContractColumn;
import dev.dece.core.drl.ContractNote;
import dev.dece.core.drl.ContractTable;
import dev.dece.core.drl.Expect;
import dev.dece.core.drl.Format;
import dev.dece.core.drl.Node;
import dev.dece.core.drl.SqlType;
import dev.dece.core.sql.Identifiers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What every contract reader shares: the binder that collects located problems, the facts read so far
 * (tables, columns, checks with their IDs) and the checks on names, patterns and schedules that every
 * format makes the same way. One instance per document; not thread-safe.
 */
abstract class ContractReading {

    final Binder b = new Binder();
    final List<ContractTable> tables = new ArrayList<>();
    final List<ContractColumn> columns = new ArrayList<>();
    final List<Check> checks = new ArrayList<>();
    final List<ContractNote> notes = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();

    /** Reads the document's root into the contract header, collecting its tables, columns and checks. */
    abstract Contract read(Node root);


    void add(Node n, String table, String column, CheckKind kind, Double min, Double max, List<String> values,
                     String pattern, Double hours, String refT, String refC, String srcT, String srcC, Double maxPct,
                     String sql, Expect expect, boolean derived) {
        add(n, table, column, kind, min, max, values, pattern, hours, refT, refC, srcT, srcC, maxPct, sql, expect, derived, List.of(), List.of(),
                false, false);
    }

    /** A range check whose bounds may be exclusive (ODCS {@code exclusiveMinimum}, {@code exclusiveMaximum}). */
    void addRange(Node n, String table, String column, Double min, boolean minExclusive, Double max, boolean maxExclusive) {
        add(n, table, column, CheckKind.RANGE, min, max, null, null, null, null, null, null, null, null, null, Expect.ZERO, true,
                List.of(), List.of(), minExclusive, maxExclusive);
    }

    /** A check over a composite key: {@code cols} (and, for a foreign key, {@code refCols}) in key order. */
    void addComposite(Node n, String table, CheckKind kind, List<String> cols, String refT, List<String> refCols, boolean derived) {
        if (cols.size() == 1) {
            add(n, table, cols.get(0), kind, null, null, null, null, null, refT, refCols.isEmpty() ? null : refCols.get(0), null, null, null,
                    null, Expect.ZERO, derived);
            return;
        }
        add(n, table, null, kind, null, null, null, null, null, refT, null, null, null, null, null, Expect.ZERO, derived, cols, refCols,
                false, false);
    }

    private void add(Node n, String table, String column, CheckKind kind, Double min, Double max, List<String> values,
                     String pattern, Double hours, String refT, String refC, String srcT, String srcC, Double maxPct,
                     String sql, Expect expect, boolean derived, List<String> cols, List<String> refCols, boolean minEx, boolean maxEx) {
        // values and patterns become SQL literals: a control character (a line break) has no safe literal form
        if (values != null) for (String v : values) if (!literal(n, v, "value")) return;
        if (pattern != null && !literal(n, pattern, "pattern")) return;
        String base = table + "." + (column != null ? column + "." : cols.isEmpty() ? "" : String.join("+", cols) + ".") + kind.id();
        int k = ids.merge(base, 1, Integer::sum);
        String id = k == 1 ? base : base + "-" + k;
        checks.add(new Check(n, id, table, column, kind, min, max, values, pattern, hours, refT, refC, srcT, srcC, maxPct,
                sql, expect, derived, cols, refCols, minEx, maxEx));
    }

    /** True when {@code text} can be a SQL literal; else a located problem. */
    boolean literal(Node at, String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f || c == '\u2028' || c == '\u2029') {
                b.problem(at, "the " + what + " \"" + CustomSql.printable(text) + "\" holds a control character (U+"
                        + String.format("%04X", (int) c) + "); check values and patterns are one line of printable text");
                return false;
            }
        }
        return true;
    }

    /** Read, but no check DECE runs: said in the report (CON-017), never dropped. */
    void notChecked(Node at, String what, String how) {
        notes.add(new ContractNote(at, false, what, how));
    }

    /** The document departs from its standard here (CON-018): a finding, not a refusal of the file. */
    void nonconforming(Node at, String what, String how) {
        notes.add(new ContractNote(at, true, what, how));
    }

    /**
     * A number as the standards write it: plain ({@code 99.9}), quoted ({@code "99.9"}), or with a unit or a percent
     * sign ({@code "99.9%"}, {@code "500ms"}, {@code "4 h"}); {@code {value, unit}} with a null unit when none, or null
     * (with a located problem naming {@code what}) when it is not a number.
     */
    Quantity quantity(Node n, String what) {
        if (n.isAbsent()) return null;
        if (n.isScalar()) {
            java.util.regex.Matcher m = QUANTITY.matcher(n.text());
            if (m.matches()) {
                try {
                    double v = Double.parseDouble(m.group(1));
                    if (Double.isFinite(v) && Math.abs(v) <= 1e15) {
                        String unit = m.group(2).isEmpty() ? null : m.group(2).toLowerCase(Locale.ROOT);
                        return new Quantity(v, unit);
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
        }
        b.problem(n, "\"" + n.display() + "\" is not " + what);
        return null;
    }

    private static final java.util.regex.Pattern QUANTITY = java.util.regex.Pattern.compile("\\s*([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*([a-zA-Z%]{0,12})\\s*");

    /** A number and the unit written with it ({@code %}, {@code ms}, {@code h}, ...), lower case; null when none. */
    record Quantity(double value, String unit) {
        boolean percent() {
            return "%".equals(unit);
        }
    }

    void duplicates(List<ContractColumn> cols) {
        Map<String, ContractColumn> seen = new HashMap<>();
        for (ContractColumn c : cols) {
            ContractColumn prev = seen.putIfAbsent(c.name().toLowerCase(Locale.ROOT), c);
            if (prev != null) {
                b.problem(c.nameNode(), "column \"" + c.name() + "\" is listed twice in table " + c.table()
                        + "; the first is at line " + prev.nameNode().line());
            }
        }
        columns.addAll(cols);
    }

    boolean identifier(Node at, String name, boolean qualified) {
        String p = qualified ? Identifiers.qualifiedProblem(name) : Identifiers.problem(name);
        if (p != null) b.problem(at, p);
        return p == null;
    }

    boolean regex(Node at, String pattern) {
        if (pattern == null) {
            b.problem(at, "is required: a regular expression, e.g. ^[A-Z]{2}$");
            return false;
        }
        try {
            java.util.regex.Pattern.compile(pattern);
            return true;
        } catch (java.util.regex.PatternSyntaxException e) {
            b.problem(at, "\"" + pattern + "\" is not a regular expression: " + e.getDescription());
            return false;
        }
    }

    void customSql(Node at, String sql) {
        if (sql == null) {
            b.problem(at, "is required: a SELECT returning one number; ${table} and ${column} are replaced by quoted names");
            return;
        }
        String p = CustomSql.problem(sql);
        if (p != null) b.problem(at, p);
    }

    Double percent(Binder.Obj p, String key) {
        Double v = p.number(key, 0, "a percentage above 0");
        if (v != null && (v <= 0 || v > 100)) {
            b.problem(p.get(key), Format.number(v) + " is not a percentage between 0 and 100");
            return null;
        }
        return v;
    }

    Double schedule(Node at, String text) {
        if (text == null) return null;
        Double h = Schedules.everyHours(text);
        if (h == null) {
            b.problem(at, "\"" + text + "\" is not a schedule DECE reads; use five-field cron (0 6 * * *) or @hourly, @daily, @weekly");
        }
        return h;
    }

    <E extends Enum<E> & dev.dece.core.drl.Spelled> E blankChoice(Binder.Obj o, String key, Class<E> type, String what) {
        Node n = o.get(key);
        if (n.isScalar() && n.text().isBlank()) return null;
        return o.choice(key, type, what);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static List<String> nonBlank(List<String> in) {
        return in.stream().filter(s -> !s.isBlank()).map(String::strip).toList();
    }

    static List<String> sorted(List<String> in) {
        return new ArrayList<>(new TreeSet<>(in));
    }

    /** The column type written at {@code at}: parsed, and a located problem when it is malformed ({@code decimal(12,}). */
    SqlType type(Node at, String text) {
        String p = SqlType.problem(text);
        if (p != null) b.problem(at, p);
        return SqlType.parse(text);
    }
}
