package dev.dece.core.catalog;

import java.nio.file.Path;
import java.util.List;

/**
 * A migration request and the estate it is planned against.
 *
 * @param from  the old system, e.g. {@code redshift}
 * @param to    the new system, e.g. {@code snowflake}
 * @param brief an Architecture Brief for the volume rules; null when none
 */
public record MigrateOptions(String from, String to, List<Path> entries, List<Path> manifests, List<Path> pipelines, List<Path> contracts,
                             Path brief) {
    public MigrateOptions {
        entries = List.copyOf(entries);
        manifests = List.copyOf(manifests);
        pipelines = List.copyOf(pipelines);
        contracts = List.copyOf(contracts);
    }
}
