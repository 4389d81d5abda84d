package dev.dece.core.drl;

import java.util.List;

/** pipeline.load.strategy: the template's append | upsert | merge | truncate-reload | partition-swap, plus the Load Strategy Decision's soft delete. */
public enum LoadStrategy implements Spelled {
    APPEND("append", "insert"),
    UPSERT("upsert"),
    MERGE("merge"),
    TRUNCATE_RELOAD("truncate-reload", "truncate-and-reload", "full-reload"),
    PARTITION_SWAP("partition-swap", "partition-overwrite", "insert-overwrite"),
    SOFT_DELETE("soft-delete");

    private final List<String> spellings;

    LoadStrategy(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }

    /** The kebab-case name used in reports and choices, e.g. {@code skip-and-alert}. */
    public String choice() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
