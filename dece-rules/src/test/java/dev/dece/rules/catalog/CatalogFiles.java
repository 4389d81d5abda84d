package dev.dece.rules.catalog;

import dev.dece.core.catalog.CatalogOptions;
import dev.dece.core.input.InputException;
import dev.dece.core.report.Report;
import dev.dece.rules.support.TestDece;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes catalog entries as real files and reviews them through the facade. */
final class CatalogFiles {
    private CatalogFiles() {}

    /** A gold entry with every field filled, no PII and its controls: no CAT rule fires on it alone. */
    static final String CLEAN = """
            dataset:
              name: "analytics.fct_sales"
              description: "One row per sale"
              owner_team: "analytics"
              steward: "ana.lopez"
              domain: "sales"
              tier: "gold"
              lineage:
                sources: ["stg_sales"]
                transformations: "conformed"
                downstream: ["finance-dashboard"]
              refresh:
                schedule: "0 4 * * *"
                sla_hours: 6
                last_successful_run: "2024-05-01T04:30:00Z"
              quality:
                tests: ["unique(sale_id)"]
                last_score: 85
                known_issues: []
              access:
                classification: "internal"
                pii_columns: []
                access_request_process: "request in #data-access"
                controls: ["authentication", "audit"]
              usage:
                avg_daily_queries: 50
                top_consumers: ["finance"]
                cost_monthly_usd: 100
              columns:
                - {name: sale_id, type: bigint}
                - {name: amount, type: "decimal(12,2)"}
            """;

    static String with(String yaml, String from, String to) {
        if (!yaml.contains(from)) throw new IllegalArgumentException("no " + from);
        return yaml.replace(from, to);
    }

    static Path write(Path dir, String name, String content) {
        try {
            Path f = dir.resolve(name);
            Files.writeString(f, content);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Report review(Path dir, CatalogOptions o, String... docs) throws InputException {
        Path f = write(dir, "entries.yaml", String.join("---\n", docs));
        return TestDece.DECE.catalog(List.of(f), o);
    }

    static Report review(Path dir, String... docs) throws InputException {
        return review(dir, CatalogOptions.defaults(), docs);
    }
}
