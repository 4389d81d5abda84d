/**
 * The {@code schema-change} command ({@link dev.dece.core.schemachange.SchemaChangeCommand}): two versions of a contract compared
 * by the package-private {@code SchemaDiff}, classified by the rule set under {@code dev/dece/rules/schemachange/}.
 * Documentation: docs/quality.md.
 *
 * <p>Command package: only {@code SchemaChangeCommand} is public. Depends on contract, drl, engine, input, policy, report.
 */
package dev.dece.core.schemachange;
