package dev.dece.core.drl;

/**
 * One entry of the Cost Allocation Template's {@code optimization_opportunities[]}, as the team wrote it, with the
 * month's spend to judge its savings against.
 *
 * @param effort   low, medium or high (lower case); null when not given
 * @param priority 1 = do now; null when not given
 */
public record CostOpportunity(Node node, String description, Double estimatedSavingsUsd, String effort, Integer priority,
                              double spendUsd) implements Located {

    /** {@code estimated_savings_usd / spend * 100}, to two decimals; 0 when not given. */
    public double savingsPercent() {
        return estimatedSavingsUsd == null || spendUsd <= 0 ? 0 : Math.round(estimatedSavingsUsd / spendUsd * 10_000.0) / 100.0;
    }

    @Override
    public String subject() {
        return "opportunity:" + (description == null ? node().path() : description);
    }
}
