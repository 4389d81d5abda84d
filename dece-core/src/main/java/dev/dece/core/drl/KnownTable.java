package dev.dece.core.drl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What DECE knows of one table the queries may read, from a table list, DDL, a dbt manifest, a data contract
 * or a dimensional model: one fact per table, columns inside. Rules that need partitioning, sizes or
 * nullability ({@code dece optimize}) join the tables a query reads to these facts by {@link #key()}.
 *
 * @param key            the name queries are matched by: lower case, unquoted, as qualified as the source gave it
 *                       ({@code analytics.sales.orders}); a query's table resolves to it when its name equals the key
 *                       or a suffix of the key that no other known table shares
 * @param name           as written
 * @param origin         {@code tables}, {@code ddl}, {@code dbt}, {@code contract} or {@code model}
 * @param columns        in source order; empty when the source lists none
 * @param partitionKeys  partition columns, lower case; empty when the table is not partitioned (or the source does not say)
 * @param clusteringKeys clustering (sort, Z-order) columns, lower case; empty when none
 * @param sizeGb         compressed size in GB (1 GB = 2^30 bytes); null when unknown
 * @param rowCount       rows; null when unknown
 */
public record KnownTable(String key, String name, String origin, List<KnownColumn> columns, List<String> partitionKeys,
                         List<String> clusteringKeys, Double sizeGb, Long rowCount, String file, int line, int col,
                         String path) implements Located {

    public KnownTable {
        columns = List.copyOf(columns);
        partitionKeys = List.copyOf(partitionKeys);
        clusteringKeys = List.copyOf(clusteringKeys);
    }

    @Override
    public Node node() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("partition_key", String.join(", ", partitionKeys));
        m.put("clustering_keys", String.join(", ", clusteringKeys));
        m.put("size_gb", sizeGb == null ? null : Format.number(sizeGb));
        m.put("row_count", rowCount);
        return Nodes.map(path, file, line, col, m);
    }

    @Override
    public String subject() {
        return name;
    }

    public boolean partitioned() { return !partitionKeys.isEmpty(); }

    public boolean clustered() { return !clusteringKeys.isEmpty(); }

    /** Partition keys, then clustering keys: every column a filter can prune on. */
    public List<String> pruningKeys() {
        java.util.List<String> all = new java.util.ArrayList<>(partitionKeys);
        for (String c : clusteringKeys) if (!all.contains(c)) all.add(c);
        return all;
    }

    /** The column called {@code name} (any case), or null. */
    public KnownColumn column(String name) {
        for (KnownColumn c : columns) if (c.name().equalsIgnoreCase(name)) return c;
        return null;
    }

    /** Size in TB (1 TB = 1024 GB); -1 when unknown, so a threshold comparison is false. */
    public double sizeTb() {
        return sizeGb == null ? -1 : sizeGb / 1024.0;
    }

    /** {@code "2.5 TB"}, {@code "40 GB"}, or {@code "size unknown"}. */
    public String sizeText() {
        return sizeGb == null ? "size unknown" : Format.bytes(sizeGb * (1L << 30));
    }

    /** {@code " (file:line)"}: where the knowledge came from, for messages. */
    public String source() {
        return file + (line > 0 ? ":" + line : "");
    }
}
