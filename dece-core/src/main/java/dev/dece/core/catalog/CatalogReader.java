package dev.dece.core.catalog;

import dev.dece.core.doc.Binder;
import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.doc.Inputs;
import dev.dece.core.drl.Classification;
import dev.dece.core.drl.DatasetTier;
import dev.dece.core.drl.Node;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.sql.Identifiers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads Data Catalog Entry Templates: a file holds one entry ({@code dataset:}), several YAML documents of one entry
 * each, or a list of them ({@code datasets: [...]}); a directory is walked for {@code .yaml}, {@code .yml} and
 * {@code .json} files. Unknown keys, wrong types, an unknown tier or classification, a date that is not ISO 8601 and
 * two entries of one name are located problems; every problem of every file is reported at once.
 */
final class CatalogReader {
    private CatalogReader() {}

    static final Set<String> ROOT = Set.of("dataset", "datasets");
    static final Set<String> DATASET = Set.of("name", "description", "owner_team", "steward", "domain", "tier", "lineage", "refresh",
            "quality", "access", "usage", "cost_monthly_usd", "columns", "storage", "tenant_column", "schema_changes");
    static final Set<String> LINEAGE = Set.of("sources", "transformations", "downstream", "pii_handling");
    static final Set<String> REFRESH = Set.of("schedule", "sla_hours", "last_successful_run");
    static final Set<String> QUALITY = Set.of("tests", "last_score", "known_issues");
    static final Set<String> ACCESS = Set.of("classification", "pii_columns", "access_request_process", "controls");
    static final Set<String> USAGE = Set.of("avg_daily_queries", "top_consumers", "cost_monthly_usd");
    static final Set<String> STORAGE = Set.of("format", "location");
    static final Set<String> COLUMN = Set.of("name", "type", "description", "tags");
    static final Set<String> CHANGE = Set.of("date", "change");
    static final Set<String> HANDLING = Set.of("hashed", "tokenized", "dropped", "kept");

