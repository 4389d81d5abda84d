package dev.dece.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A rule or threshold update from the control topic: one JSON object
 * {@code {"effective_from": "2026-03-05T00:00:00Z", "policy": "<policy YAML>", "rules": "<team DRL>"}}, both texts
 * optional (absent: the methodology's defaults, no team rules). It replaces the one in force for every tick at or after
 * {@code effective_from} (event time), so a replay gives the same alerts. A Flink POJO.
 */
public class Control {
    public long effectiveFrom;
    public String policy = "";
    public String rules = "";

    public Control() {}

    public Control(long effectiveFrom, String policy, String rules) {
        this.effectiveFrom = effectiveFrom;
        this.policy = policy == null ? "" : policy;
        this.rules = rules == null ? "" : rules;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses a control record.
     *
     * @throws IllegalArgumentException naming the field and what is allowed
     */
    public static Control parse(String name, String text) {
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(name + ": is not JSON; a control record is {\"effective_from\": TIME, \"policy\": YAML, \"rules\": DRL}");
        }
        if (n == null || !n.isObject()) throw new IllegalArgumentException(name + ": is not a JSON object; a control record is {\"effective_from\": TIME, \"policy\": YAML, \"rules\": DRL}");
        JsonNode from = n.get("effective_from");
        if (from == null || !from.isTextual()) throw new IllegalArgumentException(name + ": effective_from: missing; an ISO-8601 instant is required, e.g. 2026-03-05T00:00:00Z");
        long at;
        try {
            at = Instant.parse(from.asText()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": effective_from: \"" + from.asText() + "\" is not an ISO-8601 instant, e.g. 2026-03-05T00:00:00Z");
        }
        for (var it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("effective_from") && !k.equals("policy") && !k.equals("rules")) {
                throw new IllegalArgumentException(name + ": " + k + ": is not a control field; allowed: effective_from, policy, rules");
            }
        }
        return new Control(at, text(n, "policy", name), text(n, "rules", name));
    }

    private static String text(JsonNode n, String field, String name) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return "";
        if (!v.isTextual()) throw new IllegalArgumentException(name + ": " + field + ": must be a string (the file's text)");
        return v.asText();
    }
}
