package dev.dece.core.brief;

import java.util.List;
import java.util.Locale;

/** Small pure helpers that rules call on brief facts: keyword signals and number formatting. */
public final class Signals {
    private Signals() {}

    /** True when some entry names a data lake (S3, GCS, ADLS, HDFS, "lake"). */
    public static boolean mentionsLake(List<String> storage) {
        return storage.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT)
                .matches(".*\\b(s3|gcs|adls|hdfs|data ?lake|lake|blob storage|object storage)\\b.*"));
    }

    /** True when some entry names a warehouse (Snowflake, BigQuery, Redshift, Synapse, "warehouse"). */
    public static boolean mentionsWarehouse(List<String> storage) {
        return storage.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT)
                .matches(".*\\b(snowflake|bigquery|redshift|synapse|warehouse|dwh|teradata|vertica)\\b.*"));
    }

    /** {@code 1.2 TB} or {@code 40 GB}: human-readable volume from GB. */
    public static String gb(double gb) {
        if (gb >= 1000) return String.format(Locale.ROOT, "%.1f TB", gb / 1000);
        if (gb >= 10) return String.format(Locale.ROOT, "%.0f GB", gb);
        return String.format(Locale.ROOT, "%.1f GB", gb);
    }

    /** A policy number without a trailing {@code .0}. */
    public static String n(double v) {
        return dev.dece.core.doc.Binder.fmt(v);
    }
}
