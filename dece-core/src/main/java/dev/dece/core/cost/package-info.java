/**
 * {@code dece cost}: "Review our data costs" (Phase 9). The Cost Allocation Template reader (also used by
 * {@code dece monitor} for its Infrastructure Cost row), the cost context reader, the streaming usage aggregation and
 * its attribution to pipelines, the month's facts, the priority order of the proposed strategies and the completed
 * template artifact.
 *
 * <p>Only {@link dev.dece.core.cost.CostCommand} and {@link dev.dece.core.cost.CostOptions} are public. Depends on drl,
 * doc, engine, input, policy, report, usage, and on assess (the brief's budget) and pipeline (specs); never on monitor.
 */
package dev.dece.core.cost;
