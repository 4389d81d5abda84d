package dev.dece.core.drl;

/**
 * What a platform states about its disaster recovery ({@code disaster_recovery:}, a DECE extension: the
 * methodology's Disaster Recovery table has no template), checked against the table's five scenarios. A field not
 * stated is null, and a scenario that depends on it counts as not covered (the report says so, never assumes).
 *
 * @param codeInGit                 pipeline code and its configuration live in git (RPO 0 for lost code)
 * @param orchestratorStateBackedUp the orchestrator's state (runs, variables, watermarks) is backed up or rebuildable
 * @param timeTravelDays            the warehouse's time-travel retention, days; 0 when off
 * @param snapshots                 warehouse snapshots or backups: e.g. {@code daily}, {@code none}
 * @param incrementalCatchUp        extractions can queue and catch up incrementally after a source outage (watermarks)
 * @param drRegion                  the region to fail over to; null when none is configured
 * @param credentialRotation        how credentials are rotated: {@code automated}, {@code documented} or {@code none}
 * @param accessAuditLogs           access to data and credentials is logged, so a compromise can be audited
 */
public record RecoveryPosture(Node node, Boolean codeInGit, Boolean orchestratorStateBackedUp, Integer timeTravelDays, String snapshots,
                              Boolean incrementalCatchUp, String drRegion, String credentialRotation, Boolean accessAuditLogs)
        implements Located {

    /** Pipeline code lost: redeploy from git (RPO 0, RTO 1h). */
    public boolean codeRecoverable() {
        return Boolean.TRUE.equals(codeInGit);
    }

    /** Warehouse data corrupted: restore from time travel or a snapshot (RTO 4h). */
    public boolean dataRestorable() {
        return timeTravelDays != null && timeTravelDays > 0 || snapshots != null && !snapshots.equalsIgnoreCase("none");
    }

    /** Source system down: queue extractions and catch up incrementally. */
    public boolean sourceOutageCovered() {
        return Boolean.TRUE.equals(incrementalCatchUp);
    }

    /** Cloud region outage: fail over to a DR region (RPO 24h, RTO 8h), else wait. */
    public boolean regionFailover() {
        return drRegion != null && !drRegion.isBlank();
    }

    /** Credential compromise: rotate everything (RPO 0, RTO 2h). */
    public boolean credentialsRotatable() {
        return credentialRotation != null && !credentialRotation.equalsIgnoreCase("none");
    }

    @Override
    public String subject() {
        return "disaster_recovery";
    }
}
