package dev.dece.core.doc;

import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * The one way DECE opens an input file: after following links, only a regular file is read (a directory, a
 * device such as {@code /dev/zero}, a FIFO or a socket is refused before a byte is read), never more than the
 * limit for its kind (the size on disk is checked first, and the read itself stops at the limit, since a
 * file may grow or lie about its size), and every failure is a located {@link InputException}.
 *
 * <pre>{@code
 * byte[] ddl = Inputs.read(Path.of("schema.sql"), limits.maxSqlBytes(), "Limits.maxSqlBytes", "a SQL file");
 * }</pre>
 */
public final class Inputs {
    private Inputs() {}

    /**
     * All bytes of a regular file of at most {@code max} bytes.
     *
     * @param limitName the limit's name for the message, e.g. {@code Limits.maxSqlBytes}
     * @param what      what the file should be, e.g. {@code "a YAML or JSON file"}
     */
    public static byte[] read(Path file, long max, String limitName, String what) throws InputException {
        try (InputStream in = open(file, max, limitName, what)) {
            return in.readAllBytes();
        } catch (TooLarge e) {
            throw tooLarge(file, max, limitName, "file is larger than " + max + " bytes");
        } catch (IOException e) {
            throw new InputException(Problem.file(file.toString(), "cannot be read: " + reason(e)));
        }
    }

    /**
     * A stream over a regular file that fails with {@link TooLarge} (an {@code IOException}) once more than
     * {@code max} bytes have been read; for streaming readers, which turn it into a located problem with
     * {@link #tooLarge}.
     */
    public static InputStream open(Path file, long max, String limitName, String what) throws InputException {
        Path real = regular(file, what);
        try {
            long size = Files.size(real);
            if (size > max) throw tooLarge(file, max, limitName, "file is " + size + " bytes");
            return new Bounded(Files.newInputStream(real), max);
        } catch (IOException e) {
            throw new InputException(Problem.file(file.toString(), "cannot be read: " + reason(e)));
        }
    }

    /**
     * {@code in}, failing with {@link TooLarge} once more than {@code max} bytes have been read: the bound of a
     * decompressed stream, so a decompression bomb is refused rather than unpacked.
     */
    public static InputStream bounded(InputStream in, long max) {
        return new Bounded(in, max);
    }

    /** The file behind {@code file} once links are followed, if it is a regular file; else a located refusal. */
    public static Path regular(Path file, String what) throws InputException {
        String name = file.toString();
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new InputException(Problem.file(name, "no such file"));
        } catch (FileSystemException e) {
            String r = String.valueOf(e.getReason());
            if (r.toLowerCase(java.util.Locale.ROOT).contains("symbolic links")) {
                throw new InputException(Problem.file(name, "is a loop of symbolic links; expected " + what));
            }
            throw new InputException(Problem.file(name, "cannot be read: " + reason(e)));
        } catch (IOException e) {
            throw new InputException(Problem.file(name, "cannot be read: " + reason(e)));
        }
        if (Files.isDirectory(real)) throw new InputException(Problem.file(name, "is a directory; expected " + what));
        if (!Files.isRegularFile(real)) {
            throw new InputException(Problem.file(name, "is not a regular file (a device, a pipe or a socket); expected " + what
                    + ", which DECE reads only from regular files"));
        }
        return real;
    }

    /** The refusal of a file above its limit: {@code "<found>; the limit is <max> bytes (<limitName>)"}. */
    public static InputException tooLarge(Path file, long max, String limitName, String found) {
        return new InputException(Problem.file(file.toString(), found + "; the limit is " + max + " bytes (" + limitName + ")"));
    }

    /**
     * The regular files under {@code dir} that {@code accept} takes, sorted by path. Symbolic links to
     * directories are followed; a loop among them, an unreadable directory or more than {@code maxFiles}
     * files is a located problem, never a silent skip.
     */
    public static List<Path> walk(Path dir, Predicate<Path> accept, int maxFiles) throws InputException {
        List<Path> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                    if (a.isRegularFile() && accept.test(f)) {
                        if (out.size() >= maxFiles) {
                            problems.add(Problem.file(dir.toString(), "holds more than " + maxFiles + " input files (Limits.maxFiles)"));
                            return FileVisitResult.TERMINATE;
                        }
                        out.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    if (e instanceof FileSystemLoopException) {
                        problems.add(Problem.file(f.toString(), "is a link back to a directory above it (a loop); remove the link or name the directory itself"));
                    } else {
                        problems.add(Problem.file(f.toString(), "cannot be read: " + reason(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(Problem.file(dir.toString(), "cannot be read: " + reason(e)));
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        out.sort(null);
        return out;
    }

    /**
     * {@code bytes} as UTF-8 text, refused when they are not UTF-8 or hold a NUL byte (a binary file).
     */
    public static String utf8(String name, byte[] bytes) throws InputException {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) throw new InputException(Problem.file(name, "holds binary data (a NUL byte at offset " + i + "); expected UTF-8 text"));
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputException(Problem.file(name, "is not UTF-8 text"));
        }
    }

    /** The operating system's reason, without the path it repeats. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return String.valueOf(e.getMessage());
    }

    /** Thrown by a bounded stream past its limit. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("input larger than its limit");
        }
    }

    /** Counts bytes and fails past the limit, so a file that grows while being read is still bounded. */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private long read;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) count(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count(s);
            return s;
        }

        private void count(long n) throws TooLarge {
            read += n;
            if (read > max) throw new TooLarge();
        }
    }
}
