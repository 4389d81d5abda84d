package dev.dece.core.model;

import dev.dece.core.doc.Node;
import dev.dece.core.engine.Located;

/**
 * One {@code fact_table.measures[i]}. Enum fields are null when absent.
 *
 * @param fact the fact table's name
 */
public record Measure(Node node, String fact, String name, Additivity type, Aggregation aggregation,
                      String businessDefinition) implements Located {}
