package dev.dece.core.catalog;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A backfill request and the estate it is planned against.
 *
 * <pre>{@code
 * BackfillOptions o = new BackfillOptions("fct_orders", LocalDate.parse("2024-04-01"), LocalDate.parse("2024-04-30"), null,
 *         List.of(Path.of("catalog/entries")), List.of(Path.of("target/manifest.json")), List.of(Path.of("pipelines")), List.of());
 * }</pre>
 *
 * @param table  the table to backfill, as the catalog, a manifest or a pipeline spec names it
 * @param from   first day of the range, inclusive
 * @param to     last day of the range, inclusive; not before {@code from}
 * @param tenant the one tenant to rebuild; null for all
 */
public record BackfillOptions(String table, LocalDate from, LocalDate to, String tenant, List<Path> entries, List<Path> manifests,
                              List<Path> pipelines, List<Path> contracts) {
    public BackfillOptions {
        entries = List.copyOf(entries);
        manifests = List.copyOf(manifests);
        pipelines = List.copyOf(pipelines);
        contracts = List.copyOf(contracts);
    }
}
