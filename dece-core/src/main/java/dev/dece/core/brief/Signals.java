package dev.dece.core.brief;

import java.util.List;
import java.util.regex.Pattern;

/** Small pure helpers that rules call on brief facts: keyword signals and number formatting. */
public final class Signals {
    private Signals() {}

    // compiled once: rules call these in constraints, on every evaluation
    private static final Pattern LAKE = Pattern.compile(
            "\\b(s3|gcs|adls|hdfs|data ?lake|lake|blob storage|object storage)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WAREHOUSE = Pattern.compile(
            "\\b(snowflake|bigquery|redshift|synapse|warehouse|dwh|teradata|vertica)\\b", Pattern.CASE_INSENSITIVE);

    /** True when some entry names a data lake (S3, GCS, ADLS, HDFS, "lake"). */
    public static boolean mentionsLake(List<String> storage) {
        for (String s : storage) {
            if (LAKE.matcher(s).find()) return true;
        }
        return false;
    }

    /** True when some entry names a warehouse (Snowflake, BigQuery, Redshift, Synapse, "warehouse"). */
    public static boolean mentionsWarehouse(List<String> storage) {
        for (String s : storage) {
            if (WAREHOUSE.matcher(s).find()) return true;
        }
        return false;
    }

    /** {@code 1.2 TB}, {@code 40 GB} or {@code 2.5 GB}: human-readable volume from GB, rounded half up. */
    public static String gb(double gb) {
        if (gb >= 1000) return oneDecimal(gb / 1000) + " TB";
        if (gb >= 10) return new java.math.BigDecimal(gb).setScale(0, java.math.RoundingMode.HALF_UP).toPlainString() + " GB";
        return oneDecimal(gb) + " GB";
    }

    private static String oneDecimal(double v) {
        return new java.math.BigDecimal(v).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** A policy number without a trailing {@code .0}. */
    public static String n(double v) {
        return dev.dece.core.doc.Binder.fmt(v);
    }
}
