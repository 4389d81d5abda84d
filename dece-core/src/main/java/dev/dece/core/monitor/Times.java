package dev.dece.core.monitor;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** ISO-8601 timestamps with a UTC offset, as every log format DECE reads writes them. Stateless. */
final class Times {
    private Times() {}

    private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");

    /**
     * Epoch milliseconds of {@code s}: {@code 2026-03-08T02:00:00Z}, {@code 2026-03-08T02:00:00.123+01:00},
     * {@code 2026-03-08 02:00:00+0000}.
     *
     * @throws IllegalArgumentException with what is allowed, for anything else, including a time without an offset
     */
    static long parse(String s) {
        long fast = fast(s);
        if (fast != Long.MIN_VALUE) return fast;
        String t = s.strip();
        if (t.length() > 10 && t.charAt(10) == ' ') t = t.substring(0, 10) + 'T' + t.substring(11);
        try {
            if (t.endsWith("Z") || t.endsWith("z")) return Instant.parse(t.substring(0, t.length() - 1) + "Z").toEpochMilli();
            t = COMPACT_OFFSET.matcher(t).replaceFirst("$1:$2");
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            boolean local = s.strip().matches("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");
            throw new IllegalArgumentException("\"" + s + "\" is not a timestamp with a UTC offset"
                    + (local ? " (it has no offset: store times in UTC and write them with Z, e.g. " + s.strip().replace(' ', 'T') + "Z)"
                    : "; write ISO-8601, e.g. 2026-03-08T02:00:00Z"));
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, the form nearly every log writes, without the formatter's cost (logs
     * carry two timestamps per record); {@link Long#MIN_VALUE} for anything else, which the full parser then reads.
     */
    static long fast(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') return Long.MIN_VALUE;
        int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2), h = digits(s, 11, 2), mi = digits(s, 14, 2), se = digits(s, 17, 2);
        if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59) return Long.MIN_VALUE;
        if (d > java.time.YearMonth.of(y, mo).lengthOfMonth()) return Long.MIN_VALUE;
        int millis = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) return Long.MIN_VALUE;
            int scale = 100;
            for (int i = 20; i < n - 1; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') return Long.MIN_VALUE;
                millis += (c - '0') * scale;
                scale /= 10;
            }
        }
        long days = java.time.LocalDate.of(y, mo, d).toEpochDay();
        return ((days * 24 + h) * 60 + mi) * 60_000L + se * 1000L + millis;
    }

    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** ISO-8601 UTC, seconds precision unless there are milliseconds. */
    static String format(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
