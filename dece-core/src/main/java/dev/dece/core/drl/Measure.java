package dev.dece.core.drl;


/**
 * One {@code fact_table.measures[i]}. Enum fields are null when absent.
 *
 * @param fact the fact table's name
 */
public record Measure(Node node, String fact, String name, Additivity type, Aggregation aggregation,
                      String businessDefinition) implements Located {}
