package dev.dece.core.usage;

import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Opens one usage export, whatever its kind: a regular file only, CSV ({@code .csv}, {@code .tsv}) or JSON lines
 * ({@code .jsonl}, {@code .ndjson}, {@code .json}), optionally gzip-compressed ({@code .gz}), never more than
 * {@code maxBytes} once decompressed (a gzip bomb is refused, not unpacked), and streams its records to the layout.
 */
final class Exports {
    private Exports() {}

    /** What one read saw: {@code csv} or {@code jsonl}, and the record count. */
    record Read(String format, long records) {}

    /**
     * @param what    what the file should be, e.g. {@code "a query-history export (.csv or .jsonl, optionally .gz)"}
     * @param smaller how to make a too-large export smaller, e.g. {@code "export a shorter period"}
     */
    static Read read(Path file, long maxBytes, long maxRecords, int maxFieldChars, String what, String smaller, Layout layout)
            throws InputException {
        String name = file.toString();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
            throw new InputException(Problem.file(name, "no such file"));
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(Problem.file(name, "is not a regular file; pass " + what));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean gz = lower.endsWith(".gz");
        String base = gz ? lower.substring(0, lower.length() - 3) : lower;
        boolean json = base.endsWith(".jsonl") || base.endsWith(".ndjson") || base.endsWith(".json");
        if (!json && !base.endsWith(".csv") && !base.endsWith(".tsv")) {
            throw new InputException(Problem.file(name, "is neither CSV (.csv) nor JSON lines (.jsonl, .ndjson, .json); "
                    + "export it as one of them, optionally gzip-compressed (.gz)"));
        }
        try {
            if (!gz && Files.size(file) > maxBytes) {
                throw new InputException(Problem.file(name, "is " + Files.size(file) + " bytes, above the limit of " + maxBytes + "; " + smaller));
            }
            try (InputStream raw = Files.newInputStream(file);
                 InputStream in = dev.dece.core.doc.Inputs.bounded(gz ? new GZIPInputStream(raw, 1 << 16) : raw, maxBytes)) {
                return json ? new Read("jsonl", JsonLinesHistory.read(name, in, maxRecords, maxFieldChars, layout))
                        : new Read("csv", CsvHistory.read(name, in, base.endsWith(".tsv") ? '\t' : ',', maxRecords, maxFieldChars, layout));
            }
        } catch (NoSuchFileException e) {
            throw new InputException(Problem.file(name, "no such file"));
        } catch (dev.dece.core.doc.Inputs.TooLarge e) {
            throw new InputException(Problem.file(name, "holds more than " + maxBytes + " bytes once decompressed; " + smaller));
        } catch (java.util.zip.ZipException e) {
            throw new InputException(Problem.file(name, "is not gzip data: " + e.getMessage() + "; name a gzip file .gz, or drop the .gz"));
        } catch (IOException e) {
            throw new InputException(Problem.file(name, "cannot be read: " + e.getMessage()));
        }
    }
}
