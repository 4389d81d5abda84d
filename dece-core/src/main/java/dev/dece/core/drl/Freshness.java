package dev.dece.core.drl;


/**
 * The longest gap between runs that still meets a consumer's {@code latency_requirement}, as the
 * Architecture Brief's vocabulary defines it: real-time is under 1 second (no cron schedule meets it,
 * so 0), near-real-time under 5 minutes, batch hourly or slower (no limit).
 */
public final class Freshness {
    private Freshness() {}

    /** Minutes between runs a consumer with this latency need accepts at most. */
    public static long maxMinutes(Latency latency) {
        switch (latency) {
            case REAL_TIME: return 0;
            case NEAR_REAL_TIME: return 5;
            default: return Long.MAX_VALUE;
        }
    }
}
