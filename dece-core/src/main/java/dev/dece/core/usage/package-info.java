/**
 * Warehouse usage exports shared by the commands that judge queries by what they cost: Snowflake
 * {@code QUERY_HISTORY} and BigQuery {@code INFORMATION_SCHEMA.JOBS} exports, as CSV or JSON lines, streamed one
 * run at a time ({@link dev.dece.core.usage.QueryHistory}).
 *
 * <p>Shared package: only {@code QueryHistory} (with its nested records) is public; the CSV and JSON-lines readers
 * are package-private. Depends on doc, input.
 */
package dev.dece.core.usage;
