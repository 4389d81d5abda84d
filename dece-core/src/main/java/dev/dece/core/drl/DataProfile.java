package dev.dece.core.drl;


/**
 * {@code pipeline.load.data_profile} (DECE extension): what the loaded data is like, for the Load
 * Strategy Decision, the Idempotency Rules and the Partitioning Strategy. Fields are {@code null} when unknown.
 *
 * @param nature          immutable-events | mutable | reference
 * @param dailyGb         compressed GB loaded per day
 * @param retentionDays   how long the table keeps data
 * @param dataType        transactional | multi-tenant | geospatial | log | reference
 * @param keyCardinality  distinct values of the partition key's leading column
 * @param auditDeletions  deletions must stay visible for audit
 */
public record DataProfile(Node node, Nature nature, Double dailyGb, Integer retentionDays, DataType dataType,
                          Long keyCardinality, Boolean auditDeletions) implements Located {
}
