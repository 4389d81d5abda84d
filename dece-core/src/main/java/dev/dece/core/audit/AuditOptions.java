package dev.dece.core.audit;

import java.nio.file.Path;

/**
 * Options of {@code dece audit}.
 *
 * <pre>{@code
 * AuditOptions o = AuditOptions.defaults().withBaseline(Path.of("audit-2026-02.json"));
 * }</pre>
 *
 * @param baseline a previous audit's JSON report ({@code --format json}): the trend (scores up and down, new findings)
 *                 is computed against it; {@code null}: no trend
 * @param asOf     "now" for the commands that judge time (monitor's windows, cost's month, catalog's refresh SLA);
 *                 {@code null}: each takes it from its inputs (the latest log event, the template's month)
 */
public record AuditOptions(Path baseline, java.time.Instant asOf) {

    /** No baseline, "now" from the inputs. */
    public static AuditOptions defaults() {
        return new AuditOptions(null, null);
    }

    public AuditOptions withBaseline(Path p) {
        return new AuditOptions(p, asOf);
    }

    public AuditOptions withAsOf(java.time.Instant t) {
        return new AuditOptions(baseline, t);
    }
}
