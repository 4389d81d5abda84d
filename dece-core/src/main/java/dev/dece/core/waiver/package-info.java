/**
 * Waivers and baselines, applied once to every command's report by the engine: {@link dev.dece.core.waiver.Suppressor}
 * reads a waiver file ({@code .dece-waivers.yaml}), the {@code dece:ignore} comments of the inputs and a baseline report,
 * and marks the findings they accept ({@link dev.dece.core.report.Suppression}); waivers that expired, match nothing or
 * give no reason become findings of their own (WVR-001 .. WVR-003), made here in Java, not in DRL, because they are about
 * the report rather than the input.
 *
 * <p>Internal (public only for the engine and the facade): only {@code Suppressor} is public. Depends on doc, drl, input,
 * report.
 */
package dev.dece.core.waiver;
