package dev.dece.core.pipeline;

import dev.dece.core.doc.Binder;
import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.doc.Inputs;
import dev.dece.core.doc.Suggest;
import dev.dece.core.drl.Cdc;
import dev.dece.core.drl.CdcOffsets;
import dev.dece.core.drl.CdcSerialization;
import dev.dece.core.drl.CdcTopics;
import dev.dece.core.drl.Consumer;
import dev.dece.core.drl.DataProfile;
import dev.dece.core.drl.DataType;
import dev.dece.core.drl.Delivery;
import dev.dece.core.drl.ErrorHandling;
import dev.dece.core.drl.ErrorStrategy;
import dev.dece.core.drl.Extract;
import dev.dece.core.drl.ExtractStrategy;
import dev.dece.core.drl.Load;
import dev.dece.core.drl.LoadStrategy;
import dev.dece.core.drl.Nature;
import dev.dece.core.drl.Node;
import dev.dece.core.drl.Pagination;
import dev.dece.core.drl.Pipeline;
import dev.dece.core.drl.QualityGates;
import dev.dece.core.drl.Schedule;
import dev.dece.core.drl.SourceProfile;
import dev.dece.core.drl.SourceType;
import dev.dece.core.drl.Spelled;
import dev.dece.core.drl.Stage;
import dev.dece.core.drl.Tier;
import dev.dece.core.drl.Transform;
import dev.dece.core.drl.TransformEngine;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.sql.Identifiers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Binds Universal Pipeline Template documents (methodology Phase 3, field names exactly as written, plus
 * the extensions documented in docs/pipeline.md) into {@link Pipeline} facts. A file may hold several
 * documents separated by {@code ---}; a directory is read file by file in sorted path order. Every
 * problem in every document is collected and reported at once, located.
 *
 * <p>Blank strings and {@code sla_minutes: 0}, the template's placeholders, count as "not given".
 */
final class PipelineBinder {

    static final List<String> TOP = List.of("pipeline");
    static final List<String> PIPELINE = List.of("name", "owner", "schedule", "sla_minutes", "tier", "extract",
            "transform", "load", "quality_gates", "error_handling", "serves");
    static final List<String> EXTRACT = List.of("source_system", "connection", "strategy", "incremental_key",
            "watermark_storage", "source_profile", "delivery", "rate_limit_per_minute", "reconciliation",
            "consumer_lag_alert_seconds", "cdc");
    static final List<String> CDC = List.of("tool", "topics", "schema_registry", "serialization", "offsets");
    static final List<String> SOURCE_PROFILE = List.of("type", "supports_cdc", "updated_at_column", "row_count",
            "hard_deletes", "webhooks", "pagination", "platform");
    static final List<String> TRANSFORM = List.of("engine", "stages");
    static final List<String> STAGE = List.of("name", "operations");
    static final List<String> LOAD = List.of("target_system", "strategy", "merge_keys", "partition_key",
            "clustering_keys", "data_profile");
    static final List<String> DATA_PROFILE = List.of("nature", "daily_gb", "retention_days", "data_type",
            "key_cardinality", "audit_deletions");
    static final List<String> GATES = List.of("pre_load", "post_load");
    static final List<String> ERRORS = List.of("strategy", "max_retries", "retry_delay_seconds", "alert_channels");

    private static final Pattern IN_CODE = Pattern.compile(
            ".*\\b(code|hard-?coded|in-?memory|memory|script|constant|local file|local variable|dag file)\\b.*");
    private static final Pattern NOWHERE = Pattern.compile("(none|n/?a|nowhere|no|-|not stored|null)");

    private PipelineBinder() {}

