package dev.dece.core.drl;

import java.util.List;

/**
 * One {@code dimensions[i]} of a Dimensional Model Template.
 *
 * @param type           the dimension's SCD type; null when absent
 * @param naturalKey     business key from the source; null when absent or blank
 * @param surrogateKey   warehouse-generated key; null when absent or blank
 * @param attributeNames names of its attributes, in document order
 * @param hierarchy      levels from the top, e.g. [country, region, city, store]
 */
public record Dimension(Node node, String name, ScdType type, String naturalKey, String surrogateKey,
                        List<String> attributeNames, List<String> hierarchy) implements Located {
    public Dimension {
        attributeNames = List.copyOf(attributeNames);
        hierarchy = List.copyOf(hierarchy);
    }
}
