package dev.dece.core.report;

import java.util.List;

/**
 * The outcome of one check a command ran: a quality check on a database, a pipeline health check over
 * run logs. Typed, so CI renderers (JUnit, SARIF) and callers read it directly instead of parsing an
 * artifact.
 *
 * @param id       stable ID, e.g. {@code fct_orders.order_id.unique}; findings about it carry it as their
 *                 {@link Finding#subject()}
 * @param kind     what kind of check, e.g. {@code unique}, {@code success_rate}
 * @param subject  what it checks, e.g. the table {@code fct_orders} or the pipeline {@code orders_daily}
 * @param status   pass, fail or error
 * @param measures what was measured, in a fixed order per kind (e.g. {@code rows}, {@code total_rows})
 * @param detail   why it could not run ({@link Status#ERROR}), or {@code null}
 * @param finding  the most severe finding the check raised, or {@code null} when it raised none
 */
public record CheckOutcome(String id, String kind, String subject, Status status, List<Evidence> measures,
                           String detail, Finding finding) {

    /** Whether a check held. */
    public enum Status {
        /** The check held. */
        PASS,
        /** The check ran and found violations. */
        FAIL,
        /** The check could not run (an unknown column, a timeout); see {@link CheckOutcome#detail()}. */
        ERROR;

        /** {@code pass}, {@code fail} or {@code error}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public CheckOutcome {
        measures = List.copyOf(measures);
    }

    /** This outcome linked to the finding it raised. */
    public CheckOutcome withFinding(Finding f) {
        return new CheckOutcome(id, kind, subject, status, measures, detail, f);
    }
}
