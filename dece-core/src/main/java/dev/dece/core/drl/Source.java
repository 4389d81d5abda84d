package dev.dece.core.drl;


/**
 * One {@code current_state.sources[i]}: a plain string, or (DECE extension) an object
 * {@code {name, type, owner_domain, replayable, supports_cdc, has_updated_at, row_count}}.
 * For a plain string the type is inferred from well-known product names and {@code typeInferred} is true;
 * rules cite the inference in their evidence. Boolean fields are {@code null} when unknown.
 */
public record Source(Node node, int index, String name, SourceType type, boolean typeInferred, String ownerDomain,
                     Boolean replayable, Boolean supportsCdc, Boolean hasUpdatedAt, Long rowCount) implements Located {
}
