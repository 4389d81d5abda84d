package dev.dece.core.drl;

/**
 * One triage pattern that matched a failure's error text: which branch it points to, how specific it is and
 * what it matched. Built by the triage classifier from the patterns resource (and a team's own patterns
 * file); the triage rules turn the matches into votes for a branch, the most specific (lowest rank) winning.
 *
 * @param pattern the pattern's ID, e.g. {@code postgres.sqlstate.42703}
 * @param vendor  e.g. {@code postgres}, {@code snowflake}, {@code bigquery}, {@code spark}, {@code dbt}, {@code generic}
 * @param branch  the runbook branch the pattern points to; never {@link FailureBranch#UNKNOWN}
 * @param kind    {@code code} (an error code: SQLSTATE, vendor error number, BigQuery reason, Spark error class,
 *                exit status) or {@code text} (words of the message)
 * @param rank    lower is more specific: codes before vendor text before generic text
 * @param matched the text the pattern matched, at most 120 characters
 */
public record PatternMatch(String pattern, String vendor, FailureBranch branch, String kind, int rank, String matched) {

    /** "SQLSTATE 42703 (postgres.sqlstate.42703)"-style description for rationales. */
    public String describe() {
        return "\"" + matched + "\", " + vendor + " " + kind + " pattern " + pattern;
    }
}
