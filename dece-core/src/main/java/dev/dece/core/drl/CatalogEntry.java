package dev.dece.core.drl;

import java.util.List;

/**
 * One Data Catalog Entry Template (Phase 6), bound and located; the node is the {@code dataset} mapping. Field names
 * follow the template ({@code owner_team} is {@code ownerTeam}); numbers are null when absent. DECE extensions:
 * {@code columns} (for PII detection), {@code access.controls}, {@code storage.format} / {@code storage.location},
 * {@code tenant_column}, {@code schema_changes} and {@code lineage.pii_handling} (docs/catalog.md).
 *
 * <p>Computed once in Java before the rules run: {@code missing} (fields the tier requires that are empty),
 * {@code hoursSinceRun} (against {@code --as-of}; null without it or without a last run), {@code consumers}
 * (downstream datasets, exposures and consumers in the lineage graph, plus {@code usage.top_consumers}),
 * {@code piiLevel} (the most sensitive level among the PII it holds: detected columns and {@code pii_columns}).
 */
public record CatalogEntry(Node node, String name, String description, String ownerTeam, String steward, String domain,
                           DatasetTier tier, List<String> sources, String transformations, List<String> downstream,
                           String schedule, Double slaHours, String lastSuccessfulRun, List<String> tests, Double lastScore,
                           List<String> knownIssues, Classification classification, List<String> piiColumns,
                           String accessRequestProcess, Double avgDailyQueries, List<String> topConsumers, Double costMonthlyUsd,
                           List<String> controls, String storageFormat, String storageLocation, String tenantColumn,
                           List<String> missing, Double hoursSinceRun, int consumers, Classification piiLevel, String piiWhy)
        implements Located {

    public CatalogEntry {
        sources = List.copyOf(sources);
        downstream = List.copyOf(downstream);
        tests = List.copyOf(tests);
        knownIssues = List.copyOf(knownIssues);
        piiColumns = List.copyOf(piiColumns);
        topConsumers = List.copyOf(topConsumers);
        controls = List.copyOf(controls);
        missing = List.copyOf(missing);
    }

    @Override
    public String subject() {
        return name;
    }

    /** Rank of the classification (public 0 .. restricted 3); -1 when none is given. */
    public int level() {
        return classification == null ? -1 : classification.ordinal();
    }

    /** True when the entry lives on object storage ({@code s3://}, {@code gs://}, {@code abfss://}, ...) or says it is lake files. */
    public boolean onLake() {
        String l = storageLocation == null ? "" : storageLocation.toLowerCase(java.util.Locale.ROOT);
        return l.startsWith("s3://") || l.startsWith("s3a://") || l.startsWith("gs://") || l.startsWith("abfs://")
                || l.startsWith("abfss://") || l.startsWith("wasbs://") || l.startsWith("adl://") || l.startsWith("hdfs://");
    }

    /** True for a lake file format that has no table format on top (Parquet, CSV, JSON, Avro, ORC). */
    public boolean rawFiles() {
        if (storageFormat == null) return false;
        return List.of("parquet", "csv", "json", "jsonl", "avro", "orc", "text").contains(storageFormat.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The controls the Phase 6 Data Classification table asks of this entry's level that {@code access.controls} does
     * not list, in the table's order; empty for public data or when every one is listed.
     */
    public List<String> missingControls() {
        if (classification == null) return List.of();
        List<String> need = switch (classification) {
            case PUBLIC -> List.<String>of();
            case INTERNAL -> List.of("authentication", "audit");
            case CONFIDENTIAL -> List.of("encryption", "column_access", "masking");
            case RESTRICTED -> List.of("encryption", "tokenization", "audit", "retention");
        };
        List<String> have = controls.stream().map(c -> c.strip().toLowerCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_')).toList();
        return need.stream().filter(c -> !have.contains(c)).toList();
    }
}
