package dev.dece.core.drl;

/**
 * A group of query runs of the query-history exports in the window that one cost rule judges: the full scans of one
 * table (or, for Snowflake, of one warehouse: runs that read every micro-partition they touched), or the repeated runs
 * of one statement. Its compute cost is estimated from the export: BigQuery bytes billed at the context's
 * {@code bigquery_usd_per_tib}, Snowflake the runs' share of their warehouse's elapsed time times the warehouse's
 * metered cost.
 *
 * @param kind         {@code full-scan} or {@code repeated}
 * @param what         the table, warehouse or statement (shortened)
 * @param tableBytes   the table's size from the cost context; null when unknown
 * @param maxBytes     the most bytes one run scanned
 * @param cacheHits    runs answered from a cache (BigQuery cache_hit, Snowflake runs that scanned 0 bytes)
 * @param computeUsd   estimated compute of the runs; 0 when no price is known
 */
public record QueryCost(Node node, String kind, String what, String pipeline, long runs, long bytesScanned, Long tableBytes,
                        long maxBytes, long cacheHits, double computeUsd) implements Located {

    public double maxTb() {
        return maxBytes / 1e12;
    }

    public double tableTb() {
        return tableBytes == null ? 0 : tableBytes / 1e12;
    }

    /** The size of what was scanned in full: the table's size when known, else the largest run's bytes, in TB. */
    public double scannedTb() {
        return tableBytes != null ? tableTb() : maxTb();
    }

    @Override
    public String subject() {
        return kind + ":" + what;
    }
}
