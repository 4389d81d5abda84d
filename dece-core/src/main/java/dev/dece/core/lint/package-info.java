/**
 * The {@code lint} command ({@link dev.dece.core.lint.LintCommand}, options {@link dev.dece.core.lint.LintOptions}):
 * dbt manifests (read by {@code dev.dece.core.dbt.ManifestReader}, turned into facts by {@code ManifestTables}),
 * CREATE TABLE DDL and table lists read into {@code Table} facts, plus {@code Skipped} (what was not linted)
 * and {@code DocCoverage}; linted by the rule set under {@code dev/dece/rules/lint/}. Documentation: docs/lint.md.
 * The same inputs, read as table knowledge (partitioning, sizes, nullability) and a manifest's compiled SQL, serve
 * {@code dece optimize} through {@code LintCommand.tableKnowledge} and {@code LintCommand.manifest}.
 *
 * <p>Command package: only {@code LintCommand} and {@code LintOptions} are public. Depends on dbt, doc, drl,
 * engine, input, report, sql.
 */
package dev.dece.core.lint;
