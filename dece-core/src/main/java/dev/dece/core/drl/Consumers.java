package dev.dece.core.drl;

import java.util.List;
import java.util.function.Predicate;

/**
 * Every {@code data_consumers} entry of a brief, in document order, as one fact: rules that cite "the first
 * consumer who ..." read it from here in one pass, where a {@code not Consumer(..., index < $c.index)}
 * pattern would join every consumer with every other one (quadratic in the consumers).
 *
 * <pre>
 * $cs : Consumers( firstSql() != null )
 * $u : Consumer() from $cs.firstSql()
 * </pre>
 */
public record Consumers(List<Consumer> all) {

    public Consumers {
        all = List.copyOf(all);
    }

    /** The first consumer who queries with SQL: analytics or reporting, or dashboards or ad hoc; null if none. */
    public Consumer firstSql() {
        return first(Consumer::sql);
    }

    /** The first ML consumer; null if none. */
    public Consumer firstMl() {
        return first(c -> c.useCase() == UseCase.ML);
    }

    /** The first analytics or reporting consumer; null if none. */
    public Consumer firstAnalytics() {
        return first(c -> c.useCase() == UseCase.ANALYTICS || c.useCase() == UseCase.REPORTING);
    }

    /** The first consumer who cannot wait for batch (near-real-time or real-time); null if none. */
    public Consumer firstFresh() {
        return first(c -> c.latency() != Latency.BATCH);
    }

    /** The first consumer reading dashboards fresher than batch; null if none. */
    public Consumer firstFreshDashboard() {
        return first(c -> c.queryPattern() == QueryPattern.DASHBOARD && c.latency() != Latency.BATCH);
    }

    private Consumer first(Predicate<Consumer> p) {
        for (Consumer c : all) if (p.test(c)) return c;
        return null;
    }
}
