package dev.dece.core.drl;

import java.util.List;
import java.util.Map;

/**
 * One pipeline's Pipeline Health Dashboard (Phase 7), computed in Java from its runs before the rules see it:
 * one fact per pipeline however many log records it has. The formulas are the methodology's; the windows
 * end at {@code asOf} (docs/monitor.md). A metric that cannot be computed is {@code null} and its reason is in
 * {@link #unmeasured()}.
 *
 * @param windowDays        the dashboard window (policy {@code dashboard_window_days})
 * @param runs              finished runs in the window (success, failed, partial, skipped)
 * @param successRate       {@code successful_runs / total_runs * 100} over the window
 * @param avgRuntimeMinutes {@code avg(end_time - start_time)} of the window's successful and partial runs
 * @param slaMinutes        the spec's {@code sla_minutes}, or {@code null}
 * @param runtimeSlaPercent {@code avgRuntimeMinutes / slaMinutes * 100}
 * @param lastLoadedAt      the latest load (ISO-8601 UTC), or {@code null} when the input shows none
 * @param freshnessHours    {@code NOW() - MAX(loaded_at)} in hours, NOW being {@code asOf}; without any load, the time since
 *                          the input's first event (a lower bound, {@link #neverLoaded()})
 * @param todayRows         rows loaded in the recent window ({@code today_rows})
 * @param avgRows           the average rows per window over the baseline windows before it ({@code avg_7d_rows})
 * @param baselineWindows   how many baseline windows the input covers (at most {@code windowDays})
 * @param volumeVariancePercent {@code abs(today_rows - avg_7d_rows) / avg_7d_rows * 100}
 * @param qualityPassRate   {@code passed_checks / total_checks * 100} over the window
 * @param failedRecent      failed runs in the recent window (policy {@code recent_window_hours})
 * @param failedRunIds      their run IDs, oldest first, at most 20
 * @param pendingBackfills  pending backfill requests for the pipeline; {@code null} without a backfill queue
 * @param openRuns          runs started and never ended in the input
 * @param oldestOpenMinutes how long the oldest of them has been running at {@code asOf}
 * @param unmeasured        "row: why" for each dashboard row that cannot be computed, in dashboard order
 * @param where             per dashboard row, the node a finding about it is located at
 */
public record PipelineHealth(Node node, String name, String asOf, int windowDays, int recentHours,
                             int runs, int succeeded, int failed, int partial, int skipped, Double successRate,
                             int timedRuns, Double avgRuntimeMinutes, Integer slaMinutes, Double runtimeSlaPercent,
                             String lastLoadedAt, Double freshnessHours, boolean neverLoaded, Double freshnessSlaHours,
                             String freshnessSlaSource, Long todayRows, Double avgRows, int baselineWindows,
                             double volumeWindowHours, Double volumeVariancePercent, long checksPassed, long checksFailed,
                             Double qualityPassRate, int failedRecent, List<String> failedRunIds, Integer pendingBackfills,
                             List<String> pendingBackfillIds, int openRuns, Double oldestOpenMinutes, String oldestOpenRunId,
                             List<String> unmeasured, Map<String, Node> where) implements Located {

    /** The dashboard rows, in the methodology's order, as check kinds. */
    public static final List<String> ROWS = List.of("success_rate", "avg_runtime", "freshness", "volume_variance",
            "quality_pass_rate", "failed_runs", "backfill_queue", "log_records");

    public PipelineHealth {
        failedRunIds = List.copyOf(failedRunIds);
        pendingBackfillIds = List.copyOf(pendingBackfillIds);
        unmeasured = List.copyOf(unmeasured);
        where = Map.copyOf(where);
    }

    @Override
    public String subject() {
        return name;
    }

    /** The dashboard row {@code row} of this pipeline, for a finding about it. */
    public HealthCheck check(String row) {
        Node n = where.get(row);
        return new HealthCheck(n != null ? n : node, name + "." + row);
    }

    /** The node a finding about {@code row} is located at. */
    public Node at(String row) {
        Node n = where.get(row);
        return n != null ? n : node;
    }

    /** "r-1, r-2" of the failed runs, with "..." when more were cut. */
    public String failedRunsText() {
        String ids = String.join(", ", failedRunIds);
        return failedRunIds.size() < failedRecent ? ids + ", ..." : ids;
    }
}
