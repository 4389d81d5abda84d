package dev.dece.core.drl;

import java.util.List;

/** current_state.sources[].type (DECE extension): what kind of system a source is. */
public enum SourceType implements Spelled {
    DATABASE("database", "db"),
    API("api"),
    FILES("files", "file"),
    STREAM("stream", "streaming");

    private final List<String> spellings;

    SourceType(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
