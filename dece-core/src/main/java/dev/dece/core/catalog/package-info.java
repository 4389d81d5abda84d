/**
 * The governance commands over one estate: {@code catalog} ({@link dev.dece.core.catalog.CatalogCommand}: the Phase 6
 * catalog review, draft entries, impact), {@code backfill} ({@link dev.dece.core.catalog.BackfillCommand}: the
 * Phase 8 Backfill Protocol as a plan) and {@code migrate} ({@link dev.dece.core.catalog.MigrateCommand}: a migration
 * plan in lineage order). Their rule sets are {@code dev/dece/rules/catalog/}, {@code dev/dece/rules/backfill/} and
 * {@code dev/dece/rules/migrate/}. Documentation: docs/catalog.md.
 *
 * <p>Why one package for three commands: all read the same estate (catalog entries, dbt manifests, pipeline specs,
 * contracts) into the same {@link dev.dece.core.lineage.Lineage} graph with the same name resolution; split, the
 * estate reader would have to be public API in a shared package, or be written three times.
 *
 * <p>Command package: {@code CatalogCommand}, {@code CatalogOptions}, {@code BackfillCommand}, {@code BackfillOptions},
 * {@code MigrateCommand} and {@code MigrateOptions} are public. Depends on assess (a brief's volume), contract, dbt,
 * doc, drl, engine, input, lineage, pipeline, policy, report, sql.
 */
package dev.dece.core.catalog;
