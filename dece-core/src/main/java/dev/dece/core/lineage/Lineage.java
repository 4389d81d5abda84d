package dev.dece.core.lineage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A lineage graph: datasets (and systems, exposures, consumers) as nodes keyed by a {@linkplain #normalise normalised}
 * name, edges from upstream to downstream, each with the file and line that declared it. Compact: a node is an
 * {@code int}, the edges are primitive arrays in compressed-row form in both directions, so 100 000 nodes with
 * 1 000 000 edges take some tens of megabytes, and a downstream query is a breadth-first walk over int arrays.
 *
 * <pre>{@code
 * Lineage.Builder b = Lineage.builder();
 * b.edge("raw.orders", "stg_orders", "catalog/orders.yaml", 12);
 * Lineage g = b.build();
 * Lineage.Reach r = g.downstream(g.id("raw.orders"));
 * }</pre>
 *
 * <p>Immutable once built and thread-safe; the builder is not. Duplicate edges (the same pair declared in two
 * files) are kept once, with the first declaration's origin in build order; the builder holds four ints per declared
 * edge and the graph three per distinct edge, each way.
 */
public final class Lineage {

    private final String[] names;
    private final Map<String, Integer> ids;
    private final String[] files;
    // downstream CSR: children of n are down[downStart[n] .. downStart[n+1]), downEdge gives the edge index
    private final int[] downStart;
    private final int[] down;
    private final int[] downEdge;
    private final int[] upStart;
    private final int[] up;
    private final int[] upEdge;
    private final int[] edgeFile;
    private final int[] edgeLine;

    private Lineage(String[] names, Map<String, Integer> ids, String[] files, int[] from, int[] to, int[] edgeFile, int[] edgeLine, int edges) {
        this.names = names;
        this.ids = ids;
        this.files = files;
        this.edgeFile = edgeFile;
        this.edgeLine = edgeLine;
        int n = names.length;
        // downstream rows over all declared edges, then each row sorted by (child, declaration) and duplicates dropped
        int[] rowStart = new int[n + 1];
        for (int e = 0; e < edges; e++) rowStart[from[e] + 1]++;
        for (int i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
        long[] row = new long[edges];
        int[] fill = Arrays.copyOf(rowStart, n);
        for (int e = 0; e < edges; e++) row[fill[from[e]]++] = ((long) to[e] << 32) | e;
        downStart = new int[n + 1];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            Arrays.sort(row, rowStart[i], rowStart[i + 1]);
            int last = -1;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                int child = (int) (row[k] >>> 32);
                if (child == last) continue;
                last = child;
                row[kept++] = row[k];
            }
            downStart[i + 1] = kept;
        }
        down = new int[kept];
        downEdge = new int[kept];
        upStart = new int[n + 1];
        for (int k = 0; k < kept; k++) {
            down[k] = (int) (row[k] >>> 32);
            downEdge[k] = (int) row[k];
            upStart[down[k] + 1]++;
        }
        for (int i = 0; i < n; i++) upStart[i + 1] += upStart[i];
        up = new int[kept];
        upEdge = new int[kept];
        int[] upp = Arrays.copyOf(upStart, n);
        for (int i = 0; i < n; i++) {
            for (int k = downStart[i]; k < downStart[i + 1]; k++) {
                int u = upp[down[k]]++;
                up[u] = i;
                upEdge[u] = downEdge[k];
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The key of a name: trimmed, lower case, surrounding quotes or backticks of each dotted part removed, so
     * {@code "Analytics"."Orders"}, {@code analytics.orders} and {@code ANALYTICS.ORDERS} are one node.
     */
    public static String normalise(String name) {
        if (name == null) return "";
        String s = name.strip().toLowerCase(Locale.ROOT);
        if (s.indexOf('"') >= 0 || s.indexOf('`') >= 0) s = s.replace("\"", "").replace("`", "");
        return s;
    }

    /** Number of nodes. */
    public int size() {
        return names.length;
    }

    /** Number of distinct edges. */
    public int edges() {
        return down.length;
    }

    /** The node of {@code name} (normalised), or -1 when the graph does not hold it. */
    public int id(String name) {
        Integer i = ids.get(normalise(name));
        return i == null ? -1 : i;
    }

    /** The name of node {@code id} as first written. */
    public String name(int id) {
        return names[id];
    }

    /** Every node's name, in id order. */
    public List<String> names() {
        return List.of(names);
    }

    /** The direct downstream nodes of {@code id}. */
    public int[] children(int id) {
        return Arrays.copyOfRange(down, downStart[id], downStart[id + 1]);
    }

    /** The direct upstream nodes of {@code id}. */
    public int[] parents(int id) {
        return Arrays.copyOfRange(up, upStart[id], upStart[id + 1]);
    }

    /** Where the edge {@code from -> to} was declared, as {@code file:line}; null when there is no such edge. */
    public String origin(int from, int to) {
        for (int i = downStart[from]; i < downStart[from + 1]; i++) {
            if (down[i] == to) return files[edgeFile[downEdge[i]]] + ":" + edgeLine[downEdge[i]];
        }
        return null;
    }

    /** Every node downstream of {@code id}, nearest first. */
    public Reach downstream(int id) {
        return walk(id, downStart, down, downEdge, true);
    }

    /** Every node upstream of {@code id}, nearest first. */
    public Reach upstream(int id) {
        return walk(id, upStart, up, upEdge, false);
    }

    private Reach walk(int start, int[] start_, int[] adj, int[] adjEdge, boolean downward) {
        int n = names.length;
        int[] via = new int[n];
        Arrays.fill(via, -2);
        int[] depth = new int[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        via[start] = -1;
        queue[tail++] = start;
        while (head < tail) {
            int x = queue[head++];
            for (int i = start_[x]; i < start_[x + 1]; i++) {
                int y = adj[i];
                if (via[y] != -2) continue;
                via[y] = adjEdge[i];
                depth[y] = depth[x] + 1;
                queue[tail++] = y;
            }
        }
        return new Reach(this, start, Arrays.copyOfRange(queue, 1, tail), via, depth, downward);
    }

    /**
     * The nodes in an order where every node comes after all its upstream nodes (sources first, leaves last);
     * nodes on a cycle come last, in id order, and {@link #cyclic()} names them.
     */
    public int[] topological() {
        int n = names.length;
        int[] indeg = new int[n];
        for (int i = 0; i < n; i++) indeg[i] = upStart[i + 1] - upStart[i];
        int[] out = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) if (indeg[i] == 0) out[tail++] = i;
        while (head < tail) {
            int x = out[head++];
            for (int i = downStart[x]; i < downStart[x + 1]; i++) if (--indeg[down[i]] == 0) out[tail++] = down[i];
        }
        for (int i = 0; i < n && tail < n; i++) if (indeg[i] > 0) out[tail++] = i;
        return out;
    }

    /** The nodes that lie on a cycle (or after one); empty for a graph without cycles. */
    public List<String> cyclic() {
        int n = names.length;
        int[] indeg = new int[n];
        for (int i = 0; i < n; i++) indeg[i] = upStart[i + 1] - upStart[i];
        int[] q = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) if (indeg[i] == 0) q[tail++] = i;
        while (head < tail) {
            int x = q[head++];
            for (int i = downStart[x]; i < downStart[x + 1]; i++) if (--indeg[down[i]] == 0) q[tail++] = down[i];
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) if (indeg[i] > 0) out.add(names[i]);
        return out;
    }

    /**
     * The result of a walk: the nodes reached, nearest first, and for each the edge it was first reached by.
     */
    public static final class Reach {
        private final Lineage g;
        private final int start;
        private final int[] nodes;
        private final int[] via;
        private final int[] depth;
        private final boolean downward;

        Reach(Lineage g, int start, int[] nodes, int[] via, int[] depth, boolean downward) {
            this.g = g;
            this.start = start;
            this.nodes = nodes;
            this.via = via;
            this.depth = depth;
            this.downward = downward;
        }

        /** The nodes reached, nearest first (ties in edge order); the start node is not among them. */
        public int[] nodes() {
            return nodes.clone();
        }

        public int size() {
            return nodes.length;
        }

        /** How many edges separate {@code node} from the start. */
        public int depth(int node) {
            return depth[node];
        }

        /** The node {@code node} was reached from (its parent on the walk), or -1 for the start. */
        public int from(int node) {
            int e = via[node];
            if (e < 0) return -1;
            // the edge's other end: look it up on the side the walk came from
            int[] s = downward ? g.upStart : g.downStart;
            int[] adj = downward ? g.up : g.down;
            int[] ae = downward ? g.upEdge : g.downEdge;
            for (int i = s[node]; i < s[node + 1]; i++) if (ae[i] == e) return adj[i];
            return -1;
        }

        /** Where the edge that reached {@code node} was declared, {@code file:line}. */
        public String origin(int node) {
            int e = via[node];
            return e < 0 ? null : g.files[g.edgeFile[e]] + ":" + g.edgeLine[e];
        }

        public int start() {
            return start;
        }
    }

    /** Collects nodes and edges; {@link #build()} freezes them. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> names = new ArrayList<>();
        private final Map<String, Integer> fileIds = new HashMap<>();
        private final List<String> files = new ArrayList<>();
        private int[] from = new int[16];
        private int[] to = new int[16];
        private int[] file = new int[16];
        private int[] line = new int[16];
        private int edges;

        Builder() {}

        /** The node of {@code name}, added when new. */
        public int node(String name) {
            String key = normalise(name);
            Integer i = ids.get(key);
            if (i != null) return i;
            int id = names.size();
            ids.put(key, id);
            names.add(name.strip());
            return id;
        }

        /** An edge from upstream {@code from} to downstream {@code to}, declared at {@code file:line}; a self-edge is ignored. */
        public Builder edge(String upstream, String downstream, String fileName, int lineNo) {
            return edge(node(upstream), node(downstream), fileName, lineNo);
        }

        /** An edge between two nodes of this builder. */
        public Builder edge(int a, int b, String fileName, int lineNo) {
            if (a == b) return this;
            if (edges == from.length) {
                int c = from.length * 2;
                from = Arrays.copyOf(from, c);
                to = Arrays.copyOf(to, c);
                file = Arrays.copyOf(file, c);
                line = Arrays.copyOf(line, c);
            }
            Integer f = fileIds.get(fileName);
            if (f == null) {
                f = files.size();
                fileIds.put(fileName, f);
                files.add(fileName);
            }
            from[edges] = a;
            to[edges] = b;
            file[edges] = f;
            line[edges] = lineNo;
            edges++;
            return this;
        }

        public Lineage build() {
            return new Lineage(names.toArray(String[]::new), Map.copyOf(ids), files.toArray(String[]::new), from, to,
                    Arrays.copyOf(file, edges), Arrays.copyOf(line, edges), edges);
        }
    }
}
