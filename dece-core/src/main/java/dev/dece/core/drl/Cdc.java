package dev.dece.core.drl;

/**
 * {@code pipeline.extract.cdc} (DECE extension): the key decisions of Phase 11's "CDC with Debezium" pattern for a
 * pipeline that extracts by change data capture: topic per table or one topic, the schema registry, the
 * serialization and who manages offsets. Absent values are {@code null}.
 *
 * @param tool           the connector, e.g. {@code debezium}, {@code aws-dms}
 * @param schemaRegistry the registry's name (Confluent Schema Registry, AWS Glue), or null when none is named
 */
public record Cdc(Node node, String tool, CdcTopics topics, String schemaRegistry, CdcSerialization serialization,
                  CdcOffsets offsets) implements Located {
}
