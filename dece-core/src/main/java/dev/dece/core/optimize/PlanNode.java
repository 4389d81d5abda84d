package dev.dece.core.optimize;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operator of a Spark physical plan as the event log's {@code sparkPlanInfo} gives it (node name, simple string,
 * children, SQL metrics by name with their accumulator ids), kept compact: the simple string is cut at
 * {@link #MAX_TEXT} characters and a plan has at most {@link #MAX_NODES} operators.
 */
final class PlanNode {

    static final int MAX_TEXT = 4_000;
    static final int MAX_NODES = 20_000;
    static final int MAX_DEPTH = 400;

    private static final Pattern IDS = Pattern.compile("#(\\d+)L?");
    private static final Set<String> WRAPPERS = Set.of("WholeStageCodegen", "InputAdapter", "ColumnarToRow", "RowToColumnar",
            "AdaptiveSparkPlan", "ShuffleQueryStage", "BroadcastQueryStage", "TableCacheQueryStage", "ResultQueryStage", "WriteFiles");

    final String name;
    final String text;
    final List<PlanNode> children;
    final Map<String, Long> metrics;

    private PlanNode(String name, String text, List<PlanNode> children, Map<String, Long> metrics) {
        this.name = name;
        this.text = text;
        this.children = children;
        this.metrics = metrics;
    }

    /** The plan under {@code info}; null when {@code info} is not a plan. Throws when over the bounds. */
    static PlanNode of(JsonNode info) {
        if (info == null || !info.isObject()) return null;
        int[] count = {0};
        return of(info, 0, count);
    }

    private static PlanNode of(JsonNode n, int depth, int[] count) {
        if (depth > MAX_DEPTH || ++count[0] > MAX_NODES) {
            throw new IllegalArgumentException("the physical plan is deeper than " + MAX_DEPTH + " or larger than " + MAX_NODES + " operators");
        }
        String name = n.path("nodeName").asText("");
        String text = n.path("simpleString").asText(name);
        if (text.length() > MAX_TEXT) text = text.substring(0, MAX_TEXT);
        Map<String, Long> metrics = new LinkedHashMap<>();
        for (JsonNode m : n.path("metrics")) {
            if (m.path("accumulatorId").canConvertToLong()) metrics.put(m.path("name").asText(""), m.path("accumulatorId").asLong());
        }
        List<PlanNode> kids = new ArrayList<>();
        for (JsonNode c : n.path("children")) kids.add(of(c, depth + 1, count));
        return new PlanNode(name, text, List.copyOf(kids), metrics);
    }

    /** The operator name without a codegen stage number: {@code WholeStageCodegen (3)} is {@code WholeStageCodegen}. */
    String kind() {
        int p = name.indexOf(" (");
        String k = p > 0 && name.endsWith(")") ? name.substring(0, p) : name;
        if (k.startsWith("Scan ")) return "Scan";
        if (k.startsWith("Execute ")) return k.substring("Execute ".length());
        return k;
    }

    boolean wrapper() {
        return WRAPPERS.contains(kind());
    }

    boolean exchange() {
        String k = kind();
        return k.equals("Exchange") || k.equals("ShuffleExchange") || k.equals("BroadcastExchange") || k.equals("ReusedExchange");
    }

    boolean join() {
        String k = kind();
        return k.endsWith("Join") || k.equals("CartesianProduct");
    }

    boolean aggregate() {
        return kind().endsWith("Aggregate");
    }

    boolean scan() {
        String k = kind();
        return k.equals("Scan") || k.startsWith("FileScan") || k.startsWith("BatchScan") || k.equals("InMemoryTableScan")
                || k.startsWith("HiveTableScan") || k.equals("LocalTableScan") || k.startsWith("Scan");
    }

    /** Every attribute id ({@code #12}) named in this operator's simple string. */
    Set<String> ids() {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = IDS.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** Every attribute id named anywhere in this subtree. */
    Set<String> subtreeIds() {
        Set<String> out = new LinkedHashSet<>(ids());
        for (PlanNode c : children) out.addAll(c.subtreeIds());
        return out;
    }

    /** The simple string without expression ids, plan ids and codegen numbers: equal for the same computation. */
    String normalized() {
        return text.replaceAll("#\\d+L?", "").replaceAll("\\bplan_id=\\d+", "").replaceAll("\\[id=#?\\d+]", "")
                .replaceAll("isFinalPlan=(true|false)", "").replaceAll("\\s+", " ").strip();
    }

    /** The first operator below this one (or itself) that is not a wrapper. */
    PlanNode unwrapped() {
        PlanNode n = this;
        while (n.wrapper() && n.children.size() == 1) n = n.children.get(0);
        return n;
    }

    /** Every operator of the subtree, this one first. */
    void each(java.util.function.Consumer<PlanNode> f) {
        f.accept(this);
        for (PlanNode c : children) c.each(f);
    }

    /** The simple string with expression ids removed, shortened, for messages. */
    String display(int max) {
        return SqlAnalyzer.shorten(text.replaceAll("#\\d+L?", ""), max);
    }
}
