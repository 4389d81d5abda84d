/**
 * {@code dece recovery}: the Disaster Recovery table of Phase 10 as a review. Reads a platform's stated recovery
 * posture ({@code disaster_recovery:}), checks each of the five scenarios (pipeline code lost, warehouse data
 * corrupted, source system down, cloud region outage, credential compromise) against the table's RPO, RTO and
 * recovery steps (rules in {@code rules/recovery/}), and hands back a recovery plan artifact. Public:
 * {@link dev.dece.core.recovery.RecoveryCommand} only.
 */
package dev.dece.core.recovery;
