package dev.dece.core.drl;

/**
 * One pipeline's month in the Cost Allocation Template (Phase 9, {@code cost_tracking.by_pipeline[]}), completed by
 * {@code dece cost}: the template's amounts where written, the attributed usage exports' where not; its share of the
 * month's spend, its rank by spend, its cost per row ({@code total / rows_processed}, or {@code cost_per_row} as
 * written), its peers' median cost per row, and its trend over the earlier months' templates. Its node is the
 * template entry (or, for a pipeline only the usage exports name, the first usage record attributed to it).
 *
 * @param month                 {@code YYYY-MM}
 * @param costPerRow            null when neither cost_per_row nor rows_processed is given
 * @param businessValue         null or blank when the entry gives none
 * @param roiJustified          null when the entry does not say
 * @param spendUsd              the month's total over every pipeline
 * @param pipelines             how many pipelines the month has
 * @param rank                  1 = the most expensive
 * @param peerMedianCostPerRow  the median cost per row of the other pipelines that have one; null with fewer than two
 * @param peers                 how many other pipelines have a cost per row
 * @param risingMonths          consecutive months, ending with this one, whose cost per row rose by more than the
 *                              policy's cost_per_row_rise_percent over the month before; 0 when it did not rise
 * @param risingPercent         the rise over those months, first to last
 * @param risingFrom            the cost per row before the rise (null when it did not rise)
 * @param risingSince           the month before the first rise, {@code YYYY-MM}
 * @param batch                 true when the pipeline's spec has a cron schedule
 * @param onDemandComputeUsd    attributed FOCUS compute at on-demand prices (PricingCategory Standard)
 * @param source                {@code template}, {@code usage} or {@code template+usage}
 */
public record PipelineCost(Node node, String pipeline, String month, double computeMonthlyUsd, double storageMonthlyUsd,
                           double egressMonthlyUsd, double total, Double costPerRow, String businessValue, Boolean roiJustified,
                           double spendUsd, int pipelines, int rank, Double peerMedianCostPerRow, int peers, int risingMonths,
                           double risingPercent, Double risingFrom, String risingSince, boolean batch, double onDemandComputeUsd,
                           String source) implements Located {

    /** {@code total / spend * 100}, to two decimals. */
    public double sharePercent() {
        return spendUsd <= 0 ? 0 : Math.round(total / spendUsd * 10_000.0) / 100.0;
    }

    /** Cost per row as a multiple of the peers' median, to two decimals; 0 without peers. */
    public double peerFactor() {
        return costPerRow == null || peerMedianCostPerRow == null || peerMedianCostPerRow <= 0 ? 0
                : Math.round(costPerRow / peerMedianCostPerRow * 100.0) / 100.0;
    }

    public boolean hasBusinessValue() {
        return businessValue != null && !businessValue.isBlank();
    }

    @Override
    public String subject() {
        return pipeline;
    }
}
