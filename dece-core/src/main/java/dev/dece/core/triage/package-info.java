/**
 * The {@code triage} command ({@link dev.dece.core.triage.TriageCommand}): the Pipeline Failure Triage runbook. The
 * package-private {@code PatternSet} reads the triage patterns ({@code patterns.yaml}, a team's file on top) with
 * located errors, {@code Classifier} matches error texts against them with a step budget, and {@code ContextBuilder}
 * joins pipeline specs, contracts and a brief to each pipeline by name. Rules: {@code dev/dece/rules/triage/} and the
 * Alert Severity rules of {@code dev/dece/rules/monitor/severity/}. Documentation: docs/monitor.md.
 *
 * <p>Command package: {@code TriageCommand} and {@code TriageOptions} are public. Depends on assess (a brief's consumers
 * and constraints), contract, doc, drl, engine, input, pipeline (specs), report. The monitor command depends on this
 * one, never the reverse.
 */
package dev.dece.core.triage;
