package dev.dece.core.drl;


/** One {@code data_consumers[i]} entry. Enum fields are {@code null} when the brief leaves them out. */
public record Consumer(Node node, int index, String team, UseCase useCase, Latency latency,
                       QueryPattern queryPattern) implements Located {

    /** Queries with SQL: an analytics or reporting use case, or dashboards or ad hoc queries. */
    public boolean sql() {
        return useCase == UseCase.ANALYTICS || useCase == UseCase.REPORTING
                || queryPattern == QueryPattern.DASHBOARD || queryPattern == QueryPattern.AD_HOC;
    }
}