    /**
     * The YAML/JSON files an input names: the file itself, or every {@code .yaml}, {@code .yml} and
     * {@code .json} file under a directory, sorted by path so output is deterministic.
     *
     * @throws InputException when the path does not exist or a directory holds no such file
     */
    public static List<Path> files(Path input, int maxFiles) throws InputException {
        if (!Files.isDirectory(input)) {
            if (!Files.exists(input, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new InputException(Problem.file(input.toString(), "no such file or directory"));
            }
            return List.of(input);
        }
        // links to directories are followed; a link loop or an unreadable directory is an error, never skipped
        List<Path> out = Inputs.walk(input, p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(ya?ml|json)"), maxFiles);
        if (out.isEmpty()) throw new InputException(Problem.file(input.toString(), "holds no .yaml, .yml or .json file"));
        return out;
    }

    /** Loads and binds every document of every input (files or directories). */
    public static List<Pipeline> load(DocumentLoader loader, List<Path> inputs, List<Consumer> consumers) throws InputException {
        List<Node> docs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path in : inputs) {
            List<Path> files;
            try {
                files = files(in, loader.limits().maxFiles());
            } catch (InputException e) {
                problems.addAll(e.problems());
                continue;
            }
            for (Path f : files) {
                try {
                    docs.addAll(loader.load(f));
                } catch (InputException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return bind(docs, consumers);
    }

    /**
     * Binds loaded documents.
     *
     * @param consumers brief consumers, to check {@code pipeline.serves} against; empty without a brief
     * @return one pipeline per document, in input order
     * @throws InputException listing every problem found, sorted by file and line
     */
    public static List<Pipeline> bind(List<Node> docs, List<Consumer> consumers) throws InputException {
        Binder b = new Binder();
        List<Pipeline> out = new ArrayList<>(docs.size());
        Map<String, Node> names = new HashMap<>();
        List<String> teams = consumers.stream().map(Consumer::team).filter(t -> t != null).collect(Collectors.toList());
        for (Node doc : docs) {
            Pipeline p = bindOne(b, doc, teams);
            if (p == null) continue;
            Node prev = names.putIfAbsent(p.name(), p.node("name"));
            if (prev != null) {
                b.problem(p.node("name"), "\"" + p.name() + "\" is already the name of the pipeline at " + prev.file() + ":"
                        + prev.line() + "; pipeline names must be unique across the inputs");
            }
            out.add(p);
        }
        if (!b.problems().isEmpty()) {
            List<Problem> sorted = new ArrayList<>(b.problems());
            sorted.sort((x, y) -> !x.file().equals(y.file()) ? x.file().compareTo(y.file())
                    : x.line() != y.line() ? Integer.compare(x.line(), y.line()) : Integer.compare(x.column(), y.column()));
            throw new InputException(sorted);
        }
        return out;
    }

    private static Pipeline bindOne(Binder b, Node doc, List<String> teams) {
        if (!doc.isMap()) {
            b.problem(doc, "expected a Universal Pipeline Template (a mapping with the key \"pipeline\"), found "
                    + (doc.isList() ? "a list" : "\"" + doc.display() + "\""));
            return null;
        }
        Binder.Obj top = b.object(doc, TOP);
        Node pn = top.get("pipeline");
        if (pn.isAbsent()) {
            b.problem(pn, "is required: the Universal Pipeline Template starts with \"pipeline:\"");
            return null;
        }
        Binder.Obj p = b.object(pn, PIPELINE);
        if (!pn.isMap()) return null;
        String name = p.requiredString("name", "name the pipeline; names are unique across the inputs");
        String owner = text(p, "owner");
        Schedule schedule = null;
        String cron = text(p, "schedule");
        if (cron != null) {
            try {
                schedule = Schedule.parse(cron);
            } catch (IllegalArgumentException e) {
                b.problem(p.get("schedule"), e.getMessage());
            }
        }
        Integer sla = p.integer("sla_minutes", 0, "the maximum acceptable runtime in whole minutes");
        if (sla != null && sla == 0) sla = null;
        Tier tier = choice(b, p, "tier", Tier.class, "a tier");
        List<String> serves = p.strings("serves");
        if (!teams.isEmpty()) {
            List<Node> sn = p.list("serves");
            for (Node s : sn) {
                if (s.isScalar() && teams.stream().noneMatch(t -> t.equalsIgnoreCase(s.text().strip()))) {
                    String near = Suggest.closest(s.text(), teams);
                    b.problem(s, "\"" + s.text() + "\" is not a consumer team of the brief"
                            + (near != null ? "; did you mean \"" + near + "\"?" : "") + " Teams: " + String.join(", ", teams));
                }
            }
        }

        Extract extract = extract(b, p.get("extract"));
        Transform transform = transform(b, p.get("transform"));
        Load load = load(b, p.get("load"));
        Binder.Obj g = b.object(p.get("quality_gates"), GATES);
        QualityGates gates = new QualityGates(p.get("quality_gates"), nonBlank(g.strings("pre_load")), nonBlank(g.strings("post_load")));
        Binder.Obj e = b.object(p.get("error_handling"), ERRORS);
        ErrorHandling errors = new ErrorHandling(p.get("error_handling"), choice(b, e, "strategy", ErrorStrategy.class, "an error-handling strategy"),
                e.integer("max_retries", 0, "a number of retries, 0 or more"),
                e.integer("retry_delay_seconds", 0, "seconds between retries, 0 or more"), nonBlank(e.strings("alert_channels")));
        Pipeline.Mode mode = extract.strategy() != null && load.strategy() != null ? Pipeline.Mode.REVIEW : Pipeline.Mode.DESIGN;
        return new Pipeline(pn, name == null ? "" : name, mode, owner, schedule, sla, tier, serves, extract, transform, load, gates, errors);
    }

    private static Extract extract(Binder b, Node n) {
        Binder.Obj x = b.object(n, EXTRACT);
        String system = text(x, "source_system");
        Node spn = x.get("source_profile");
        Binder.Obj sp = b.object(spn, SOURCE_PROFILE);
        SourceType type = choice(b, sp, "type", SourceType.class, "a source type");
        String platform = text(sp, "platform");
        Node inferredFrom = null;
        if (type == null && (spn.isAbsent() || sp.get("type").isAbsent() || blank(sp.get("type")))) {
            type = infer(platform != null ? platform : system);
            inferredFrom = platform != null ? sp.get("platform") : x.get("source_system");
            if (type == null && platform != null) {
                type = infer(system);
                inferredFrom = x.get("source_system");
            }
            if (type == null) inferredFrom = null;
        }
        Pagination pagination = choice(b, sp, "pagination", Pagination.class, "a pagination style");
        SourceProfile source = new SourceProfile(spn, type, inferredFrom, sp.bool("supports_cdc"), text(sp, "updated_at_column"),
                sp.longValue("row_count", 0, "a row count, 0 or more"), sp.bool("hard_deletes"), sp.bool("webhooks"),
                pagination, platform);
        String wm = text(x, "watermark_storage");
        Extract.Watermark kind = wm == null || NOWHERE.matcher(wm.strip().toLowerCase(Locale.ROOT)).matches() ? Extract.Watermark.NOWHERE
                : IN_CODE.matcher(wm.toLowerCase(Locale.ROOT)).matches() ? Extract.Watermark.IN_CODE : Extract.Watermark.EXTERNAL;
        return new Extract(n, system, text(x, "connection"), choice(b, x, "strategy", ExtractStrategy.class, "an extraction strategy"),
                text(x, "incremental_key"), wm, kind, source, choice(b, x, "delivery", Delivery.class, "a delivery guarantee"),
                x.integer("rate_limit_per_minute", 1, "requests per minute, 1 or more"), text(x, "reconciliation"),
                x.integer("consumer_lag_alert_seconds", 1, "seconds of lag that raise an alert, 1 or more"), cdc(b, x.get("cdc")));
    }

    /** {@code extract.cdc}, or null when the spec does not describe its change-data-capture design. */
    private static Cdc cdc(Binder b, Node n) {
        if (n.isAbsent()) return null;
        Binder.Obj c = b.object(n, CDC);
        String registry = text(c, "schema_registry");
        if (registry != null && NOWHERE.matcher(registry.strip().toLowerCase(Locale.ROOT)).matches()) registry = null;
        return new Cdc(n, text(c, "tool"), choice(b, c, "topics", CdcTopics.class, "a topic layout"), registry,
                choice(b, c, "serialization", CdcSerialization.class, "a serialization"), choice(b, c, "offsets", CdcOffsets.class, "an offset owner"));
    }

    private static Transform transform(Binder b, Node n) {
        Binder.Obj t = b.object(n, TRANSFORM);
        List<Stage> stages = new ArrayList<>();
        for (Node sn : t.list("stages")) {
            Binder.Obj s = b.object(sn, STAGE);
            if (!sn.isMap()) continue;
            stages.add(new Stage(sn, text(s, "name"), nonBlank(s.strings("operations"))));
        }
        return new Transform(n, choice(b, t, "engine", TransformEngine.class, "a transform engine"), stages);
    }

    private static Load load(Binder b, Node n) {
        Binder.Obj l = b.object(n, LOAD);
        Node dpn = l.get("data_profile");
        Binder.Obj d = b.object(dpn, DATA_PROFILE);
        DataProfile data = new DataProfile(dpn, choice(b, d, "nature", Nature.class, "a data nature"),
                d.number("daily_gb", 0, "compressed GB loaded per day, 0 or more"),
                d.integer("retention_days", 1, "days of retention, 1 or more"),
                choice(b, d, "data_type", DataType.class, "a data type"),
                d.longValue("key_cardinality", 1, "distinct values of the partition key, 1 or more"), d.bool("audit_deletions"));
        // column names reach the generated run-twice SQL: each must be a safe identifier (the SQL quotes them too)
        for (String key : List.of("merge_keys", "clustering_keys")) {
            for (Node k : l.list(key)) if (k.isScalar() && !k.text().isBlank()) column(b, k, k.text().strip());
        }
        String partition = text(l, "partition_key");
        if (partition != null && !partition.equalsIgnoreCase("none")) {
            for (String col : partition.split("[+,\\s]+")) if (!col.isBlank()) column(b, l.get("partition_key"), col);
        }
        return new Load(n, text(l, "target_system"), choice(b, l, "strategy", LoadStrategy.class, "a load strategy"),
                nonBlank(l.strings("merge_keys")), partition, nonBlank(l.strings("clustering_keys")), data);
    }

    private static void column(Binder b, Node at, String name) {
        String p = Identifiers.problem(name);
        if (p != null) b.problem(at, p + "; load keys are column names");
    }

    /** A string, or null when absent or blank (the template's "" placeholder). */
    private static String text(Binder.Obj o, String key) {
        String s = o.string(key);
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean blank(Node n) {
        return n.isScalar() && n.text().isBlank();
    }

    private static <E extends Enum<E> & Spelled> E choice(Binder b, Binder.Obj o, String key, Class<E> type, String what) {
        if (blank(o.get(key))) return null;
        return o.choice(key, type, what);
    }

    private static List<String> nonBlank(List<String> in) {
        List<String> out = new ArrayList<>(in.size());
        for (String s : in) if (!s.isBlank()) out.add(s.strip());
        return out;
    }

    /** Well-known product names to source types; null when nothing matches (no guessing beyond this list). */
    static SourceType infer(String name) {
        if (name == null) return null;
        String n = name.toLowerCase(Locale.ROOT);
        if (n.matches(".*\\b(kafka|kinesis|pub/?sub|pulsar|event ?hubs?|redpanda)\\b.*")) return SourceType.STREAM;
        if (n.matches(".*\\b(postgres(ql)?|mysql|mariadb|oracle|sql ?server|mongodb|mongo|db2|database)\\b.*")) return SourceType.DATABASE;
        if (n.matches(".*\\b(api|rest|graphql|salesforce|stripe|hubspot|zendesk|shopify)\\b.*")) return SourceType.API;
        if (n.matches(".*\\b(s3|sftp|ftp|gcs|adls|blob storage|csv files?|email)\\b.*")) return SourceType.FILES;
        return null;
    }
}
