package dev.dece.cli;

import dev.dece.core.catalog.CatalogOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "Review Data Catalog Entry Templates (required fields by tier, SLA, score, PII and classification along "
                + "lineage, lake anti-patterns), draft entries for uncatalogued datasets, and with --impact list a dataset's downstream.")
public final class CatalogCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommandOptions common = new CommandOptions();

    @Parameters(arity = "0..*", paramLabel = "ENTRY|DIR", description = "catalog entry files (YAML or JSON) or directories of them")
    List<Path> entries = new ArrayList<>();

    @Mixin EstateOptions estate = new EstateOptions();

    @Option(names = "--impact", paramLabel = "NAME", description = "list every dataset, exposure and consumer downstream of NAME")
    String impact;

    @Option(names = "--as-of", paramLabel = "TIME", description = "now, ISO 8601 (e.g. 2024-05-02T06:00:00Z), for the refresh SLA check")
    String asOf;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        Instant now = null;
        if (asOf != null) {
            try {
                now = Instant.parse(asOf);
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(cl, "--as-of: \"" + asOf + "\" is not an ISO 8601 instant; e.g. 2024-05-02T06:00:00Z");
            }
        }
        CatalogOptions o = new CatalogOptions(estate.manifests, estate.pipelines, estate.contracts, impact, now);
        return common.run(cl, dece -> dece.catalog(entries, o));
    }
}
