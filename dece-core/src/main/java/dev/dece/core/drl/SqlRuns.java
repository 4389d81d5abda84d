package dev.dece.core.drl;

/**
 * What a query-history export measured for one statement, over every run of it in the export (runs that differ only
 * in literals count as one statement when the export carries the vendor's parameterized hash). Null fields: the
 * export has no such column.
 *
 * @param runs              runs in the export
 * @param failedRuns        of which failed
 * @param bytesScannedMax   the most bytes one run scanned (Snowflake BYTES_SCANNED, BigQuery total_bytes_processed)
 * @param bytesScannedTotal summed over the runs
 * @param partitionsScanned micro-partitions the largest run scanned (Snowflake)
 * @param partitionsTotal   micro-partitions of its tables (Snowflake)
 * @param rowsProducedMax   the largest result (Snowflake ROWS_PRODUCED)
 * @param spilledBytesMax   the most bytes one run spilled, local and remote (Snowflake)
 * @param elapsedMsTotal    summed run time
 * @param warehouses        the warehouses (or BigQuery reservations) it ran on, sorted, comma-separated
 */
public record SqlRuns(long runs, long failedRuns, Long bytesScannedMax, Long bytesScannedTotal, Long partitionsScanned,
                      Long partitionsTotal, Long rowsProducedMax, Long spilledBytesMax, Long elapsedMsTotal, String warehouses) {

    /** TB the largest run scanned; -1 when not measured. */
    public double maxScannedTb() {
        return bytesScannedMax == null ? -1 : bytesScannedMax / (double) (1L << 40);
    }

    /** {@code " Measured: 1 440 runs, up to 3.1 TB scanned per run (98% of partitions)."}; empty when not measured. */
    public String summary() {
        StringBuilder sb = new StringBuilder(" Measured in the query history: ").append(runs).append(runs == 1 ? " run" : " runs");
        if (bytesScannedMax != null) sb.append(", up to ").append(Format.bytes(bytesScannedMax)).append(" scanned per run");
        if (bytesScannedTotal != null && runs > 1) sb.append(" (").append(Format.bytes(bytesScannedTotal)).append(" in all)");
        if (partitionsScanned != null && partitionsTotal != null && partitionsTotal > 0) {
            sb.append(", ").append(partitionsScanned).append(" of ").append(partitionsTotal).append(" partitions");
        }
        if (warehouses != null && !warehouses.isEmpty()) sb.append(" on ").append(warehouses);
        return sb.append('.').toString();
    }
}
