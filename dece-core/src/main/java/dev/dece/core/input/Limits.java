package dev.dece.core.input;

/**
 * The limits that protect DECE from hostile or accidental huge input: one per kind of input, checked while
 * reading (or before), so a bad file is refused in milliseconds, before it costs memory or time. Every
 * limit is documented with its default in {@code docs/security.md}; a refusal names the limit.
 *
 * <pre>{@code
 * Dece.builder().limits(Limits.DEFAULT.withMaxSqlBytes(64L << 20)).build();
 * }</pre>
 *
 * @param maxBytes            largest YAML or JSON template document (brief, spec, contract, policy); default 8 MiB
 * @param maxDepth            deepest nesting of mappings and sequences; default 64
 * @param maxAliases          most alias uses ({@code *anchor}) in one YAML file; default 50
 * @param maxNodes            most nodes of one document after alias expansion; default 500 000 (stops "billion laughs")
 * @param maxLineLength       longest line of a YAML file, in characters; default 100 000 (SnakeYAML copies its window
 *                            for every chunk of one token, so a multi-megabyte one-line scalar costs seconds)
 * @param maxSqlBytes         largest SQL file (DDL, queries, seed scripts); default 32 MiB
 * @param maxDrlBytes         largest team DRL file; default 2 MiB
 * @param maxStreamBytes      largest streamed input (dbt manifests and artifacts, run logs, usage exports, event logs);
 *                            default 4 GiB
 * @param maxStreamRecords    most records (JSON nodes, lines, rows) of one streamed input; default 50 000 000
 * @param maxItems            most entries of one list in a template (consumers, sources, columns, tables, models);
 *                            default 20 000
 * @param maxFiles            most files one directory argument may hold; default 100 000
 * @param maxEvaluationMillis wall-clock limit of one evaluation's rules (all phases); default 60 000 ms
 */
public record Limits(long maxBytes, int maxDepth, int maxAliases, int maxNodes, int maxLineLength,
                     long maxSqlBytes, long maxDrlBytes, long maxStreamBytes, long maxStreamRecords, int maxItems,
                     int maxFiles, long maxEvaluationMillis) {

    /** Default for {@link #maxLineLength()} when the four-argument constructor is used. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 100_000;

    /** The defaults documented above. */
    public static final Limits DEFAULT = new Limits(8L << 20, 64, 50, 500_000, DEFAULT_MAX_LINE_LENGTH,
            32L << 20, 2L << 20, 4L << 30, 50_000_000L, 20_000, 100_000, 60_000L);

    public Limits {
        if (maxBytes <= 0 || maxDepth <= 0 || maxAliases < 0 || maxNodes <= 0 || maxLineLength <= 0 || maxSqlBytes <= 0
                || maxDrlBytes <= 0 || maxStreamBytes <= 0 || maxStreamRecords <= 0 || maxItems <= 0 || maxFiles <= 0
                || maxEvaluationMillis <= 0) {
            throw new IllegalArgumentException("limits must be positive (maxAliases may be 0): " + maxBytes + ", " + maxDepth
                    + ", " + maxAliases + ", " + maxNodes + ", " + maxLineLength + ", " + maxSqlBytes + ", " + maxDrlBytes + ", "
                    + maxStreamBytes + ", " + maxStreamRecords + ", " + maxItems + ", " + maxFiles + ", " + maxEvaluationMillis);
        }
    }

    /** The template-document limits, the others at their defaults. */
    public Limits(long maxBytes, int maxDepth, int maxAliases, int maxNodes, int maxLineLength) {
        this(maxBytes, maxDepth, maxAliases, maxNodes, maxLineLength, DEFAULT.maxSqlBytes, DEFAULT.maxDrlBytes,
                DEFAULT.maxStreamBytes, DEFAULT.maxStreamRecords, DEFAULT.maxItems, DEFAULT.maxFiles, DEFAULT.maxEvaluationMillis);
    }

    /** The first four limits, with {@link #DEFAULT_MAX_LINE_LENGTH} and the others at their defaults. */
    public Limits(long maxBytes, int maxDepth, int maxAliases, int maxNodes) {
        this(maxBytes, maxDepth, maxAliases, maxNodes, DEFAULT_MAX_LINE_LENGTH);
    }

    public Limits withMaxBytes(long v) {
        return new Limits(v, maxDepth, maxAliases, maxNodes, maxLineLength, maxSqlBytes, maxDrlBytes, maxStreamBytes, maxStreamRecords, maxItems, maxFiles, maxEvaluationMillis);
    }

    public Limits withMaxSqlBytes(long v) {
        return new Limits(maxBytes, maxDepth, maxAliases, maxNodes, maxLineLength, v, maxDrlBytes, maxStreamBytes, maxStreamRecords, maxItems, maxFiles, maxEvaluationMillis);
    }

    public Limits withMaxDrlBytes(long v) {
        return new Limits(maxBytes, maxDepth, maxAliases, maxNodes, maxLineLength, maxSqlBytes, v, maxStreamBytes, maxStreamRecords, maxItems, maxFiles, maxEvaluationMillis);
    }

    public Limits withMaxStreamBytes(long v) {
        return new Limits(maxBytes, maxDepth, maxAliases, maxNodes, maxLineLength, maxSqlBytes, maxDrlBytes, v, maxStreamRecords, maxItems, maxFiles, maxEvaluationMillis);
    }

    public Limits withMaxStreamRecords(long v) {
        return new Limits(maxBytes, maxDepth, maxAliases, maxNodes, maxLineLength, maxSqlBytes, maxDrlBytes, maxStreamBytes, v, maxItems, maxFiles, maxEvaluationMillis);
    }

    public Limits withMaxItems(int v) {
        return new Limits(maxBytes, maxDepth, maxAliases, maxNodes, maxLineLength, maxSqlBytes, maxDrlBytes, maxStreamBytes, maxStreamRecords, v, maxFiles, maxEvaluationMillis);
    }

    public Limits withMaxFiles(int v) {
        return new Limits(maxBytes, maxDepth, maxAliases, maxNodes, maxLineLength, maxSqlBytes, maxDrlBytes, maxStreamBytes, maxStreamRecords, maxItems, v, maxEvaluationMillis);
    }

    public Limits withMaxEvaluationMillis(long v) {
        return new Limits(maxBytes, maxDepth, maxAliases, maxNodes, maxLineLength, maxSqlBytes, maxDrlBytes, maxStreamBytes, maxStreamRecords, maxItems, maxFiles, v);
    }
}
