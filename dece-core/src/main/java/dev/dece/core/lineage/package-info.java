/**
 * The one lineage graph every governance command shares ({@link dev.dece.core.lineage.Lineage}): datasets keyed by a
 * normalised name, edges from upstream to downstream, each edge with the file and line it was read from. Built by
 * {@code catalog}, {@code backfill} and {@code migrate} from catalog entries, dbt manifests, pipeline specs and
 * contracts; this package reads no file itself and knows no command.
 *
 * <p>Shared package: {@code Lineage} (with its {@code Builder} and {@code Reach}) is public. Depends on nothing else of DECE.
 */
package dev.dece.core.lineage;
