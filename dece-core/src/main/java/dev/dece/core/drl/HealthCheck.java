package dev.dece.core.drl;

/**
 * One row of one pipeline's health dashboard as something a finding can be about: its subject is the
 * check's ID ({@code orders_daily.success_rate}), which links the finding to the typed check outcome of the
 * report, and its node is the log record or spec line the row is best read at.
 */
public record HealthCheck(Node node, String subject) implements Located {}
