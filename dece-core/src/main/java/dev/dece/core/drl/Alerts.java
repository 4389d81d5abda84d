package dev.dece.core.drl;

import dev.dece.core.report.Evidence;

/**
 * Helpers for the rules that raise alerts: the response time and routing an Alert Severity rule decided
 * for a pipeline, read back from its {@link Chosen} severity, and durations in words.
 */
public final class Alerts {
    private Alerts() {}

    /** The topic of the per-pipeline alert severity the ALR rules vote on. */
    public static final String SEVERITY = "alert.severity";

    /** Evidence path of the pipeline an alert severity vote is about. */
    public static final String PIPELINE = "alert.pipeline";

    /** Evidence path of the response time in an alert severity vote. */
    public static final String RESPONSE = "alert.response_time";

    /** Evidence path of the channels in an alert severity vote. */
    public static final String CHANNELS = "alert.channels";

    /** "15 minutes", "1 hour", "4 hours", "1.5 hours". */
    public static String duration(double minutes) {
        if (minutes < 60) return Format.number(minutes) + (minutes == 1 ? " minute" : " minutes");
        double h = minutes / 60.0;
        return Format.number(h) + (h == 1 ? " hour" : " hours");
    }

    /** The response time of a chosen severity ("15 minutes"), as its ALR rule wrote it. */
    public static String response(Chosen severity) {
        return value(severity, RESPONSE, "next business day");
    }

    /** The channels of a chosen severity ("pagerduty-data, #orders"), as its ALR rule wrote them. */
    public static String channels(Chosen severity) {
        return value(severity, CHANNELS, "no alert channel");
    }

    private static String value(Chosen c, String path, String otherwise) {
        for (Evidence e : c.evidence()) {
            if (e.path().equals(path)) return e.value();
        }
        return otherwise;
    }

    /** "pagerduty-data, #orders" of a channel list, or "no alert channel". */
    public static String channels(java.util.List<String> channels) {
        return channels.isEmpty() ? "no alert channel" : String.join(", ", channels);
    }
}
