package dev.dece.core.drl;

import java.util.List;
import java.util.regex.Pattern;

/** Keyword signals that rules read from a brief's free text (current_state.storage and the like). */
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

}
