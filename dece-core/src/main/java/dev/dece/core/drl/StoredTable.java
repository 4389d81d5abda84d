package dev.dece.core.drl;

import java.util.Locale;
import java.util.Set;

/**
 * A table (or storage location) of the cost context's {@code tables[]}, with what it costs to keep and how often it
 * was read in the window ending at {@code --as-of}: {@code queries_30d} as written, or counted from the query-history
 * exports' referenced tables.
 *
 * @param sizeGb            null when not given
 * @param queries           reads in the window; null when neither written nor countable
 * @param queriesFrom       where {@code queries} came from: {@code queries_30d}, {@code last_queried} or {@code query history}
 * @param format            e.g. parquet, csv, json; null when not given
 * @param compression       e.g. snappy, zstd, gzip, none; null when not given
 * @param storageTier       hot, warm, cold or archive; null when not given
 */
public record StoredTable(Node node, String name, String pipeline, String environment, Double sizeGb, double storageMonthlyUsd,
                          Long queries, String queriesFrom, String format, String compression, String storageTier) implements Located {

    private static final Set<String> TEXT = Set.of("csv", "tsv", "json", "jsonl", "ndjson", "text", "txt", "xml");
    private static final Set<String> NONE = Set.of("none", "uncompressed");

    /** Stored without compression: compression none, or a text format with no compression named. */
    public boolean uncompressed() {
        String c = compression == null ? null : compression.strip().toLowerCase(Locale.ROOT);
        if (c != null) return NONE.contains(c);
        return format != null && TEXT.contains(format.strip().toLowerCase(Locale.ROOT));
    }

    /** In the hot tier, or no tier named (storage is hot unless a lifecycle policy moved it). */
    public boolean hot() {
        return storageTier == null || storageTier.strip().equalsIgnoreCase("hot");
    }

    public double sizeTb() {
        return sizeGb == null ? 0 : sizeGb / 1000.0;
    }

    @Override
    public String subject() {
        return name;
    }
}
