/**
 * What a command returns: {@link dev.dece.core.report.Report} with its recommendations, findings, artifacts and typed
 * check outcomes, and how it is rendered ({@link dev.dece.core.report.OutputFormat}: text, JSON, Markdown, SARIF, JUnit).
 *
 * <p>Public API. Depends on nothing else in DECE. The renderers are package-private; {@code OutputFormat.render} is their entry.
 */
package dev.dece.core.report;
