/**
 * SQL shared by the generators: the {@link dev.dece.core.sql.Dialect}s DECE writes (an option of the public API) and the one
 * identifier policy ({@link dev.dece.core.sql.Identifiers}: validate, then quote per dialect).
 *
 * <p>{@code Dialect} is public API; the rest is internal. Depends on drl ({@code Spelled}, for did-you-mean) and input.
 */
package dev.dece.core.sql;
