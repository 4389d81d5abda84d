package dev.dece.core.drl;

import dev.dece.core.report.Evidence;

/**
 * {@code pipeline.extract}: the template's fields plus the documented DECE extensions
 * {@code source_profile}, {@code delivery}, {@code rate_limit_per_minute}, {@code reconciliation} and
 * {@code consumer_lag_alert_seconds} and {@code cdc} (the Debezium pattern's decisions, {@link Cdc}). Absent values
 * are {@code null}.
 *
 * @param watermark how {@code watermark_storage} reads: absent, kept in pipeline code, or external
 */
public record Extract(Node node, String sourceSystem, String connection, ExtractStrategy strategy,
                      String incrementalKey, String watermarkStorage, Watermark watermark, SourceProfile source,
                      Delivery delivery, Integer rateLimitPerMinute, String reconciliation,
                      Integer consumerLagAlertSeconds, Cdc cdc) implements Located {

    /** Where the last-extracted position lives, as far as {@code watermark_storage} tells. */
    public enum Watermark { NOWHERE, IN_CODE, EXTERNAL }

    /** The strategy keeps a position between runs (an updated_at value, a cursor, a log or stream offset). */
    public boolean needsWatermark() {
        return needsWatermark(strategy);
    }

    /** True for strategies that resume from a stored position. */
    public static boolean needsWatermark(ExtractStrategy s) {
        return s == ExtractStrategy.INCREMENTAL || s == ExtractStrategy.API_CURSOR || s == ExtractStrategy.CDC
                || s == ExtractStrategy.LOG_BASED || s == ExtractStrategy.STREAM_CONSUMER;
    }

    public boolean hasIncrementalKey() { return incrementalKey != null && !incrementalKey.isBlank(); }

    /**
     * Evidence for the source type: {@code source_profile.type} as written, or, when it was inferred,
     * {@code source_system} (or {@code source_profile.platform}) with the inference spelled out.
     */
    public Evidence sourceTypeEv() {
        if (!source.typeInferred()) return source.evidence("type");
        Node from = source.inferredFrom();
        return Evidence.of(from.path(), from.display() + " (type inferred: " + source.type().label() + ")");
    }
}
