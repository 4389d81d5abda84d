package dev.dece.core.drl;

import java.util.List;

/** pipeline.extract.strategy: the template's full | incremental | CDC | log-based, plus the decision tree's API, file and stream strategies (DECE extension). */
public enum ExtractStrategy implements Spelled {
    FULL("full", "full-extraction"),
    INCREMENTAL("incremental", "incremental-updated-at"),
    CDC("CDC", "cdc", "change-data-capture"),
    LOG_BASED("log-based", "log-based-cdc"),
    EVENT_DRIVEN("event-driven", "webhook", "webhooks"),
    API_CURSOR("api-cursor", "cursor", "cursor-pagination"),
    FULL_PULL("full-pull"),
    FILE_EVENT("file-event", "event-triggered", "file-watcher"),
    STREAM_CONSUMER("stream-consumer", "consumer-group");

    private final List<String> spellings;

    ExtractStrategy(String... spellings) {
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
