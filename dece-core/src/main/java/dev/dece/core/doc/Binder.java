package dev.dece.core.doc;

import dev.dece.core.drl.Format;
import dev.dece.core.drl.Node;
import dev.dece.core.drl.Spelled;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads typed values out of a {@link Node} tree and collects every {@link Problem} on the way, so a user
 * sees all mistakes in one run instead of one per run. Not thread-safe: one binder per document.
 *
 * <pre>{@code
 * Binder b = new Binder();
 * Binder.Obj root = b.object(doc, Set.of("project_name", "data_volume"));
 * String name = root.string("project_name");
 * b.throwIfProblems();
 * }</pre>
 */
public final class Binder {

    /**
     * The largest magnitude a template number may have: 10^15, beyond which doubles stop holding every whole
     * number exactly (GB per day, budgets, counts of real systems are far below it).
     */
    public static final double MAX_NUMBER = 1e15;

    private final List<Problem> problems = new ArrayList<>();

    public void problem(Node at, String message) {
        problems.add(Problem.at(at, message));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** @throws InputException with every problem collected so far, sorted by line, when there is any */
    public void throwIfProblems() throws InputException {
        if (!problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort((x, y) -> x.line() != y.line() ? Integer.compare(x.line(), y.line()) : Integer.compare(x.column(), y.column()));
            throw new InputException(sorted);
        }
    }

    /**
     * Views {@code node} as a mapping whose keys must be among {@code known}. Unknown keys are problems
     * with a "did you mean" suggestion. An absent node gives an empty view.
     */
    public Obj object(Node node, Collection<String> known) {
        if (node.isAbsent()) {
            return new Obj(node, this);
        }
        if (!node.isMap()) {
            problem(node, "expected a mapping of " + sample(known) + ", found " + describe(node));
            return new Obj(node.missing(""), this);
        }
        for (var e : node.fields().entrySet()) {
            if (!known.contains(e.getKey())) {
                String near = Suggest.closest(e.getKey(), known);
                problems.add(Problem.atKey(e.getValue(), "unknown key \"" + e.getKey() + "\""
                        + (near != null ? "; did you mean \"" + near + "\"?" : "")
                        + " Known keys here: " + String.join(", ", sortedCopy(known))));
            }
        }
        return new Obj(node, this);
    }

    private static List<String> sortedCopy(Collection<String> c) {
        return c.stream().sorted().collect(Collectors.toList());
    }

    private static String sample(Collection<String> known) {
        List<String> s = sortedCopy(known);
        return s.size() <= 4 ? String.join(", ", s) : String.join(", ", s.subList(0, 4)) + ", ...";
    }

    static String describe(Node n) {
        switch (n.kind()) {
            case MAP: return "a mapping";
            case LIST: return "a list";
            case NULL: return "null";
            case MISSING: return "nothing";
            default: return "\"" + n.text() + "\"";
        }
    }

    /** A mapping node with typed accessors. Accessors return {@code null} for absent values. */
    public static final class Obj {
        private final Node node;
        private final Binder b;

        Obj(Node node, Binder b) {
            this.node = node;
            this.b = b;
        }

        public Node node() {
            return node;
        }

        public Node get(String key) {
            return node.get(key);
        }

        public String string(String key) {
            Node n = node.get(key);
            if (n.isAbsent()) return null;
            if (!n.isScalar()) {
                b.problem(n, "expected text, found " + describe(n));
                return null;
            }
            return n.text();
        }

        /** A string that must be present and not blank. */
        public String requiredString(String key, String what) {
            Node n = node.get(key);
            String s = string(key);
            if (s == null && n.isAbsent()) {
                b.problem(n, "is required: " + what);
            } else if (s != null && s.isBlank()) {
                b.problem(n, "is empty: " + what);
            }
            return s;
        }

        /**
         * A number at or above {@code min}; {@code null} when absent. A number whose magnitude passes
         * {@link #MAX_NUMBER} is refused: no template field needs it, and doubles that large lose their digits.
         */
        public Double number(String key, double min, String unit) {
            Node n = node.get(key);
            if (n.isAbsent()) return null;
            Double v = parseNumber(n);
            if (v == null) {
                b.problem(n, describe(n) + (n.isQuoted() && parseNumber(unquoted(n)) != null
                        ? " is quoted text, not a number; remove the quotes: expected " : " is not a number; expected ") + unit);
                return null;
            }
            if (Math.abs(v) > MAX_NUMBER) {
                b.problem(n, describe(n) + " is too large to hold; expected " + unit + ", at most " + Format.number(MAX_NUMBER));
                return null;
            }
            if (v < min) {
                b.problem(n, describe(n) + " is below " + Format.number(min) + "; expected " + unit);
                return null;
            }
            return v;
        }

        public Integer integer(String key, int min, String unit) {
            Long v = longValue(key, min, unit);
            if (v == null) return null;
            if (v > Integer.MAX_VALUE) {
                b.problem(node.get(key), describe(node.get(key)) + " is too large; expected " + unit + ", at most " + Integer.MAX_VALUE);
                return null;
            }
            return v.intValue();
        }

        /** A whole number at or above {@code min}, read exactly (never rounded through a double); null when absent. */
        public Long longValue(String key, long min, String unit) {
            Node n = node.get(key);
            if (n.isAbsent()) return null;
            if (parseNumber(n) == null) {
                number(key, min, unit); // reports it
                return null;
            }
            java.math.BigDecimal d;
            try {
                d = new java.math.BigDecimal(n.text().strip().replace("_", ""));
            } catch (NumberFormatException e) {
                b.problem(n, describe(n) + " is not a whole number; expected " + unit);
                return null;
            }
            if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
                b.problem(n, describe(n) + " is not a whole number; expected " + unit);
                return null;
            }
            if (d.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0 || d.compareTo(java.math.BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
                b.problem(n, describe(n) + " is too large to hold; expected " + unit + ", at most " + Long.MAX_VALUE);
                return null;
            }
            long v = d.longValueExact();
            if (v < min) {
                b.problem(n, describe(n) + " is below " + min + "; expected " + unit);
                return null;
            }
            return v;
        }

        public Boolean bool(String key) {
            Node n = node.get(key);
            if (n.isAbsent()) return null;
            if (n.isScalar() && !n.isQuoted()) {
                String t = n.text().toLowerCase(Locale.ROOT);
                if (t.equals("true") || t.equals("yes")) return Boolean.TRUE;
                if (t.equals("false") || t.equals("no")) return Boolean.FALSE;
            }
            b.problem(n, describe(n) + (n.isScalar() && n.isQuoted() && n.text().strip().toLowerCase(Locale.ROOT).matches("true|false|yes|no") ? " is quoted text, not a boolean; write true or false without quotes"
                    : " is not a boolean; use true or false"));
            return null;
        }

        /** One value of a spelled enum; a problem lists the canonical spellings. */
        public <E extends Enum<E> & Spelled> E choice(String key, Class<E> type, String what) {
            Node n = node.get(key);
            if (n.isAbsent()) return null;
            return b.choice(n, type, what);
        }

        /** The items of a list; a single scalar is accepted as a one-item list. */
        public List<Node> list(String key) {
            Node n = node.get(key);
            if (n.isAbsent()) return List.of();
            if (n.isList()) return n.items();
            if (n.isScalar()) return List.of(n);
            b.problem(n, "expected a list, found " + describe(n));
            return List.of();
        }

        /** Strings of a list, in order; non-scalar items are problems. */
        public List<String> strings(String key) {
            List<String> out = new ArrayList<>();
            for (Node item : list(key)) {
                if (item.isScalar()) out.add(item.text());
                else if (!item.isAbsent()) b.problem(item, "expected text, found " + describe(item));
            }
            return out;
        }

        /** Spelled enum values of a list, de-duplicated, in document order. */
        public <E extends Enum<E> & Spelled> Set<E> choices(String key, Class<E> type, String what) {
            Set<E> out = new LinkedHashSet<>();
            for (Node item : list(key)) {
                if (item.isAbsent()) continue;
                E e = b.choice(item, type, what);
                if (e != null) out.add(e);
            }
            return out;
        }
    }

    /** Matches a scalar against a spelled enum; records a problem and returns null when it does not match. */
    public <E extends Enum<E> & Spelled> E choice(Node n, Class<E> type, String what) {
        if (!n.isScalar()) {
            problem(n, "expected " + what + ", found " + describe(n) + "; use one of " + allowed(type));
            return null;
        }
        E e = match(n.text(), type);
        if (e == null) {
            List<String> all = new ArrayList<>();
            for (E c : type.getEnumConstants()) all.addAll(c.spellings());
            String near = Suggest.closest(n.text(), all);
            problem(n, "\"" + n.text() + "\" is not " + what + "; use one of " + allowed(type)
                    + (near != null ? " (did you mean \"" + near + "\"?)" : ""));
        }
        return e;
    }

    /** The constant whose spelling matches {@code text}, or null. */
    public static <E extends Enum<E> & Spelled> E match(String text, Class<E> type) {
        String t = normValue(text);
        for (E c : type.getEnumConstants()) {
            for (String s : c.spellings()) {
                if (normValue(s).equals(t)) return c;
            }
        }
        return null;
    }

    public static <E extends Enum<E> & Spelled> String allowed(Class<E> type) {
        List<String> labels = new ArrayList<>();
        for (E c : type.getEnumConstants()) labels.add(c.label());
        return String.join(", ", labels);
    }

    static String normValue(String s) {
        return s.toLowerCase(Locale.ROOT).strip().replaceAll("[\\s_-]+", "-");
    }

    private static Node unquoted(Node n) {
        return Node.scalar(n.path(), n.file(), n.line(), n.column(), n.text(), false);
    }

    static Double parseNumber(Node n) {
        if (!n.isScalar() || n.isQuoted()) return null;
        String t = n.text().strip().replace("_", "");
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code null} for a null or blank string, else the string. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
