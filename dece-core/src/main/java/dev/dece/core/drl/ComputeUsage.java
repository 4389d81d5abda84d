package dev.dece.core.drl;

import java.util.Locale;
import java.util.Set;

/**
 * One compute resource's hours in the window ending at {@code --as-of}: a Snowflake warehouse from
 * WAREHOUSE_METERING_HISTORY, or a FOCUS Compute resource ({@code ResourceId}). An hour is active when a charge with
 * a cost (or credits) above 0 covers it.
 *
 * @param kind        {@code warehouse} or {@code resource}
 * @param environment from the cost context's warehouses[] or the FOCUS environment tag; null when neither says
 * @param pipeline    the pipeline it is attributed to; null when none
 * @param usd         its cost in the window
 * @param idleHours   active hours in which no query of the query history ran on it; null without a query history
 * @param pricing     the FOCUS PricingCategory its charges had (Standard, Committed, Dynamic), or {@code credits}
 */
public record ComputeUsage(Node node, String resource, String kind, String environment, String pipeline, int activeHours,
                           int windowHours, double usd, Integer idleHours, String pricing) implements Located {

    private static final Set<String> NON_PROD = Set.of("dev", "development", "staging", "stage", "test", "qa", "sandbox");
    private static final Set<String> PROD = Set.of("prod", "production", "prd");

    /** {@code activeHours / windowHours * 100}, to two decimals. */
    public double activePercent() {
        return windowHours <= 0 ? 0 : Math.round(activeHours * 10_000.0 / windowHours) / 100.0;
    }

    /** {@code idleHours / activeHours * 100}, to two decimals; 0 without a query history. */
    public double idlePercent() {
        return idleHours == null || activeHours <= 0 ? 0 : Math.round(idleHours * 10_000.0 / activeHours) / 100.0;
    }

    public boolean nonProd() {
        return environment != null && NON_PROD.contains(environment.strip().toLowerCase(Locale.ROOT));
    }

    public boolean prod() {
        return environment != null && PROD.contains(environment.strip().toLowerCase(Locale.ROOT));
    }

    /** Not already committed (reserved) or dynamic (spot) pricing. */
    public boolean onDemand() {
        return pricing == null || pricing.equalsIgnoreCase("Standard") || pricing.equals("credits");
    }

    @Override
    public String subject() {
        return resource;
    }
}
