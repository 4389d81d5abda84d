package dev.dece.core.doc;

/**
 * Limits that protect the loader from hostile or accidental huge input. Every limit is checked while
 * reading, so a bad file is refused in milliseconds, before it costs memory.
 *
 * @param maxBytes     largest file accepted; default 8 MiB (a real brief or spec is a few KB)
 * @param maxDepth     deepest nesting of mappings and sequences; default 64
 * @param maxAliases   most alias uses ({@code *anchor}) in one file; default 50
 * @param maxNodes     most nodes after alias expansion; default 500 000 (stops "billion laughs")
 */
public record Limits(long maxBytes, int maxDepth, int maxAliases, int maxNodes) {

    /** The defaults documented above. */
    public static final Limits DEFAULT = new Limits(8L * 1024 * 1024, 64, 50, 500_000);

    public Limits {
        if (maxBytes <= 0 || maxDepth <= 0 || maxAliases < 0 || maxNodes <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxBytes + ", " + maxDepth
                    + ", " + maxAliases + ", " + maxNodes);
        }
    }
}
