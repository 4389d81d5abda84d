/**
 * The {@code model} command ({@link dev.dece.core.model.ModelCommand}): the Dimensional Model Template, reviewed by the rule sets
 * under {@code dev/dece/rules/model/} and {@code dev/dece/rules/lint/}, with its DDL, SCD Type 2 loads and dbt schema.yml
 * generated as artifacts. Documentation: docs/lint.md.
 *
 * <p>Command package: only {@code ModelCommand} is public. Depends on doc, drl, engine, input, report, sql.
 */
package dev.dece.core.model;
