package dev.dece.core.usage;

import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a warehouse's query-history export, one run at a time, for the commands that judge queries by what
 * they cost ({@code dece optimize} now, {@code dece cost} later). Two exports are read, each as CSV or as JSON
 * lines, optionally gzip-compressed ({@code .gz}, as Snowflake's {@code COPY INTO @stage} writes them):
 * <ul>
 *   <li>Snowflake {@code SNOWFLAKE.ACCOUNT_USAGE.QUERY_HISTORY} (or the {@code INFORMATION_SCHEMA.QUERY_HISTORY}
 *       table function): {@code QUERY_TEXT}, {@code WAREHOUSE_NAME}, {@code BYTES_SCANNED}, {@code QUERY_TAG},
 *       {@code START_TIME}, {@code END_TIME}, {@code CREDITS_USED_CLOUD_SERVICES}, ...;</li>
 *   <li>BigQuery {@code region-xx.INFORMATION_SCHEMA.JOBS} (or {@code JOBS_BY_PROJECT}): {@code query},
 *       {@code total_bytes_processed}, {@code total_bytes_billed}, {@code total_slot_ms}, {@code labels},
 *       {@code referenced_tables}, {@code creation_time}, ...</li>
 * </ul>
 * The vendor is recognised from the header (CSV) or the first record's keys (JSON lines), case-insensitively;
 * {@link Vendor#columns()} lists the columns read, every other column is ignored. Only the text column is required.
 *
 * <pre>{@code
 * QueryHistory.Summary s = QueryHistory.read(Path.of("query_history.csv"), QueryHistory.Limits.DEFAULT,
 *         q -> System.out.println(q.bytesScanned() + " " + q.text()));
 * }</pre>
 *
 * <p>Streaming and bounded: one record is held at a time; the file size (after decompression), the record count
 * and every field's length are limited ({@link Limits}). A value DECE cannot read (a number that is not one, a
 * timestamp without a time zone) stops the read with a problem at {@code file:line: COLUMN: what was found;
 * what is allowed}; nothing is guessed or skipped. Thread-safe: every call has its own reader.
 */
public final class QueryHistory {
    private QueryHistory() {}

    /** Whose export a file is. */
    public enum Vendor {
        SNOWFLAKE("snowflake", "QUERY_TEXT", List.of("QUERY_ID", "QUERY_TEXT", "QUERY_TYPE", "EXECUTION_STATUS", "ERROR_MESSAGE",
                "DATABASE_NAME", "SCHEMA_NAME", "USER_NAME", "ROLE_NAME", "WAREHOUSE_NAME", "WAREHOUSE_SIZE", "QUERY_TAG",
                "START_TIME", "END_TIME", "TOTAL_ELAPSED_TIME", "BYTES_SCANNED", "ROWS_PRODUCED", "PARTITIONS_SCANNED",
                "PARTITIONS_TOTAL", "BYTES_SPILLED_TO_LOCAL_STORAGE", "BYTES_SPILLED_TO_REMOTE_STORAGE",
                "CREDITS_USED_CLOUD_SERVICES", "QUERY_PARAMETERIZED_HASH")),
        BIGQUERY("bigquery", "query", List.of("job_id", "query", "job_type", "statement_type", "state", "error_result",
                "project_id", "user_email", "reservation_id", "creation_time", "start_time", "end_time",
                "total_bytes_processed", "total_bytes_billed", "total_slot_ms", "cache_hit", "labels", "referenced_tables",
                "parent_job_id", "query_info"));

        private final String label;
        private final String textColumn;
        private final List<String> columns;

        Vendor(String label, String textColumn, List<String> columns) {
            this.label = label;
            this.textColumn = textColumn;
            this.columns = columns;
        }

        /** {@code snowflake} or {@code bigquery}. */
        public String label() { return label; }

        /** The column holding the statement text, the only required one. */
        public String textColumn() { return textColumn; }

        /** The columns DECE reads, as the vendor's documentation spells them. */
        public List<String> columns() { return columns; }
    }

    /**
     * Bounds on one export.
     *
     * @param maxBytes      the largest file, after decompression; default 16 GiB
     * @param maxRecords    the most records; default 50 000 000
     * @param maxFieldChars the longest field (a query text); default 1 MiB characters (BigQuery's limit on a
     *                      query is 1 MB, Snowflake truncates QUERY_TEXT at 100 000 characters)
     */
    public record Limits(long maxBytes, long maxRecords, int maxFieldChars) {
        public static final Limits DEFAULT = new Limits(16L << 30, 50_000_000L, 1 << 20);

        public Limits {
            if (maxBytes <= 0 || maxRecords <= 0 || maxFieldChars <= 0) {
                throw new IllegalArgumentException("limits must be positive: " + maxBytes + ", " + maxRecords + ", " + maxFieldChars);
            }
        }
    }

    /**
     * One run of one statement, the same shape for both vendors; {@code null} where the export has no such
     * column or the value is empty.
     *
     * @param file              the export file, as given
     * @param line              the line the record starts on (a quoted CSV field may span lines)
     * @param row               the 1-based record number, header excluded
     * @param vendor            whose export
     * @param queryId           QUERY_ID / job_id
     * @param text              QUERY_TEXT / query; never null
     * @param statementType     QUERY_TYPE (SELECT, INSERT, CREATE_TABLE_AS_SELECT, SHOW...) / statement_type
     * @param jobType           BigQuery job_type (QUERY, LOAD, EXTRACT, COPY); null for Snowflake
     * @param status            EXECUTION_STATUS (SUCCESS, FAIL, INCIDENT) / state (DONE...), upper case
     * @param error             ERROR_MESSAGE / error_result (its message)
     * @param database          DATABASE_NAME / project_id
     * @param schema            SCHEMA_NAME
     * @param user              USER_NAME / user_email
     * @param role              ROLE_NAME
     * @param warehouse         WAREHOUSE_NAME / reservation_id
     * @param warehouseSize     WAREHOUSE_SIZE
     * @param tag               QUERY_TAG
     * @param labels            BigQuery labels (key to value), sorted by key; empty when none
     * @param created           BigQuery creation_time
     * @param start             START_TIME / start_time
     * @param end               END_TIME / end_time
     * @param elapsedMs         TOTAL_ELAPSED_TIME; for BigQuery end minus start
     * @param bytesScanned      BYTES_SCANNED / total_bytes_processed
     * @param bytesBilled       BigQuery total_bytes_billed
     * @param slotMs            BigQuery total_slot_ms
     * @param rowsProduced      ROWS_PRODUCED
     * @param partitionsScanned PARTITIONS_SCANNED (micro-partitions)
     * @param partitionsTotal   PARTITIONS_TOTAL
     * @param spilledLocalBytes BYTES_SPILLED_TO_LOCAL_STORAGE
     * @param spilledRemoteBytes BYTES_SPILLED_TO_REMOTE_STORAGE
     * @param cloudServicesCredits CREDITS_USED_CLOUD_SERVICES
     * @param cacheHit          BigQuery cache_hit
     * @param referencedTables  BigQuery referenced_tables as {@code project.dataset.table}, in export order; empty when none
     * @param parentJobId       BigQuery parent_job_id (a child of a script)
     * @param parameterizedHash QUERY_PARAMETERIZED_HASH / query_info.query_hashes.normalized_literals: runs that
     *                          differ only in literals share it
     */
    public record Query(String file, long line, long row, Vendor vendor, String queryId, String text, String statementType,
                        String jobType, String status, String error, String database, String schema, String user, String role,
                        String warehouse, String warehouseSize, String tag, Map<String, String> labels, Instant created,
                        Instant start, Instant end, Long elapsedMs, Long bytesScanned, Long bytesBilled, Long slotMs,
                        Long rowsProduced, Long partitionsScanned, Long partitionsTotal, Long spilledLocalBytes,
                        Long spilledRemoteBytes, Double cloudServicesCredits, Boolean cacheHit, List<String> referencedTables,
                        String parentJobId, String parameterizedHash) {
        public Query {
            Objects.requireNonNull(text, "text");
            labels = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(labels));
            referencedTables = List.copyOf(referencedTables);
        }

        /** True when the run failed (Snowflake FAIL or INCIDENT, BigQuery error_result). */
        public boolean failed() {
            return error != null || status != null && (status.equals("FAIL") || status.equals("FAILED") || status.equals("INCIDENT"));
        }
    }

    /**
     * What one read saw.
     *
     * @param file    as given
     * @param vendor  whose export it is
     * @param format  {@code csv} or {@code jsonl}
     * @param records records read
     */
    public record Summary(String file, Vendor vendor, String format, long records) {}

    /**
     * Streams every record of {@code file} to {@code sink}, in file order.
     *
     * @throws InputException for a missing file, something other than a regular file, a file over the limits, an
     *                        unknown layout (neither vendor's text column), or a value DECE cannot read, located
     */
    public static Summary read(Path file, Limits limits, Consumer<Query> sink) throws InputException {
        Vendor[] seen = new Vendor[1];
        Layout layout = new Layout() {
            @Override
            public Sink recognise(String name, long line, java.util.Collection<String> columns) throws InputException {
                Vendor v = HistoryRecords.vendorOf(columns);
                if (v == null) throw new InputException(new Problem(name, (int) Math.min(Integer.MAX_VALUE, line), 0, "", HistoryRecords.unknownLayout(columns)));
                seen[0] = v;
                return (l, row, cols) -> sink.accept(HistoryRecords.query(v, name, l, row, cols));
            }

            @Override
            public String perRecord() {
                return "one record per query run";
            }
        };
        Exports.Read r = Exports.read(file, limits.maxBytes(), limits.maxRecords(), limits.maxFieldChars(),
                "a query-history export (.csv or .jsonl, optionally .gz)", "export a shorter period or one warehouse at a time", layout);
        return new Summary(file.toString(), seen[0], r.format(), r.records());
    }

}
