package dev.dece.core.drl;


/**
 * {@code pipeline.extract.source_profile} (DECE extension): the facts about the source that the
 * Extraction Strategy Decision Tree asks for and the template lacks. Every field is {@code null} when
 * unknown; the node is a missing node when the whole profile is absent.
 *
 * @param type            database | api | files | stream; inferred from {@code source_system} when not given
 * @param inferredFrom    where {@code type} was inferred from a well-known product name ({@code platform} or
 *                        {@code extract.source_system}); {@code null} when the profile states it
 * @param supportsCdc     the database can stream its changes (binlog, WAL, DMS, Debezium)
 * @param updatedAtColumn the reliable last-modified column, or {@code null}
 * @param rowCount        rows in the source table
 * @param hardDeletes     rows are physically deleted at the source
 * @param webhooks        the API pushes changes to a webhook
 * @param pagination      how the API pages its results
 * @param platform        free text: postgres, kafka, s3, salesforce, ...
 */
public record SourceProfile(Node node, SourceType type, Node inferredFrom, Boolean supportsCdc,
                            String updatedAtColumn, Long rowCount, Boolean hardDeletes, Boolean webhooks,
                            Pagination pagination, String platform) implements Located {

    /** True when {@code type} was inferred, not written. */
    public boolean typeInferred() { return inferredFrom != null; }

    public boolean isDatabase() { return type == SourceType.DATABASE; }
    public boolean isApi() { return type == SourceType.API; }
    public boolean isFiles() { return type == SourceType.FILES; }
    public boolean isStream() { return type == SourceType.STREAM; }

    /** A reliable updated_at column is named. */
    public boolean hasUpdatedAt() { return updatedAtColumn != null && !updatedAtColumn.isBlank(); }

    /** {@code rowCount}, or -1 when unknown. */
    public long rows() { return rowCount == null ? -1 : rowCount; }
}
