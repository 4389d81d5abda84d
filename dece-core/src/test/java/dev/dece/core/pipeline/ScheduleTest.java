package dev.dece.core.pipeline;

import dev.dece.core.drl.Schedule;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shortest gap between two runs of a cron schedule. */
class ScheduleTest {

    @ParameterizedTest
    @CsvSource({
            "'* * * * *', 1, every 1 minute",
            "'*/5 * * * *', 5, every 5 minutes",
            "'0 * * * *', 60, every 1 hour",
            "'0 */6 * * *', 360, every 6 hours",
            "'0 2 * * *', 1440, every 1 day",
            "'0 2,3 * * *', 60, every 1 hour",
            "'30 1 * * 1-5', 1440, every 1 day",
            "'0 0 * * 0', 10080, every 7 days",
            "'0 0 1 * *', 40320, every 28 days",
            "'@hourly', 60, every 1 hour",
            "'@daily', 1440, every 1 day"})
    void shortestGap(String cron, long gap, String cadence) {
        Schedule s = Schedule.parse(cron);
        assertThat(s.minGapMinutes()).isEqualTo(gap);
        assertThat(s.cadence()).isEqualTo(cadence);
    }

    @ParameterizedTest
    @CsvSource({"'every day'", "'61 * * * *'", "'0 2 * *'", "'0 0 31 2 *'"})
    void invalidExpressionsSayWhy(String cron) {
        assertThatThrownBy(() -> Schedule.parse(cron)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("\"" + cron + "\"");
    }
}
