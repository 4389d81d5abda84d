package dev.dece.core.drl;

import java.util.List;

/** {@code pipeline.load}: the template's fields plus the {@code data_profile} extension. */
public record Load(Node node, String targetSystem, LoadStrategy strategy, List<String> mergeKeys,
                   String partitionKey, List<String> clusteringKeys, DataProfile data) implements Located {
    public Load {
        mergeKeys = List.copyOf(mergeKeys);
        clusteringKeys = List.copyOf(clusteringKeys);
    }

    public boolean isMerge() { return strategy == LoadStrategy.UPSERT || strategy == LoadStrategy.MERGE; }
    public boolean hasMergeKeys() { return !mergeKeys.isEmpty(); }
    public boolean hasPartitionKey() { return partitionKey != null && !partitionKey.isBlank(); }
    public boolean hasTarget() { return targetSystem != null && !targetSystem.isBlank(); }

    /**
     * Partitions a day adds, read from the partition key's time grain ({@code hour} 24, a date or
     * day 1, {@code month} 1/30, {@code year} 1/365) times {@code data_profile.key_cardinality} when the
     * key also has a non-time column (tenant, region); -1 when the key or a needed figure is unknown
     * (not NaN: Drools compares boxed doubles with {@code compareTo}, where NaN is above everything).
     */
    public double partitionsPerDay() {
        double v = perDay();
        return Double.isNaN(v) ? -1 : v;
    }

    private double perDay() {
        if (!hasPartitionKey()) return Double.NaN;
        List<String> cols = partitionColumns();
        double perDay = Double.NaN;
        boolean other = false;
        for (String c : cols) {
            double g = grain(c);
            if (Double.isNaN(g)) other = true;
            else perDay = Double.isNaN(perDay) ? g : Math.max(perDay, g);
        }
        if (Double.isNaN(perDay)) return Double.NaN;
        if (other) {
            if (data.keyCardinality() == null) return Double.NaN;
            perDay *= data.keyCardinality();
        }
        return perDay;
    }

    /** Average compressed MB per partition from {@code data_profile.daily_gb}; -1 when unknown. */
    public double partitionMb() {
        double pd = partitionsPerDay();
        if (pd <= 0 || data.dailyGb() == null) return -1;
        return data.dailyGb() * 1024.0 / pd;
    }

    /** Partitions the table holds over {@code data_profile.retention_days}; -1 when unknown. */
    public double partitionsOverRetention() {
        double pd = partitionsPerDay();
        if (pd <= 0 || data.retentionDays() == null) return -1;
        return Math.ceil(pd * data.retentionDays());
    }

    /** The partition key's columns: split on {@code +}, {@code ,} and blanks, lower case. */
    public List<String> partitionColumns() {
        if (!hasPartitionKey()) return List.of();
        List<String> out = new java.util.ArrayList<>();
        for (String s : partitionKey.toLowerCase(java.util.Locale.ROOT).split("[+,\\s]+")) if (!s.isBlank()) out.add(s);
        return out;
    }

    /** Partitions per day of one time column, or NaN when the column is not a time grain. */
    static double grain(String col) {
        if (col.matches(".*(hour|_hh|^hh|hr).*")) return 24;
        if (col.matches(".*(month|_mm|yyyymm$).*")) return 1 / 30.0;
        if (col.matches(".*(year|yyyy$).*")) return 1 / 365.0;
        if (col.matches(".*(date|day|_dt$|^dt$|_at$|ds$|time|timestamp).*")) return 1;
        return Double.NaN;
    }

    /**
     * The first partition column that names one entity (user_id, customer_id, order_id, session_id,
     * device_id, email, uuid): a high-cardinality key. {@code tenant_id} and {@code region} are not.
     */
    public String entityColumn() {
        for (String c : partitionColumns()) {
            if (c.matches(".*(tenant|region|country|site|shard).*")) continue;
            if (c.matches("(.*_)?(user|customer|account|order|session|device|visitor|transaction|product|event|request)_?id|.*uuid.*|.*email.*|id")) return c;
        }
        return null;
    }
}
