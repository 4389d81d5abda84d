package dev.dece.core.drl;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How rules write numbers in messages: deterministic, locale-free and short.
 *
 * <pre>{@code
 * Format.number(100.0)   // "100"
 * Format.number(2.345)   // "2.35"
 * Format.gigabytes(1500) // "1.5 TB"
 * }</pre>
 */
public final class Format {
    private Format() {}

    /** A whole number without {@code .0}; otherwise the exact value rounded half up to two decimals. */
    public static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        // the exact decimal value of the double, like %.2f, without the Formatter's cost (rules call this often)
        BigDecimal b = new BigDecimal(d).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return b.scale() <= 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }

    /** {@code 1.2 TB}, {@code 40 GB} or {@code 2.5 GB}: a volume given in GB, rounded half up. */
    public static String gigabytes(double gb) {
        if (gb >= 1000) return oneDecimal(gb / 1000) + " TB";
        if (gb >= 10) return new BigDecimal(gb).setScale(0, RoundingMode.HALF_UP).toPlainString() + " GB";
        return oneDecimal(gb) + " GB";
    }

    /**
     * A byte count in binary units as engines report them: {@code 512 B}, {@code 3.4 KB}, {@code 23 MB},
     * {@code 1.2 GB}, {@code 3.0 TB} (1 MB = 1 048 576 bytes); {@code -} for a negative (unknown) count.
     */
    public static String bytes(double b) {
        if (b < 0) return "-";
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        int u = 0;
        while (b >= 1024 && u < units.length - 1) {
            b /= 1024;
            u++;
        }
        if (u == 0) return ((long) b) + " B";
        return (b >= 10 ? new BigDecimal(b).setScale(0, RoundingMode.HALF_UP).toPlainString() : oneDecimal(b)) + " " + units[u];
    }

    /** A duration in milliseconds as people read it: {@code 850 ms}, {@code 12 s}, {@code 4.5 min}, {@code 2.1 h}. */
    public static String millis(double ms) {
        if (ms < 1000) return ((long) ms) + " ms";
        double s = ms / 1000;
        if (s < 120) return number(Math.round(s * 10) / 10.0) + " s";
        double m = s / 60;
        if (m < 120) return number(Math.round(m * 10) / 10.0) + " min";
        return number(Math.round(m / 6) / 10.0) + " h";
    }

    private static String oneDecimal(double v) {
        return new BigDecimal(v).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
