package dev.dece.core.drl;

import java.util.List;

/**
 * Something wrong with one pipeline's run logs themselves, counted in Java over all its records: one fact per
 * pipeline and kind, never one per record. Its node is the first offending record, and {@link #examples()}
 * names up to five of them ({@code file:line run_id: detail}).
 *
 * @param count    offending records or runs, at least 1
 * @param detail   what the first one shows, e.g. the fields it misses or the two watermarks
 */
public record LogIssue(Node node, String pipeline, Kind kind, int count, List<String> examples, String detail) implements Located {

    /** What is wrong. */
    public enum Kind {
        /** A run misses fields the Structured Logging Standard requires. */
        MISSING_FIELDS,
        /** {@code watermark_after} is before {@code watermark_before}, or before the previous run's. */
        WATERMARK_BACKWARDS,
        /** {@code watermark_before} is after the previous successful run's {@code watermark_after}. */
        WATERMARK_GAP,
        /** A failed run moved the watermark forward. */
        FAILED_RUN_ADVANCED_WATERMARK,
        /** {@code rows_loaded} above both {@code rows_extracted} and {@code rows_transformed}. */
        ROWS_LOADED_ABOVE_EXTRACTED,
        /** The same run ID ended twice, with different outcomes. */
        CONFLICTING_OUTCOMES
    }

    public LogIssue {
        examples = List.copyOf(examples);
        if (count < 1) throw new IllegalArgumentException("count must be at least 1");
    }

    /** Findings about the logs link to the pipeline's {@code log_records} check. */
    @Override
    public String subject() {
        return pipeline + ".log_records";
    }

    /** "file:line run: detail; ..." of the examples, with the total when more were found. */
    public String examplesText() {
        String s = String.join("; ", examples);
        return count > examples.size() ? s + "; and " + (count - examples.size()) + " more" : s;
    }
}
