package dev.dece.core.optimize;

import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import net.jpountz.lz4.LZ4BlockInputStream;
import org.xerial.snappy.SnappyInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of one Spark event log, in order, and how to decompress each, as Spark names them: a single file
 * {@code <appId>[_<attempt>][.<codec>][.inprogress]}, or a rolling directory {@code eventlog_v2_<appId>[_<attempt>]}
 * of {@code events_<N>_<appId>[.<codec>][.compact]} files read by increasing N (the {@code appstatus_*} marker is
 * skipped). Codecs by extension: {@code .lz4} (lz4-java's LZ4BlockInputStream, Spark's LZ4CompressionCodec),
 * {@code .snappy} (snappy-java's SnappyInputStream), {@code .zstd} or {@code .zst} (zstd-jni); none for anything else.
 * Every stream is capped at {@link #MAX_BYTES} decompressed bytes.
 */
final class EventLogFiles {
    private EventLogFiles() {}

    /** The most bytes one log may hold once decompressed (a day of a busy application's log is a few GB). */
    static final long MAX_BYTES = 64L << 30;

    private static final Pattern ROLLED = Pattern.compile("events_(\\d+)_.*");

    record Part(Path file, String codec) {
        String name() {
            return file.toString();
        }

        InputStream open() throws IOException {
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            InputStream in = switch (codec) {
                case "lz4" -> new LZ4BlockInputStream(raw);
                case "snappy" -> new SnappyInputStream(raw);
                case "zstd" -> new ZstdInputStreamNoFinalizer(raw);
                default -> raw;
            };
            return dev.dece.core.doc.Inputs.bounded(in, MAX_BYTES);
        }
    }

    /** The parts of the log at {@code path}, in reading order. */
    static List<Part> parts(Path path) throws InputException {
        String name = path.toString();
        if (!Files.exists(path)) throw new InputException(Problem.file(name, "no such file or directory"));
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(Files::isRegularFile).filter(p -> ROLLED.matcher(p.getFileName().toString()).matches()).toList();
            } catch (IOException e) {
                throw new InputException(Problem.file(name, "cannot be listed: " + e.getMessage()));
            }
            if (files.isEmpty()) {
                throw new InputException(Problem.file(name, "is a directory without events_<N>_<appId> files; pass an event log file or a "
                        + "rolling eventlog_v2_<appId> directory"));
            }
            List<Path> sorted = new ArrayList<>(files);
            sorted.sort(Comparator.comparingLong(p -> index(p.getFileName().toString())));
            List<Part> out = new ArrayList<>();
            for (Path f : sorted) out.add(new Part(f, codec(f)));
            return out;
        }
        if (!Files.isRegularFile(path)) throw new InputException(Problem.file(name, "is neither a regular file nor a directory"));
        return List.of(new Part(path, codec(path)));
    }

    private static long index(String fileName) {
        Matcher m = ROLLED.matcher(fileName);
        return m.matches() ? Long.parseLong(m.group(1).length() > 18 ? m.group(1).substring(0, 18) : m.group(1)) : Long.MAX_VALUE;
    }

    static String codec(Path f) throws InputException {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".inprogress")) n = n.substring(0, n.length() - ".inprogress".length());
        if (n.endsWith(".compact")) n = n.substring(0, n.length() - ".compact".length());
        if (n.endsWith(".lz4")) return "lz4";
        if (n.endsWith(".snappy")) return "snappy";
        if (n.endsWith(".zstd") || n.endsWith(".zst")) return "zstd";
        if (n.endsWith(".lzf")) {
            throw new InputException(Problem.file(f.toString(), "is compressed with lzf, which DECE does not read; set "
                    + "spark.eventLog.compression.codec to zstd, lz4 or snappy"));
        }
        return "none";
    }

}
