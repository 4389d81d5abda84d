/**
 * The {@code quality} command ({@link dev.dece.core.quality.QualityCommand}): a contract's checks as SQL per dialect and dbt tests,
 * run read-only on a database when asked ({@link dev.dece.core.quality.QualityOptions}), rated by the rule set under
 * {@code dev/dece/rules/quality/}. Documentation: docs/quality.md.
 *
 * <p>Command package: {@code QualityCommand} and its options are public. Depends on contract, doc, drl, engine, input, policy, report, sql.
 */
package dev.dece.core.quality;
