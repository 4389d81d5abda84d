package dev.dece.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The estate options of catalog, backfill and migrate: the dbt manifests, pipeline specs and contracts lineage is read from. */
final class EstateOptions {
    @Option(names = "--manifest", paramLabel = "FILE", description = "a dbt target/manifest.json (repeatable)")
    List<Path> manifests = new ArrayList<>();

    @Option(names = "--pipelines", paramLabel = "FILE|DIR", description = "Universal Pipeline Templates (repeatable)")
    List<Path> pipelines = new ArrayList<>();

    @Option(names = "--contract", paramLabel = "FILE", description = "a data contract, the Phase 4 template, ODCS v3 or DCS (repeatable)")
    List<Path> contracts = new ArrayList<>();
}
