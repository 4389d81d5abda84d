package dev.dece.core.catalog;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What {@code Dece.catalog} reads besides catalog entries, and what it answers.
 *
 * <pre>{@code
 * CatalogOptions o = CatalogOptions.defaults()
 *         .withManifests(List.of(Path.of("target/manifest.json")))
 *         .withImpact("stg_orders")
 *         .withAsOf(Instant.parse("2024-05-02T06:00:00Z"));
 * }</pre>
 *
 * @param manifests dbt manifests: nodes, depends_on, parent_map, child_map, exposures
 * @param pipelines Universal Pipeline Templates (files or directories): source system to the pipeline's dataset
 * @param contracts data contracts (the Phase 4 template or ODCS v3): each table to its consumers, and their columns
 * @param impact    a dataset whose downstream impact to list; null for none
 * @param asOf      "now" for the refresh SLA check; null: the check is not made (CAT-004 says so)
 */
public record CatalogOptions(List<Path> manifests, List<Path> pipelines, List<Path> contracts, String impact, Instant asOf) {

    public CatalogOptions {
        manifests = List.copyOf(manifests);
        pipelines = List.copyOf(pipelines);
        contracts = List.copyOf(contracts);
    }

    /** Nothing besides the entries, no impact query, no "now". */
    public static CatalogOptions defaults() {
        return new CatalogOptions(List.of(), List.of(), List.of(), null, null);
    }

    public CatalogOptions withManifests(List<Path> v) {
        return new CatalogOptions(v, pipelines, contracts, impact, asOf);
    }

    public CatalogOptions withPipelines(List<Path> v) {
        return new CatalogOptions(manifests, v, contracts, impact, asOf);
    }

    public CatalogOptions withContracts(List<Path> v) {
        return new CatalogOptions(manifests, pipelines, v, impact, asOf);
    }

    public CatalogOptions withImpact(String v) {
        return new CatalogOptions(manifests, pipelines, contracts, v, asOf);
    }

    public CatalogOptions withAsOf(Instant v) {
        return new CatalogOptions(manifests, pipelines, contracts, impact, v);
    }
}
