package dev.dece.core.cost;

import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;
import dev.dece.core.input.Problem;
import dev.dece.core.usage.BillingExport;
import dev.dece.core.usage.QueryHistory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Streams the usage exports once and keeps only sums: per pipeline and month (compute, storage, egress), per compute
 * resource its active hours and daily cost, per transfer resource, per query group (full scans, repeated statements)
 * its daily runs, and what could not be attributed. Memory grows with the distinct pipelines, resources, tables and
 * statements, never with the rows. The as-of day is not needed while reading: windows are cut afterwards.
 *
 * <p>Attribution (docs/cost.md): a FOCUS row belongs to the pipeline its {@code Tags} name under the attribution key; a
 * metering row to the pipeline the cost context gives its warehouse; a query run to its {@code QUERY_TAG} (the whole tag,
 * or the key's value when the tag is a JSON object) or its BigQuery label under the key. Anything else is unattributed.
 */
final class Usage {

    /** Money by category. */
    static final int COMPUTE = 0, STORAGE = 1, EGRESS = 2, ON_DEMAND = 3;

    final CostContext ctx;
    final double fullScanMinBytes;
    final double fullScanPercent;

    /** pipeline -> month -> [compute, storage, egress, on-demand compute]. */
    final Map<String, Map<YearMonth, double[]>> byPipeline = new HashMap<>();
    /** pipeline -> where it was first seen, "file:line". */
    final Map<String, String[]> firstSeen = new HashMap<>();
    final Map<YearMonth, double[]> unattributed = new HashMap<>();
    final Map<YearMonth, Map<String, Double>> unattributedByResource = new HashMap<>();
    final Map<String, Resource> resources = new HashMap<>();
    final Map<String, Transfer> transfers = new HashMap<>();
    final Map<String, HourSet> queryHours = new HashMap<>();
    /** warehouse -> daily [elapsed ms]. */
    final Map<String, Daily> warehouseElapsed = new HashMap<>();
    final Map<String, Group> groups = new HashMap<>();
    /** table name (lower case) -> daily [reads]. */
    final Map<String, Daily> tableReads = new HashMap<>();
    long maxMillis = Long.MIN_VALUE;
    long rows;
    boolean anyHistory;
    String firstFile;

    Usage(CostContext ctx, double fullScanMinBytes, double fullScanPercent) {
        this.ctx = ctx;
        this.fullScanMinBytes = fullScanMinBytes;
        this.fullScanPercent = fullScanPercent;
    }

    /** A compute resource: a warehouse or a FOCUS Compute ResourceId. */
    static final class Resource {
        final String name, kind, file;
        final long line;
        String environment, pipeline, pricing;
        final HourSet hours = new HourSet();
        final Daily cost = new Daily(1);

        Resource(String name, String kind, String file, long line) {
            this.name = name;
            this.kind = kind;
            this.file = file;
            this.line = line;
        }
    }

    static final class Transfer {
        final String resource, region, file, pipeline, description;
        final long line;
        final YearMonth month;
        final boolean cross;
        double usd;
        long charges;

        Transfer(String resource, String region, String pipeline, YearMonth month, boolean cross, String description, String file, long line) {
            this.resource = resource;
            this.region = region;
            this.pipeline = pipeline;
            this.month = month;
            this.cross = cross;
            this.description = description;
            this.file = file;
            this.line = line;
        }
    }

    /** Query runs judged together; daily [runs, bytes, max bytes, cache hits, elapsed ms, billed bytes]. */
    static final class Group {
        final String kind, what, warehouse, pipeline, file;
        final long line;
        final Long tableBytes;
        final Daily daily = new Daily(6);

        Group(String kind, String what, String warehouse, String pipeline, Long tableBytes, String file, long line) {
            this.kind = kind;
            this.what = what;
            this.warehouse = warehouse;
            this.pipeline = pipeline;
            this.tableBytes = tableBytes;
            this.file = file;
            this.line = line;
        }
    }

    static long day(Instant t) {
        return Math.floorDiv(t.toEpochMilli(), 86_400_000L);
    }

    static long hour(Instant t) {
        return Math.floorDiv(t.toEpochMilli(), 3_600_000L);
    }

    private void seen(Instant t, String file) {
        if (t.toEpochMilli() > maxMillis) maxMillis = t.toEpochMilli();
        if (firstFile == null) firstFile = file;
    }

    void billing(Path file, Limits limits) throws InputException {
        final InputException[] late = new InputException[1];
        BillingExport.read(file, limits, c -> {
            if (late[0] != null) return;
            try {
                charge(c);
            } catch (InputException e) {
                late[0] = e;
            }
        });
        if (late[0] != null) throw late[0];
    }

    private static final Pattern CROSS = Pattern.compile("inter-?region|cross-?region|region[- ]to[- ]region|between regions|regional data transfer",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRANSFER = Pattern.compile("transfer|egress|bandwidth", Pattern.CASE_INSENSITIVE);

    private void charge(BillingExport.Charge c) throws InputException {
        rows++;
        seen(c.start(), c.file());
        YearMonth month = YearMonth.from(c.start().atOffset(ZoneOffset.UTC));
        String pipeline;
        String env;
        double usd;
        int category;
        String resource;
        if (c.kind() == BillingExport.Kind.SNOWFLAKE_METERING) {
            if (ctx.creditPriceUsd == null) {
                throw new InputException(new Problem(c.file(), (int) c.line(), 0, "CREDITS_USED", "a warehouse metering export is priced with the "
                        + "cost context's credit_price_usd (USD per credit); give a cost context (--context) with it"));
            }
            CostContext.Warehouse w = ctx.warehouses.get(c.warehouse());
            pipeline = w == null ? null : w.pipeline();
            env = w == null ? null : w.environment();
            usd = c.credits() * ctx.creditPriceUsd;
            category = COMPUTE;
            resource = c.warehouse();
            Resource r = resources.computeIfAbsent("warehouse:" + resource, k -> new Resource(c.warehouse(), "warehouse", c.file(), c.line()));
            r.environment = env;
            r.pipeline = pipeline;
            r.pricing = "credits";
            if (c.credits() > 0) r.hours.add(hour(c.start()), c.end() == null ? hour(c.start()) + 1 : ceilHour(c.end()));
            r.cost.add(day(c.start()), 0, usd);
        } else {
            pipeline = blank(c.tags().get(ctx.attributionKey));
            env = blank(c.tags().get(ctx.environmentKey));
            usd = c.effectiveCost() != null ? c.effectiveCost() : c.billedCost();
            String cat = c.serviceCategory() == null ? "" : c.serviceCategory().strip().toLowerCase(Locale.ROOT);
            String desc = c.chargeDescription() == null ? "" : c.chargeDescription();
            boolean transfer = cat.equals("networking") || TRANSFER.matcher(desc).find();
            category = transfer ? EGRESS : cat.equals("storage") ? STORAGE : COMPUTE;
            resource = c.resourceId() != null ? c.resourceId() : c.serviceName() != null ? c.serviceName() : "(no ResourceId)";
            if (transfer) {
                String dest = blank(c.tags().get("destination_region"));
                boolean cross = CROSS.matcher(desc).find() || dest != null && c.regionId() != null && !dest.equalsIgnoreCase(c.regionId());
                String key = resource + "|" + c.regionId() + "|" + month + "|" + cross + "|" + pipeline;
                Transfer t = transfers.computeIfAbsent(key, k -> new Transfer(resource, c.regionId(), pipeline, month, cross, desc, c.file(), c.line()));
                t.usd += usd;
                t.charges++;
            } else if (category == COMPUTE && cat.equals("compute") && usd > 0) {
                Resource r = resources.computeIfAbsent("resource:" + resource, k -> new Resource(resource, "resource", c.file(), c.line()));
                if (env != null) r.environment = env;
                if (pipeline != null) r.pipeline = pipeline;
                r.pricing = c.pricingCategory();
                r.hours.add(hour(c.start()), c.end() == null ? hour(c.start()) + 1 : ceilHour(c.end()));
                r.cost.add(day(c.start()), 0, usd);
            }
        }
        if (pipeline == null) {
            unattributed.computeIfAbsent(month, m -> new double[2])[0] += usd;
            unattributed.get(month)[1]++;
            unattributedByResource.computeIfAbsent(month, m -> new HashMap<>()).merge(resource, usd, Double::sum);
            return;
        }
        double[] sums = byPipeline.computeIfAbsent(pipeline, p -> new HashMap<>()).computeIfAbsent(month, m -> new double[4]);
        sums[category] += usd;
        if (category == COMPUTE && c.kind() == BillingExport.Kind.FOCUS && "compute".equalsIgnoreCase(String.valueOf(c.serviceCategory()).strip())
                && (c.pricingCategory() == null || c.pricingCategory().strip().equalsIgnoreCase("Standard"))) {
            sums[ON_DEMAND] += usd;
        }
        firstSeen.putIfAbsent(pipeline, new String[] {c.file(), Long.toString(c.line())});
    }

    private static long ceilHour(Instant t) {
        return Math.floorDiv(t.toEpochMilli() + 3_599_999L, 3_600_000L);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    void history(Path file, Limits limits) throws InputException {
        anyHistory = true;
        QueryHistory.Limits l = new QueryHistory.Limits(limits.maxStreamBytes(), limits.maxStreamRecords(), QueryHistory.Limits.DEFAULT.maxFieldChars());
        QueryHistory.read(file, l, this::query);
    }

    private void query(QueryHistory.Query q) {
        rows++;
        Instant start = q.start() != null ? q.start() : q.created();
        if (start == null) return; // a run without a time cannot be placed in a window; counted in the coverage by the caller
        seen(start, q.file());
        long d = day(start);
        String pipeline = pipelineOf(q);
        String wh = q.warehouse() == null ? null : q.warehouse().strip().toUpperCase(Locale.ROOT);
        long elapsed = q.elapsedMs() == null ? 0 : q.elapsedMs();
        if (wh != null) {
            Instant end = q.end() != null ? q.end() : start.plusMillis(elapsed);
            queryHours.computeIfAbsent(wh, w -> new HourSet()).add(hour(start), ceilHour(end));
            warehouseElapsed.computeIfAbsent(wh, w -> new Daily(1)).add(d, 0, elapsed);
        }
        long bytes = q.bytesScanned() == null ? 0 : q.bytesScanned();
        long billed = q.bytesBilled() == null ? 0 : q.bytesBilled();
        boolean cacheHit = Boolean.TRUE.equals(q.cacheHit()) || q.vendor() == QueryHistory.Vendor.SNOWFLAKE && q.bytesScanned() != null && bytes == 0;
        for (String t : q.referencedTables()) tableReads.computeIfAbsent(t.toLowerCase(Locale.ROOT), k -> new Daily(1)).add(d, 0, 1);
        // full scans: every micro-partition of a large scan (Snowflake), or a single table read nearly whole (BigQuery)
        if (q.vendor() == QueryHistory.Vendor.SNOWFLAKE && q.partitionsTotal() != null && q.partitionsTotal() > 0
                && q.partitionsScanned() != null && q.partitionsScanned().equals(q.partitionsTotal()) && bytes >= fullScanMinBytes) {
            String what = "warehouse " + (wh == null ? "(none)" : wh);
            add(group("full-scan", what, wh, pipeline, null, q), d, bytes, billed, cacheHit, elapsed);
        } else if (q.referencedTables().size() == 1) {
            CostContext.Table t = table(q.referencedTables().get(0));
            if (t != null && t.sizeGb() != null && t.sizeGb() > 0 && bytes >= t.sizeGb() * 1e9 * fullScanPercent / 100.0) {
                add(group("full-scan", t.name(), wh, pipeline != null ? pipeline : t.pipeline(), (long) (t.sizeGb() * 1e9), q), d, bytes, billed, cacheHit, elapsed);
            }
        }
        // only reads can be answered from a cache: DML and DDL runs are not repeated queries
        if (q.statementType() == null || q.statementType().equals("SELECT")) {
            String key = q.parameterizedHash() != null ? q.parameterizedHash() : sha(q.text());
            add(group("repeated", key, wh, pipeline, null, q), d, bytes, billed, cacheHit, elapsed);
        }
    }

    private CostContext.Table table(String ref) {
        String r = ref.toLowerCase(Locale.ROOT);
        for (CostContext.Table t : ctx.tables) {
            String n = t.name().toLowerCase(Locale.ROOT);
            if (r.equals(n) || r.endsWith("." + n)) return t;
        }
        return null;
    }

    private Group group(String kind, String what, String wh, String pipeline, Long tableBytes, QueryHistory.Query q) {
        return groups.computeIfAbsent(kind + "|" + what + "|" + wh + "|" + pipeline, k -> new Group(kind, kind.equals("repeated")
                ? shorten(q.text()) : what, wh, pipeline, tableBytes, q.file(), q.line()));
    }

    private static void add(Group g, long d, long bytes, long billed, boolean cacheHit, long elapsed) {
        g.daily.add(d, 0, 1);
        g.daily.add(d, 1, bytes);
        g.daily.max(d, 2, bytes);
        if (cacheHit) g.daily.add(d, 3, 1);
        g.daily.add(d, 4, elapsed);
        g.daily.add(d, 5, billed);
    }

    String pipelineOf(QueryHistory.Query q) {
        String l = q.labels().get(ctx.attributionKey);
        if (l != null && !l.isBlank()) return l.strip();
        String tag = q.tag();
        if (tag == null || tag.isBlank()) return null;
        String t = tag.strip();
        if (t.startsWith("{")) {
            try {
                com.fasterxml.jackson.databind.JsonNode n = MAPPER.readTree(t);
                com.fasterxml.jackson.databind.JsonNode v = n.get(ctx.attributionKey);
                return v != null && v.isValueNode() && !v.asText().isBlank() ? v.asText().strip() : null;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return null;
            }
        }
        return t;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    static String shorten(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }

    private static String sha(String text) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(text.strip().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> pipelines() {
        return byPipeline.keySet().stream().sorted().toList();
    }
}
