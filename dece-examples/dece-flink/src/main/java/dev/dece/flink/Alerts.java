package dev.dece.flink;

import dev.dece.core.policy.Policy;
import dev.dece.core.policy.PolicyKey;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Severity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The records the job writes to the alerts topic, one JSON object each, keys in a fixed order:
 * <ul>
 *   <li>{@code kind} {@code raised}, {@code changed} (same alert, other severity or message) or {@code resolved}:
 *   {@code key, pipeline, as_of, rule_id, severity, response_minutes, topic, message, remediation, path};</li>
 *   <li>{@code late}: a record that came after its tick was evaluated (past the allowed lateness): {@code pipeline,
 *   record, event_time, reprocess_from} (the first tick it changes; later ticks include it);</li>
 *   <li>{@code refused}: a record DECE cannot read: {@code record, problem}.</li>
 * </ul>
 * An alert's {@code key} is {@code pipeline|rule_id|path#n}: the n-th finding of that rule and path, in message order.
 * A message that names a log record names it as the job read it: {@code topic-partition@offset}.
 */
final class Alerts {
    private Alerts() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The pipeline's findings, by alert key, each rendered without its kind. */
    static Map<String, Map<String, Object>> current(String pipeline, long asOf, List<Finding> findings, Policy policy) {
        List<Finding> mine = new ArrayList<>();
        for (Finding f : findings) if (owns(pipeline, f.subject())) mine.add(f);
        mine.sort(Comparator.comparing(Finding::ruleId).thenComparing(f -> path(f)).thenComparing(Finding::message));
        Map<String, Map<String, Object>> out = new TreeMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : mine) {
            String base = pipeline + "|" + f.ruleId() + "|" + path(f);
            int n = seen.merge(base, 1, Integer::sum);
            String key = base + "#" + n;
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("key", key);
            a.put("pipeline", pipeline);
            a.put("as_of", Instant.ofEpochMilli(asOf).toString());
            a.put("rule_id", f.ruleId());
            a.put("severity", f.severity().name());
            a.put("response_minutes", responseMinutes(f.severity(), policy));
            a.put("topic", f.topic());
            a.put("message", f.message());
            a.put("remediation", f.remediation());
            a.put("path", path(f));
            out.put(key, a);
        }
        return out;
    }

    /**
     * True when a finding's subject is the pipeline, one of its dashboard rows ({@code orders.success_rate}) or one of its
     * runs ({@code orders/run-42}). Findings about no pipeline (MON-015's coverage note over all pipelines read) are not
     * a pipeline's alerts.
     */
    static boolean owns(String pipeline, String subject) {
        return subject != null && (subject.equals(pipeline) || subject.startsWith(pipeline + ".") || subject.startsWith(pipeline + "/"));
    }

    /** What a finding's alert is about, whatever tick: the rule, severity and message. */
    static String fingerprint(Map<String, Object> a) {
        return a.get("severity") + "\u0000" + a.get("message");
    }

    static String path(Finding f) {
        return f.location() == null || f.location().path() == null ? "" : f.location().path();
    }

    /** The Alert Severity table's response time of a severity, from the policy; null below P2. */
    static Double responseMinutes(Severity s, Policy p) {
        return switch (s) {
            case P0 -> p.value(PolicyKey.ALERT_P0_RESPONSE_MINUTES);
            case P1 -> p.value(PolicyKey.ALERT_P1_RESPONSE_MINUTES);
            case P2 -> p.value(PolicyKey.ALERT_P2_RESPONSE_MINUTES);
            default -> null;
        };
    }

    static String event(String kind, Map<String, Object> alert) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.putAll(alert);
        return json(m);
    }

    /** A resolved alert: the key and what it was, as of the tick that no longer finds it. */
    static String resolved(Map<String, Object> was, long asOf) {
        Map<String, Object> m = new LinkedHashMap<>(was);
        m.put("as_of", Instant.ofEpochMilli(asOf).toString());
        return event("resolved", m);
    }

    static String late(RunEvent e, long reprocessFrom) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "late");
        m.put("pipeline", e.pipeline);
        m.put("record", e.name);
        m.put("event_time", Instant.ofEpochMilli(e.time).toString());
        m.put("reprocess_from", Instant.ofEpochMilli(reprocessFrom).toString());
        return json(m);
    }

    static String refused(String record, String problem) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "refused");
        m.put("record", record);
        m.put("problem", problem);
        return json(m);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert the job wrote is not JSON: " + json, e);
        }
    }

    static String json(Map<String, Object> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
