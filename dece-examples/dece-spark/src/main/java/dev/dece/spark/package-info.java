/**
 * DECE on Apache Spark: the catalog-wide audit ({@link dev.dece.spark.AuditJob}). An estate is a dataset of documents
 * (one row per file: estate, kind, name, content); the lint and contract reviews run on each document where it lies
 * (map side, no shuffle), the catalog review groups each estate's catalog documents into one call (the one shuffle),
 * because lineage, PII and classification are judged across the whole estate. DECE is built once per executor JVM
 * ({@code DeceHolder}, a lazily initialised static holder keyed by the broadcast policy text), never serialised.
 * Findings are written as Parquet and JSON lines partitioned by rule set, with a summary for the audit.
 * Documentation: docs/scale-out.md.
 *
 * <p>Public: {@code AuditJob} (the job and its {@code main}), {@code Documents} (the documents dataset from local
 * files) and {@code FindingRows} (the row schema and the canonical line of a finding). Depends on dece-core's facade
 * only.
 */
package dev.dece.spark;
