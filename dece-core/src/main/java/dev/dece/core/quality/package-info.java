/**
 * The {@code quality} command ({@link dev.dece.core.quality.QualityCommand}): a contract's checks as SQL per dialect and dbt tests,
 * run read-only on a database when asked ({@link dev.dece.core.quality.QualityOptions}), rated by the rule set under
 * {@code dev/dece/rules/quality/}. Checks run one scan per table where that gives each check its own query's result
 * ({@code ScanPlan}), falling back to one query per check when a scan fails, over one connection or {@code jobs}
 * read-only connections ({@code Execution}). Documentation: docs/quality.md.
 *
 * <p>Command package: {@code QualityCommand} and its options are public. Depends on contract, doc, drl, engine, input, policy, report, sql.
 */
package dev.dece.core.quality;
