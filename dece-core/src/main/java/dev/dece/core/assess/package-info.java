/**
 * The {@code assess} command ({@link dev.dece.core.assess.AssessCommand}): the Architecture Brief, bound by the package-private
 * {@code BriefBinder}, evaluated by the rule sets under {@code dev/dece/rules/assess/}. Documentation: docs/brief.md.
 *
 * <p>Command package: only {@code AssessCommand} is public (the facade and the commands that read a brief for its consumers use it).
 * Depends on doc, drl, engine, input, report.
 */
package dev.dece.core.assess;
