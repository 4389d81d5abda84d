/**
 * {@code dece verify DIR}: a team's policy tests, written as YAML cases beside its rules, like {@code conftest verify}.
 * {@link dev.dece.core.verify.VerifyCommand} finds the folder's DRL, its {@code policy.yaml} and its {@code *.test.yaml}
 * cases, runs each case's command on its input with them and reports one check outcome per case.
 *
 * <p>Only the command class is public. Depends on doc, drl, input, report; the facade hands it the way to run a command.
 */
package dev.dece.core.verify;
