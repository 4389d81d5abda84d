package dev.dece.core.drl;


/**
 * What one check found when it ran. A fact for the QLT rules, which turn failures into findings with a
 * severity by the Quality Severity Levels.
 *
 * @param status          {@code pass}, {@code fail} or {@code error} (the query could not run: a missing
 *                        table or column, a timeout)
 * @param violations      offending rows (or 1 for a failed table-level condition); 0 on error
 * @param totalRows       rows in the table; null where no row count applies
 * @param observed        the measured figure (age in hours, top value share, variance %, row count, query value); may be null
 * @param affectedPercent violations as a share of total rows; null where no row count applies
 * @param error           the database's message when {@code status} is error, else null
 * @param millis          wall time of the query
 */
public record CheckResult(Check check, String status, long violations, Long totalRows, Double observed,
                          Double affectedPercent, String error, long millis) implements Located {

    /** The check's node in the contract: findings about a result point at the check. */
    @Override
    public Node node() {
        return check.node();
    }

    /** The check's ID: the report links each finding to the check outcome it is about. */
    @Override
    public String subject() {
        return check.id();
    }

    public boolean failed() {
        return "fail".equals(status);
    }

    public boolean errored() {
        return "error".equals(status);
    }

    public CheckKind kind() {
        return check.kind();
    }

    public String table() {
        return check.table();
    }

    /**
     * The checked column (the first of a composite key, so the severity rules rate the key's failure by its
     * column's facts), or {@code ""} for table-level checks (DRL joins on it).
     */
    public String columnName() {
        return check.keyColumns().isEmpty() ? "" : check.keyColumns().get(0);
    }

    /** Affected share for rules; 0 when unknown. */
    public double percent() {
        return affectedPercent == null ? 0 : affectedPercent;
    }
}
