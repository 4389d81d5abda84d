package dev.dece.core.cost;

import java.util.BitSet;

/** The hours (since the epoch) in which something was active: a bit set from its earliest hour, grown as needed. */
final class HourSet {
    private long base = Long.MIN_VALUE;
    private BitSet bits = new BitSet();

    void add(long fromHour, long toHourExclusive) {
        for (long h = fromHour; h < Math.max(fromHour + 1, toHourExclusive); h++) add(h);
    }

    void add(long hour) {
        if (base == Long.MIN_VALUE) base = hour;
        if (hour < base) {
            BitSet shifted = new BitSet();
            int by = (int) (base - hour);
            for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) shifted.set(i + by);
            bits = shifted;
            base = hour;
        }
        bits.set((int) (hour - base));
    }

    boolean has(long hour) {
        return base != Long.MIN_VALUE && hour >= base && bits.get((int) (hour - base));
    }

    /** Active hours in [from, to). */
    int count(long from, long to) {
        if (base == Long.MIN_VALUE) return 0;
        int a = (int) Math.max(0, from - base), b = (int) Math.max(0, Math.min(Integer.MAX_VALUE, to - base));
        return a >= b ? 0 : bits.get(a, b).cardinality();
    }

    /** Active hours in [from, to) that {@code other} does not have. */
    int countWithout(HourSet other, long from, long to) {
        int n = 0;
        if (base == Long.MIN_VALUE) return 0;
        for (int i = bits.nextSetBit((int) Math.max(0, from - base)); i >= 0 && base + i < to; i = bits.nextSetBit(i + 1)) {
            if (other == null || !other.has(base + i)) n++;
        }
        return n;
    }
}
