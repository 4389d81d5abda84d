/**
 * DECE on Apache Flink: streaming monitoring ({@link dev.dece.flink.MonitorJob}). Run events in the three formats
 * {@code dece monitor} reads (Structured Logging Standard lines, OpenLineage RunEvents, dbt artifacts) arrive on a Kafka
 * topic; each record is read by DECE's own monitor readers ({@code Dece.runTimes}) for the pipelines it belongs to and
 * its event time, keyed by pipeline, kept in Flink keyed state for the dashboard's windows, and evaluated at every tick
 * of event time by DECE's monitoring and triage rules ({@code Dece.monitor} on the records kept) once the tick is past
 * the allowed lateness. Alert changes (raised, changed, resolved), late records and refused records go to a Kafka topic
 * through a transactional (exactly-once) sink. Policy and team rules arrive on a control topic as broadcast state,
 * effective from an event time, without a restart. DECE is built once per task slot in {@code open()}
 * ({@code DeceSlot}), never serialised.
 *
 * <p>Public: {@code MonitorJob} (topology, settings, {@code main}), {@code RunEvent} and {@code Control} (the records
 * between operators, Flink POJOs). Depends on dece-core's facade only. Documentation: docs/scale-out.md.
 */
package dev.dece.flink;
