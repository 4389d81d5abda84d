package dev.dece.core.monitor;

import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.util.ArrayList;
import java.util.List;

/**
 * The bounds of one call's log reading, shared by every reader: the record count, the deadline, and the problems
 * found so far (at most {@value #MAX_PROBLEMS}; then reading stops and they are thrown). Not thread-safe.
 */
final class Reading {

    static final int MAX_PROBLEMS = 20;

    private final MonitorOptions limits;
    final JsonFactory json;
    private final long deadline;
    private long records;
    private final List<Problem> problems = new ArrayList<>();

    MonitorOptions limits() {
        return limits;
    }

    Reading(MonitorOptions limits) {
        this.limits = limits;
        this.json = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth())
                .maxStringLength(limits.maxLineLength())
                .maxNumberLength(64)
                .maxDocumentLength(limits.maxFileBytes())
                .build())
                // a key written twice in one record would otherwise keep the last value in silence
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        this.deadline = System.nanoTime() + limits.maxReadTime().toNanos();
    }

    /** Counts one record; refuses past the record limit, and, every 4 096 records, past the deadline. */
    void record(String file, int line) throws InputException {
        records++;
        if (records > limits.maxRecords()) {
            throw new InputException(new Problem(file, line, 0, "", "is record " + records + "; at most " + limits.maxRecords()
                    + " log records are read in one call (MonitorOptions.maxRecords); split the logs or narrow them to the window"));
        }
        if ((records & 4095) == 0 && System.nanoTime() > deadline) {
            throw new InputException(new Problem(file, line, 0, "", "reading the logs took longer than " + limits.maxReadTime().toSeconds()
                    + " s (MonitorOptions.maxReadTime), stopped after " + records + " records"));
        }
    }

    long records() {
        return records;
    }

    /** Records a problem; throws them all when the limit is reached. */
    void problem(Problem p) throws InputException {
        problems.add(p);
        if (problems.size() >= MAX_PROBLEMS) {
            List<Problem> all = new ArrayList<>(problems);
            all.add(Problem.file(p.file(), "stopped after " + MAX_PROBLEMS + " problems"));
            throw new InputException(all);
        }
    }

    void problem(String file, int line, int column, String path, String message) throws InputException {
        problem(new Problem(file, line, column, path, message));
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    void throwIfProblems() throws InputException {
        if (!problems.isEmpty()) throw new InputException(problems);
    }
}
