package dev.dece.core.drl;


/**
 * One {@code dimensions[i].attributes[j]}.
 *
 * @param dimension        the dimension's name
 * @param scdType          as declared; null when absent
 * @param businessCritical true when the name marks a business-critical attribute (see
 *                         {@link NameRules#businessCritical(String)}), for which the methodology's default is Type 2
 */
public record Attribute(Node node, String dimension, String name, String source, ScdType scdType,
                        boolean businessCritical) implements Located {

    /** The type in force: as declared, else the methodology's default (Type 2 if business-critical, else Type 1). */
    public ScdType effectiveScdType() {
        if (scdType != null) return scdType;
        return businessCritical ? ScdType.TYPE_2 : ScdType.TYPE_1;
    }

    /** The source column: the last dotted part of {@code source}, or the attribute's name when no source is given. */
    public String sourceColumn() {
        if (source == null || source.isBlank()) return name;
        String s = source.strip();
        int dot = s.lastIndexOf('.');
        return dot < 0 ? s : s.substring(dot + 1);
    }
}
