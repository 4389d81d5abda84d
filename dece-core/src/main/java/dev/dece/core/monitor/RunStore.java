package dev.dece.core.monitor;

import dev.dece.core.drl.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every run the readers found, by pipeline, merged by run ID: memory grows with runs, not records, and each
 * run is a few hundred bytes. Pipeline names are shared strings. Not thread-safe.
 */
final class RunStore {

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Map<String, Run>> byPipeline = new HashMap<>();
    private final Map<String, Run> firstRun = new HashMap<>();
    /** dbt test results whose model is only known once every file is read. */
    final List<DbtReader.PendingTest> pendingTests = new ArrayList<>();
    long minTime = Long.MAX_VALUE;
    long maxTime = Long.MIN_VALUE;

    /** The one instance of a pipeline name. */
    String name(String n) {
        String s = names.putIfAbsent(n, n);
        return s == null ? n : s;
    }

    private final Map<String, String> values = new HashMap<>();

    /** A shared instance of a short, often repeated value (a stage, a status as written); at most 10 000 distinct are kept. */
    String value(String v) {
        if (v == null) return null;
        String s = values.get(v);
        if (s != null) return s;
        if (values.size() < 10_000) values.put(v, v);
        return v;
    }

    /** The run {@code runId} of {@code pipeline} of this kind, or a new one located here. */
    Run run(String pipeline, String runId, Run.Kind kind, String format, String file, int line, int column) {
        String p = name(pipeline);
        Map<String, Run> runs = byPipeline.computeIfAbsent(p, k -> new HashMap<>());
        String key = kind == Run.Kind.RUN ? runId : kind.name() + "\u0000" + runId;
        Run r = runs.get(key);
        if (r == null) {
            r = new Run(p, runId, kind, format, file, line, column);
            runs.put(key, r);
            firstRun.putIfAbsent(p, r);
        }
        return r;
    }

    /** True when the run already exists. */
    boolean has(String pipeline, String runId) {
        Map<String, Run> runs = byPipeline.get(pipeline);
        return runs != null && runs.containsKey(runId);
    }

    void time(long t) {
        if (t == Run.NONE) return;
        if (t < minTime) minTime = t;
        if (t > maxTime) maxTime = t;
    }

    /** Pipelines, sorted by name, with their runs in no particular order. */
    Map<String, List<Run>> pipelines() {
        Map<String, List<Run>> out = new TreeMap<>();
        for (Map.Entry<String, Map<String, Run>> e : byPipeline.entrySet()) out.put(e.getKey(), new ArrayList<>(e.getValue().values()));
        return out;
    }

    /** Where each pipeline was first seen. */
    Map<String, Node> seen() {
        Map<String, Node> out = new TreeMap<>();
        for (Map.Entry<String, Run> e : firstRun.entrySet()) out.put(e.getKey(), e.getValue().node());
        return out;
    }

    boolean isEmpty() {
        return byPipeline.isEmpty();
    }
}
