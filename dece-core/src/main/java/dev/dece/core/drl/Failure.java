package dev.dece.core.drl;

import java.util.List;

/**
 * One failure to triage: a failed run, or several failed runs of the same pipeline with the same error
 * (digits, IDs and timestamps aside), read from run logs or given as a single error message. Its node is the
 * log record of the latest occurrence, so findings point at that line.
 *
 * @param key            unique per failure: {@code <pipeline>/<run_id of the latest occurrence>}; the slot of its
 *                       triage recommendations and the subject of its finding
 * @param pipeline       the pipeline's name ({@code message} for a bare error message without {@code --pipeline})
 * @param runId          the latest failed run's ID
 * @param failedAt       when the latest occurrence ended (ISO-8601 UTC), or {@code null} when unknown
 * @param status         {@code failed}, {@code error}, {@code aborted}, {@code runtime error} ... as the log wrote it
 * @param stage          the stage the run failed in, or {@code null}
 * @param errorMessage   the error text (at most 4 000 characters), {@code ""} when the log carries none
 * @param matches        the triage patterns that matched, best (lowest rank) first, at most one per branch
 * @param occurrences    how many failed runs this failure stands for, at least 1
 * @param runIds         their run IDs, oldest first, at most 20
 * @param durationMinutes how long the latest occurrence ran before it failed, or {@code null}
 * @param resolvedBy     the first later successful run of the pipeline, or {@code null} while unresolved
 * @param format         the log format it was read from ({@code structured}, {@code dbt}, {@code openlineage}, {@code message})
 */
public record Failure(Node node, String key, String pipeline, String runId, String failedAt, String status, String stage,
                      String errorMessage, List<PatternMatch> matches, int occurrences, List<String> runIds,
                      Double durationMinutes, String resolvedBy, String format) implements Located {

    public Failure {
        matches = List.copyOf(matches);
        runIds = List.copyOf(runIds);
        if (occurrences < 1) throw new IllegalArgumentException("a failure stands for at least one run: " + occurrences);
    }

    @Override
    public String subject() {
        return key;
    }

    /** This failure with the classifier's matches. */
    public Failure withMatches(List<PatternMatch> m) {
        return new Failure(node, key, pipeline, runId, failedAt, status, stage, errorMessage, m, occurrences, runIds,
                durationMinutes, resolvedBy, format);
    }

    public boolean resolved() {
        return resolvedBy != null;
    }

    /** True when no pattern matched. */
    public boolean unmatched() {
        return matches.isEmpty();
    }

    /** The best match, or {@code null}. */
    public PatternMatch best() {
        return matches.isEmpty() ? null : matches.get(0);
    }

    /** The error text on one line, cut at 300 characters; "(no error message)" when empty. */
    public String excerpt() {
        if (errorMessage == null || errorMessage.isBlank()) return "(no error message)";
        String one = errorMessage.strip().replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "..." : one;
    }

    /**
     * "run r-42 of orders_daily", "3 runs of orders_daily (r-40, r-41, r-42)", or for a bare message "failed run behind
     * this error message" ("... (orders_daily)" when its pipeline is named).
     */
    public String runs() {
        if ("message".equals(format)) return "failed run behind this error message" + ("message".equals(pipeline) ? "" : " (" + pipeline + ")");
        if (occurrences == 1) return "run " + runId + " of " + pipeline;
        String ids = String.join(", ", runIds);
        return occurrences + " runs of " + pipeline + " (" + (runIds.size() < occurrences ? ids + ", ..." : ids) + ")";
    }
}
