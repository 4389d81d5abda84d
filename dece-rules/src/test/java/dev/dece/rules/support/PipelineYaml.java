package dev.dece.rules.support;

import dev.dece.core.input.InputException;
import dev.dece.core.report.Report;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a real Universal Pipeline Template document as YAML text, field names exactly as the
 * methodology's template, so every pipeline rule test goes through the loader and binder a user's file
 * goes through. Values are raw YAML ({@code "[order_id]"}, {@code "{type: database}"}, {@code "\"0 2 * * *\""}).
 *
 * <pre>{@code
 * Report r = PipelineYaml.review().set("load.strategy", "append").run();
 * int line = spec.line("load.strategy");
 * }</pre>
 */
public final class PipelineYaml {
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();
    private String brief;

    /** A complete spec (review mode) that breaks no rule: every test starts from it and changes one thing. */
    public static PipelineYaml review() {
        return new PipelineYaml()
                .set("name", "orders").set("owner", "data-platform").set("schedule", "\"0 2 * * *\"")
                .set("sla_minutes", "60").set("tier", "2")
                .set("extract.source_system", "postgres orders").set("extract.connection", "orders_ro")
                .set("extract.strategy", "cdc").set("extract.incremental_key", "\"\"")
                .set("extract.watermark_storage", "state table pipeline_state")
                .set("extract.source_profile.type", "database").set("extract.source_profile.supports_cdc", "true")
                .set("extract.source_profile.row_count", "200000").set("extract.source_profile.hard_deletes", "false")
                .set("transform.engine", "dbt").set("transform.stages", "[{name: clean, operations: [trim, cast types]}]")
                .set("load.target_system", "snowflake").set("load.strategy", "upsert").set("load.merge_keys", "[order_id]")
                .set("load.partition_key", "order_date").set("load.clustering_keys", "[order_id]")
                .set("load.data_profile.nature", "mutable").set("load.data_profile.daily_gb", "0.5")
                .set("load.data_profile.retention_days", "730").set("load.data_profile.data_type", "transactional")
                .set("quality_gates.pre_load", "[schema matches contract, row_count > 0]")
                .set("quality_gates.post_load", "[row_count matches extract, unique(order_id)]")
                .set("error_handling.strategy", "retry").set("error_handling.max_retries", "3")
                .set("error_handling.retry_delay_seconds", "300").set("error_handling.alert_channels", "[slack-data]");
    }

    /** A partial spec (design mode): only what is known about source, target and needs. */
    public static PipelineYaml design() {
        return new PipelineYaml().set("name", "orders").set("tier", "2")
                .set("extract.source_system", "postgres orders")
                .set("load.target_system", "snowflake");
    }

    /** Sets a value under {@code pipeline.}; {@code path} is dotted, e.g. {@code load.data_profile.nature}. */
    @SuppressWarnings("unchecked")
    public PipelineYaml set(String path, String rawYaml) {
        String[] parts = path.split("\\.");
        Map<String, Object> m = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object o = m.get(parts[i]);
            if (!(o instanceof Map)) {
                o = new LinkedHashMap<String, Object>();
                m.put(parts[i], o);
            }
            m = (Map<String, Object>) o;
        }
        m.put(parts[parts.length - 1], rawYaml);
        return this;
    }

    /** Removes a key under {@code pipeline.}. */
    @SuppressWarnings("unchecked")
    public PipelineYaml remove(String path) {
        String[] parts = path.split("\\.");
        Map<String, Object> m = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object o = m.get(parts[i]);
            if (!(o instanceof Map)) return this;
            m = (Map<String, Object>) o;
        }
        m.remove(parts[parts.length - 1]);
        return this;
    }

    /** Runs with this Architecture Brief text alongside. */
    public PipelineYaml brief(String briefYaml) {
        this.brief = briefYaml;
        return this;
    }

    public String yaml() {
        StringBuilder sb = new StringBuilder("pipeline:\n");
        lines.clear();
        int[] line = {2};
        write(sb, root, "", 2, line);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private void write(StringBuilder sb, Map<String, Object> m, String prefix, int indent, int[] line) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            lines.put(path, line[0]);
            sb.append(" ".repeat(indent)).append(e.getKey()).append(':');
            line[0]++;
            if (e.getValue() instanceof Map) {
                sb.append('\n');
                write(sb, (Map<String, Object>) e.getValue(), path, indent + 2, line);
            } else {
                sb.append(' ').append(e.getValue()).append('\n');
            }
        }
    }

    /** The 1-based line of {@code pipeline.<path>} in {@link #yaml()}. */
    public int line(String path) {
        yaml();
        Integer l = lines.get(path);
        if (l == null) throw new AssertionError("no key " + path + " in\n" + yaml());
        return l;
    }

    public Report run() {
        try {
            return brief == null ? TestDece.DECE.pipeline("p.yaml", yaml())
                    : TestDece.DECE.pipeline("p.yaml", yaml(), "brief.yaml", brief);
        } catch (InputException e) {
            throw new AssertionError("test spec is invalid:\n" + e.getMessage() + "\n---\n" + yaml(), e);
        }
    }
}
