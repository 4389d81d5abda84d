package dev.dece.bench;

import dev.dece.core.lineage.Lineage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The lineage graph against a plain-Java baseline in the same run: build N datasets with M edges (a layered random
 * DAG, fixed seed), then answer Q downstream queries, once with {@link Lineage} and once with a
 * {@code HashMap<String, List<String>>} and a breadth-first walk over strings. Prints build time, query time and
 * retained heap of each, and the ratios. Usage: {@code LineageBench [datasets] [edges] [queries]}
 * (default 100 000, 1 000 000, 100).
 */
public final class LineageBench {
    private LineageBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int q = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        SplittableRandom rnd = new SplittableRandom(14);
        int[] from = new int[m];
        int[] to = new int[m];
        for (int e = 0; e < m; e++) {
            int a = rnd.nextInt(n - 1);
            from[e] = a;
            to[e] = a + 1 + rnd.nextInt(Math.min(50, n - 1 - a));
        }
        String[] names = new String[n];
        for (int i = 0; i < n; i++) names[i] = "analytics.dataset_" + i;

        long heap0 = used();
        long t0 = System.nanoTime();
        Lineage.Builder b = Lineage.builder();
        for (int e = 0; e < m; e++) b.edge(names[from[e]], names[to[e]], "catalog/entries.yaml", e + 1);
        Lineage g = b.build();
        long buildDece = System.nanoTime() - t0;
        long heapDece = used() - heap0;
        t0 = System.nanoTime();
        long reached = 0;
        for (int i = 0; i < q; i++) reached += g.downstream(g.id(names[(int) ((long) i * n / (q * 2L))])).size();
        long queryDece = System.nanoTime() - t0;

        heap0 = used();
        t0 = System.nanoTime();
        Map<String, List<String>> adj = new HashMap<>();
        for (int e = 0; e < m; e++) adj.computeIfAbsent(names[from[e]], k -> new ArrayList<>()).add(names[to[e]]);
        long buildBase = System.nanoTime() - t0;
        long heapBase = used() - heap0;
        t0 = System.nanoTime();
        long reachedBase = 0;
        for (int i = 0; i < q; i++) {
            String s = names[(int) ((long) i * n / (q * 2L))];
            HashSet<String> seen = new HashSet<>();
            ArrayDeque<String> queue = new ArrayDeque<>();
            seen.add(s);
            queue.add(s);
            while (!queue.isEmpty()) for (String c : adj.getOrDefault(queue.poll(), List.of())) if (seen.add(c)) queue.add(c);
            reachedBase += seen.size() - 1;
        }
        long queryBase = System.nanoTime() - t0;
        if (reached != reachedBase) throw new IllegalStateException("the two walks disagree: " + reached + " vs " + reachedBase);
        System.out.printf("datasets %d, edges %d (%d distinct), queries %d, nodes reached %d%n", n, m, g.edges(), q, reached);
        System.out.printf("build  : lineage %.1f ms, baseline %.1f ms, ratio %.2f%n", buildDece / 1e6, buildBase / 1e6, (double) buildDece / buildBase);
        System.out.printf("queries: lineage %.1f ms, baseline %.1f ms, ratio %.2f%n", queryDece / 1e6, queryBase / 1e6, (double) queryDece / queryBase);
        System.out.printf("heap   : lineage %.1f MB, baseline %.1f MB (approximate, after GC)%n", heapDece / 1e6, heapBase / 1e6);
        if (adj.isEmpty() || g.size() == 0) System.out.println("empty");
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return r.totalMemory() - r.freeMemory();
    }
}
