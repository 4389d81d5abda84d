/**
 * The {@code monitor} command ({@link dev.dece.core.monitor.MonitorCommand}): run logs in, the Pipeline Health Dashboard
 * out. Package-private: the log readers ({@code StructuredLogReader}, {@code DbtReader}, {@code OpenLineageReader},
 * streaming and bounded by {@code Reading}; {@code LogFiles} tells the formats apart), the run store, the dashboard's
 * formulas ({@code Metrics}: one fact per pipeline), the backfill queue reader, the check outcomes
 * ({@code HealthChecks}) and the monitoring set-up artifacts ({@code SetupArtifacts}). Rules:
 * {@code dev/dece/rules/monitor/} and, for the failures it sees, {@code dev/dece/rules/triage/}. Documentation: docs/monitor.md.
 *
 * <p>Command package: {@code MonitorCommand} and {@code MonitorOptions} are public. Depends on cost (the Cost Allocation
 * Template's Infrastructure Cost row, read by the cost command's reader), doc, drl, engine, input, policy, report, triage (classification and context). Nothing depends on it
 * but the facade.
 */
package dev.dece.core.monitor;
