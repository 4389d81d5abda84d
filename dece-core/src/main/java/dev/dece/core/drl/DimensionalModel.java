package dev.dece.core.drl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bound Dimensional Model Template: the facts the modeling rules see and what the generators read.
 *
 * @param fact       the fact table
 * @param measures   in document order
 * @param foreignKeys in document order
 * @param dimensions in document order
 * @param attributes every dimension's attributes, dimension by dimension
 */
public record DimensionalModel(FactTable fact, List<Measure> measures, List<ForeignKey> foreignKeys,
                               List<Dimension> dimensions, List<Attribute> attributes) {

    public DimensionalModel {
        measures = List.copyOf(measures);
        foreignKeys = List.copyOf(foreignKeys);
        dimensions = List.copyOf(dimensions);
        attributes = List.copyOf(attributes);
    }

    /** Every fact for the rule engine. */
    public List<Object> facts() {
        List<Object> out = new ArrayList<>();
        out.add(fact);
        out.addAll(measures);
        out.addAll(foreignKeys);
        out.addAll(dimensions);
        out.addAll(attributes);
        return out;
    }

    /** Dimensions by name, in document order. */
    public Map<String, Dimension> dimensionsByName() {
        Map<String, Dimension> m = new LinkedHashMap<>();
        for (Dimension d : dimensions) m.put(d.name(), d);
        return m;
    }

    /** The attributes of one dimension, in document order. */
    public List<Attribute> attributesOf(String dimension) {
        return attributes.stream().filter(a -> a.dimension().equals(dimension)).toList();
    }

    /** True when the dimension keeps history: its type is 2 or 6, or one of its attributes is Type 2 in force. */
    public boolean keepsHistory(Dimension d) {
        if (d.type() != null && d.type().keepsHistory()) return true;
        return attributesOf(d.name()).stream().anyMatch(a -> a.effectiveScdType() == ScdType.TYPE_2);
    }
}
