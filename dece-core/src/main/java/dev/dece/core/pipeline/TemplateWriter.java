package dev.dece.core.pipeline;

import dev.dece.core.drl.ErrorHandling;
import dev.dece.core.drl.Extract;
import dev.dece.core.drl.ExtractStrategy;
import dev.dece.core.drl.Gates;
import dev.dece.core.drl.Load;
import dev.dece.core.drl.LoadStrategy;
import dev.dece.core.drl.Node;
import dev.dece.core.drl.Pipeline;
import dev.dece.core.drl.QualityGates;
import dev.dece.core.drl.Transform;
import dev.dece.core.report.Evidence;
import dev.dece.core.report.Recommendation;
import dev.dece.core.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the completed Universal Pipeline Template of a design-mode pipeline: every field the user gave,
 * as given, and every field DECE chose, with a comment above it naming the rule and saying why. Fields
 * DECE cannot know (a channel name, a natural key) are left empty with a "needs input" comment, never guessed.
 *
 * <p>Pure function of the pipeline and the report's recommendations: the same input gives the same bytes.
 */
final class TemplateWriter {

    private final StringBuilder sb = new StringBuilder();
    private final Pipeline p;
    private final List<Recommendation> recs;

    private TemplateWriter(Pipeline p, List<Recommendation> mine) {
        this.p = p;
        this.recs = mine;
    }

    /**
     * @param mine the report's recommendations for this pipeline (see {@link #byPipeline(List)})
     * @return the template as YAML with comments
     */
    public static String render(Pipeline p, List<Recommendation> mine) {
        return new TemplateWriter(p, mine).write();
    }

    /**
     * Groups a report's recommendations by the pipeline they are for: each carries its pipeline's
     * {@code pipeline.name} evidence. One pass, so completing many templates stays linear.
     */
    public static Map<Evidence, List<Recommendation>> byPipeline(List<Recommendation> all) {
        Map<Evidence, List<Recommendation>> out = new java.util.HashMap<>();
        for (Recommendation r : all) {
            for (Evidence e : r.evidence()) {
                if (e.path().equals("pipeline.name")) out.computeIfAbsent(e, k -> new ArrayList<>()).add(r);
            }
        }
        return out;
    }

    private Recommendation rec(String topic, java.util.function.Predicate<String> choice) {
        for (Recommendation r : recs) if (r.topic().equals(topic) && choice.test(r.choice())) return r;
        return null;
    }

