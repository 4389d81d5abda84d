/**
 * The governance commands over one estate: {@code catalog} ({@link dev.dece.core.catalog.CatalogCommand}: the Phase 6
 * catalog review, draft entries, impact) and {@code backfill} ({@link dev.dece.core.catalog.BackfillCommand}: the
 * Phase 8 Backfill Protocol as a plan). Their rule sets are {@code dev/dece/rules/catalog/} and
 * {@code dev/dece/rules/backfill/}. Documentation: docs/catalog.md.
 *
 * <p>Why one package for two commands: both read the same estate (catalog entries, dbt manifests, pipeline specs,
 * contracts) into the same {@link dev.dece.core.lineage.Lineage} graph with the same name resolution; split, the
 * estate reader would have to be public API in a shared package, or be written twice.
 *
 * <p>Command package: {@code CatalogCommand}, {@code CatalogOptions}, {@code BackfillCommand} and {@code BackfillOptions}
 * are public. Depends on contract, dbt, doc, drl, engine, input, lineage, pipeline, policy, report, sql.
 */
package dev.dece.core.catalog;
