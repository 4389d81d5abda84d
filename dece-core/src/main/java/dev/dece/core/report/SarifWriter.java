package dev.dece.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a report's findings as SARIF 2.1.0, so a CI system (GitHub code scanning, GitLab, Azure
 * DevOps) shows each finding on the input line it is about. One run per report (so per input when one process
 * reads many), tool {@code DECE}; one
 * {@code reportingDescriptor} per rule that has a finding, sorted by ID; one result per finding in the
 * report's order, on its line and, when the finding has one, its column ({@code startColumn}, e.g. the SQL
 * expression a finding is about). Severity maps to SARIF {@code level}: P0 and P1 {@code error}, P2 {@code warning},
 * P3 {@code note}; the DECE severity, topic, remediation and evidence travel in {@code properties}.
 * Recommendations and artifacts are not findings and are not written. Deterministic (no time stamps);
 * thread-safe.
 */
final class SarifWriter {

    /** The schema this output validates against. */
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SarifWriter() {}

    static String write(Report r) {
        return write(List.of(r));
    }

    /** One SARIF log, one run per report (many inputs in one process), in the order given. */
    static String write(List<Report> reports) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ArrayNode runs = root.putArray("runs");
        for (Report r : reports) run(runs.addObject(), r);
        return pretty(root);
    }

    private static void run(ObjectNode run, Report r) {
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "DECE");
        driver.put("version", Version.NUMBER);
        Map<String, Finding> firstByRule = new TreeMap<>();
        for (Finding f : r.listed()) firstByRule.putIfAbsent(f.ruleId(), f);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new TreeMap<>();
        for (Finding f : firstByRule.values()) {
            index.put(f.ruleId(), index.size());
            ObjectNode d = rules.addObject();
            d.put("id", f.ruleId());
            d.putObject("shortDescription").put("text", f.ruleId() + " (" + f.topic() + ")");
            d.putObject("defaultConfiguration").put("level", level(f.severity()));
            d.putObject("properties").put("topic", f.topic());
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : r.listed()) {
            ObjectNode res = results.addObject();
            res.put("ruleId", f.ruleId());
            res.put("ruleIndex", index.get(f.ruleId()));
            res.put("level", level(f.severity()));
            res.putObject("message").put("text", f.message() + " Fix: " + f.remediation());
            ObjectNode loc = res.putArray("locations").addObject();
            if (!f.location().file().isEmpty()) {
                ObjectNode phys = loc.putObject("physicalLocation");
                phys.putObject("artifactLocation").put("uri", uri(f.location().file()));
                if (f.location().line() > 0) {
                    ObjectNode region = phys.putObject("region").put("startLine", f.location().line());
                    if (f.location().column() > 0) region.put("startColumn", f.location().column());
                }
            }
            if (!f.location().path().isEmpty()) {
                loc.putArray("logicalLocations").addObject().put("fullyQualifiedName", f.location().path()).put("kind", "member");
            }
            if (f.waived()) {
                // SARIF's own way to say a result was reviewed and accepted; viewers hide it but keep it
                Suppression w = f.suppression();
                ObjectNode sup = res.putArray("suppressions").addObject();
                sup.put("kind", w.kind() == Suppression.Kind.INLINE ? "inSource" : "external");
                sup.put("status", "accepted");
                sup.put("justification", ReportWriter.waiver(w));
            }
            ObjectNode props = res.putObject("properties");
            props.put("severity", f.severity().name());
            props.put("topic", f.topic());
            props.put("remediation", f.remediation());
            ArrayNode ev = props.putArray("evidence");
            for (Evidence e : f.evidence()) ev.addObject().put("path", e.path()).put("value", e.value());
        }
        if (r.knownCount() > 0) run.putObject("properties").put("baselineKnown", r.knownCount());
    }

    private static String pretty(ObjectNode root) {
        try {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return MAPPER.writer(pp).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** P0 and P1 are errors, P2 a warning, P3 and INFO a note. */
    static String level(Severity s) {
        switch (s) {
            case P0:
            case P1: return "error";
            case P2: return "warning";
            default: return "note";
        }
    }

    /** A relative URI reference for a file name as given: forward slashes, spaces and '%' escaped. */
    static String uri(String file) {
        return file.replace('\\', '/').replace("%", "%25").replace(" ", "%20");
    }
}
