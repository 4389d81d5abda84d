package dev.dece.spark;

import dev.dece.core.Dece;
import dev.dece.core.catalog.CatalogOptions;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.quality.QualityOptions;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Location;
import dev.dece.core.report.Report;
import dev.dece.core.report.RuleInfo;
import dev.dece.core.sql.Dialect;

import org.apache.spark.sql.Row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The three reviews on documents, through the facade: what each Spark task calls, and what the single-process
 * baseline calls. {@code lint} and {@code contract} documents are reviewed one by one, in memory
 * ({@code Dece.lint(name, content)}, {@code Dece.quality(name, content, generate(duckdb))}: the review without a
 * database). The catalog review needs the whole estate: its documents are written under a private temporary
 * directory, reviewed in one {@code Dece.catalog} call, and every path of that directory in the findings is put back
 * to the document's own name, so a finding reads as the single-process command's. Stateless; thread-safe.
 */
final class Reviews {
    private Reviews() {}

    /** Document kinds. */
    static final String LINT = "lint", CONTRACT = "contract", ENTRY = "catalog-entry", MANIFEST = "catalog-manifest",
            PIPELINE = "catalog-pipeline", CATALOG_CONTRACT = "catalog-contract";

    private static final Map<Dece, Map<String, String>> RULE_SETS = new ConcurrentHashMap<>();

    static Map<String, String> ruleSets(Dece dece) {
        return RULE_SETS.computeIfAbsent(dece, d -> {
            Map<String, String> m = new HashMap<>();
            for (RuleInfo r : d.rules()) m.put(r.id(), r.ruleSet());
            return m;
        });
    }

    /** The rows of one lint or contract document. */
    static List<Row> document(Dece dece, String kind, String name, String content) {
        List<Row> out = new ArrayList<>();
        String review = kind.equals(LINT) ? "lint" : "quality";
        try {
            Report r = kind.equals(LINT) ? dece.lint(name, content) : dece.quality(name, content, QualityOptions.generate(Dialect.DUCKDB));
            Map<String, String> sets = ruleSets(dece);
            for (Finding f : r.findings()) out.add(FindingRows.of(review, f, sets));
        } catch (InputException e) {
            for (Problem p : e.problems()) out.add(FindingRows.of(review, p));
        }
        return out;
    }

    /** A document of an estate: its kind, name and content. */
    record Doc(String kind, String name, String content) {}

    /** The rows of the catalog review of one estate's catalog documents; {@code asOf} may be null. */
    static List<Row> estate(Dece dece, List<Doc> docs, Instant asOf) {
        List<Doc> sorted = new ArrayList<>(docs);
        sorted.sort(Comparator.comparing(Doc::name).thenComparing(Doc::kind));
        List<Row> out = new ArrayList<>();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("dece-estate");
            Map<String, String> back = new LinkedHashMap<>();
            List<Path> entries = new ArrayList<>(), manifests = new ArrayList<>(), pipelines = new ArrayList<>(), contracts = new ArrayList<>();
            int i = 0;
            for (Doc d : sorted) {
                String base = d.name().substring(d.name().lastIndexOf('/') + 1);
                Path f = Files.createDirectories(dir.resolve(String.format("%06d", i++))).resolve(base);
                Files.writeString(f, d.content(), StandardCharsets.UTF_8);
                back.put(f.toString(), d.name());
                switch (d.kind()) {
                    case ENTRY -> entries.add(f);
                    case MANIFEST -> manifests.add(f);
                    case PIPELINE -> pipelines.add(f);
                    case CATALOG_CONTRACT -> contracts.add(f);
                    default -> throw new IllegalArgumentException("not a catalog document kind: " + d.kind());
                }
            }
            CatalogOptions o = new CatalogOptions(manifests, pipelines, contracts, null, asOf);
            try {
                Report r = dece.catalog(entries, o);
                Map<String, String> sets = ruleSets(dece);
                for (Finding f : r.findings()) out.add(FindingRows.of("catalog", restore(f, back), sets));
            } catch (InputException e) {
                for (Problem p : e.problems()) {
                    out.add(FindingRows.of("catalog", new Problem(name(p.file(), back), p.line(), p.column(), p.path(), text(p.message(), back))));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) delete(dir);
        }
    }

    private static Finding restore(Finding f, Map<String, String> back) {
        Location at = f.location();
        Location to = at == null ? null : new Location(name(at.file(), back), at.line(), at.column(), at.path());
        return new Finding(f.ruleId(), f.severity(), f.topic(), text(f.message(), back), to, text(f.remediation(), back),
                f.evidence(), f.subject(), f.suppression());
    }

    private static String name(String file, Map<String, String> back) {
        return file == null ? null : back.getOrDefault(file, file);
    }

    private static String text(String s, Map<String, String> back) {
        if (s == null) return null;
        for (Map.Entry<String, String> e : back.entrySet()) s = s.replace(e.getKey(), e.getValue());
        return s;
    }

    private static void delete(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is removed with the executor's scratch space
        }
    }
}
