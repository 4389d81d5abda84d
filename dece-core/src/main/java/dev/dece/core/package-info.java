/**
 * DECE's public entry: {@link dev.dece.core.Dece} (the facade and its builder), {@link dev.dece.core.CommandInfo} and {@link dev.dece.core.Prepared}.
 *
 * <p>Public API. Depends on every command package and on engine, input, policy, report; nothing in DECE depends on it.
 * The registry of commands ({@code Commands}) is the one list the facade, the command line and the tests read.
 */
package dev.dece.core;
