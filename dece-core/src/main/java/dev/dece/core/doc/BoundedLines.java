package dev.dece.core.doc;

import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a stream of UTF-8 text line by line, in constant memory apart from the current line, refusing a
 * line longer than its limit and bytes that are not UTF-8, each at its line. For line-oriented inputs
 * (JSON lines exports, Spark event logs) that may be gigabytes long: {@link java.io.BufferedReader#readLine()}
 * would hold a single unterminated multi-gigabyte line in memory.
 *
 * <pre>{@code
 * try (BoundedLines lines = new BoundedLines("events.json", in, 64 << 20)) {
 *     for (String l; (l = lines.next()) != null; ) handle(lines.lineNumber(), l);
 * }
 * }</pre>
 *
 * <p>Not thread-safe. Line ends are {@code \n} or {@code \r\n}; a UTF-8 byte-order mark at the start is dropped.
 */
public final class BoundedLines implements Closeable {

    private final String name;
    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private long line;
    private boolean first = true;
    private final StringBuilder sb = new StringBuilder();

    /**
     * @param name     the file name used in problems
     * @param in       the (already decompressed) bytes
     * @param maxChars the longest line accepted, in characters
     */
    public BoundedLines(String name, InputStream in, int maxChars) {
        this.name = name;
        this.in = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        this.maxChars = maxChars;
    }

    /** The 1-based number of the line {@link #next()} returned last. */
    public long lineNumber() {
        return line;
    }

    /**
     * The next line without its line end, or {@code null} at the end of the stream.
     *
     * @throws InputException for a line longer than the limit or bytes that are not UTF-8, at that line
     */
    public String next() throws InputException, IOException {
        sb.setLength(0);
        boolean any = false;
        while (true) {
            if (pos == len) {
                try {
                    len = in.read(buf, 0, buf.length);
                } catch (CharacterCodingException e) {
                    throw new InputException(new Problem(name, (int) Math.min(Integer.MAX_VALUE, line + 1), 0, "",
                            "is not UTF-8 text; export the file as UTF-8"));
                }
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    if (!any) return null;
                    return finish();
                }
            }
            any = true;
            int start = pos;
            while (pos < len && buf[pos] != '\n') pos++;
            sb.append(buf, start, pos - start);
            if (sb.length() > maxChars) {
                throw new InputException(new Problem(name, (int) Math.min(Integer.MAX_VALUE, line + 1), 0, "",
                        "line is longer than " + maxChars + " characters; a line of this input is one record"));
            }
            if (pos < len) {
                pos++; // the '\n'
                return finish();
            }
        }
    }

    private String finish() {
        line++;
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == '\r') sb.setLength(n - 1);
        if (first) {
            first = false;
            if (sb.length() > 0 && sb.charAt(0) == '\uFEFF') sb.deleteCharAt(0);
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
