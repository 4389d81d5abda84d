package dev.dece.core.cost;

import dev.dece.core.doc.Binder;
import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.drl.Node;
import dev.dece.core.input.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the cost context (docs/cost.md): prices that turn usage into dollars, the attribution keys, the warehouses'
 * environments and pipelines, and the tables with their size, storage cost and reads.
 *
 * <pre>
 * cost_context:
 *   credit_price_usd: 3.0          # Snowflake, USD per credit
 *   bigquery_usd_per_tib: 6.25     # BigQuery on-demand, USD per TiB billed
 *   attribution_key: pipeline      # the tag, label or query-tag key naming a pipeline (default pipeline)
 *   environment_key: environment   # the tag naming dev / staging / prod (default environment)
 *   warehouses:
 *     - {name: TRANSFORM_WH, environment: prod, pipeline: orders_daily}
 *   tables:
 *     - {name: analytics.orders, pipeline: orders_daily, environment: prod, size_gb: 1500, storage_monthly_usd: 35,
 *        queries_30d: 120, last_queried: 2026-03-30, format: parquet, compression: snappy, storage_tier: hot}
 * </pre>
 * Every problem is reported at once, located. Stateless.
 */
final class CostContext {

    static final List<String> TOP = List.of("cost_context");
    static final List<String> KEYS = List.of("credit_price_usd", "bigquery_usd_per_tib", "attribution_key", "environment_key", "warehouses", "tables");
    static final List<String> WAREHOUSE = List.of("name", "environment", "pipeline");
    static final List<String> TABLE = List.of("name", "pipeline", "environment", "size_gb", "storage_monthly_usd", "queries_30d",
            "last_queried", "format", "compression", "storage_tier");
    static final List<String> TIERS = List.of("hot", "warm", "cold", "archive");

    record Warehouse(String name, String environment, String pipeline, Node node) {}

    record Table(String name, String pipeline, String environment, Double sizeGb, double storageMonthlyUsd, Long queries30d,
                 java.time.LocalDate lastQueried, String format, String compression, String storageTier, Node node) {}

    final Node node;
    final Double creditPriceUsd;
    final Node creditPriceNode;
    final Double bigqueryUsdPerTib;
    final String attributionKey;
    final String environmentKey;
    final Map<String, Warehouse> warehouses;
    final List<Table> tables;

    private CostContext(Node node, Double creditPriceUsd, Node creditPriceNode, Double bigqueryUsdPerTib, String attributionKey,
                        String environmentKey, Map<String, Warehouse> warehouses, List<Table> tables) {
        this.node = node;
        this.creditPriceUsd = creditPriceUsd;
        this.creditPriceNode = creditPriceNode;
        this.bigqueryUsdPerTib = bigqueryUsdPerTib;
        this.attributionKey = attributionKey;
        this.environmentKey = environmentKey;
        this.warehouses = warehouses;
        this.tables = tables;
    }

    /** No context file: no prices, default keys, nothing known of warehouses and tables. */
    static CostContext none() {
        return new CostContext(null, null, null, null, "pipeline", "environment", Map.of(), List.of());
    }

    static CostContext read(DocumentLoader loader, Path file) throws InputException {
        List<Node> docs = loader.load(file);
        Binder b = new Binder();
        if (docs.size() > 1) b.problem(docs.get(1), "the file holds " + docs.size() + " documents; a cost context is one document");
        Binder.Obj top = b.object(docs.get(0), TOP);
        Node cc = top.get("cost_context");
        if (cc.isAbsent()) {
            b.problem(cc, "is required: the cost context starts with \"cost_context:\"");
            b.throwIfProblems();
        }
        Binder.Obj o = b.object(cc, KEYS);
        Double credit = o.number("credit_price_usd", 0, "USD per Snowflake credit, e.g. 3.0");
        Double tib = o.number("bigquery_usd_per_tib", 0, "USD per TiB billed, e.g. 6.25");
        String key = o.string("attribution_key");
        String env = o.string("environment_key");
        Map<String, Warehouse> whs = new HashMap<>();
        for (Node n : o.list("warehouses")) {
            Binder.Obj w = b.object(n, WAREHOUSE);
            if (!n.isMap()) continue;
            String name = w.requiredString("name", "the warehouse's name, as WAREHOUSE_NAME spells it");
            String e = w.string("environment");
            String p = w.string("pipeline");
            if (name == null || name.isBlank()) continue;
            String k = name.strip().toUpperCase(Locale.ROOT);
            Warehouse prev = whs.putIfAbsent(k, new Warehouse(k, Binder.blankToNull(e), Binder.blankToNull(p), n));
            if (prev != null) b.problem(n.get("name"), "\"" + name + "\" is already listed at line " + prev.node().line() + "; one entry per warehouse");
        }
        List<Table> tables = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (Node n : o.list("tables")) {
            Binder.Obj t = b.object(n, TABLE);
            if (!n.isMap()) continue;
            String name = t.requiredString("name", "the table's name");
            Double size = t.number("size_gb", 0, "GB stored, 0 or more");
            Double storage = t.number("storage_monthly_usd", 0, "USD per month, 0 or more");
            Long q = t.longValue("queries_30d", 0, "reads in the last 30 days, 0 or more");
            String last = t.string("last_queried");
            java.time.LocalDate lastDate = null;
            if (last != null) {
                try {
                    lastDate = java.time.LocalDate.parse(last.strip().length() > 10 ? last.strip().substring(0, 10) : last.strip());
                } catch (java.time.format.DateTimeParseException e) {
                    b.problem(t.get("last_queried"), "\"" + last + "\" is not a date; write YYYY-MM-DD");
                }
            }
            String tier = t.string("storage_tier");
            if (tier != null && !TIERS.contains(tier.strip().toLowerCase(Locale.ROOT))) {
                b.problem(t.get("storage_tier"), "\"" + tier + "\" is not a storage tier; use hot, warm, cold or archive");
            }
            String format = t.string("format"), compression = t.string("compression"), pipeline = t.string("pipeline"), env2 = t.string("environment");
            if (name == null || name.isBlank()) continue;
            Node prev = seen.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), n);
            if (prev != null) {
                b.problem(n.get("name"), "\"" + name + "\" is already listed at line " + prev.line() + "; one entry per table");
                continue;
            }
            tables.add(new Table(name.strip(), Binder.blankToNull(pipeline), Binder.blankToNull(env2), size, storage == null ? 0 : storage, q,
                    lastDate, Binder.blankToNull(format), Binder.blankToNull(compression), tier == null ? null : tier.strip().toLowerCase(Locale.ROOT), n));
        }
        b.throwIfProblems();
        return new CostContext(cc, credit, o.get("credit_price_usd"), tib, key == null || key.isBlank() ? "pipeline" : key.strip(),
                env == null || env.isBlank() ? "environment" : env.strip(), whs, tables);
    }
}
