package dev.dece.bench;

import dev.dece.core.Dece;
import dev.dece.core.input.InputException;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Measures the heap the built rule base keeps: used heap after full GCs, before and after building a
 * {@link Dece}, with the instance still reachable. Median of several builds in one JVM (the first build
 * also loads classes, which live outside the heap).
 *
 * <pre>
 * java -cp "dece-examples/target/dece-examples-0.1.0.jar:dece-examples/target/lib/*" dev.dece.bench.RuleBaseHeap
 * </pre>
 */
public final class RuleBaseHeap {
    private RuleBaseHeap() {}

    public static void main(String[] args) throws InputException {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        Dece.builder().build().warmUp(); // load classes first
        int runs = 7;
        long[] retained = new long[runs];
        Object[] keep = new Object[runs];
        for (int i = 0; i < runs; i++) {
            long before = usedAfterGc(mem);
            keep[i] = Dece.builder().build().warmUp(); // every command's rule base compiled
            long after = usedAfterGc(mem);
            retained[i] = after - before;
        }
        java.util.Arrays.sort(retained);
        System.out.printf(Locale.ROOT, "rule base retained heap: median %.1f MB (min %.1f, max %.1f) over %d builds, %d rules%n",
                retained[runs / 2] / 1e6, retained[0] / 1e6, retained[runs - 1] / 1e6, runs,
                ((Dece) keep[0]).rules().size());
    }

    static long usedAfterGc(MemoryMXBean mem) {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return mem.getHeapMemoryUsage().getUsed();
    }
}
