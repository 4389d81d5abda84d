package dev.dece.core.lint;

/**
 * Options of {@code dece lint}.
 *
 * @param includePackages lint the models of installed dbt packages and the MetricFlow time spine too (by default
 *                        only the root project's own models are linted, and the report says what was left out)
 */
public record LintOptions(boolean includePackages) {

    /** The defaults: the project's own models only. */
    public static final LintOptions DEFAULT = new LintOptions(false);
}
