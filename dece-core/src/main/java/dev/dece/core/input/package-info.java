/**
 * Bad input as values a caller can inspect: {@link dev.dece.core.input.InputException} carrying located
 * {@link dev.dece.core.input.Problem}s ({@code file:line:column: path: what was found; what is allowed}), and the
 * reader {@link dev.dece.core.input.Limits}.
 *
 * <p>Public API. Depends on drl (a problem can be located at a {@code Node}).
 */
package dev.dece.core.input;
