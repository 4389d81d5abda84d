package dev.dece.core.catalog;

import dev.dece.core.drl.Classification;
import dev.dece.core.drl.DatasetTier;
import dev.dece.core.drl.Node;

import java.util.List;
import java.util.Map;

/**
 * A Data Catalog Entry as read, before the lineage and PII figures are joined to it.
 *
 * @param piiHandling {@code lineage.pii_handling}: column (lower case) to hashed | tokenized | dropped | kept
 * @param schemaChanges {@code schema_changes}: each {@code {date, change}} as written, dates ISO
 */
record Entry(Node node, String name, String description, String ownerTeam, String steward, String domain, DatasetTier tier,
             List<String> sources, List<Node> sourceNodes, String transformations, List<String> downstream, List<Node> downstreamNodes,
             String schedule, Double slaHours, String lastSuccessfulRun, java.time.Instant lastRun, List<String> tests, Double lastScore,
             List<String> knownIssues, Classification classification, List<String> piiColumns, String accessRequestProcess,
             Double avgDailyQueries, List<String> topConsumers, Double costMonthlyUsd, List<String> controls, String storageFormat,
             String storageLocation, String tenantColumn, List<Column> columns, Map<String, String> piiHandling,
             List<SchemaChange> schemaChanges) {

    /** A column listed in the entry (DECE extension {@code columns}). */
    record Column(Node node, String name, String type, String description, List<String> tags) {}

    /** A dated schema change (DECE extension {@code schema_changes}). */
    record SchemaChange(Node node, java.time.LocalDate date, String change) {}

    /** The template's name for each required field, and whether this entry fills it. */
    boolean has(String field) {
        return switch (field) {
            case "description" -> description != null;
            case "owner_team" -> ownerTeam != null;
            case "steward" -> steward != null;
            case "domain" -> domain != null;
            case "lineage.sources" -> !sources.isEmpty();
            case "refresh.schedule" -> schedule != null;
            case "refresh.sla_hours" -> slaHours != null && slaHours > 0;
            case "quality.tests" -> !tests.isEmpty();
            case "quality.last_score" -> lastScore != null;
            case "access.classification" -> classification != null;
            case "access.access_request_process" -> accessRequestProcess != null;
            default -> throw new IllegalArgumentException(field);
        };
    }
}
