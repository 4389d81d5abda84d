package dev.dece.core.drl;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parsed {@code pipeline.schedule}: a five-field Unix cron expression (or {@code @hourly},
 * {@code @daily}, {@code @weekly}, {@code @monthly}, {@code @yearly}) with the shortest gap between two
 * consecutive runs, which is what an SLA has to fit in.
 *
 * <p>Parsing and the gap come from cron-utils; the gap is measured in UTC over the runs of one year
 * from a fixed start (2026-01-05T00:00Z), at most {@value #MAX_RUNS} runs, so it is deterministic and
 * cheap. Results are cached per expression (thread-safe).
 *
 * @param expression  the expression as written
 * @param minGapMinutes shortest time between two consecutive starts, in minutes
 * @param runsPerDay  average runs per day over the measured window
 */
public record Schedule(String expression, long minGapMinutes, double runsPerDay) {

    static final int MAX_RUNS = 2_000;
    private static final ZonedDateTime START = ZonedDateTime.of(2026, 1, 5, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final ZonedDateTime END = START.plusDays(366);
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, String> NICKNAMES = Map.of(
            "@hourly", "0 * * * *", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
            "@weekly", "0 0 * * 0", "@monthly", "0 0 1 * *", "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *");

    /**
     * @return the schedule
     * @throws IllegalArgumentException with a user-facing reason when the expression is not a valid
     *                                  five-field cron expression or never runs
     */
    public static Schedule parse(String expression) {
        Object cached = CACHE.get(expression);
        if (cached == null) {
            try {
                cached = compute(expression);
            } catch (IllegalArgumentException e) {
                cached = e.getMessage();
            }
            if (CACHE.size() < 10_000) CACHE.put(expression, cached);
        }
        if (cached instanceof String reason) throw new IllegalArgumentException(reason);
        return (Schedule) cached;
    }

    private static Schedule compute(String expression) {
        String e = expression.strip();
        e = NICKNAMES.getOrDefault(e.toLowerCase(Locale.ROOT), e);
        Cron cron;
        try {
            cron = PARSER.parse(e).validate();
        } catch (RuntimeException ex) {
            String why = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            throw new IllegalArgumentException("\"" + expression + "\" is not a cron expression (" + why.strip()
                    + "); use five fields: minute hour day-of-month month day-of-week, e.g. \"0 2 * * *\" for 02:00 daily");
        }
        ExecutionTime et = ExecutionTime.forCron(cron);
        ZonedDateTime t = START.minusSeconds(1);
        ZonedDateTime prev = null;
        long minGap = Long.MAX_VALUE;
        int runs = 0;
        ZonedDateTime first = null;
        while (runs < MAX_RUNS) {
            Optional<ZonedDateTime> next = et.nextExecution(t);
            if (next.isEmpty() || next.get().isAfter(END)) break;
            ZonedDateTime n = next.get();
            if (first == null) first = n;
            if (prev != null) minGap = Math.min(minGap, Duration.between(prev, n).toMinutes());
            prev = n;
            t = n;
            runs++;
        }
        if (runs == 0) {
            throw new IllegalArgumentException("\"" + expression + "\" never runs within a year; check the day and month fields");
        }
        if (runs == 1) minGap = Duration.ofDays(366).toMinutes(); // once a year or rarer
        double days = runs >= MAX_RUNS ? Math.max(Duration.between(first, prev).toMinutes(), 1) / 1440.0 : 366.0;
        return new Schedule(expression, minGap, runs / days);
    }

    /** A short reading of the gap for messages: "every 5 minutes", "every 24 hours", "every 7 days". */
    public String cadence() {
        if (minGapMinutes % 1440 == 0) return "every " + (minGapMinutes / 1440) + (minGapMinutes == 1440 ? " day" : " days");
        if (minGapMinutes % 60 == 0) return "every " + (minGapMinutes / 60) + (minGapMinutes == 60 ? " hour" : " hours");
        return "every " + minGapMinutes + (minGapMinutes == 1 ? " minute" : " minutes");
    }
}