    private String write() {
        sb.append("# Universal Pipeline Template completed by DECE (design mode) from ").append(Identifiers.comment(p.node().file())).append('\n');
        sb.append("# Values under a \"# DECE <rule>\" comment were chosen by that rule; all others are as given.\n");
        sb.append("pipeline:\n");
        given(2, "name", p.node("name"));
        givenOrNeeds(2, "owner", p.node("owner"), "the team that owns and is paged for this pipeline");
        if (p.schedule() != null) {
            given(2, "schedule", p.node("schedule"));
        } else {
            Recommendation s = rec("schedule", c -> true);
            if (s != null && !s.choice().equals("streaming")) chosen(2, "schedule", q(s.choice()), s);
            else if (s != null) {
                comment(2, s);
                line(2, "schedule: \"\"  # none: " + "consume continuously instead of on a schedule");
            } else needs(2, "schedule", "\"\"", "a cron expression; give --brief so DECE can derive it from the consumers' latency");
        }
        if (p.slaMinutes() != null) given(2, "sla_minutes", p.node("sla_minutes"));
        else needs(2, "sla_minutes", "0", "the maximum acceptable runtime in minutes; it must fit between two runs (OPS-001)");
        givenOrNeeds(2, "tier", p.node("tier"), "1 (critical) | 2 (important) | 3 (nice-to-have)");
        if (p.node("serves").isPresent()) given(2, "serves", p.node("serves"));

        Extract x = p.extract();
        line(2, "extract:");
        givenOrNeeds(4, "source_system", x.node("source_system"), "the system extracted from");
        givenOrNeeds(4, "connection", x.node("connection"), "the connection or secret name");
        ExtractStrategy strategy = x.strategy();
        if (strategy != null) given(4, "strategy", x.node("strategy"));
        else {
            Recommendation r = rec("extraction.strategy", c -> Binding.extract(c) != null);
            if (r != null) {
                chosen(4, "strategy", q(r.choice()), r);
                strategy = Binding.extract(r.choice());
            } else needs(4, "strategy", "\"\"", "add extract.source_profile so the decision tree can choose (EXT-019)");
        }
        if (x.hasIncrementalKey()) given(4, "incremental_key", x.node("incremental_key"));
        else if (strategy == ExtractStrategy.INCREMENTAL && x.source().hasUpdatedAt()) {
            line(4, "# DECE EXT-002: incremental extraction reads the rows changed since the last run by this reliable column.");
            line(4, "incremental_key: " + q(x.source().updatedAtColumn()));
        } else if (strategy == ExtractStrategy.INCREMENTAL) {
            needs(4, "incremental_key", "\"\"", "the reliable updated_at column (EXT-017)");
        } else line(4, "incremental_key: \"\"  # not used by " + (strategy == null ? "this strategy" : strategy.label()));
        boolean needsWm = Extract.needsWatermark(strategy);
        if (x.watermarkStorage() != null) given(4, "watermark_storage", x.node("watermark_storage"));
        else if (needsWm) {
            Recommendation r = rec("idempotency", "external-state-table"::equals);
            if (r != null) chosen(4, "watermark_storage", q(strategy == ExtractStrategy.STREAM_CONSUMER
                    ? "consumer-group offsets committed to the broker after each successful write"
                    : "external state table pipeline_state(pipeline, watermark)"), r);
            else needs(4, "watermark_storage", "\"\"", "an external store for the last-extracted position (IDEM-004)");
        } else line(4, "watermark_storage: \"\"  # not used by " + (strategy == null ? "this strategy" : strategy.label()));
        if (x.node("source_profile").isPresent()) given(4, "source_profile", x.node("source_profile"));
        extension(4, x, "delivery", rec("extraction.strategy", "at-least-once"::equals),
                strategy == ExtractStrategy.STREAM_CONSUMER ? "\"at-least-once\"" : null);
        if (x.node("rate_limit_per_minute").isPresent()) given(4, "rate_limit_per_minute", x.node("rate_limit_per_minute"));
        else if (strategy == ExtractStrategy.FULL_PULL) needs(4, "rate_limit_per_minute", "null", "the API's documented rate limit (EXT-009)");
        extension(4, x, "reconciliation", rec("extraction.strategy", "weekly-full-reconciliation"::equals),
                strategy == ExtractStrategy.INCREMENTAL ? q("weekly full key comparison; delete rows the source no longer has") : null);
        extension(4, x, "consumer_lag_alert_seconds", rec("extraction.strategy", "consumer-lag-alert"::equals),
                strategy == ExtractStrategy.STREAM_CONSUMER ? "300" : null);

        Transform t = p.transform();
        line(2, "transform:");
        givenOrNeeds(4, "engine", t.node("engine"), "SQL | Spark | Python | dbt");
        if (t.node("stages").isPresent()) given(4, "stages", t.node("stages"));
        else {
            line(4, "stages:  # the template's four stages; fill in the operations");
            for (String s : List.of("clean", "conform", "enrich", "aggregate")) {
                line(6, "- name: " + q(s));
                line(6, "  operations: []");
            }
        }

        Load l = p.load();
        line(2, "load:");
        givenOrNeeds(4, "target_system", l.node("target_system"), "the system loaded into");
        LoadStrategy ls = l.strategy();
        if (ls != null) given(4, "strategy", l.node("strategy"));
        else {
            Recommendation r = rec("load.strategy", c -> Binding.load(c) != null);
            if (r != null) {
                chosen(4, "strategy", q(r.choice()), r);
                ls = Binding.load(r.choice());
            } else needs(4, "strategy", "\"\"", "add load.data_profile so the Load Strategy Decision can choose (LOAD-010)");
        }
        if (l.hasMergeKeys()) given(4, "merge_keys", l.node("merge_keys"));
        else if (ls == LoadStrategy.UPSERT || ls == LoadStrategy.MERGE || ls == LoadStrategy.APPEND || ls == LoadStrategy.SOFT_DELETE) {
            needs(4, "merge_keys", "[]", "the source's natural key; MERGE and dedup match on it (IDEM-005, IDEM-006)");
        } else line(4, "merge_keys: []");
        if (l.hasPartitionKey()) given(4, "partition_key", l.node("partition_key"));
        else {
            Recommendation r = rec("partitioning.key", c -> !c.startsWith("cluster-by:"));
            if (r != null) chosen(4, "partition_key", q(r.choice().equals("none") ? "" : r.choice().replace("+", ", ")), r);
            else needs(4, "partition_key", "\"\"", "add load.data_profile.data_type so the Partitioning Strategy can choose");
        }
        if (!l.clusteringKeys().isEmpty()) given(4, "clustering_keys", l.node("clustering_keys"));
        else {
            Recommendation r = rec("partitioning.key", c -> c.startsWith("cluster-by:"));
            if (r != null) chosen(4, "clustering_keys", "[" + String.join(", ", r.choice().substring("cluster-by:".length()).split(",")) + "]", r);
            else line(4, "clustering_keys: []");
        }
        if (l.node("data_profile").isPresent()) given(4, "data_profile", l.node("data_profile"));

        QualityGates g = p.gates();
        line(2, "quality_gates:");
        gates(4, "pre_load", g.node("pre_load"), g.preLoad().isEmpty(), rec("quality-gates", "pre-load-checks"::equals), Gates.preLoad(p));
        gates(4, "post_load", g.node("post_load"), g.postLoad().isEmpty(), rec("quality-gates", "post-load-checks"::equals), Gates.postLoad(p));

        ErrorHandling e = p.errors();
        line(2, "error_handling:");
        if (e.strategy() != null) given(4, "strategy", e.node("strategy"));
        else {
            Recommendation r = rec("error-handling", c -> true);
            if (r != null) chosen(4, "strategy", q(r.choice()), r);
            else needs(4, "strategy", "\"\"", "fail-fast | dead-letter | retry | skip-and-alert; set pipeline.tier so DECE can choose (OPS-007)");
        }
        if (e.maxRetries() != null) given(4, "max_retries", e.node("max_retries"));
        else line(4, "max_retries: 3  # the template's default");
        if (e.retryDelaySeconds() != null) given(4, "retry_delay_seconds", e.node("retry_delay_seconds"));
        else line(4, "retry_delay_seconds: 300  # the template's default");
        if (!e.alertChannels().isEmpty()) given(4, "alert_channels", e.node("alert_channels"));
        else if (p.isCritical()) needs(4, "alert_channels", "[]", "required for tier 1 (OPS-002): e.g. the on-call pager and the team channel");
        else line(4, "alert_channels: []");
        return sb.toString();
    }

