package dev.dece.core.input;

/**
 * Limits that protect the loader from hostile or accidental huge input. Every limit is checked while
 * reading, or before, so a bad file is refused in milliseconds, before it costs memory or time.
 *
 * @param maxBytes      largest file accepted; default 8 MiB (a real brief or spec is a few KB)
 * @param maxDepth      deepest nesting of mappings and sequences; default 64
 * @param maxAliases    most alias uses ({@code *anchor}) in one file; default 50
 * @param maxNodes      most nodes after alias expansion; default 500 000 (stops "billion laughs")
 * @param maxLineLength longest line of a YAML file, in characters; default 100 000. SnakeYAML's reader
 *                      slides a window that is copied for every chunk of one token, so a multi-megabyte
 *                      single-line scalar costs seconds; a real brief's lines are under 1 000 characters.
 *                      JSON is read by a streaming parser without this cost and has no line limit.
 */
public record Limits(long maxBytes, int maxDepth, int maxAliases, int maxNodes, int maxLineLength) {

    /** Default for {@link #maxLineLength()} when the four-argument constructor is used. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 100_000;

    /** The defaults documented above. */
    public static final Limits DEFAULT = new Limits(8L * 1024 * 1024, 64, 50, 500_000, DEFAULT_MAX_LINE_LENGTH);

    public Limits {
        if (maxBytes <= 0 || maxDepth <= 0 || maxAliases < 0 || maxNodes <= 0 || maxLineLength <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxBytes + ", " + maxDepth
                    + ", " + maxAliases + ", " + maxNodes + ", " + maxLineLength);
        }
    }

    /** The first four limits, with {@link #DEFAULT_MAX_LINE_LENGTH}. */
    public Limits(long maxBytes, int maxDepth, int maxAliases, int maxNodes) {
        this(maxBytes, maxDepth, maxAliases, maxNodes, DEFAULT_MAX_LINE_LENGTH);
    }
}
