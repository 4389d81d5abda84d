package dev.dece.core.cost;

import java.util.Map;
import java.util.TreeMap;

/** Sums by day (since the epoch), so a window can be cut once the as-of day is known, after the stream. */
final class Daily {
    private final int width;
    private final TreeMap<Long, double[]> days = new TreeMap<>();

    Daily(int width) {
        this.width = width;
    }

    void add(long day, int i, double v) {
        days.computeIfAbsent(day, d -> new double[width])[i] += v;
    }

    void max(long day, int i, double v) {
        double[] a = days.computeIfAbsent(day, d -> new double[width]);
        a[i] = Math.max(a[i], v);
    }

    /** Column sums over days in [from, to]; for {@code maxColumn} the maximum instead. */
    double[] sum(long from, long to, int maxColumn) {
        double[] out = new double[width];
        for (Map.Entry<Long, double[]> e : days.subMap(from, true, to, true).entrySet()) {
            for (int i = 0; i < width; i++) out[i] = i == maxColumn ? Math.max(out[i], e.getValue()[i]) : out[i] + e.getValue()[i];
        }
        return out;
    }
}
