package dev.dece.core.drl;

/**
 * "Plan a data migration from [old] to [new]": the systems, the estate's size and shape as the migration plan
 * needs them. Built by {@code dev.dece.core.catalog.MigrateCommand} from the estate and the optional brief.
 *
 * @param from            the old system, lower case as given ({@code redshift})
 * @param to              the new system, lower case as given ({@code postgresql})
 * @param datasets        datasets to migrate (catalog entries, models, pipeline targets, contract tables)
 * @param retainedGb      the brief's retained volume (daily volume x retention), -1 when no brief gives it
 * @param volumeNode      the brief's {@code data_volume}, where MIG-001 points; the request's node when no brief
 * @param cyclic          datasets on a lineage cycle, comma-separated; empty when the lineage orders them all
 * @param withoutKey      datasets with no known key (no contract primary key, no unique test), comma-separated
 */
public record MigrationRequest(Node node, String from, String to, int datasets, double retainedGb, Node volumeNode, String cyclic,
                               String withoutKey) implements Located {

    /** True when the new system is PostgreSQL under any of its names. */
    public boolean toPostgres() {
        return to.equals("postgresql") || to.equals("postgres") || to.equals("pg");
    }

    @Override
    public String subject() {
        return from + " -> " + to;
    }
}
