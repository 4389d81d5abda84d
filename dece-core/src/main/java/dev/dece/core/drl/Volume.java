package dev.dece.core.drl;


/**
 * {@code data_volume}: daily volume, yearly growth and retention, with projections. Growth compounds
 * yearly: volume after {@code m} months = today x (1 + growth%)^(m/12).
 *
 * @param retentionMonths 0 when the brief does not say
 */
public record Volume(Node node, double gbPerDay, double growthRatePercent, int retentionMonths) implements Located {

    /** Average days in a month, used to turn daily volume and retention months into a retained volume. */
    public static final double DAYS_PER_MONTH = 30.44;

    public double gbPerDayAt(int months) {
        return gbPerDay * Math.pow(1 + growthRatePercent / 100.0, months / 12.0);
    }

    /** Data kept at once today: daily volume x retention (upper bound, uncompressed as reported). */
    public double retainedGb() {
        return gbPerDay * DAYS_PER_MONTH * retentionMonths;
    }

    /** Retained volume {@code months} from now, at that time's daily volume. */
    public double retainedGbAt(int months) {
        return gbPerDayAt(months) * DAYS_PER_MONTH * retentionMonths;
    }

    public boolean hasRetention() {
        return retentionMonths > 0;
    }

    /** The first month (1..{@code horizon}) in which the daily volume passes {@code gb}; -1 if it does not. */
    public int monthDailyExceeds(double gb, int horizon) {
        if (gbPerDay > gb) return 0;
        for (int m = 1; m <= horizon; m++) {
            if (gbPerDayAt(m) > gb) return m;
        }
        return -1;
    }

    /** The first month (1..{@code horizon}) in which the retained volume passes {@code gb}; -1 if it does not. */
    public int monthRetainedExceeds(double gb, int horizon) {
        if (!hasRetention()) return -1;
        if (retainedGb() > gb) return 0;
        for (int m = 1; m <= horizon; m++) {
            if (retainedGbAt(m) > gb) return m;
        }
        return -1;
    }
}
