/**
 * Warehouse usage and billing exports shared by the commands that judge queries and pipelines by what they cost:
 * Snowflake {@code QUERY_HISTORY} and BigQuery {@code INFORMATION_SCHEMA.JOBS} exports
 * ({@link dev.dece.core.usage.QueryHistory}), FOCUS 1.x cost-and-usage rows and Snowflake
 * {@code WAREHOUSE_METERING_HISTORY} ({@link dev.dece.core.usage.BillingExport}); each as CSV or JSON lines, optionally
 * gzip-compressed, streamed one record at a time by the same generic readers, so a column reads the same in every
 * export kind and format.
 *
 * <p>Shared package: only {@code QueryHistory} and {@code BillingExport} (with their nested records) are public; the
 * CSV and JSON-lines readers are package-private. Depends on doc, input.
 */
package dev.dece.core.usage;
