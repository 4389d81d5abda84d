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

    /** ISO-8601 UTC, seconds precision unless there are milliseconds. */
    static String format(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
