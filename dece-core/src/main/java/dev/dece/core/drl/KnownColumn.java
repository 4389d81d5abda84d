package dev.dece.core.drl;

/**
 * One column of a {@link KnownTable}.
 *
 * @param name     as written, lower case
 * @param type     the SQL type as written; null when the source does not say
 * @param nullable true or false when the source says (a contract's {@code nullable}, DDL {@code NOT NULL} or
 *                 {@code PRIMARY KEY}, a dbt or table-list {@code not_null} test, a table list's {@code nullable});
 *                 null when unknown
 */
public record KnownColumn(String name, String type, Boolean nullable) {}
