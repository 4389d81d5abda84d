/**
 * The {@code lint} command ({@link dev.dece.core.lint.LintCommand}): dbt manifests, CREATE TABLE DDL and table lists read into
 * {@code Table} facts (package-private readers behind {@code LintInputs}), linted by the rule set under {@code dev/dece/rules/lint/}.
 * Documentation: docs/lint.md. The same inputs, read as table knowledge (partitioning, sizes, nullability) and a
 * manifest's compiled SQL, serve {@code dece optimize} through {@code LintCommand.tableKnowledge} and {@code LintCommand.manifest}.
 *
 * <p>Command package: only {@code LintCommand} is public. Depends on doc, drl, engine, input, report.
 */
package dev.dece.core.lint;
