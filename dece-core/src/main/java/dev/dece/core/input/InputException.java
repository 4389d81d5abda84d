package dev.dece.core.input;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The input could not be used. Carries every {@link Problem} found, in document order, so a caller can
 * show them all at once or map them onto an editor; {@link #getMessage()} is the rendered list.
 * No stack trace is needed to understand it: it describes the user's input, not a DECE bug.
 */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InputException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public InputException(Problem problem) {
        this(List.of(problem));
    }

    /** Never empty. */
    public List<Problem> problems() {
        return problems;
    }
}
