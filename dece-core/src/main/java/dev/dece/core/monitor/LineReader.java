package dev.dece.core.monitor;

import dev.dece.core.input.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a file of JSON lines one line at a time into a reused byte buffer, never holding more than one line:
 * a line longer than the limit is a located problem and is skipped to its end, not read. Not thread-safe.
 */
final class LineReader {

    private final InputStream in;
    private final int max;
    private final Reading reading;
    private final String file;
    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int end;
    private byte[] line = new byte[1024];
    private int length;
    private int number;

    LineReader(InputStream in, Reading reading, String file) {
        this.in = in;
        this.max = reading.limits().maxLineLength();
        this.reading = reading;
        this.file = file;
    }

    /** Reads the next line; false at the end of the file. */
    boolean next() throws IOException, InputException {
        length = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(chunk);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (!any) return false;
                    break;
                }
            }
            any = true;
            int nl = -1;
            for (int i = pos; i < end; i++) {
                if (chunk[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int stop = nl < 0 ? end : nl;
            int n = stop - pos;
            if (!tooLong) {
                if (length + n > max) {
                    tooLong = true;
                } else {
                    if (length + n > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
                    System.arraycopy(chunk, pos, line, length, n);
                    length += n;
                }
            }
            pos = stop;
            if (nl >= 0) {
                pos = nl + 1;
                break;
            }
        }
        number++;
        if (length > 0 && line[length - 1] == '\r') length--;
        if (tooLong) {
            reading.problem(file, number, max + 1, "", "line is longer than " + max
                    + " bytes (MonitorOptions.maxLineLength); one JSON record per line is expected");
            length = 0;
        }
        return true;
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** 1-based number of the line last read. */
    int number() {
        return number;
    }

    /** True when the line holds nothing but blanks. */
    boolean blank() {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t') return false;
        }
        return true;
    }
}
