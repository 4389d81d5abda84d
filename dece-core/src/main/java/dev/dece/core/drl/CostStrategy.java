package dev.dece.core.drl;

import dev.dece.core.report.Evidence;

import java.util.Locale;

/**
 * The rows of Phase 9's Cloud Cost Reduction Strategies table, with the table's saving range and effort. A strategy
 * rule of {@code dece cost} computes the base its range applies to from the inputs (a batch pipeline's on-demand
 * compute, the storage of uncompressed tables, ...) and proposes the strategy with {@link #rationale} and
 * {@link #evidence}; the estimate is the range's low end (what the methodology promises at least), the high end is
 * reported beside it. The command orders the proposals by saving per effort in Java, once.
 */
public enum CostStrategy {
    RIGHT_SIZE("Right-size compute (auto-scaling)", 20, 40, "compute", "low"),
    SPOT("Use spot/preemptible instances for batch", 60, 80, "compute", "medium"),
    COMPRESS("Compress data (Parquet + Snappy/Zstd)", 50, 80, "storage", "low"),
    LIFECYCLE("Lifecycle policies (hot → warm → cold → archive)", 40, 70, "storage", "low"),
    ELIMINATE("Eliminate unused tables/pipelines", 10, 30, "spend", "low"),
    PARTITION_PRUNING("Optimize query patterns (partition pruning)", 30, 60, "compute", "medium"),
    RESERVED("Reserved capacity for steady-state", 30, 50, "compute", "medium"),
    CACHE("Cache expensive queries", 20, 50, "compute", "medium");

    private final String title;
    private final int lowPercent;
    private final int highPercent;
    private final String of;
    private final String effort;

    CostStrategy(String title, int lowPercent, int highPercent, String of, String effort) {
        this.title = title;
        this.lowPercent = lowPercent;
        this.highPercent = highPercent;
        this.of = of;
        this.effort = effort;
    }

    /** The table's wording. */
    public String title() { return title; }

    public int lowPercent() { return lowPercent; }

    public int highPercent() { return highPercent; }

    /** What the range is a share of: compute, storage or spend. */
    public String of() { return of; }

    /** The table's effort: low or medium. */
    public String effort() { return effort; }

    /** {@code spot}, {@code partition-pruning}: the choice name of a proposal. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The estimate: the low end of the range applied to {@code baseUsd}, to the cent. */
    public double saving(double baseUsd) {
        return Math.round(baseUsd * lowPercent) / 100.0;
    }

    /** The high end of the range applied to {@code baseUsd}, to the cent. */
    public double savingHigh(double baseUsd) {
        return Math.round(baseUsd * highPercent) / 100.0;
    }

    /** "saves 600-800 USD a month (60-80 % of 1000 USD of on-demand batch compute); effort medium" */
    public String rationale(double baseUsd, String base) {
        return title + ": saves " + Format.number(saving(baseUsd)) + "-" + Format.number(savingHigh(baseUsd)) + " USD a month ("
                + lowPercent + "-" + highPercent + " % of " + Format.number(baseUsd) + " USD of " + base + "); effort " + effort + ".";
    }

    /**
     * For {@link #ELIMINATE}, whose range is a share of the whole spend: the unused objects' own cost, never more than
     * the range applied to the month's spend. "saves 35-35 USD a month (the unused objects' 35 USD, within 10-30 % of 12000 USD of spend)"
     */
    public double boundedSaving(double objectsUsd, double spendUsd) {
        return Math.min(Math.round(objectsUsd * 100) / 100.0, saving(spendUsd));
    }

    public double boundedSavingHigh(double objectsUsd, double spendUsd) {
        return Math.min(Math.round(objectsUsd * 100) / 100.0, savingHigh(spendUsd));
    }

    public String boundedRationale(double objectsUsd, double spendUsd, String objects) {
        return title + ": saves " + Format.number(boundedSaving(objectsUsd, spendUsd)) + "-" + Format.number(boundedSavingHigh(objectsUsd, spendUsd))
                + " USD a month (" + objects + " cost " + Format.number(objectsUsd) + " USD; the table's " + lowPercent + "-" + highPercent
                + " % of the " + Format.number(spendUsd) + " USD spend bounds it); effort " + effort + ".";
    }

    public Evidence[] boundedEvidence(String subject, double objectsUsd, double spendUsd) {
        return new Evidence[] {Evidence.of("saving.subject", subject), Evidence.of("saving.strategy", key()),
                Evidence.of("saving.low_usd", Format.number(boundedSaving(objectsUsd, spendUsd))),
                Evidence.of("saving.high_usd", Format.number(boundedSavingHigh(objectsUsd, spendUsd))),
                Evidence.of("saving.base_usd", Format.number(objectsUsd)), Evidence.of("saving.effort", effort)};
    }

    /** The proposal's evidence: {@code saving.low_usd}, {@code saving.high_usd}, {@code saving.base_usd}, {@code effort}. */
    public Evidence[] evidence(String subject, double baseUsd) {
        return new Evidence[] {Evidence.of("saving.subject", subject), Evidence.of("saving.strategy", key()),
                Evidence.of("saving.low_usd", Format.number(saving(baseUsd))), Evidence.of("saving.high_usd", Format.number(savingHigh(baseUsd))),
                Evidence.of("saving.base_usd", Format.number(baseUsd)), Evidence.of("saving.effort", effort)};
    }
}
