package dev.dece.core.contract;

import java.util.Locale;
import java.util.TreeSet;

/**
 * The longest gap between two runs of a pipeline schedule, in hours: what a freshness SLA has to allow
 * for. Understands {@code @hourly}, {@code @daily}, {@code @weekly}, {@code @monthly}, {@code hourly}...,
 * and five-field cron (steps such as {@code 0/15}, ranges, lists, steps). Day-of-month and month restrictions are taken
 * as monthly (the longest month, 31 days), which errs on the safe side.
 */
final class Schedules {
    private Schedules() {}

    /** Hours between runs at most, or null when the text is not a schedule this class reads. */
    public static Double everyHours(String text) {
        if (text == null) return null;
        String t = text.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "@hourly": case "hourly": return 1.0;
            case "@daily": case "@midnight": case "daily": return 24.0;
            case "@weekly": case "weekly": return 168.0;
            case "@monthly": case "monthly": return 744.0;
            case "@yearly": case "@annually": case "yearly": return 8784.0;
            default: break;
        }
        String[] f = t.split("\\s+");
        if (f.length != 5) return null;
        TreeSet<Integer> minutes = expand(f[0], 0, 59);
        TreeSet<Integer> hours = expand(f[1], 0, 23);
        TreeSet<Integer> dows = expand(f[4].replace("7", "0"), 0, 6);
        if (minutes == null || hours == null || dows == null || expand(f[2], 1, 31) == null || expand(f[3], 1, 12) == null) return null;
        if (!f[2].equals("*") || !f[3].equals("*")) return 744.0;
        TreeSet<Integer> times = new TreeSet<>();
        for (int d : dows) for (int h : hours) for (int m : minutes) times.add(d * 1440 + h * 60 + m);
        int week = 7 * 1440;
        int gap = 0;
        Integer prev = null;
        for (int x : times) {
            if (prev != null) gap = Math.max(gap, x - prev);
            prev = x;
        }
        gap = Math.max(gap, times.first() + week - times.last());
        return gap / 60.0;
    }

    /** Hours for an amount and unit (d, day, days, h, hour, m, min, w, y); null when the unit is unknown. */
    public static Double hours(double amount, String unit) {
        String u = unit == null ? "h" : unit.strip().toLowerCase(Locale.ROOT);
        switch (u) {
            case "ms": case "millisecond": case "milliseconds": return amount / 3_600_000.0;
            case "s": case "sec": case "secs": case "second": case "seconds": return amount / 3600.0;
            case "m": case "min": case "mins": case "minute": case "minutes": return amount / 60.0;
            case "h": case "hr": case "hrs": case "hour": case "hours": return amount;
            case "d": case "day": case "days": return amount * 24;
            case "w": case "week": case "weeks": return amount * 168;
            case "y": case "yr": case "year": case "years": return amount * 8760;
            default: return null;
        }
    }

    private static TreeSet<Integer> expand(String field, int lo, int hi) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String part : field.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                try {
                    step = Integer.parseInt(part.substring(slash + 1));
                } catch (NumberFormatException e) {
                    return null;
                }
                if (step <= 0) return null;
                range = part.substring(0, slash);
            }
            int a;
            int b;
            try {
                if (range.equals("*")) {
                    a = lo;
                    b = hi;
                } else if (range.contains("-")) {
                    a = Integer.parseInt(range.substring(0, range.indexOf('-')));
                    b = Integer.parseInt(range.substring(range.indexOf('-') + 1));
                } else {
                    a = Integer.parseInt(range);
                    b = slash >= 0 ? hi : a;
                }
            } catch (NumberFormatException e) {
                return null;
            }
            if (a < lo || b > hi || a > b) return null;
            for (int i = a; i <= b; i += step) out.add(i);
        }
        return out;
    }
}
