package dev.dece.cli;

import dev.dece.core.cost.CostOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Review data costs (Phase 9): the seven Cost Red Flags, the budget alert, the ROI of every pipeline and the "
                + "Cloud Cost Reduction Strategies with savings from the inputs, in priority order; the completed Cost Allocation "
                + "Template as an artifact.")
public final class CostCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommandOptions common = new CommandOptions();

    @Parameters(paramLabel = "TEMPLATE", arity = "0..*",
            description = "Cost Allocation Templates (cost_tracking), one per month (month: YYYY-MM beside cost_tracking)")
    List<Path> templates = new ArrayList<>();

    @Option(names = "--usage", paramLabel = "FILE",
            description = "billing export (repeatable): FOCUS 1.x cost-and-usage rows or Snowflake WAREHOUSE_METERING_HISTORY, CSV or JSON lines, optionally .gz")
    List<Path> usage = new ArrayList<>();

    @Option(names = "--history", paramLabel = "FILE",
            description = "query-history export (repeatable): Snowflake QUERY_HISTORY or BigQuery INFORMATION_SCHEMA.JOBS, CSV or JSON lines, optionally .gz")
    List<Path> history = new ArrayList<>();

    @Option(names = "--context", paramLabel = "FILE",
            description = "cost context (cost_context): credit and TiB prices, attribution keys, warehouses, tables with sizes and reads")
    Path context;

    @Option(names = "--brief", paramLabel = "FILE", description = "Architecture Brief: constraints.budget_monthly_usd is the budget")
    Path brief;

    @Option(names = "--pipelines", paramLabel = "SPEC", description = "Universal Pipeline Template specs (repeatable): a cron schedule makes a pipeline batch")
    List<Path> pipelines = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "DATE", description = "the day the month and the windows end on, e.g. 2026-03-31 (default: the latest date in the inputs)")
    String asOf;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        LocalDate d = null;
        if (asOf != null) {
            try {
                d = LocalDate.parse(asOf.strip());
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(cl, "--as-of: \"" + asOf + "\" is not a date; write YYYY-MM-DD, e.g. 2026-03-31");
            }
        }
        if (templates.isEmpty() && usage.isEmpty() && history.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "name a TEMPLATE (Cost Allocation Template), a --usage export or a --history export");
        }
        CostOptions o = CostOptions.defaults().withUsage(usage).withHistory(history).withContext(context).withBrief(brief)
                .withPipelines(pipelines).withAsOf(d);
        return common.run(cl, dece -> dece.cost(templates, o));
    }
}
