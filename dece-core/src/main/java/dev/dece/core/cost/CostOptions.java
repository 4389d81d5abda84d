package dev.dece.core.cost;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@code dece cost} reads beside its Cost Allocation Templates. Immutable; {@code withX} returns a copy.
 *
 * <pre>{@code
 * CostOptions o = CostOptions.defaults().withUsage(List.of(Path.of("focus.csv"))).withBrief(Path.of("brief.yaml"));
 * }</pre>
 *
 * @param usage     billing exports (FOCUS 1.x rows, Snowflake WAREHOUSE_METERING_HISTORY), CSV or JSON lines; may be empty
 * @param history   query-history exports (Snowflake QUERY_HISTORY, BigQuery INFORMATION_SCHEMA.JOBS); may be empty
 * @param context   the cost context (prices, attribution keys, warehouses, tables), or {@code null}
 * @param brief     an Architecture Brief whose {@code constraints.budget_monthly_usd} is the budget, or {@code null}
 * @param pipelines Universal Pipeline Template specs (a cron schedule makes a pipeline batch); may be empty
 * @param asOf      the day the month and the windows end on; {@code null}: the latest date in the inputs
 */
public record CostOptions(List<Path> usage, List<Path> history, Path context, Path brief, List<Path> pipelines, LocalDate asOf) {

    public CostOptions {
        usage = List.copyOf(usage);
        history = List.copyOf(history);
        pipelines = List.copyOf(pipelines);
    }

    /** Nothing beside the templates; as-of from the inputs. */
    public static CostOptions defaults() {
        return new CostOptions(List.of(), List.of(), null, null, List.of(), null);
    }

    public CostOptions withUsage(List<Path> v) { return new CostOptions(v, history, context, brief, pipelines, asOf); }

    public CostOptions withHistory(List<Path> v) { return new CostOptions(usage, v, context, brief, pipelines, asOf); }

    public CostOptions withContext(Path v) { return new CostOptions(usage, history, v, brief, pipelines, asOf); }

    public CostOptions withBrief(Path v) { return new CostOptions(usage, history, context, v, pipelines, asOf); }

    public CostOptions withPipelines(List<Path> v) { return new CostOptions(usage, history, context, brief, v, asOf); }

    public CostOptions withAsOf(LocalDate v) { return new CostOptions(usage, history, context, brief, pipelines, v); }
}
