package dev.dece.core.drl;

import java.util.List;

/**
 * The Architecture Brief as a whole, with figures derived from its lists.
 *
 * @param consumerCount   number of {@code data_consumers}
 * @param dataTeams       {@code constraints.data_teams} when given, else the distinct consumer teams and
 *                        source owner domains together (producers and consumers)
 * @param domainCount     distinct {@code current_state.sources[].owner_domain} values
 * @param currentStorage  {@code current_state.storage} as written
 */
public record Brief(Node node, String projectName, String businessContext, int consumerCount, int dataTeams,
                    int domainCount, List<String> painPoints, List<String> currentStorage) implements Located {

    /**
     * The one cloud warehouse {@code current_state.storage} names ({@code snowflake}, {@code bigquery},
     * {@code redshift}, {@code databricks}), as the storage slot spells it; null when it names none or several.
     */
    public String existingWarehouse() {
        java.util.Set<String> found = new java.util.TreeSet<>();
        for (String s : currentStorage) {
            String l = s.toLowerCase(java.util.Locale.ROOT);
            for (String w : java.util.List.of("snowflake", "bigquery", "redshift", "databricks")) if (l.contains(w)) found.add(w);
        }
        return found.size() == 1 ? found.iterator().next() : null;
    }

    /** The {@code current_state.storage} item naming {@link #existingWarehouse()}, as written. */
    public String existingWarehouseText() {
        String w = existingWarehouse();
        if (w == null) return null;
        for (String s : currentStorage) if (s.toLowerCase(java.util.Locale.ROOT).contains(w)) return s;
        return null;
    }

    /** True when {@link #existingWarehouse()} runs on {@code cloud} (any cloud but on-prem for Snowflake and Databricks). */
    public boolean existingWarehouseRunsOn(Cloud cloud) {
        String w = existingWarehouse();
        if (w == null || cloud == Cloud.ON_PREM) return false;
        if (cloud == null) return true;
        switch (w) {
            case "bigquery": return cloud == Cloud.GCP;
            case "redshift": return cloud == Cloud.AWS;
            default: return true;
        }
    }
}
