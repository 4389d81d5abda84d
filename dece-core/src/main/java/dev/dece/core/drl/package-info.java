/**
 * What rules see, built-in and a team's own: the fact records bound from the methodology's templates (briefs, pipeline
 * specs, dimensional models, tables, contracts, check results, schema changes) and aggregated from run logs (one
 * {@link dev.dece.core.drl.PipelineHealth}, {@link dev.dece.core.drl.PipelineContext} and a few {@link dev.dece.core.drl.LogIssue}s
 * per pipeline, one {@link dev.dece.core.drl.Failure} per failure to triage), {@link dev.dece.core.drl.Emit} to produce
 * results, {@link dev.dece.core.drl.Candidate} and {@link dev.dece.core.drl.Rejection} (votes),
 * {@link dev.dece.core.drl.Chosen}, {@link dev.dece.core.drl.NotChosen} and {@link dev.dece.core.drl.Voted} (the engine's
 * decisions between phases), {@link dev.dece.core.drl.Located} and {@link dev.dece.core.drl.Node} (where a fact came from),
 * and the helpers rules call ({@link dev.dece.core.drl.Format}, {@link dev.dece.core.drl.Alerts}, {@code NameRules}, {@code Signals}, {@code Pii}, ...).
 * A team's DRL imports {@code dev.dece.core.drl.*}, {@code dev.dece.core.policy.*} and, for findings,
 * {@code dev.dece.core.report.*}.
 *
 * <p>Public API for rule authors. Depends on report only. Records here are immutable values: rules insert results, never modify facts.
 */
package dev.dece.core.drl;
