package dev.dece.rules.support;

import dev.dece.core.cost.CostOptions;
import dev.dece.core.input.InputException;
import dev.dece.core.report.Report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Inputs of {@code dece cost} written as real files (Cost Allocation Templates, FOCUS 1.x CSV rows, Snowflake
 * WAREHOUSE_METERING_HISTORY and QUERY_HISTORY CSV, BigQuery JOBS JSON lines, a cost context, a brief, pipeline specs),
 * from the published column definitions, and run through the real facade.
 *
 * <pre>{@code
 * Report r = CostFixtures.in(dir).template("2026-03", entry("orders", 900, 50, 0)).run();
 * }</pre>
 */
public final class CostFixtures {
    public static final String FOCUS_HEADER = "BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,"
            + "ServiceCategory,ServiceName,ResourceId,ResourceName,RegionId,PricingCategory,ChargeDescription,Tags";
    public static final String METERING_HEADER = "START_TIME,END_TIME,WAREHOUSE_ID,WAREHOUSE_NAME,CREDITS_USED,CREDITS_USED_COMPUTE,CREDITS_USED_CLOUD_SERVICES";
    public static final String HISTORY_HEADER = "QUERY_ID,QUERY_TEXT,QUERY_TYPE,WAREHOUSE_NAME,QUERY_TAG,EXECUTION_STATUS,START_TIME,END_TIME,"
            + "TOTAL_ELAPSED_TIME,BYTES_SCANNED,PARTITIONS_SCANNED,PARTITIONS_TOTAL,QUERY_PARAMETERIZED_HASH";

    private final Path dir;
    private final List<Path> templates = new ArrayList<>();
    private final List<String> focus = new ArrayList<>();
    private final List<String> metering = new ArrayList<>();
    private final List<String> history = new ArrayList<>();
    private final List<String> bigquery = new ArrayList<>();
    private final List<Path> specs = new ArrayList<>();
    private String context;
    private String brief;
    private LocalDate asOf;
    private int n;

    private CostFixtures(Path dir) {
        this.dir = dir;
    }

    public static CostFixtures in(Path dir) {
        return new CostFixtures(dir);
    }

    /** A by_pipeline entry with the three parts and rows_processed (null: not written). */
    public static String entry(String pipeline, double compute, double storage, double egress, Long rows, String businessValue, Boolean roi) {
        return "    - pipeline: " + pipeline + "\n      compute_monthly_usd: " + compute + "\n      storage_monthly_usd: " + storage
                + "\n      egress_monthly_usd: " + egress + "\n"
                + (rows == null ? "" : "      rows_processed: " + rows + "\n")
                + (businessValue == null ? "" : "      business_value: \"" + businessValue + "\"\n")
                + (roi == null ? "" : "      roi_justified: " + roi + "\n");
    }

    /** An entry with a business value and roi_justified: true. */
    public static String entry(String pipeline, double compute, double storage, double egress) {
        return entry(pipeline, compute, storage, egress, null, "daily revenue reporting", true);
    }

    /** A template of {@code month} holding {@code entries} (and an optional opportunities block). */
    public CostFixtures template(String month, String... entries) {
        return templateWith(month, "", entries);
    }

    public CostFixtures templateWith(String month, String opportunities, String... entries) {
        StringBuilder y = new StringBuilder();
        if (month != null) y.append("month: ").append(month).append('\n');
        y.append("cost_tracking:\n  by_pipeline:\n");
        for (String e : entries) y.append(e);
        if (!opportunities.isEmpty()) y.append("  optimization_opportunities:\n").append(opportunities);
        templates.add(write("cost-" + (month == null ? "template" : month) + "-" + (n++) + ".yaml", y.toString()));
        return this;
    }

    /**
     * One FOCUS row: cost, start (ISO instant), hours, category, service, resource, region, pricing, description, tags
     * JSON (without the CSV quoting).
     */
    public CostFixtures focus(double cost, String start, int hours, String category, String resource, String region, String pricing,
                              String description, String tagsJson) {
        java.time.Instant s = java.time.Instant.parse(start);
        focus.add(cost + "," + cost + ",USD," + s + "," + s.plusSeconds(3600L * hours) + ",Usage," + category + ",Service " + category + ","
                + resource + "," + resource + "," + region + "," + pricing + "," + description + ","
                + (tagsJson == null ? "" : "\"" + tagsJson.replace("\"", "\"\"") + "\""));
        return this;
    }

