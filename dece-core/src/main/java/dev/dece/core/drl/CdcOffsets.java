package dev.dece.core.drl;

import java.util.List;

/** pipeline.extract.cdc (DECE extension): who keeps the change stream's offsets. */
public enum CdcOffsets implements Spelled {
    CONNECTOR("connector"),
    PIPELINE("pipeline", "custom");

    private final List<String> spellings;

    CdcOffsets(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
