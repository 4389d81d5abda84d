package dev.dece.core.monitor;

import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The log files of a call and their formats. A directory is read recursively (symbolic links not followed, at most 16
 * levels), its {@code .json}, {@code .jsonl} and {@code .ndjson} files in path order; a file named directly is read
 * whatever its name. Only regular files are read (no devices, pipes or sockets), each at most
 * {@link MonitorOptions#maxFileBytes()}. The format is told by the content: the first JSON value's keys
 * ({@code pipeline_name}: the Structured Logging Standard; {@code eventType}: OpenLineage;
 * {@code metadata.dbt_schema_version}: a dbt artifact).
 */
final class LogFiles {
    private LogFiles() {}

    enum Format {
        STRUCTURED_LINES, STRUCTURED_ARRAY, OPENLINEAGE_LINES, OPENLINEAGE_ARRAY, DBT_RUN_RESULTS, DBT_SOURCES;

        String label() {
            return switch (this) {
                case STRUCTURED_LINES, STRUCTURED_ARRAY -> "structured";
                case OPENLINEAGE_LINES, OPENLINEAGE_ARRAY -> "openlineage";
                default -> "dbt";
            };
        }
    }

    static final String READ = "DECE reads the Structured Logging Standard (JSON lines or an array of records with pipeline_name, run_id, "
            + "started_at, completed_at, status, ...), dbt run_results.json (schema v4, v5, v6) and sources.json (v3), and "
            + "OpenLineage RunEvents (JSON lines or a JSON array of events with eventType, eventTime, run, job)";

    /** The files of the inputs, directories expanded, in order and without repeats. */
    static List<Path> expand(List<Path> inputs) throws InputException {
        Set<Path> out = new LinkedHashSet<>();
        List<Problem> problems = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> s = Files.walk(in, 16, new FileVisitOption[0])) {
                    List<Path> found = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                            .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(json|jsonl|ndjson)"))
                            .sorted().toList();
                    if (found.isEmpty()) problems.add(Problem.file(in.toString(), "holds no .json, .jsonl or .ndjson file; " + READ));
                    out.addAll(found);
                } catch (IOException e) {
                    problems.add(Problem.file(in.toString(), "cannot be read: " + e.getMessage()));
                }
            } else if (!Files.exists(in)) {
                problems.add(Problem.file(in.toString(), "no such file or directory"));
            } else if (!Files.isRegularFile(in)) {
                problems.add(Problem.file(in.toString(), "is not a regular file (a device, pipe or socket); DECE reads log files"));
            } else {
                out.add(in);
            }
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return new ArrayList<>(out);
    }

    /**
     * One log to read: a file, or a log held in memory (a record taken from a stream), read alike. {@code open} checks
     * the size against {@link MonitorOptions#maxFileBytes()} each time.
     */
    interface Source {
        String name();

        InputStream open(MonitorOptions limits) throws InputException;

        static Source of(Path f) {
            return new Source() {
                public String name() {
                    return f.toString();
                }

                public InputStream open(MonitorOptions limits) throws InputException {
                    return LogFiles.open(f, limits);
                }
            };
        }

        static Source of(String name, byte[] content) {
            return new Source() {
                public String name() {
                    return name;
                }

                public InputStream open(MonitorOptions limits) throws InputException {
                    if (content.length > limits.maxFileBytes()) {
                        throw new InputException(Problem.file(name, "log is " + content.length + " bytes; the limit is " + limits.maxFileBytes()
                                + " bytes (MonitorOptions.maxFileBytes)"));
                    }
                    return new java.io.ByteArrayInputStream(content);
                }
            };
        }
    }

    static List<Source> sources(List<Path> files) {
        return files.stream().map(Source::of).toList();
    }

    /** Opens a file after checking its size. */
    static InputStream open(Path f, MonitorOptions limits) throws InputException {
        try {
            long size = Files.size(f);
            if (size > limits.maxFileBytes()) {
                throw new InputException(Problem.file(f.toString(), "file is " + size + " bytes; the limit is " + limits.maxFileBytes()
                        + " bytes (MonitorOptions.maxFileBytes)"));
            }
            return new BufferedInputStream(Files.newInputStream(f), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new InputException(Problem.file(f.toString(), "no such file"));
        } catch (IOException e) {
            throw new InputException(Problem.file(f.toString(), "cannot be read: " + e.getMessage()));
        }
    }

    /**
     * The format of a file, from its first JSON value's keys; null for an empty file.
     *
     * @throws InputException when it is no format DECE reads, naming what it found and what is read
     */
    static Format detect(Source f, Reading reading) throws InputException {
        String name = f.name();
        try (InputStream in = f.open(reading.limits()); JsonParser p = reading.json.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) return null;
            boolean array = t == JsonToken.START_ARRAY;
            if (array) {
                t = p.nextToken();
                if (t == JsonToken.END_ARRAY) return null;
            }
            if (t != JsonToken.START_OBJECT) throw unknown(name, "it does not hold JSON objects");
            List<String> keys = new ArrayList<>();
            String schema = null;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                keys.add(k);
                t = p.nextToken();
                if (k.equals("metadata") && t == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String mk = p.currentName();
                        JsonToken v = p.nextToken();
                        if (mk.equals("dbt_schema_version") && v == JsonToken.VALUE_STRING) schema = p.getText();
                        else p.skipChildren();
                    }
                    break;
                }
                if (k.equals("pipeline_name")) return array ? Format.STRUCTURED_ARRAY : Format.STRUCTURED_LINES;
                if (k.equals("eventType")) return array ? Format.OPENLINEAGE_ARRAY : Format.OPENLINEAGE_LINES;
                p.skipChildren();
            }
            if (schema != null && !array) {
                if (schema.contains("/run-results/")) return Format.DBT_RUN_RESULTS;
                if (schema.contains("/sources/")) return Format.DBT_SOURCES;
                for (var e : DbtReader.KINDS.entrySet()) {
                    if (schema.contains("/" + e.getKey() + "/")) {
                        throw new InputException(Problem.file(name, "is a dbt " + e.getValue() + " (" + schema + "), not a run log; pass target/run_results.json "
                                + "(dbt run, build, test) or target/sources.json (dbt source freshness)"));
                    }
                }
                throw unknown(name, "a dbt artifact of schema " + schema);
            }
            if (keys.contains("run") && keys.contains("job")) return array ? Format.OPENLINEAGE_ARRAY : Format.OPENLINEAGE_LINES;
            throw unknown(name, "a JSON object with the keys " + String.join(", ", keys.subList(0, Math.min(12, keys.size())))
                    + (keys.size() > 12 ? ", ..." : ""));
        } catch (StreamReadException e) {
            throw unknown(name, "it is not JSON (" + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new InputException(Problem.file(name, "cannot be read: " + e.getMessage()));
        }
    }

    private static InputException unknown(String name, String found) {
        return new InputException(Problem.file(name, "is not a run log DECE reads: found " + found + ". " + READ));
    }

    /** Reads every file into the store, each with its format's reader. */
    static List<String> read(List<Source> files, Reading reading, RunStore store) throws InputException {
        List<String> formats = new ArrayList<>();
        StructuredLogReader structured = new StructuredLogReader(reading, store);
        OpenLineageReader lineage = new OpenLineageReader(reading, store);
        DbtReader dbt = new DbtReader(reading, store);
        for (Source f : files) {
            Format fmt = detect(f, reading);
            if (fmt == null) {
                reading.problem(f.name(), 0, 0, "", "is empty; " + READ);
                continue;
            }
            formats.add(fmt.label());
            String name = f.name();
            try (InputStream in = f.open(reading.limits())) {
                switch (fmt) {
                    case STRUCTURED_LINES -> structured.readLines(in, name);
                    case STRUCTURED_ARRAY -> structured.readArray(in, name);
                    case OPENLINEAGE_LINES -> lineage.readLines(in, name);
                    case OPENLINEAGE_ARRAY -> lineage.readArray(in, name);
                    case DBT_RUN_RESULTS -> dbt.read(in, name, false);
                    case DBT_SOURCES -> dbt.read(in, name, true);
                }
            } catch (IOException e) {
                reading.problem(Problem.file(name, "cannot be read: " + e.getMessage()));
            }
        }
        DbtReader.attachTests(store);
        reading.throwIfProblems();
        return formats;
    }
}