    public CostFixtures focusRow(String raw) {
        focus.add(raw);
        return this;
    }

    /** {@code hours} metering rows of {@code warehouse} from {@code start}, {@code credits} each hour. */
    public CostFixtures metering(String warehouse, String start, int hours, double credits) {
        java.time.Instant s = java.time.Instant.parse(start);
        for (int h = 0; h < hours; h++) {
            java.time.Instant a = s.plusSeconds(3600L * h);
            metering.add(a + "," + a.plusSeconds(3600) + ",1," + warehouse + "," + credits + "," + credits + ",0");
        }
        return this;
    }

    /** A Snowflake QUERY_HISTORY row. */
    public CostFixtures query(String id, String text, String warehouse, String tag, String start, long elapsedMs, long bytes,
                              Long partitionsScanned, Long partitionsTotal, String hash) {
        java.time.Instant s = java.time.Instant.parse(start);
        history.add(id + ",\"" + text.replace("\"", "\"\"") + "\",SELECT," + warehouse + "," + (tag == null ? "" : "\"" + tag.replace("\"", "\"\"") + "\"")
                + ",SUCCESS," + s + "," + s.plusMillis(elapsedMs) + "," + elapsedMs + "," + bytes + ","
                + (partitionsScanned == null ? "" : partitionsScanned) + "," + (partitionsTotal == null ? "" : partitionsTotal) + ","
                + (hash == null ? "" : hash));
        return this;
    }

    /** A BigQuery JOBS record, JSON as written. */
    public CostFixtures bigquery(String json) {
        bigquery.add(json);
        return this;
    }

    public CostFixtures context(String yaml) {
        this.context = yaml;
        return this;
    }

    /** A brief whose budget is {@code budget} USD a month. */
    public CostFixtures budget(double budget) {
        this.brief = "project_name: shop\n"
                + "data_consumers:\n  - {team: finance, use_case: reporting, latency_requirement: batch, query_pattern: dashboard}\n"
                + "data_volume: {current_gb_per_day: 10, growth_rate_percent: 20, retention_months: 24}\n"
                + "constraints: {budget_monthly_usd: " + budget + ", team_size: 5, skill_level: mixed, compliance: [none], cloud_provider: AWS}\n";
        return this;
    }

    /** A pipeline spec named {@code name} with a daily cron schedule. */
    public CostFixtures batchSpec(String name) {
        specs.add(write("spec-" + name + ".yaml", PipelineYaml.review().set("name", name).yaml()));
        return this;
    }

    public CostFixtures asOf(String day) {
        this.asOf = LocalDate.parse(day);
        return this;
    }

    public Path dir() {
        return dir;
    }

    /** The options these fixtures give, with their files written. */
    public CostOptions options() {
        List<Path> usage = new ArrayList<>();
        if (!focus.isEmpty()) usage.add(write("focus.csv", FOCUS_HEADER + "\n" + String.join("\n", focus) + "\n"));
        if (!metering.isEmpty()) usage.add(write("warehouse_metering_history.csv", METERING_HEADER + "\n" + String.join("\n", metering) + "\n"));
        List<Path> hist = new ArrayList<>();
        if (!history.isEmpty()) hist.add(write("query_history.csv", HISTORY_HEADER + "\n" + String.join("\n", history) + "\n"));
        if (!bigquery.isEmpty()) hist.add(write("jobs.jsonl", String.join("\n", bigquery) + "\n"));
        return CostOptions.defaults().withUsage(usage).withHistory(hist)
                .withContext(context == null ? null : write("cost-context.yaml", context))
                .withBrief(brief == null ? null : write("brief.yaml", brief)).withPipelines(specs).withAsOf(asOf);
    }

    public List<Path> templates() {
        return templates;
    }

    public Report run() {
        try {
            return TestDece.DECE.cost(templates, options());
        } catch (InputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Runs and returns the input problem DECE reported; fails when there was none. */
    public InputException problem() {
        try {
            TestDece.DECE.cost(templates, options());
        } catch (InputException e) {
            return e;
        }
        throw new AssertionError("expected an input problem");
    }

    private Path write(String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
