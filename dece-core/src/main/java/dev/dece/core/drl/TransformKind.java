package dev.dece.core.drl;

import java.util.List;

/** workload.transform_languages (DECE extension): what the transformations are written in or do. */
public enum TransformKind implements Spelled {
    SQL("sql"),
    PYTHON("python"),
    ML("ml", "machine-learning"),
    BINARY("binary", "binary-data"),
    JVM("jvm", "java", "scala");

    private final List<String> spellings;

    TransformKind(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
