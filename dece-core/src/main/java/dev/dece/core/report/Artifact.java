package dev.dece.core.report;

/**
 * A generated document that comes with a report: a completed template, DDL, SQL checks, a dbt file.
 *
 * @param kind    e.g. {@code pipeline-template}, {@code ddl}, {@code sql-check}
 * @param name    a file name the caller can save it under
 * @param content the full text, with {@code \n} line ends
 */
public record Artifact(String kind, String name, String content) {}
