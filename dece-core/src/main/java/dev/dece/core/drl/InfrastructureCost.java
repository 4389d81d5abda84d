package dev.dece.core.drl;

import java.util.List;

/**
 * The Infrastructure Cost row of the health dashboard, for the whole platform: the monthly total of the Cost
 * Allocation Template ({@code cost_tracking.by_pipeline[].total}, or compute + storage + egress where
 * {@code total} is not given) against the brief's {@code constraints.budget_monthly_usd}. Its node is the cost
 * file's {@code cost_tracking}; {@link #budgetNode()} is where the budget was written.
 *
 * @param top the pipelines with the highest totals, "name: 1234.5", at most five
 */
public record InfrastructureCost(Node node, double totalUsd, double computeUsd, double storageUsd, double egressUsd,
                                 int pipelines, double budgetUsd, Node budgetNode, List<String> top) implements Located {

    public InfrastructureCost {
        top = List.copyOf(top);
    }

    /** {@code total / budget * 100}, to two decimals (so 11 000 of 10 000 is exactly 110). */
    public double percentOfBudget() {
        return budgetUsd <= 0 ? Double.MAX_VALUE : Math.round(totalUsd / budgetUsd * 10_000.0) / 100.0;
    }

    @Override
    public String subject() {
        return "platform.infrastructure_cost";
    }
}
