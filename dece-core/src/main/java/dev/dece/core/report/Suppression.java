package dev.dece.core.report;

/**
 * Why a finding does not count: a waiver with its reason and approver, or a baseline that already knew it. A suppressed
 * finding stays in the {@link Report} (writers mark waived ones and count known ones); it never sets the command line's
 * exit code.
 *
 * <pre>{@code
 * new Suppression(Suppression.Kind.WAIVER, "legacy feed, replaced in Q2", "data-platform lead", "2027-03-31", ".dece-waivers.yaml:4");
 * }</pre>
 *
 * @param kind       what suppressed it
 * @param reason     why it is accepted, never blank for a waiver; for a baseline, the baseline file's name
 * @param approvedBy who approved the waiver, or {@code null} (inline waivers and baselines name nobody)
 * @param expires    the waiver's last day ({@code YYYY-MM-DD}), or {@code null} when it does not expire
 * @param source     where the waiver or baseline is written, {@code file:line}
 */
public record Suppression(Kind kind, String reason, String approvedBy, String expires, String source) {

    /** What suppressed a finding. */
    public enum Kind {
        /** An entry of a waiver file. */
        WAIVER,
        /** A {@code dece:ignore} comment in the input itself. */
        INLINE,
        /** The finding was in the baseline report: known, not new. */
        BASELINE;

        /** {@code waiver}, {@code inline}, {@code baseline}: the JSON spelling. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** True for a waiver (file or inline): the finding is reported, marked waived. */
    public boolean waived() {
        return kind != Kind.BASELINE;
    }
}
