package dev.dece.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The estate as a dataset of documents, one row per file: {@code estate} (which estate a catalog document belongs to;
 * the catalog review is one call per estate), {@code kind} ({@code lint}, {@code contract}, {@code catalog-entry},
 * {@code catalog-manifest}, {@code catalog-pipeline}, {@code catalog-contract}), {@code name} (the file's path as the
 * commands would print it) and {@code content}. On a cluster the dataset is usually written once (JSON lines or
 * Parquet with these columns) and read with {@code spark.read()}; {@link #of(String, String, List)} builds the rows from
 * local files, reading directories as the commands do (regular files, in path order, not following links).
 */
public final class Documents {
    private Documents() {}

    /** Columns: estate, kind, name, content. */
    public static final StructType SCHEMA = new StructType()
            .add("estate", DataTypes.StringType, false)
            .add("kind", DataTypes.StringType, false)
            .add("name", DataTypes.StringType, false)
            .add("content", DataTypes.StringType, false);

    /** The kinds a document may have. */
    public static final List<String> KINDS = List.of(Reviews.LINT, Reviews.CONTRACT, Reviews.ENTRY, Reviews.MANIFEST,
            Reviews.PIPELINE, Reviews.CATALOG_CONTRACT);

    /** One document row. */
    public static Row row(String estate, String kind, String name, String content) {
        if (!KINDS.contains(kind)) throw new IllegalArgumentException("kind \"" + kind + "\" is not one of " + KINDS);
        return RowFactory.create(estate, kind, name, content);
    }

    /**
     * The rows of the files of {@code inputs} (files, or directories read recursively for {@code .yaml}, {@code .yml},
     * {@code .json} and {@code .sql} files), each of {@code kind} in {@code estate}, named by its path as given.
     */
    public static List<Row> of(String estate, String kind, List<Path> inputs) {
        List<Row> out = new ArrayList<>();
        for (Path in : inputs) {
            List<Path> files;
            if (Files.isDirectory(in, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> s = Files.walk(in, 16)) {
                    files = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                            .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(ya?ml|json|sql)"))
                            .sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                files = List.of(in);
            }
            for (Path f : files) {
                if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IllegalArgumentException(f + ": is not a regular file; the audit reads files");
                }
                try {
                    out.add(row(estate, kind, f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    /** A dataset of these rows. */
    public static Dataset<Row> dataset(SparkSession spark, List<Row> rows, int partitions) {
        return spark.createDataFrame(rows, SCHEMA).repartition(partitions);
    }
}
