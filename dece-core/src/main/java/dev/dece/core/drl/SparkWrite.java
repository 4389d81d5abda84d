package dev.dece.core.drl;

import java.util.List;

/**
 * One file write of a SQL execution ({@code InsertIntoHadoopFsRelationCommand} and the data-source writes), with what
 * its write metrics measured.
 *
 * @param command          the plan operator, e.g. {@code InsertIntoHadoopFsRelationCommand}
 * @param target           the output path or table
 * @param format           {@code parquet}, {@code orc}, {@code delta}, {@code iceberg}, {@code csv}, {@code json},
 *                         {@code text}, {@code avro}, lower case; {@code unknown} when the plan does not say
 * @param compression      the codec in force (the write's option, else the session's codec for the format, else the
 *                         format's default), lower case; {@code none} for uncompressed
 * @param partitionColumns the {@code partitionBy} columns, lower case; empty when none
 * @param mode             {@code Append}, {@code Overwrite}, ...; empty when not shown
 * @param files            files written ({@code number of written files}); -1 when not measured
 * @param bytes            bytes written ({@code written output}); -1 when not measured
 * @param rows             rows written; -1 when not measured
 */
public record SparkWrite(String command, String target, String format, String compression, List<String> partitionColumns,
                         String mode, long files, long bytes, long rows) {
    public SparkWrite {
        partitionColumns = List.copyOf(partitionColumns);
    }

    /** Average file size in MB; -1 when not measured. */
    public double averageFileMb() {
        return files <= 0 || bytes < 0 ? -1 : bytes / (double) files / 1048576.0;
    }

    /** Bytes written in MB; -1 when not measured. */
    public double mb() {
        return bytes < 0 ? -1 : bytes / 1048576.0;
    }

    /** True for columnar table formats (Parquet, ORC, Delta, Iceberg, Hudi). */
    public boolean columnar() {
        return format.equals("parquet") || format.equals("orc") || format.equals("delta") || format.equals("iceberg") || format.equals("hudi");
    }

    /** True when a partition column looks like a date or time ({@code dt}, {@code event_date}, {@code day}, {@code hour}...). */
    public boolean datePartitioned() {
        for (String c : partitionColumns) if (c.matches(".*(date|day|_dt$|^dt$|^ds$|_ds$|month|year|hour|time|ts$).*")) return true;
        return false;
    }

    /** The compression the methodology asks for (Snappy or Zstd; LZ4 is as fast); false for none and gzip. */
    public boolean goodCompression() {
        return compression.equals("snappy") || compression.equals("zstd") || compression.equals("lz4") || compression.equals("lz4_raw");
    }

    /** {@code 25 MB in 4 000 files}. */
    public String measured() {
        return (bytes < 0 ? "size not measured" : Format.bytes(bytes)) + (files < 0 ? "" : " in " + files + (files == 1 ? " file" : " files"));
    }
}
