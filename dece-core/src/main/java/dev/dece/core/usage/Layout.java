package dev.dece.core.usage;

import dev.dece.core.input.InputException;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collection;
import java.util.Map;

/**
 * What kind of export a file is, recognised from its columns (the CSV header or the first JSON line's keys, lower
 * case), and where its records go. The CSV and JSON-lines readers are generic over it, so every export kind reads its
 * cells the same way in both formats.
 */
interface Layout {

    /** Receives one record: its columns by lower-case name (CSV cells as text nodes, JSON values as they are). */
    @FunctionalInterface
    interface Sink {
        void record(long line, long row, Map<String, JsonNode> columns) throws InputException;
    }

    /** The sink for a file with these columns; an {@link InputException} at {@code line} when it is not this layout. */
    Sink recognise(String file, long line, Collection<String> columns) throws InputException;

    /** What one record is, for "is empty; expected a header row and ...": e.g. {@code "one record per query run"}. */
    String perRecord();
}