    /** Every entry of every file or directory in {@code inputs}, in input order. */
    static List<Entry> read(DocumentLoader loader, List<Path> inputs, int maxFiles) throws InputException {
        List<Entry> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Entry> byName = new HashMap<>();
        for (Path in : inputs) {
            List<Path> files = Files.isDirectory(in) ? Inputs.walk(in, CatalogReader::yamlOrJson, maxFiles) : List.of(in);
            if (files.isEmpty()) throw new InputException(Problem.file(in.toString(), "holds no .yaml, .yml or .json catalog entry"));
            for (Path f : files) {
                try {
                    for (Node doc : loader.load(f)) {
                        Binder b = new Binder();
                        for (Entry e : document(b, doc)) {
                            Entry before = byName.putIfAbsent(dev.dece.core.lineage.Lineage.normalise(e.name()), e);
                            if (before != null) {
                                b.problem(e.node().get("name"), "dataset \"" + e.name() + "\" is also catalogued at " + before.node().file()
                                        + ":" + before.node().get("name").line() + "; each dataset has one entry");
                            } else {
                                out.add(e);
                            }
                        }
                        problems.addAll(b.problems());
                    }
                } catch (InputException x) {
                    problems.addAll(x.problems());
                }
            }
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return out;
    }

    static boolean yamlOrJson(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    private static List<Entry> document(Binder b, Node doc) {
        Binder.Obj root = b.object(doc, ROOT);
        List<Entry> out = new ArrayList<>();
        if (doc.isMap() && !doc.has("dataset") && !doc.has("datasets")) {
            b.problem(doc, "is not a Data Catalog Entry: expected a dataset: mapping (or datasets: a list of them)");
            return out;
        }
        Node one = root.get("dataset");
        if (one.isPresent()) {
            Entry e = entry(b, one);
            if (e != null) out.add(e);
        }
        for (Node item : root.list("datasets")) {
            Node d = item.isMap() && item.has("dataset") ? item.get("dataset") : item;
            Entry e = entry(b, d);
            if (e != null) out.add(e);
        }
        return out;
    }

    /** Blank template values ("") count as absent. */
    private static String text(Binder.Obj o, String key) {
        return Binder.blankToNull(o.string(key));
    }

    private static List<String> strings(Binder.Obj o, String key) {
        List<String> out = new ArrayList<>();
        for (String s : o.strings(key)) if (s != null && !s.isBlank()) out.add(s.strip());
        return out;
    }

    private static <E extends Enum<E> & dev.dece.core.drl.Spelled> E choice(Binder b, Binder.Obj o, String key, Class<E> type, String what) {
        Node n = o.get(key);
        if (n.isAbsent() || n.isScalar() && n.text().isBlank()) return null;
        return b.choice(n, type, what);
    }

    static Entry entry(Binder b, Node n) {
        if (!n.isMap()) {
            b.problem(n, "expected a dataset mapping (name, description, owner_team, ...), found " + (n.isList() ? "a list" : "\"" + n.text() + "\""));
            return null;
        }
        Binder.Obj d = b.object(n, DATASET);
        String name = d.requiredString("name", "the dataset's name, e.g. analytics.fct_orders");
        if (name != null && name.isBlank()) return null;
        if (name != null && name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029)) {
            b.problem(d.get("name"), "holds a line break or control character; a dataset name is one line");
            return null;
        }
        Binder.Obj lin = b.object(d.get("lineage"), LINEAGE);
        Binder.Obj ref = b.object(d.get("refresh"), REFRESH);
        Binder.Obj q = b.object(d.get("quality"), QUALITY);
        Binder.Obj acc = b.object(d.get("access"), ACCESS);
        Binder.Obj use = b.object(d.get("usage"), USAGE);
        Binder.Obj sto = b.object(d.get("storage"), STORAGE);
        String last = text(ref, "last_successful_run");
        Instant lastRun = last == null ? null : instant(b, ref.get("last_successful_run"), last);
        List<Entry.Column> cols = new ArrayList<>();
        for (Node c : d.list("columns")) {
            if (c.isScalar()) {
                cols.add(new Entry.Column(c, c.text().strip(), null, null, List.of()));
                continue;
            }
            Binder.Obj co = b.object(c, COLUMN);
            String cn = co.requiredString("name", "the column's name");
            if (cn != null && !cn.isBlank()) cols.add(new Entry.Column(c, cn.strip(), text(co, "type"), text(co, "description"), strings(co, "tags")));
        }
        Map<String, String> handling = new LinkedHashMap<>();
        Node ph = lin.get("pii_handling");
        if (ph.isPresent()) {
            if (!ph.isMap()) {
                b.problem(ph, "expected a mapping of column: hashed | tokenized | dropped | kept");
            } else {
                for (var e : ph.fields().entrySet()) {
                    String v = e.getValue().isScalar() ? e.getValue().text().strip().toLowerCase(Locale.ROOT) : "";
                    if (!HANDLING.contains(v)) {
                        b.problem(e.getValue(), "\"" + (e.getValue().isScalar() ? e.getValue().text() : "") + "\" is not a PII handling; use hashed, tokenized, dropped or kept");
                    } else {
                        handling.put(e.getKey().strip().toLowerCase(Locale.ROOT), v);
                    }
                }
            }
        }
        List<Entry.SchemaChange> changes = new ArrayList<>();
        for (Node c : d.list("schema_changes")) {
            Binder.Obj co = b.object(c, CHANGE);
            String date = co.requiredString("date", "the day the schema changed, YYYY-MM-DD");
            if (date == null) continue;
            try {
                changes.add(new Entry.SchemaChange(c, LocalDate.parse(date.strip()), Binder.blankToNull(co.string("change"))));
            } catch (DateTimeParseException x) {
                b.problem(co.get("date"), "\"" + date + "\" is not a date; use YYYY-MM-DD");
            }
        }
        String tenantColumn = text(d, "tenant_column");
        if (tenantColumn != null && Identifiers.problem(tenantColumn) != null) {
            b.problem(d.get("tenant_column"), Identifiers.problem(tenantColumn));
            tenantColumn = null;
        }
        Double score = q.number("last_score", 0, "a score from 0 to 100");
        if (score != null && score > 100) {
            b.problem(q.get("last_score"), dev.dece.core.drl.Format.number(score) + " is above 100; expected a score from 0 to 100");
            score = null;
        }
        Double cost = d.number("cost_monthly_usd", 0, "US dollars per month");
        Double usageCost = use.number("cost_monthly_usd", 0, "US dollars per month");
        return new Entry(n, name == null ? "" : name.strip(), text(d, "description"), text(d, "owner_team"), text(d, "steward"), text(d, "domain"),
                choice(b, d, "tier", DatasetTier.class, "a tier"),
                strings(lin, "sources"), lin.list("sources"), text(lin, "transformations"), strings(lin, "downstream"), lin.list("downstream"),
                text(ref, "schedule"), ref.number("sla_hours", 0, "hours"), last, lastRun,
                strings(q, "tests"), score, strings(q, "known_issues"),
                choice(b, acc, "classification", Classification.class, "a classification"), strings(acc, "pii_columns"),
                text(acc, "access_request_process"), use.number("avg_daily_queries", 0, "queries per day"), strings(use, "top_consumers"),
                usageCost != null ? usageCost : cost, strings(acc, "controls"), text(sto, "format"), text(sto, "location"),
                tenantColumn, cols, handling, changes);
    }

    /** An ISO 8601 instant, a local date-time (read as UTC) or a date (its start, UTC). */
    static Instant instant(Binder b, Node at, String s) {
        String t = s.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            b.problem(at, "\"" + s + "\" is not a time; use ISO 8601, e.g. 2024-05-01T06:00:00Z");
            return null;
        }
    }
}
