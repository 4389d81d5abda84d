package dev.dece.core.drl;

import java.util.Locale;

/**
 * The pass condition of a check, ODCS style ({@code mustBe}, {@code mustBeLessOrEqualTo}, ...):
 * {@code value op a} (or {@code a <= value <= b} for {@code between}), where the value is the count of
 * offending rows, their percentage of all rows ({@code percent}), or the number a query returns.
 * The methodology's templates all use "threshold 0", which is {@link #ZERO}.
 */
public record Expect(String op, double a, double b, boolean percent) {

    /** No offending row allowed: the methodology's "Threshold: 0". */
    public static final Expect ZERO = new Expect("=", 0, 0, false);

    /** True when {@code value} passes. */
    public boolean test(double value) {
        switch (op) {
            case "=": return value == a;
            case "!=": return value != a;
            case ">": return value > a;
            case ">=": return value >= a;
            case "<": return value < a;
            case "<=": return value <= a;
            case "between": return value >= a && value <= b;
            case "not-between": return value < a || value > b;
            default: throw new IllegalStateException("unknown operator " + op);
        }
    }

    /** A SQL predicate over {@code expr}; numbers only, so nothing from a contract reaches SQL as text. */
    public String sql(String expr) {
        switch (op) {
            case "between": return expr + " BETWEEN " + num(a) + " AND " + num(b);
            case "not-between": return expr + " NOT BETWEEN " + num(a) + " AND " + num(b);
            case "!=": return expr + " <> " + num(a);
            default: return expr + " " + op + " " + num(a);
        }
    }

    /** {@code = 0}, {@code <= 5 %}, {@code between 100 and 200}. */
    public String describe() {
        String u = percent ? " %" : "";
        return op.equals("between") || op.equals("not-between") ? op + " " + num(a) + " and " + num(b) + u : op + " " + num(a) + u;
    }

    static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return String.format(Locale.ROOT, "%s", d);
    }
}
