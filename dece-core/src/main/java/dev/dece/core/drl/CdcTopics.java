package dev.dece.core.drl;

import java.util.List;

/** pipeline.extract.cdc (DECE extension): the topic layout of change events: one topic per table or one for all tables. */
public enum CdcTopics implements Spelled {
    PER_TABLE("per-table", "topic-per-table"),
    SINGLE("single", "single-topic", "one-topic");

    private final List<String> spellings;

    CdcTopics(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
