/**
 * {@code dece audit}: the Quality Scoring Rubric (0-100) of a whole platform folder. The files are recognised by content
 * ({@code Recognizer}), every command that reads them runs through its own public entry on the one engine
 * ({@code Platform}), their facts and reports are measured per scope ({@code Measures}), the AUD rules vote each
 * dimension's level, the winner step chooses it, and {@code Scorecard} and {@code Html} present it. Only
 * {@link dev.dece.core.audit.AuditCommand} and {@link dev.dece.core.audit.AuditOptions} are public. Depends on the
 * other command packages' public classes, {@code dbt}, {@code contract}, {@code doc}, {@code drl}, {@code engine},
 * {@code report}, {@code policy} and {@code input}.
 */
package dev.dece.core.audit;
