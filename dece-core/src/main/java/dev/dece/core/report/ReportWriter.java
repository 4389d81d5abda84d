package dev.dece.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a {@link Report} as text, JSON or Markdown. Pure functions of the report, so the same report
 * always renders to the same bytes ({@code \n} line ends, no time stamps, no hash-ordered maps).
 * Thread-safe.
 */
final class ReportWriter {

    /** Created on first JSON use only: text output should not pay for Jackson's start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private ReportWriter() {}

    static String write(Report report, OutputFormat format) {
        switch (format) {
            case JSON: return json(report);
            case MARKDOWN: return markdown(report);
            case SARIF: return SarifWriter.write(report);
            case JUNIT: return JUnitWriter.write(report);
            default: return text(report);
        }
    }

    /**
     * Several reports (one per input of one run) in one document: SARIF runs and JUnit test suites side by side,
     * a JSON array of report objects, text reports each under {@code ==> INPUT <==}, Markdown reports between
     * {@code ---} rules. One report renders exactly as {@link #write(Report, OutputFormat)} does.
     */
    static String write(List<Report> reports, OutputFormat format) {
        if (reports.size() == 1) return write(reports.get(0), format);
        switch (format) {
            case SARIF: return SarifWriter.write(reports);
            case JUNIT: return JUnitWriter.write(reports);
            case JSON: {
                StringBuilder sb = new StringBuilder("[\n");
                for (int i = 0; i < reports.size(); i++) {
                    if (i > 0) sb.append(",\n");
                    sb.append(json(reports.get(i)).stripTrailing());
                }
                return sb.append("\n]\n").toString();
            }
            case MARKDOWN: {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < reports.size(); i++) {
                    if (i > 0) sb.append("\n---\n\n");
                    sb.append(markdown(reports.get(i)));
                }
                return sb.toString();
            }
            default: {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < reports.size(); i++) {
                    if (i > 0) sb.append('\n');
                    sb.append("==> ").append(c(String.join(" ", reports.get(i).inputs()))).append(" <==\n").append(text(reports.get(i)));
                }
                return sb.toString();
            }
        }
    }

    // ------------------------------------------------------------------ JSON

    /** The JSON contract: {@code {command, inputs, recommendations[], findings[], artifacts[], checks[]?, summary}}. */
    static String json(Report r) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("command", r.command());
        ArrayNode inputs = root.putArray("inputs");
        r.inputs().forEach(inputs::add);
        ArrayNode recs = root.putArray("recommendations");
        for (Recommendation rec : r.recommendations()) {
            ObjectNode o = recs.addObject();
            o.put("ruleId", rec.ruleId());
            o.put("topic", rec.topic());
            o.put("choice", rec.choice());
            o.put("rationale", rec.rationale());
            evidence(o.putArray("evidence"), rec.evidence());
            ArrayNode alts = o.putArray("alternatives");
            for (Alternative a : rec.alternatives()) {
                alts.addObject().put("choice", a.choice()).put("reason", a.reason());
            }
        }
        ArrayNode fs = root.putArray("findings");
        for (Finding f : r.listed()) {
            ObjectNode o = fs.addObject();
            o.put("ruleId", f.ruleId());
            o.put("severity", f.severity().name());
            o.put("topic", f.topic());
            o.put("message", f.message());
            ObjectNode loc = o.putObject("location");
            loc.put("file", f.location().file());
            loc.put("line", f.location().line());
            if (f.location().column() > 0) loc.put("column", f.location().column());
            loc.put("path", f.location().path());
            o.put("remediation", f.remediation());
            evidence(o.putArray("evidence"), f.evidence());
            if (f.subject() != null) o.put("subject", f.subject());
            if (f.waived()) {
                Suppression w = f.suppression();
                ObjectNode wo = o.putObject("waived");
                wo.put("kind", w.kind().label()).put("reason", w.reason());
                if (w.approvedBy() != null) wo.put("approvedBy", w.approvedBy());
                if (w.expires() != null) wo.put("expires", w.expires());
                wo.put("source", w.source());
            }
        }
        ArrayNode arts = root.putArray("artifacts");
        for (Artifact a : r.artifacts()) {
            arts.addObject().put("kind", a.kind()).put("name", a.name()).put("content", a.content());
        }
        if (!r.checks().isEmpty()) {
            ArrayNode cs = root.putArray("checks");
            for (CheckOutcome c : r.checks()) {
                ObjectNode o = cs.addObject();
                o.put("id", c.id()).put("kind", c.kind()).put("subject", c.subject()).put("status", c.status().label());
                ObjectNode m = o.putObject("measures");
                for (Evidence e : c.measures()) m.put(e.path(), e.value());
                if (c.detail() != null) o.put("detail", c.detail());
                if (c.finding() != null) o.put("ruleId", c.finding().ruleId()).put("severity", c.finding().severity().name());
            }
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("recommendations", r.recommendations().size());
        summary.put("findings", r.active().size());
        if (r.waivedCount() > 0) summary.put("waived", r.waivedCount());
        if (r.knownCount() > 0) summary.put("baselineKnown", r.knownCount());
        ObjectNode bySev = summary.putObject("bySeverity");
        counts(r).forEach((s, n) -> bySev.put(s.name(), n));
        try {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return Json.MAPPER.writer(pp).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void evidence(ArrayNode arr, List<Evidence> ev) {
        for (Evidence e : ev) {
            arr.addObject().put("path", e.path()).put("value", e.value());
        }
    }

    static Map<Severity, Integer> counts(Report r) {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) m.put(s, 0);
        for (Finding f : r.active()) m.merge(f.severity(), 1, Integer::sum);
        return m;
    }

    // ------------------------------------------------------------------ text

    /** For people: recommendations grouped by topic with the why, then findings by severity. */
    static String text(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append("DECE ").append(r.command()).append(": ").append(c(String.join(", ", r.inputs()))).append("\n");
        if (!r.recommendations().isEmpty()) {
            sb.append("\nRECOMMENDATIONS\n");
            for (Map.Entry<String, List<Recommendation>> e : byTopic(r.recommendations()).entrySet()) {
                sb.append("\n  ").append(c(e.getKey())).append('\n');
                for (Recommendation rec : e.getValue()) {
                    sb.append("    ").append(c(rec.choice())).append("  [").append(c(rec.ruleId())).append("]\n");
                    sb.append("      why:  ").append(c(rec.rationale())).append('\n');
                    if (!rec.evidence().isEmpty()) {
                        sb.append("      from: ").append(rec.evidence().stream().map(ReportWriter::ev)
                                .collect(Collectors.joining("; "))).append('\n');
                    }
                    for (Alternative a : rec.alternatives()) {
                        sb.append("      not ").append(c(a.choice())).append(": ").append(c(a.reason())).append('\n');
                    }
                }
            }
        }
        if (!r.listed().isEmpty()) {
            sb.append("\nFINDINGS\n");
            for (Finding f : r.listed()) {
                sb.append("\n  ").append(f.severity()).append(' ').append(f.severity().word()).append("  ")
                        .append(c(f.ruleId())).append("  ").append(c(f.topic())).append("  ").append(c(where(f))).append('\n');
                sb.append("    ").append(c(f.message())).append('\n');
                sb.append("    fix: ").append(c(f.remediation())).append('\n');
                if (f.waived()) sb.append("    WAIVED: ").append(c(waiver(f.suppression()))).append('\n');
            }
        }
        for (Artifact a : r.artifacts()) {
            sb.append("\nARTIFACT ").append(c(a.kind())).append(": ").append(c(a.name())).append('\n');
            sb.append(block(a.content()));
            if (!a.content().endsWith("\n")) sb.append('\n');
        }
        sb.append('\n').append(summaryLine(r)).append('\n');
        return sb.toString();
    }

    /**
     * {@code 9 recommendations, 2 findings (P0 0, P1 1, P2 1, P3 0)}, then {@code , 1 waived} and
     * {@code , 40 known from the baseline} when there are such findings; the counts are of findings that count.
     */
    static String summaryLine(Report r) {
        Map<Severity, Integer> c = counts(r);
        String line = plural(r.recommendations().size(), "recommendation") + ", " + plural(r.active().size(), "finding") + " ("
                + c.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")";
        if (r.waivedCount() > 0) line += ", " + r.waivedCount() + " waived";
        if (r.knownCount() > 0) line += ", " + r.knownCount() + " known from the baseline";
        return line;
    }

    /** {@code reason (approved by X, until 2027-03-31; .dece-waivers.yaml:4)}. */
    static String waiver(Suppression w) {
        StringBuilder sb = new StringBuilder(w.reason()).append(" (");
        if (w.approvedBy() != null) sb.append("approved by ").append(w.approvedBy()).append(", ");
        sb.append(w.expires() != null ? "until " + w.expires() : "no expiry").append("; ").append(w.source()).append(')');
        return sb.toString();
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String ev(Evidence e) {
        return c(e.path() + " = " + e.value());
    }

    /**
     * One line of text for a terminal: control characters (escape sequences that could recolour, move the
     * cursor or retitle a terminal, carried in from an input's names) shown as {@code \\uXXXX}, and line
     * breaks as {@code \\n}, so a name cannot start a line of its own that looks like part of the report.
     */
    static String c(String s) {
        return s != null && s.indexOf('\n') >= 0 ? block(s.replace("\r\n", "\\n").replace("\n", "\\n")) : block(s);
    }

    /** A block of lines (an artifact's content): control characters other than line feed and tab escaped. */
    static String block(String s) {
        if (s == null) return "null";
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean control = (ch < 0x20 && ch != '\n' && ch != '\t') || (ch >= 0x7f && ch <= 0x9f);
            if (control && sb == null) sb = new StringBuilder(s.substring(0, i));
            if (sb != null) {
                if (control) sb.append(String.format("\\u%04x", (int) ch));
                else sb.append(ch);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static String where(Finding f) {
        StringBuilder sb = new StringBuilder(f.location().where());
        if (!f.location().path().isEmpty()) sb.append(' ').append(f.location().path());
        return sb.toString();
    }

    private static Map<String, List<Recommendation>> byTopic(List<Recommendation> recs) {
        Map<String, List<Recommendation>> m = new LinkedHashMap<>();
        for (Recommendation r : recs) m.computeIfAbsent(r.topic(), k -> new ArrayList<>()).add(r);
        return m;
    }

    // ------------------------------------------------------------------ Markdown

    static String markdown(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# DECE ").append(r.command()).append(": ").append(md(String.join(", ", r.inputs()))).append("\n\n");
        sb.append(summaryLine(r)).append("\n");
        if (!r.recommendations().isEmpty()) {
            sb.append("\n## Recommendations\n");
            for (Map.Entry<String, List<Recommendation>> e : byTopic(r.recommendations()).entrySet()) {
                sb.append("\n### ").append(md(e.getKey())).append("\n");
                for (Recommendation rec : e.getValue()) {
                    sb.append("\n**").append(md(rec.choice())).append("** (`").append(md(rec.ruleId())).append("`): ")
                            .append(md(rec.rationale())).append("\n");
                    if (!rec.evidence().isEmpty()) {
                        sb.append("\n- Evidence: ").append(rec.evidence().stream()
                                .map(x -> code(x.path()) + " = " + md(x.value())).collect(Collectors.joining(", "))).append("\n");
                    }
                    for (Alternative a : rec.alternatives()) {
                        sb.append("- Not ").append(md(a.choice())).append(": ").append(md(a.reason())).append("\n");
                    }
                }
            }
        }
        if (!r.listed().isEmpty()) {
            sb.append("\n## Findings\n\n| Severity | Rule | Topic | Where | Finding | Fix |\n|---|---|---|---|---|---|\n");
            for (Finding f : r.listed()) {
                sb.append("| ").append(f.waived() ? "waived " + f.severity() : f.severity().name()).append(" | ").append(md(f.ruleId())).append(" | ").append(md(f.topic()))
                        .append(" | ").append(md(where(f))).append(" | ").append(md(f.message())).append(" | ")
                        .append(md(f.remediation() + (f.waived() ? " Waived: " + waiver(f.suppression()) : ""))).append(" |\n");
            }
        }
        for (Artifact a : r.artifacts()) {
            String fence = fence(a.content());
            sb.append("\n## Artifact: ").append(md(a.name())).append(" (").append(md(a.kind())).append(")\n\n")
                    .append(fence).append('\n').append(block(a.content()));
            if (!a.content().endsWith("\n")) sb.append('\n');
            sb.append(fence).append('\n');
        }
        return sb.toString();
    }

    /** One line of Markdown: pipes escaped for tables, and '<', '&' as entities so no input name becomes HTML. */
    private static String md(String s) {
        return c(s).replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|");
    }

    /** Inline code that a backtick in the text cannot end early. */
    private static String code(String s) {
        String t = c(s);
        String ticks = "`".repeat(longestRun(t, '`') + 1);
        return ticks + (t.startsWith("`") || t.endsWith("`") ? " " + t + " " : t) + ticks;
    }

    /** A code fence longer than any run of backticks in the content, so the content cannot close it. */
    private static String fence(String content) {
        return "`".repeat(Math.max(3, longestRun(content, '`') + 1));
    }

    private static int longestRun(String s, char ch) {
        int best = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == ch ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }
}
