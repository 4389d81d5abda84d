/**
 * How a command runs: {@link dev.dece.core.engine.Command} declares a command's phases and topics, {@link dev.dece.core.engine.Engine}
 * runs them over the compiled rules (package-private {@code RuleBase}) and the winner step ({@code Assembler}) picks each
 * slot's winner once, in Java, between phases.
 *
 * <p>Internal (public only for the command packages and the facade). Depends on doc, drl, input, policy, report, waiver.
 */
package dev.dece.core.engine;
