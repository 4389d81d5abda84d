package dev.dece.core.drl;

import java.util.List;

/**
 * A backfill request ({@code dece backfill TABLE --from --to [--tenant]}) joined with what the estate knows of the
 * table: its pipeline's load strategy and merge keys, its tenant column, the schema changes dated inside the range.
 * Located at the pipeline's {@code load.strategy} when a pipeline spec names the table, else at its catalog entry.
 *
 * @param strategy      the producing pipeline's load strategy; null when no pipeline spec names the table
 * @param schemaChanges the entry's {@code schema_changes} inside the range, as {@code date: change}
 * @param downstream    datasets, exposures and consumers downstream in the lineage graph
 */
public record BackfillRequest(Node node, String table, String from, String to, long days, String tenant, String tenantColumn,
                              LoadStrategy strategy, List<String> mergeKeys, String partitionKey, List<String> schemaChanges,
                              int downstream) implements Located {
    public BackfillRequest {
        mergeKeys = List.copyOf(mergeKeys);
        schemaChanges = List.copyOf(schemaChanges);
    }

    @Override
    public String subject() {
        return table;
    }

    /** True when re-running a window of this load would add its rows a second time. */
    public boolean duplicates() {
        if (strategy == null) return false;
        return strategy == LoadStrategy.APPEND || (strategy == LoadStrategy.UPSERT || strategy == LoadStrategy.MERGE) && mergeKeys.isEmpty();
    }
}