    private void gates(int indent, String key, Node given, boolean empty, Recommendation r, List<String> checks) {
        if (!empty) {
            given(indent, key, given);
            return;
        }
        if (r != null) comment(indent, r);
        line(indent, key + ":");
        for (String c : checks) line(indent + 2, "- " + q(c));
    }

    /** An extension field: as given, or chosen by {@code r} with {@code value}, or left out. */
    private void extension(int indent, Extract x, String key, Recommendation r, String value) {
        if (x.node(key).isPresent()) given(indent, key, x.node(key));
        else if (r != null && value != null) chosen(indent, key, value, r);
    }

    private void given(int indent, String key, Node n) {
        line(indent, key + ": " + flow(n));
    }

    private void givenOrNeeds(int indent, String key, Node n, String what) {
        if (n.isPresent() && !(n.isScalar() && n.text().isBlank())) given(indent, key, n);
        else needs(indent, key, "\"\"", what);
    }

    private void needs(int indent, String key, String empty, String what) {
        line(indent, key + ": " + empty + "  # needs input: " + what);
    }

    private void chosen(int indent, String key, String value, Recommendation r) {
        comment(indent, r);
        line(indent, key + ": " + value);
    }

    private void comment(int indent, Recommendation r) {
        line(indent, "# DECE " + r.ruleId() + ": " + Identifiers.comment(r.rationale()));
    }

    private void line(int indent, String text) {
        sb.append(" ".repeat(indent)).append(text).append('\n');
    }

    /** A node in YAML flow style: scalars quoted unless they were plain numbers or booleans. */
    static String flow(Node n) {
        switch (n.kind()) {
            case MAP: {
                List<String> parts = new ArrayList<>();
                for (Map.Entry<String, Node> e : n.fields().entrySet()) {
                    String k = e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*") ? e.getKey() : q(e.getKey());
                    parts.add(k + ": " + flow(e.getValue()));
                }
                return "{" + String.join(", ", parts) + "}";
            }
            case LIST: {
                List<String> parts = new ArrayList<>();
                for (Node i : n.items()) parts.add(flow(i));
                return "[" + String.join(", ", parts) + "]";
            }
            case SCALAR:
                return !n.isQuoted() && n.text().matches("-?[0-9][0-9_]*(\\.[0-9]+)?|true|false") ? n.text() : q(n.text());
            default:
                return "null";
        }
    }

    /** A YAML double-quoted scalar: backslash, quote, line breaks and control characters escaped, so a value stays one value. */
    static String q(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Choice names back to the template's enums. */
    static final class Binding {
        static ExtractStrategy extract(String choice) {
            for (ExtractStrategy s : ExtractStrategy.values()) if (s.choice().equals(choice)) return s;
            return null;
        }

        static LoadStrategy load(String choice) {
            for (LoadStrategy s : LoadStrategy.values()) if (s.choice().equals(choice)) return s;
            return null;
        }
    }
}
