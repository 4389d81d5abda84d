package dev.dece.core.drl;

import java.util.List;

/** A lint input's {@code kind}: which row of the naming conventions table an object belongs to. */
public enum ObjectKind implements Spelled {
    RAW("raw", "raw_"),
    STAGING("staging", "stg_"),
    INTERMEDIATE("intermediate", "int_"),
    FACT("fact", "fct_"),
    DIMENSION("dimension", "dim_"),
    MART("mart", "mrt_"),
    SNAPSHOT("snapshot", "snp_"),
    /** A dbt source or a table DECE does not own: its name is not held to the layer prefixes. */
    SOURCE("source", null);

    private final String label;
    private final String prefix;

    ObjectKind(String label, String prefix) {
        this.label = label;
        this.prefix = prefix;
    }

    /** The conventions table's prefix, {@code null} for sources. */
    public String prefix() {
        return prefix;
    }

    /** The kind a layer prefix stands for, or null. */
    public static ObjectKind ofPrefix(String prefix) {
        for (ObjectKind k : values()) if (k.prefix != null && k.prefix.equals(prefix)) return k;
        return null;
    }

    @Override
    public List<String> spellings() {
        return List.of(label);
    }
}
