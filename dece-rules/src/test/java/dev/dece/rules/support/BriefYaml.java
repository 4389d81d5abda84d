package dev.dece.rules.support;

import dev.dece.core.input.InputException;
import dev.dece.core.report.Report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a real Architecture Brief as YAML text, field names exactly as the methodology's template, so
 * every rule test also goes through the loader and binder a user's file goes through.
 *
 * <pre>{@code
 * Report r = brief().consumer("risk", "ML", "real-time", "API").volume(40, 30, 12).assess();
 * }</pre>
 */
public final class BriefYaml {
    private final List<String> consumers = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();
    private final List<String> storage = new ArrayList<>();
    private final List<String> pains = new ArrayList<>();
    private String volume;
    private final Map<String, String> constraints = new LinkedHashMap<>();
    private final Map<String, String> workload = new LinkedHashMap<>();

    public static BriefYaml brief() {
        return new BriefYaml();
    }

    public BriefYaml consumer(String team, String useCase, String latency, String queryPattern) {
        consumers.add("  - team: \"" + team + "\"\n    use_case: \"" + useCase + "\"\n    latency_requirement: \""
                + latency + "\"\n    query_pattern: \"" + queryPattern + "\"\n");
        return this;
    }

    /** An analytics consumer reading dashboards at the given latency. */
    public BriefYaml consumer(String team, String latency) {
        return consumer(team, "analytics", latency, "dashboard");
    }

    /** A source written as a plain string, as in the template. */
    public BriefYaml source(String name) {
        sources.add("    - \"" + name + "\"\n");
        return this;
    }

    /** A source object (DECE extension): key/value pairs, values written as YAML scalars. */
    public BriefYaml sourceObj(String... kv) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            sb.append(i == 0 ? "    - " : "      ").append(kv[i]).append(": ").append(kv[i + 1]).append('\n');
        }
        sources.add(sb.toString());
        return this;
    }

    public BriefYaml storage(String... items) {
        storage.addAll(List.of(items));
        return this;
    }

    public BriefYaml pain(String p) {
        pains.add(p);
        return this;
    }

    public BriefYaml volume(double gbPerDay, double growthPercent, int retentionMonths) {
        volume = "data_volume:\n  current_gb_per_day: " + gbPerDay + "\n  growth_rate_percent: " + growthPercent
                + "\n  retention_months: " + retentionMonths + "\n";
        return this;
    }

    /** {@code constraints.KEY: VALUE}; the value is written as given (use "[GDPR, PCI]" for lists). */
    public BriefYaml constraint(String key, Object value) {
        constraints.put(key, String.valueOf(value));
        return this;
    }

    /** {@code workload.KEY: VALUE} (DECE extension). */
    public BriefYaml workload(String key, Object value) {
        workload.put(key, String.valueOf(value));
        return this;
    }

    public String yaml() {
        StringBuilder sb = new StringBuilder("project_name: \"test\"\nbusiness_context: \"rule test\"\n");
        sb.append("data_consumers:\n");
        consumers.forEach(sb::append);
        sb.append("current_state:\n  sources:").append(sources.isEmpty() ? " []\n" : "\n");
        sources.forEach(sb::append);
        sb.append("  storage: ").append(list(storage)).append('\n');
        sb.append("  pain_points: ").append(list(pains)).append('\n');
        if (volume != null) sb.append(volume);
        if (!constraints.isEmpty()) {
            sb.append("constraints:\n");
            constraints.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        }
        if (!workload.isEmpty()) {
            sb.append("workload:\n");
            workload.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        }
        return sb.toString();
    }

    private static String list(List<String> items) {
        List<String> q = new ArrayList<>();
        for (String s : items) q.add("\"" + s + "\"");
        return "[" + String.join(", ", q) + "]";
    }

    public Report assess() {
        try {
            return TestDece.DECE.assess("brief.yaml", yaml());
        } catch (InputException e) {
            throw new AssertionError("test brief is invalid:\n" + e.getMessage() + "\n---\n" + yaml(), e);
        }
    }
}
