package dev.dece.core.monitor;

import dev.dece.core.drl.Failure;
import dev.dece.core.drl.LogIssue;
import dev.dece.core.drl.Node;
import dev.dece.core.drl.PipelineContext;
import dev.dece.core.drl.PipelineHealth;
import dev.dece.core.policy.Policy;
import dev.dece.core.policy.PolicyKey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The Pipeline Health Dashboard's formulas (Phase 7), computed in plain Java over each pipeline's runs, once: the
 * rules then see one {@link PipelineHealth}, a few {@link LogIssue}s and the {@link Failure}s per pipeline, never one
 * fact per log record. Linear in the runs (plus one sort per pipeline). The windows end at {@code asOf}; records after
 * it are not counted. docs/monitor.md gives every formula. Stateless.
 */
final class Metrics {
    private Metrics() {}

    static final long HOUR = 3_600_000L;
    static final long DAY = 24 * HOUR;
    static final int MAX_IDS = 20;

    /** What the rules get, and which dashboard rows apply to each pipeline. */
    record Result(List<PipelineHealth> health, List<LogIssue> issues, List<Failure> failures, Map<String, List<String>> rows) {}

    /**
     * @param queue         pending backfill requests by pipeline; {@code null} when no queue was given
     * @param allFailures   triage every failure of the input, not only the window's (the triage command)
     */
    static Result compute(RunStore store, Map<String, PipelineContext> contexts, long asOf, Policy policy,
                          Map<String, List<BackfillQueue.Request>> queue, boolean allFailures) {
        Map<String, List<Run>> byPipeline = store.pipelines();
        Set<String> names = new TreeSet<>(byPipeline.keySet());
        names.addAll(contexts.keySet());
        int windowDays = (int) policy.value(PolicyKey.DASHBOARD_WINDOW_DAYS);
        int recentHours = (int) policy.value(PolicyKey.RECENT_WINDOW_HOURS);
        long w = Math.max(1, windowDays) * DAY;
        long recent = Math.max(1, recentHours) * HOUR;
        List<PipelineHealth> health = new ArrayList<>();
        List<LogIssue> issues = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String name : names) {
            List<Run> all = new ArrayList<>();
            for (Run r : byPipeline.getOrDefault(name, List.of())) {
                long t = r.firstTime();
                if (t != Run.NONE && t <= asOf) all.add(r);
            }
            all.sort(Comparator.comparingLong(Run::firstTime).thenComparing(r -> r.runId));
            PipelineContext ctx = contexts.get(name);
            List<String> applicable = rows(all, ctx, queue, name);
            rows.put(name, applicable);
            health.add(health(name, all, ctx, asOf, w, windowDays, recent, recentHours, queue, store.minTime, applicable));
            issues.addAll(issues(name, all));
            failures.addAll(failures(name, all, asOf, allFailures ? Long.MIN_VALUE : asOf - w));
        }
        return new Result(health, issues, failures, rows);
    }

    private static List<String> rows(List<Run> runs, PipelineContext ctx, Map<String, List<BackfillQueue.Request>> queue, String name) {
        boolean anyRun = runs.stream().anyMatch(r -> r.kind == Run.Kind.RUN) || (ctx != null && ctx.spec());
        List<String> out = new ArrayList<>();
        if (anyRun) {
            out.addAll(List.of("success_rate", "avg_runtime", "freshness", "volume_variance", "quality_pass_rate", "failed_runs"));
        } else {
            if (runs.stream().anyMatch(r -> r.kind == Run.Kind.FRESHNESS)) out.add("freshness");
            if (runs.stream().anyMatch(r -> r.kind == Run.Kind.CHECKS)) out.add("quality_pass_rate");
        }
        if (queue != null && (anyRun || queue.containsKey(name))) out.add("backfill_queue");
        if (!runs.isEmpty()) out.add("log_records");
        return out;
    }

    private static PipelineHealth health(String name, List<Run> all, PipelineContext ctx, long asOf, long w, int windowDays, long recent,
                                         int recentHours, Map<String, List<BackfillQueue.Request>> queue, long inputStart,
                                         List<String> rows) {
        int runs = 0, succeeded = 0, failed = 0, partial = 0, skipped = 0, timed = 0, failedRecent = 0, open = 0;
        double minutes = 0;
        long passed = 0, checkFailed = 0;
        long lastLoad = Run.NONE;
        Run lastLoadRun = null, lastRun = null, lastFailed = null, lastChecks = null, oldestOpen = null;
        List<String> failedIds = new ArrayList<>();
        for (Run r : all) {
            long t = r.time();
            boolean inWindow = t > asOf - w && t <= asOf;
            switch (r.kind) {
                case RUN -> {
                    if (r.status == Run.Status.RUNNING) {
                        open++;
                        if (oldestOpen == null || r.started < oldestOpen.started) oldestOpen = r;
                        continue;
                    }
                    if ((r.status == Run.Status.SUCCESS || r.status == Run.Status.PARTIAL) && r.loaded != 0 && t <= asOf && t >= lastLoad) {
                        lastLoad = t;
                        lastLoadRun = r;
                    }
                    if (inWindow) {
                        runs++;
                        lastRun = r;
                        switch (r.status) {
                            case SUCCESS -> succeeded++;
                            case FAILED -> failed++;
                            case PARTIAL -> partial++;
                            case SKIPPED -> skipped++;
                            default -> { }
                        }
                        if (r.status == Run.Status.SUCCESS || r.status == Run.Status.PARTIAL) {
                            double m = r.minutes();
                            if (!Double.isNaN(m)) {
                                minutes += m;
                                timed++;
                            }
                        }
                        if (r.checksPassed >= 0 || r.checksFailed >= 0) {
                            passed += Math.max(0, r.checksPassed);
                            checkFailed += Math.max(0, r.checksFailed);
                            lastChecks = r;
                        }
                    }
                    if (r.status == Run.Status.FAILED && t > asOf - recent && t <= asOf) {
                        failedRecent++;
                        lastFailed = r;
                        failedIds.add(r.runId);
                    }
                }
                case CHECKS -> {
                    if (inWindow) {
                        passed += Math.max(0, r.checksPassed);
                        checkFailed += Math.max(0, r.checksFailed);
                        lastChecks = r;
                    }
                }
                case FRESHNESS -> {
                    if (r.maxLoadedAt != Run.NONE && r.maxLoadedAt <= asOf && r.maxLoadedAt >= lastLoad) {
                        lastLoad = r.maxLoadedAt;
                        lastLoadRun = r;
                    }
                    if (lastRun == null && inWindow) lastRun = r;
                }
            }
        }
        if (failedIds.size() > MAX_IDS) failedIds = new ArrayList<>(failedIds.subList(failedIds.size() - MAX_IDS, failedIds.size()));
        List<String> unmeasured = new ArrayList<>();
        Double successRate = runs > 0 ? 100.0 * succeeded / runs : null;
        if (successRate == null && rows.contains("success_rate")) unmeasured.add("success_rate: no finished run in the last " + windowDays + " days");
        Double avg = timed > 0 ? minutes / timed : null;
        Integer sla = ctx == null ? null : ctx.slaMinutes();
        Double slaPercent = avg != null && sla != null && sla > 0 ? avg / sla * 100.0 : null;
        if (rows.contains("avg_runtime")) {
            if (avg == null) unmeasured.add("avg_runtime: no timed successful run in the last " + windowDays + " days");
            else if (sla == null) unmeasured.add("avg_runtime: no sla_minutes (give the pipeline spec)");
        }
        boolean never = lastLoad == Run.NONE;
        long since = never ? (all.isEmpty() ? inputStart : all.get(0).firstTime()) : lastLoad;
        Double freshness = since == Long.MAX_VALUE || since == Run.NONE ? null : round((asOf - since) / (double) HOUR);
        Double freshSla = ctx == null ? null : ctx.freshnessSlaHours();
        if (rows.contains("freshness") && freshSla == null) {
            unmeasured.add("freshness: no freshness SLA (a contract's sla.freshness_hours, dbt's source freshness error_after, or the spec's schedule and sla_minutes)");
        }
        // volume: the recent window, or one schedule period when the schedule runs less often
        long vw = recent;
        if (ctx != null && ctx.scheduleGapMinutes() != null) vw = Math.max(recent, ctx.scheduleGapMinutes() * 60_000L);
        long today = 0;
        boolean anyRows = false;
        boolean recentLoad = false;
        long[] base = new long[Math.max(1, windowDays)];
        long first = all.isEmpty() ? Run.NONE : all.get(0).firstTime();
        for (Run r : all) {
            if (r.kind != Run.Kind.RUN || r.loaded < 0 || !(r.status == Run.Status.SUCCESS || r.status == Run.Status.PARTIAL)) continue;
            long t = r.time();
            if (t > asOf - vw) {
                today += r.loaded;
                anyRows = true;
                recentLoad = true;
                continue;
            }
            long k = (asOf - vw - t) / vw; // 0 = the window just before the recent one
            if (k < base.length) {
                base[(int) k] += r.loaded;
                anyRows = true;
            }
        }
        int baselineWindows = 0;
        long baseSum = 0;
        for (int k = 0; k < base.length; k++) {
            long start = asOf - vw * (k + 2);
            if (first != Run.NONE && start >= first) {
                baselineWindows++;
                baseSum += base[k];
            }
        }
        Double avgRows = baselineWindows > 0 ? baseSum / (double) baselineWindows : null;
        Double variance = null;
        if (rows.contains("volume_variance")) {
            if (!anyRows) unmeasured.add("volume_variance: no rows_loaded in the runs");
            else if (!recentLoad) unmeasured.add("volume_variance: no successful load in the last " + hours(vw) + " (the failed runs and freshness rows show why)");
            else if (avgRows == null) unmeasured.add("volume_variance: less than one full " + hours(vw) + " window of history before the recent one");
            else if (avgRows == 0) {
                if (today == 0) variance = 0.0;
                else unmeasured.add("volume_variance: no rows loaded in the " + baselineWindows + " baseline windows, so no average to compare with");
            } else {
                variance = round(Math.abs(today - avgRows) / avgRows * 100.0);
            }
        }
        long checks = passed + checkFailed;
        Double passRate = checks > 0 ? 100.0 * passed / checks : null;
        if (rows.contains("quality_pass_rate") && passRate == null) unmeasured.add("quality_pass_rate: no quality checks recorded in the last " + windowDays + " days");
        Integer pending = null;
        List<String> pendingIds = new ArrayList<>();
        Node backfillNode = null;
        if (queue != null) {
            int n = 0;
            for (BackfillQueue.Request q : queue.getOrDefault(name, List.of())) {
                if (q.status().equals("pending")) {
                    n++;
                    pendingIds.add(q.id() + " (" + q.start() + ".." + q.end() + ")");
                    if (backfillNode == null) backfillNode = q.node();
                }
            }
            pending = n;
        }
        Double oldestOpenMinutes = oldestOpen == null ? null : round((asOf - oldestOpen.started) / 60_000.0);
        Map<String, Node> where = new HashMap<>();
        Node specNode = ctx != null && ctx.spec() ? ctx.node() : null;
        Node latest = lastRun != null ? lastRun.node() : !all.isEmpty() ? all.get(all.size() - 1).node() : specNode;
        if (latest != null) {
            where.put("success_rate", latest);
            where.put("volume_variance", latest);
        }
        Node slaNode = specNode != null ? specNode.get("sla_minutes") : latest;
        if (slaNode != null) where.put("avg_runtime", slaNode);
        Node freshNode = lastLoadRun != null ? lastLoadRun.node() : specNode != null ? specNode : latest;
        if (freshNode != null) where.put("freshness", freshNode);
        if (lastChecks != null) where.put("quality_pass_rate", lastChecks.node());
        if (lastFailed != null) where.put("failed_runs", lastFailed.node());
        if (backfillNode != null) where.put("backfill_queue", backfillNode);
        if (oldestOpen != null) where.put("log_records", oldestOpen.node());
        Node node = specNode != null ? specNode : latest != null ? latest : ctx != null ? ctx.node()
                : dev.dece.core.drl.Nodes.scalar("pipelines[" + name + "]", "", 0, 0, name);
        return new PipelineHealth(node, name, Times.format(asOf), windowDays, recentHours, runs, succeeded, failed, partial, skipped,
                successRate == null ? null : round(successRate), timed, avg == null ? null : round(avg), sla,
                slaPercent == null ? null : round(slaPercent), never ? null : Times.format(lastLoad), freshness, never, freshSla,
                ctx == null ? null : ctx.freshnessSlaSource(), rows.contains("volume_variance") ? today : null, avgRows == null ? null : round(avgRows),
                baselineWindows, vw / (double) HOUR, variance, passed, checkFailed, passRate == null ? null : round(passRate), failedRecent,
                failedIds, pending, pendingIds, open, oldestOpenMinutes, oldestOpen == null ? null : oldestOpen.runId, unmeasured, where);
    }

    private static String hours(long ms) {
        return dev.dece.core.drl.Format.number(ms / (double) HOUR) + " h";
    }

    /** Two decimals, half up: the dashboards' precision, and what the rules compare. */
    static double round(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return d;
        return new BigDecimal(d).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    // ---------------------------------------------------------------- the logs themselves

    private static List<LogIssue> issues(String name, List<Run> all) {
        Map<LogIssue.Kind, List<String>> ex = new EnumMap<>(LogIssue.Kind.class);
        Map<LogIssue.Kind, Integer> counts = new EnumMap<>(LogIssue.Kind.class);
        Map<LogIssue.Kind, Run> firstRun = new EnumMap<>(LogIssue.Kind.class);
        Map<LogIssue.Kind, String> detail = new EnumMap<>(LogIssue.Kind.class);
        Set<String> missingFields = new LinkedHashSet<>();
        Run prevSuccess = null;
        for (Run r : all) {
            String miss = r.missing != 0 ? String.join(", ", StructuredLogReader.missingFields(r.missing)) : r.missingText;
            if (miss != null && !miss.isEmpty()) {
                if (r.missing != 0) missingFields.addAll(StructuredLogReader.missingFields(r.missing));
                else for (String f : miss.split(", ")) missingFields.add(f);
                add(ex, counts, firstRun, LogIssue.Kind.MISSING_FIELDS, r, r.where() + ": " + miss);
            }
            if (r.conflicting) add(ex, counts, firstRun, LogIssue.Kind.CONFLICTING_OUTCOMES, r, r.conflict);
            if (r.kind != Run.Kind.RUN) continue;
            if (r.loaded >= 0 && r.extracted >= 0 && r.loaded > r.extracted && (r.transformed < 0 || r.loaded > r.transformed)) {
                add(ex, counts, firstRun, LogIssue.Kind.ROWS_LOADED_ABOVE_EXTRACTED, r, r.where() + ": rows_loaded " + r.loaded
                        + " > rows_extracted " + r.extracted + (r.transformed >= 0 ? " and rows_transformed " + r.transformed : ""));
            }
            String b = r.watermarkBefore;
            String a = r.watermarkAfter;
            if (b != null && a != null && compare(a, b) < 0 && compare(a, b) != Integer.MIN_VALUE) {
                add(ex, counts, firstRun, LogIssue.Kind.WATERMARK_BACKWARDS, r, r.where() + ": watermark_after " + a + " is before its watermark_before " + b);
            }
            if (r.status == Run.Status.FAILED && b != null && a != null && !a.equals(b)) {
                int c = compare(a, b);
                if (c > 0 || c == Integer.MIN_VALUE) {
                    add(ex, counts, firstRun, LogIssue.Kind.FAILED_RUN_ADVANCED_WATERMARK, r, r.where() + ": failed, yet its watermark moved from " + b + " to " + a);
                }
            }
            if (r.status == Run.Status.SUCCESS || r.status == Run.Status.PARTIAL) {
                if (prevSuccess != null && prevSuccess.watermarkAfter != null) {
                    String pa = prevSuccess.watermarkAfter;
                    if (b != null) {
                        int c = compare(b, pa);
                        if (c > 0 || (c == Integer.MIN_VALUE && !b.equals(pa))) {
                            add(ex, counts, firstRun, LogIssue.Kind.WATERMARK_GAP, r, r.where() + ": starts at " + b + " but " + prevSuccess.runId
                                    + " ended at " + pa + (c == Integer.MIN_VALUE ? " (watermarks compared as text)" : ""));
                        }
                    }
                    if (a != null) {
                        int c = compare(a, pa);
                        if (c < 0 && c != Integer.MIN_VALUE) {
                            add(ex, counts, firstRun, LogIssue.Kind.WATERMARK_BACKWARDS, r, r.where() + ": watermark_after " + a
                                    + " is before the previous run " + prevSuccess.runId + "'s " + pa);
                        }
                    }
                }
                if (a != null) prevSuccess = r;
            }
        }
        if (!missingFields.isEmpty()) detail.put(LogIssue.Kind.MISSING_FIELDS, String.join(", ", missingFields));
        List<LogIssue> out = new ArrayList<>();
        for (Map.Entry<LogIssue.Kind, Integer> e : new TreeMap<>(counts).entrySet()) {
            List<String> examples = ex.get(e.getKey());
            out.add(new LogIssue(firstRun.get(e.getKey()).node(), name, e.getKey(), e.getValue(), examples,
                    detail.getOrDefault(e.getKey(), examples.get(0))));
        }
        return out;
    }

    private static void add(Map<LogIssue.Kind, List<String>> ex, Map<LogIssue.Kind, Integer> counts, Map<LogIssue.Kind, Run> first,
                            LogIssue.Kind k, Run r, String example) {
        counts.merge(k, 1, Integer::sum);
        first.putIfAbsent(k, r);
        List<String> l = ex.computeIfAbsent(k, x -> new ArrayList<>());
        if (l.size() < 5) l.add(example);
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private static boolean integer(String s) {
        if (s.isEmpty() || s.length() > 40) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /**
     * Compares two watermarks as instants when both are timestamps, as numbers when both are numbers;
     * {@link Integer#MIN_VALUE} when they are neither (opaque: only equality is known).
     */
    static int compare(String x, String y) {
        if (integer(x) && integer(y)) {
            if (x.length() < 19 && y.length() < 19) return Long.compare(Long.parseLong(x), Long.parseLong(y));
            return new BigDecimal(x).compareTo(new BigDecimal(y));
        }
        if (NUMBER.matcher(x).matches() && NUMBER.matcher(y).matches()) return new BigDecimal(x).compareTo(new BigDecimal(y));
        try {
            return Long.compare(Times.parse(x), Times.parse(y));
        } catch (IllegalArgumentException e) {
            return Integer.MIN_VALUE;
        }
    }

    // ---------------------------------------------------------------- failures to triage

    private static final Pattern VOLATILE = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\\d{4}-\\d{2}-\\d{2}[t ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(z|[+-]\\d{2}:?\\d{2})?"
                    + "|\\b0x[0-9a-f]+\\b|\\b[0-9a-f]{12,}\\b|\\d{7,}");

    /** The error without what changes from run to run (IDs, timestamps, long numbers): failures with the same one are grouped. */
    static String normalize(String error) {
        if (error == null) return "";
        String s = error.length() > 1000 ? error.substring(0, 1000) : error;
        s = s.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").strip();
        return VOLATILE.matcher(s).replaceAll("#");
    }

    /**
     * The failures to triage: failed runs grouped into episodes, an episode being consecutive failed runs with the same
     * error (digits, IDs and timestamps aside) that no successful run interrupts; the success that ends an episode
     * resolves it. Failed dbt tests form episodes per test, ended by the test passing.
     */
    private static List<Failure> failures(String name, List<Run> all, long asOf, long from) {
        Map<String, List<Run>> open = new LinkedHashMap<>();
        List<List<Run>> episodes = new ArrayList<>();
        Map<List<Run>, String> resolvedBy = new HashMap<>();
        List<Run> ordered = new ArrayList<>(all);
        ordered.sort(Comparator.comparingLong(Run::time).thenComparing(r -> r.runId));
        for (Run r : ordered) {
            long t = r.time();
            if (t > asOf) continue;
            String scope = r.kind + "\u0000" + (r.kind == Run.Kind.CHECKS ? r.stage : "");
            if (r.status == Run.Status.SUCCESS) {
                for (java.util.Iterator<Map.Entry<String, List<Run>>> it = open.entrySet().iterator(); it.hasNext(); ) {
                    Map.Entry<String, List<Run>> e = it.next();
                    if (e.getKey().startsWith(scope + "\u0000")) {
                        resolvedBy.put(e.getValue(), r.runId);
                        it.remove();
                    }
                }
                continue;
            }
            if (r.status != Run.Status.FAILED) continue;
            String key = scope + "\u0000" + normalize(r.error);
            List<Run> ep = open.get(key);
            if (ep == null) {
                ep = new ArrayList<>();
                open.put(key, ep);
                episodes.add(ep);
            }
            ep.add(r);
        }
        List<Failure> out = new ArrayList<>();
        Set<String> keys = new java.util.HashSet<>();
        for (List<Run> g : episodes) {
            Run latest = g.get(g.size() - 1);
            if (latest.time() <= from) continue;
            List<String> ids = new ArrayList<>();
            for (Run r : g) ids.add(r.runId);
            if (ids.size() > MAX_IDS) ids = ids.subList(ids.size() - MAX_IDS, ids.size());
            String key = name + "/" + latest.runId;
            for (int i = 2; !keys.add(key); i++) key = name + "/" + latest.runId + "#" + i;
            double m = latest.minutes();
            out.add(new Failure(latest.node(), key, name, latest.runId, Times.format(latest.time()),
                    latest.statusText != null ? latest.statusText : "failed", latest.stage, latest.error == null ? "" : latest.error, List.of(),
                    g.size(), ids, Double.isNaN(m) ? null : round(m), resolvedBy.get(g), latest.format));
        }
        return out;
    }
}
