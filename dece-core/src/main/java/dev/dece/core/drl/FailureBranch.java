package dev.dece.core.drl;

import java.util.Locale;

/**
 * The seven branches of the Pipeline Failure Triage runbook (Phase 10), plus {@link #UNKNOWN}: what kind of
 * failure a failed run is, what the runbook says to check, and the monitoring its post-fix step adds so the
 * same failure is caught earlier next time. The triage rules decide the branch of a failure; this enum only
 * holds the runbook's words for each branch.
 */
public enum FailureBranch {
    CONNECTION_TIMEOUT("connection-timeout", "connection timeout",
            "check source availability, network, credentials",
            "a source availability probe (connect and run a trivial query before the extract) that alerts before the scheduled run", "source-availability-probe"),
    SCHEMA_MISMATCH("schema-mismatch", "schema mismatch",
            "the source schema changed: update the extract and notify the consumers",
            "a schema comparison check in the extraction (hash the source schema, compare it with the registered one) so a change stops the run before the load", "schema-comparison-check"),
    DATA_QUALITY("data-quality-check-failed", "data quality check failed",
            "investigate the source data, check for anomalies",
            "the failing check as an earlier quality gate (pre_load) and a dashboard row, so bad data stops before it is written", "earlier-quality-gate"),
    OUT_OF_MEMORY("out-of-memory", "out of memory",
            "increase resources or optimize the query",
            "a memory and spill alert on the job and a volume variance alert on its input, so growth is seen before the job is killed", "memory-and-volume-alert"),
    PERMISSION_DENIED("permission-denied", "permission denied",
            "check IAM roles, token expiry",
            "an alert ahead of credential and token expiry, and a permission check in the pipeline's pre-flight step", "credential-expiry-alert"),
    DUPLICATE_KEY("duplicate-key-violation", "duplicate key violation",
            "check idempotency, investigate source dupes",
            "a unique test on the natural key before the load, and the run-it-twice idempotency test", "unique-key-test"),
    TIMEOUT_SLA("timeout-sla-breach", "timeout (SLA breach)",
            "check data volume spike, query plan, cluster health",
            "a runtime alert at the SLA warning share and a volume variance alert, so a slow run is seen before it times out", "runtime-alert"),
    UNKNOWN("unknown", "unknown failure mode",
            "read the error message and the logs around it; no runbook branch matched",
            "a pattern for this error in the team's patterns file (--patterns), so the next occurrence is classified", "new-failure-pattern");

    private final String id;
    private final String label;
    private final String checks;
    private final String monitoring;
    private final String monitor;

    FailureBranch(String id, String label, String checks, String monitoring, String monitor) {
        this.id = id;
        this.label = label;
        this.checks = checks;
        this.monitoring = monitoring;
        this.monitor = monitor;
    }

    /** The kebab-case choice used in reports and pattern files, e.g. {@code schema-mismatch}. */
    public String id() { return id; }

    /** How the runbook names the branch, e.g. "schema mismatch". */
    public String label() { return label; }

    /** The runbook's check list for the branch. */
    public String checks() { return checks; }

    /** The monitoring the post-fix step adds for this branch. */
    public String monitoring() { return monitoring; }

    /** The kebab-case name of that monitoring, the post-fix recommendation's choice, e.g. {@code schema-comparison-check}. */
    public String monitor() { return monitor; }

    /** The branch whose {@link #id()} is {@code id} (case-insensitive), or {@code null}. */
    public static FailureBranch of(String id) {
        if (id == null) return null;
        String s = id.strip().toLowerCase(Locale.ROOT);
        for (FailureBranch b : values()) {
            if (b.id.equals(s)) return b;
        }
        return null;
    }

    /** Every branch ID, in runbook order: for messages that list what is allowed. */
    public static String allowed() {
        StringBuilder sb = new StringBuilder();
        for (FailureBranch b : values()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(b.id);
        }
        return sb.toString();
    }
}
