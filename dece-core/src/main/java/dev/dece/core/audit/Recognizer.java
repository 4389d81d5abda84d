package dev.dece.core.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.doc.Inputs;
import dev.dece.core.drl.AuditInput;
import dev.dece.core.drl.Node;
import dev.dece.core.input.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells what a file of the platform folder is by its content, never by its name: the first JSON value's keys (dbt
 * artifacts by {@code metadata.dbt_schema_version}, run logs in the three monitor formats, Spark event logs), a CSV
 * header (FOCUS billing rows, Snowflake and BigQuery exports), the first statement of a SQL file, a Markdown heading,
 * or the top-level keys of a YAML or JSON document (the methodology's templates, ODCS by {@code apiVersion}/{@code
 * kind}, the Data Contract Specification by {@code dataContractSpecification}). The readers of the commands then read
 * the file; this class only looks at its head (at most {@link #HEAD} bytes) or its top-level keys.
 */
final class Recognizer {
    private Recognizer() {}

    /** Bytes of a file looked at to tell its format. */
    static final int HEAD = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();
    private static final Pattern SCHEMA = Pattern.compile("\"dbt_schema_version\"\\s*:\\s*\"([^\"]{1,300})\"");

    /** What DECE reads, and which command reads it. */
    enum Kind {
        BRIEF("brief", "assess"), PIPELINE_SPEC("pipeline-spec", "pipeline"), CONTRACT("data-contract", "quality"),
        ODCS("odcs-contract", "quality"), DCS("datacontract-specification", "quality"), MODEL("dimensional-model", "model"),
        CATALOG_ENTRY("catalog-entry", "catalog"), COST_TEMPLATE("cost-allocation-template", "cost"),
        COST_CONTEXT("cost-context", "cost"), RECOVERY("disaster-recovery-posture", "recovery"),
        BACKFILL_QUEUE("backfill-queue", "monitor"), TABLE_LIST("table-list", "optimize"),
        DBT_MANIFEST("dbt-manifest", "lint"), DBT_RUN_RESULTS("dbt-run-results", "monitor"), DBT_SOURCES("dbt-sources", "monitor"),
        RUN_LOG("run-log-structured", "monitor"), OPENLINEAGE("run-log-openlineage", "monitor"),
        SPARK_EVENT_LOG("spark-event-log", "optimize"), FOCUS("billing-focus", "cost"),
        METERING("snowflake-warehouse-metering", "cost"), QUERY_HISTORY("query-history", "optimize"),
        SQL("sql-queries", "optimize"), DDL("sql-ddl", "lint"), FEATURE_STORE("feature-store", "audit"), README("readme", "audit"),
        IGNORED("ignored", "-");

        final String label;
        final String command;

        Kind(String label, String command) {
            this.label = label;
            this.command = command;
        }
    }

    /** A file and what it was recognised as. */
    record Seen(Path file, Kind kind, String reason) {
        AuditInput fact() {
            return new AuditInput(file.toString(), kind.label, kind.command, reason);
        }
    }

    /**
     * What {@code file} is.
     *
     * @throws InputException when it claims to be YAML or JSON (by its extension) but is not valid, or cannot be read
     */
    static Seen recognise(Path file, DocumentLoader loader) throws InputException {
        byte[] head = head(file, loader);
        if (head.length == 0) return new Seen(file, Kind.IGNORED, "empty file");
        for (byte b : head) {
            if (b == 0) return new Seen(file, Kind.IGNORED, "binary content (NUL bytes); DECE reads text formats (compressed event logs: dece optimize --event-log)");
        }
        String text = new String(head, StandardCharsets.UTF_8);
        String trimmed = stripBom(text).stripLeading();
        String first = firstLine(trimmed);
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            Seen s = json(file, trimmed, first);
            if (s != null) return s;
        }
        Seen csv = csv(file, first);
        if (csv != null) return csv;
        Seen sql = sql(file, trimmed);
        if (sql != null) return sql;
        Seen y = yaml(file, loader);
        if (y.kind() == Kind.IGNORED && (first.startsWith("# ") || first.startsWith("## "))) {
            return new Seen(file, Kind.README, "Markdown document (first line is a heading, no template key)");
        }
        return y;
    }

    private static byte[] head(Path file, DocumentLoader loader) throws InputException {
        try (InputStream in = Inputs.open(file, Long.MAX_VALUE, "Limits.maxStreamBytes", "a platform file")) {
            return in.readNBytes(HEAD);
        } catch (IOException e) {
            throw new InputException(dev.dece.core.input.Problem.file(file.toString(), "cannot be read: " + e.getMessage()));
        }
    }

    private static Seen json(Path file, String text, String first) {
        // JSON lines: the first line is a whole value
        JsonNode line = parse(first);
        if (line != null && line.isObject()) {
            JsonNode ev = line.get("Event");
            if (ev != null && ev.asText("").startsWith("SparkListener")) return new Seen(file, Kind.SPARK_EVENT_LOG, "JSON lines with \"Event\": \"" + ev.asText() + "\"");
            if (line.has("pipeline_name")) return new Seen(file, Kind.RUN_LOG, "JSON lines with pipeline_name (Structured Logging Standard)");
            if (line.has("eventType") || (line.has("run") && line.has("job"))) return new Seen(file, Kind.OPENLINEAGE, "JSON lines with eventType/run/job (OpenLineage)");
        }
        if (text.startsWith("[")) {
            JsonNode el = firstElement(text);
            if (el != null && el.has("pipeline_name")) return new Seen(file, Kind.RUN_LOG, "JSON array of records with pipeline_name (Structured Logging Standard)");
            if (el != null && (el.has("eventType") || (el.has("run") && el.has("job")))) return new Seen(file, Kind.OPENLINEAGE, "JSON array of OpenLineage RunEvents");
            return null;
        }
        Matcher m = SCHEMA.matcher(text);
        if (m.find()) {
            String schema = m.group(1);
            if (schema.contains("/manifest/")) return new Seen(file, Kind.DBT_MANIFEST, "metadata.dbt_schema_version " + schema);
            if (schema.contains("/run-results/")) return new Seen(file, Kind.DBT_RUN_RESULTS, "metadata.dbt_schema_version " + schema);
            if (schema.contains("/sources/")) return new Seen(file, Kind.DBT_SOURCES, "metadata.dbt_schema_version " + schema);
            return new Seen(file, Kind.IGNORED, "dbt artifact " + schema + ": DECE reads manifest.json, run_results.json and sources.json");
        }
        return null; // a JSON document: its keys are read as a YAML document's
    }

    private static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static JsonNode firstElement(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY || p.nextToken() != JsonToken.START_OBJECT) return null;
            return JSON.readTree(p);
        } catch (IOException | RuntimeException e) {
            return null; // the head cut the first record: not one of the array formats DECE tells apart here
        }
    }

    private static Seen csv(Path file, String first) {
        if (!first.contains(",")) return null;
        List<String> cols = new ArrayList<>();
        for (String c : first.split(",")) cols.add(c.strip().replace("\"", "").toUpperCase(Locale.ROOT));
        if (cols.contains("BILLEDCOST") && cols.contains("CHARGEPERIODSTART")) return new Seen(file, Kind.FOCUS, "CSV header with BilledCost, ChargePeriodStart (FOCUS)");
        if (cols.contains("QUERY_ID") && cols.contains("QUERY_TEXT")) return new Seen(file, Kind.QUERY_HISTORY, "CSV header with QUERY_ID, QUERY_TEXT (Snowflake QUERY_HISTORY)");
        if (cols.contains("JOB_ID") && cols.contains("QUERY")) return new Seen(file, Kind.QUERY_HISTORY, "CSV header with job_id, query (BigQuery JOBS)");
        if (cols.contains("WAREHOUSE_NAME") && cols.contains("CREDITS_USED")) return new Seen(file, Kind.METERING, "CSV header with WAREHOUSE_NAME, CREDITS_USED (Snowflake WAREHOUSE_METERING_HISTORY)");
        return null;
    }

    private static final Pattern SQL_START = Pattern.compile("(?is)^(select|with|insert|merge|update|delete|create|alter)\\b.*");

    private static Seen sql(Path file, String text) {
        String body = text;
        // leading comments and blank lines
        while (true) {
            String t = body.stripLeading();
            if (t.startsWith("--")) {
                int nl = t.indexOf('\n');
                body = nl < 0 ? "" : t.substring(nl + 1);
            } else if (t.startsWith("/*")) {
                int end = t.indexOf("*/");
                body = end < 0 ? "" : t.substring(end + 2);
            } else {
                body = t;
                break;
            }
        }
        if (!SQL_START.matcher(body).matches()) return null;
        String word = body.split("\\s+", 3).length > 1 ? (body.split("\\s+", 3)[0] + " " + body.split("\\s+", 3)[1]).toLowerCase(Locale.ROOT) : "";
        if (word.startsWith("create table") || word.startsWith("create or")) {
            return new Seen(file, Kind.DDL, "SQL starting with " + word.toUpperCase(Locale.ROOT));
        }
        return new Seen(file, Kind.SQL, "SQL starting with " + body.split("\\s+", 2)[0].toUpperCase(Locale.ROOT));
    }

    private static Seen yaml(Path file, DocumentLoader loader) throws InputException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean claims = name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
        List<Node> docs;
        try {
            docs = loader.load(file);
        } catch (InputException e) {
            if (claims) throw e; // a YAML or JSON file DECE cannot read is a located problem, never skipped
            if (e.problems().isEmpty()) throw e;
            return new Seen(file, Kind.IGNORED, "not YAML, JSON, CSV, SQL or Markdown that DECE reads (" + e.problems().get(0).message() + ")");
        }
        if (docs.isEmpty() || !docs.get(0).isMap()) {
            return new Seen(file, Kind.IGNORED, "plain text, not a document DECE reads");
        }
        Node d = docs.get(0);
        if (d.has("pipeline")) return new Seen(file, Kind.PIPELINE_SPEC, "top-level key pipeline (Universal Pipeline Template)");
        if (d.has("dataContractSpecification")) return new Seen(file, Kind.DCS, "top-level key dataContractSpecification");
        if (d.has("apiVersion") && "DataContract".equals(d.get("kind").text())) return new Seen(file, Kind.ODCS, "apiVersion " + d.get("apiVersion").text() + ", kind DataContract (ODCS)");
        if (d.has("contract")) return new Seen(file, Kind.CONTRACT, "top-level key contract (Data Contract Template)");
        if (d.has("fact_table") || d.has("dimensions")) return new Seen(file, Kind.MODEL, "top-level key fact_table/dimensions (Dimensional Model Template)");
        if (d.has("data_consumers") || d.has("project_name")) return new Seen(file, Kind.BRIEF, "top-level keys project_name/data_consumers (Architecture Brief)");
        if (d.has("dataset")) return new Seen(file, Kind.CATALOG_ENTRY, "top-level key dataset (Data Catalog Entry Template)");
        if (d.has("cost_tracking")) return new Seen(file, Kind.COST_TEMPLATE, "top-level key cost_tracking (Cost Allocation Template)");
        if (d.has("cost_context")) return new Seen(file, Kind.COST_CONTEXT, "top-level key cost_context");
        if (d.has("disaster_recovery")) return new Seen(file, Kind.RECOVERY, "top-level key disaster_recovery");
        if (d.has("backfill_queue")) return new Seen(file, Kind.BACKFILL_QUEUE, "top-level key backfill_queue");
        if (d.has("feature_store")) return new Seen(file, Kind.FEATURE_STORE, "top-level key feature_store (Feature Store Pattern)");
        if (d.has("tables")) return new Seen(file, Kind.TABLE_LIST, "top-level key tables (table list)");
        List<String> keys = new ArrayList<>(d.fields().keySet());
        if (keys.size() > 5) keys = new ArrayList<>(keys.subList(0, 5));
        return new Seen(file, Kind.IGNORED, "a document with top-level keys " + keys + ": no template DECE reads");
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
