package dev.dece.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.dece.core.doc.Inputs;
import dev.dece.core.drl.AuditMeasure;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;
import dev.dece.core.input.Problem;
import dev.dece.core.policy.Policy;
import dev.dece.core.policy.PolicyKey;
import dev.dece.core.report.CheckOutcome;
import dev.dece.core.report.Evidence;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Recommendation;
import dev.dece.core.report.Report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The scores read back from the evaluated report (the winner of each {@code audit.<dimension>} slot, one slot per
 * scope), with their evidence, the findings that cost points, what would raise each most, the trend against a previous
 * audit, and the scorecard written as Markdown (the same content in every output format).
 */
final class Scorecard {

    /** One dimension of one scope. {@code level} null: no evidence. */
    record Score(String scope, Rubric.Dimension dim, Integer level, String ruleId, String criterion, List<Evidence> evidence,
                 List<Finding> costing) {
        int points() {
            return level == null ? 0 : level;
        }
    }

    /** A scope's scores and total. */
    record ScopeScore(String scope, List<Score> scores, int total, int max) {}

    record Change(String id, int before, int after) {}

    final List<ScopeScore> scopes = new ArrayList<>();
    final List<Finding> findings;
    final Map<Finding, String> dimensionOf = new LinkedHashMap<>();
    final List<Change> changes = new ArrayList<>();
    final List<Finding> fresh = new ArrayList<>();
    final boolean hasBaseline;
    final Rubric.Band band;
    final List<Measures.Layer> pyramid;
    final List<Recognizer.Seen> seen;

    private Scorecard(List<Finding> findings, boolean hasBaseline, Rubric.Band band, List<Measures.Layer> pyramid, List<Recognizer.Seen> seen) {
        this.findings = findings;
        this.hasBaseline = hasBaseline;
        this.band = band;
        this.pyramid = pyramid;
        this.seen = seen;
    }

    ScopeScore platform() {
        return scopes.get(0);
    }

    static Scorecard of(Report audit, List<Finding> all, Platform p, Measures m, Policy policy, Path baseline, Limits limits) throws InputException {
        Map<String, Recommendation> won = new TreeMap<>();
        for (Recommendation r : audit.recommendations()) {
            String scope = null;
            for (Evidence e : r.evidence()) if (e.path().equals("scope")) scope = e.value();
            if (scope != null) won.put(scope + "\u0000" + r.topic(), r);
        }
        Map<String, String> dims = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        order.add(Measures.PLATFORM);
        Set<String> pipelines = new TreeSet<>(), datasets = new TreeSet<>();
        for (AuditMeasure am : m.out) {
            if (am.scope().startsWith("pipeline:")) pipelines.add(am.scope());
            if (am.scope().startsWith("dataset:")) datasets.add(am.scope());
        }
        order.addAll(pipelines);
        order.addAll(datasets);
        Map<String, Set<String>> measured = new TreeMap<>();
        for (AuditMeasure am : m.out) measured.computeIfAbsent(am.scope(), k -> new TreeSet<>()).add(am.dimension());

        Map<Finding, String> dimOf = new LinkedHashMap<>();
        for (Finding f : all) dimOf.put(f, dimensionOf(f));
        Map<String, Object> previous = baseline == null ? Map.of() : previous(baseline, limits);
        @SuppressWarnings("unchecked") Map<String, Integer> before = (Map<String, Integer>) previous.getOrDefault("scores", Map.of());
        @SuppressWarnings("unchecked") Set<String> known = (Set<String>) previous.getOrDefault("findings", Set.of());

        // the findings that cost each dimension points, grouped once by dimension (the platform's) and by scope and
        // dimension: a platform of 10 000 datasets has 11 000 scopes, so scanning every finding per scope is quadratic
        Map<String, List<Finding>> platformCosts = new java.util.HashMap<>();
        Map<String, List<Finding>> scopeCosts = new java.util.HashMap<>();
        for (Map.Entry<Finding, String> e : dimOf.entrySet()) {
            Finding f = e.getKey();
            if (!f.active() || e.getValue() == null) continue;
            platformCosts.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(f);
            scopeCosts.computeIfAbsent(scopeOf(f, pipelines) + "\u0000" + e.getValue(), k -> new ArrayList<>()).add(f);
        }
        List<Scorecard.ScopeScore> scored = new ArrayList<>();
        int platformTotal = 0;
        for (String scope : order) {
            List<Score> scores = new ArrayList<>();
            int total = 0, max = 0;
            for (Rubric.Dimension d : Rubric.DIMENSIONS) {
                if (scope.startsWith("dataset:") && !Rubric.DATASET_DIMENSIONS.contains(d.key())) continue;
                Recommendation r = won.get(scope + "\u0000audit." + d.key());
                Integer level = r == null ? null : Integer.valueOf(r.choice());
                List<Evidence> ev = r == null ? List.of() : r.evidence().stream().filter(e -> !e.path().equals("scope")).toList();
                List<Finding> costing = List.copyOf(scope.equals(Measures.PLATFORM) ? platformCosts.getOrDefault(d.key(), List.of())
                        : scopeCosts.getOrDefault(scope + "\u0000" + d.key(), List.of()));
                String criterion = r == null ? (measured.getOrDefault(scope, Set.of()).contains(d.key()) ? "no criterion met" : "no evidence") : r.rationale();
                scores.add(new Score(scope, d, level, r == null ? null : r.ruleId(), criterion, ev, costing));
                total += level == null ? 0 : level;
                max += d.weight();
            }
            if (scope.equals(Measures.PLATFORM)) platformTotal = total;
            scored.add(new ScopeScore(scope, scores, total, max));
        }
        Rubric.Band band = Rubric.band(platformTotal, policy.value(PolicyKey.AUDIT_BAND_CRITICAL_MAX),
                policy.value(PolicyKey.AUDIT_BAND_FRAGILE_MAX), policy.value(PolicyKey.AUDIT_BAND_SOLID_MAX));
        Scorecard s = new Scorecard(all, baseline != null, band, m.pyramid, p.seen);
        s.scopes.addAll(scored);
        s.dimensionOf.putAll(dimOf);
        if (baseline != null) {
            for (ScopeScore sc : scored) {
                Integer b = before.get(sc.scope() + ".total");
                if (b != null && b != sc.total()) s.changes.add(new Change(sc.scope() + ".total", b, sc.total()));
                for (Score x : sc.scores()) {
                    Integer bx = before.get(sc.scope() + "." + x.dim().key());
                    if (bx != null && bx != x.points()) s.changes.add(new Change(sc.scope() + "." + x.dim().key(), bx, x.points()));
                }
            }
            for (Finding f : all) if (!known.contains(fingerprint(f))) s.fresh.add(f);
        }
        return s;
    }

    /** The rubric dimension a finding of another command weighs on, from its rule set's topic; "other" when none. */
    static String dimensionOf(Finding f) {
        String t = f.topic() == null ? "" : f.topic().toLowerCase(Locale.ROOT);
        String id = f.ruleId();
        if (id.startsWith("AUD-")) {
            return t.startsWith("audit.") && !t.equals("audit.inputs") && !t.equals("audit.band") ? t.substring(6) : "other";
        }
        if (id.startsWith("COST")) return "cost";
        if (id.startsWith("FST")) return "quality";
        if (id.startsWith("MESH")) return "documentation";
        if (t.startsWith("triage")) return "reliability";
        if (t.startsWith("monitor.") || t.startsWith("log.")) {
            if (t.contains("success") || t.contains("fail") || t.contains("backfill") || t.contains("watermark")) return "reliability";
            if (t.contains("runtime") || t.contains("sla")) return "performance";
            if (t.contains("fresh") || t.contains("volume") || t.contains("quality") || t.contains("rows")) return "quality";
            return "monitoring";
        }
        if (id.startsWith("OPT") || id.startsWith("SPK") || id.startsWith("SQL") || t.contains("partition") || t.contains("runtime")
                || t.contains("sla") || t.startsWith("optimize") || t.startsWith("spark")) return "performance";
        if (t.startsWith("catalog") || t.contains("doc") || t.contains("naming")) return "documentation";
        if (t.contains("test") || t.contains("coverage")) return "testing";
        if (t.contains("quality") || t.startsWith("contract") || t.contains("fresh") || t.contains("volume") || t.startsWith("model")) return "quality";
        if (t.contains("log") || t.contains("alert") || t.contains("monitor") || t.contains("dashboard")) return "monitoring";
        if (t.contains("success") || t.contains("fail") || t.contains("error") || t.contains("idempot") || t.contains("extract")
                || t.contains("load") || t.contains("recovery") || t.contains("triage") || t.contains("schedule") || id.startsWith("DR-")) return "reliability";
        return "other";
    }

    /** The scope a finding is about: its pipeline (by subject, or a check of it such as {@code orders.success_rate}), else the platform. */
    static String scopeOf(Finding f, Set<String> pipelines) {
        if (f.subject() == null) return Measures.PLATFORM;
        String s = f.subject();
        if (pipelines.contains("pipeline:" + s)) return "pipeline:" + s;
        String head = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
        return pipelines.contains("pipeline:" + head) ? "pipeline:" + head : Measures.PLATFORM;
    }

    static String fingerprint(Finding f) {
        return f.ruleId() + "\u0000" + f.location().file() + "\u0000" + f.location().path() + "\u0000" + (f.subject() == null ? "" : f.subject());
    }

    /** A previous audit's JSON report: its scores by check id and its findings' fingerprints. */
    private static Map<String, Object> previous(Path file, Limits limits) throws InputException {
        byte[] bytes = Inputs.read(file, limits.maxBytes(), "Limits.maxBytes", "a previous audit's JSON report");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new InputException(Problem.file(file.toString(), "is not valid JSON: " + e.getMessage().lines().findFirst().orElse("")
                    + "; give the JSON report of a previous dece audit (--format json)"));
        }
        if (root == null || !root.isObject() || !"audit".equals(root.path("command").asText())) {
            throw new InputException(Problem.file(file.toString(), "is not the JSON report of a dece audit (\"command\": \"audit\"); write one with dece audit --format json"));
        }
        Map<String, Integer> scores = new TreeMap<>();
        for (JsonNode c : root.path("checks")) {
            if (!c.path("kind").asText().startsWith("audit.")) continue;
            String v = c.path("measures").path("score").asText("");
            try {
                scores.put(c.path("id").asText(), Integer.parseInt(v));
            } catch (NumberFormatException e) {
                throw new InputException(Problem.file(file.toString(), "checks[" + c.path("id").asText() + "].measures.score: \"" + v + "\" is not a whole number of points"));
            }
        }
        Set<String> fps = new TreeSet<>();
        for (JsonNode f : root.path("findings")) {
            JsonNode loc = f.path("location");
            fps.add(f.path("ruleId").asText() + "\u0000" + loc.path("file").asText() + "\u0000" + loc.path("path").asText() + "\u0000"
                    + f.path("subject").asText(""));
        }
        Map<String, Object> out = new TreeMap<>();
        out.put("scores", scores);
        out.put("findings", fps);
        return out;
    }

    /** The typed outcomes: one per dimension of each scope, and one total per scope. */
    List<CheckOutcome> checks() {
        List<CheckOutcome> out = new ArrayList<>();
        for (ScopeScore sc : scopes) {
            out.add(new CheckOutcome(sc.scope() + ".total", "audit.total", sc.scope(), sc.total() == sc.max() ? CheckOutcome.Status.PASS : CheckOutcome.Status.FAIL,
                    List.of(Evidence.of("score", sc.total()), Evidence.of("max", sc.max())),
                    sc.scope().equals(Measures.PLATFORM) ? band.name() + ": " + band.advice() : null, null));
            for (Score s : sc.scores()) {
                List<Evidence> ms = new ArrayList<>();
                ms.add(Evidence.of("score", s.points()));
                ms.add(Evidence.of("max", s.dim().weight()));
                ms.add(Evidence.of("criterion", s.criterion()));
                ms.add(Evidence.of("rule", s.ruleId() == null ? "-" : s.ruleId()));
                ms.add(Evidence.of("findings", s.costing().size()));
                CheckOutcome.Status st = s.level() == null ? CheckOutcome.Status.ERROR : s.points() == s.dim().weight() ? CheckOutcome.Status.PASS : CheckOutcome.Status.FAIL;
                out.add(new CheckOutcome(sc.scope() + "." + s.dim().key(), "audit." + s.dim().key(), sc.scope(), st, ms,
                        s.level() == null ? s.criterion() : "to raise it: " + s.dim().raise(s.points()), null));
            }
        }
        return out;
    }

    /** The dimension of the platform that would gain most: the most points missing, the rubric's order breaking ties. */
    Score mostToGain() {
        Score best = null;
        for (Score s : platform().scores()) {
            if (best == null || s.dim().weight() - s.points() > best.dim().weight() - best.points()) best = s;
        }
        return best;
    }

    /** The scorecard in Markdown: the artifact every output format carries. */
    String markdown() {
        StringBuilder sb = new StringBuilder();
        ScopeScore pl = platform();
        sb.append("# Platform audit: ").append(pl.total()).append(" / 100 (").append(band.name()).append(")\n\n");
        sb.append("Scoring guide: ").append(band.name()).append(": ").append(band.advice()).append(".\n");
        Score gain = mostToGain();
        if (gain != null && gain.points() < gain.dim().weight()) {
            sb.append("Most to gain: ").append(gain.dim().label()).append(" (").append(gain.dim().weight() - gain.points())
                    .append(" points): ").append(gain.dim().raise(gain.points())).append(".\n");
        }
        sb.append("\n## Dimensions (Quality Scoring Rubric)\n\n| dimension | score | weight | criterion met | evidence | findings | to raise it |\n|---|---|---|---|---|---|---|\n");
        for (Score s : pl.scores()) {
            sb.append("| ").append(s.dim().label()).append(" | ").append(s.points()).append(" | ").append(s.dim().weight()).append(" | ")
                    .append(cell(s.ruleId() == null ? s.criterion() : s.ruleId() + ": " + s.criterion())).append(" | ")
                    .append(cell(evidence(s.evidence()))).append(" | ").append(s.costing().size()).append(" | ")
                    .append(cell(s.points() == s.dim().weight() ? "-" : s.dim().raise(s.points()))).append(" |\n");
        }
        for (Score s : pl.scores()) {
            if (s.costing().isEmpty()) continue;
            sb.append("\n### Findings that cost ").append(s.dim().label()).append(" points\n\n");
            int n = 0;
            for (Finding f : s.costing()) {
                if (n++ == 10) {
                    sb.append("- ... and ").append(s.costing().size() - 10).append(" more (see the findings)\n");
                    break;
                }
                sb.append("- ").append(f.ruleId()).append(" ").append(f.severity().name()).append(" ").append(cell(where(f))).append(": ")
                        .append(cell(f.message())).append('\n');
            }
        }
        table(sb, "Pipelines", "pipeline:");
        table(sb, "Datasets", "dataset:");
        if (!pyramid.isEmpty()) {
            sb.append("\n## Test pyramid (Phase 8)\n\n| pipeline | layer | present | evidence | when | schedule | check |\n|---|---|---|---|---|---|---|\n");
            for (Measures.Layer l : pyramid) {
                sb.append("| ").append(cell(l.pipeline())).append(" | ").append(l.layer()).append(" | ").append(l.present() ? "yes" : "no").append(" | ")
                        .append(cell(l.evidence())).append(" | ").append(l.when()).append(" | ").append(cell(l.schedule())).append(" | ")
                        .append(cell(l.check())).append(" |\n");
            }
        }
        sb.append("\n## Trend\n\n");
        if (!hasBaseline) {
            sb.append("No baseline: give a previous audit's JSON report with --baseline to see what went up, what went down and which findings are new.\n");
        } else {
            if (changes.isEmpty()) sb.append("No score changed since the baseline.\n");
            for (Change c : changes) {
                sb.append("- ").append(cell(c.id())).append(": ").append(c.before()).append(" -> ").append(c.after())
                        .append(c.after() > c.before() ? " (up " + (c.after() - c.before()) + ")" : " (down " + (c.before() - c.after()) + ")").append('\n');
            }
            sb.append("\nNew findings since the baseline: ").append(fresh.size()).append('\n');
            for (Finding f : fresh) sb.append("- ").append(f.ruleId()).append(" ").append(cell(where(f))).append(": ").append(cell(f.message())).append('\n');
        }
        sb.append("\n## Recognised inputs\n\n| file | recognised as | read by | why |\n|---|---|---|---|\n");
        for (Recognizer.Seen s : seen) {
            sb.append("| ").append(cell(s.file().toString())).append(" | ").append(s.kind().label).append(" | ").append(s.kind().command).append(" | ")
                    .append(cell(s.reason())).append(" |\n");
        }
        return sb.toString();
    }

    private void table(StringBuilder sb, String title, String prefix) {
        List<ScopeScore> rows = scopes.stream().filter(s -> s.scope().startsWith(prefix)).toList();
        if (rows.isEmpty()) return;
        ScopeScore first = rows.get(0);
        sb.append("\n## ").append(title).append("\n\n| ").append(prefix.substring(0, prefix.length() - 1)).append(" | total |");
        for (Score s : first.scores()) sb.append(' ').append(s.dim().label()).append(" (").append(s.dim().weight()).append(") |");
        sb.append("\n|---|---|");
        for (int i = 0; i < first.scores().size(); i++) sb.append("---|");
        sb.append('\n');
        for (ScopeScore sc : rows) {
            sb.append("| ").append(cell(sc.scope().substring(prefix.length()))).append(" | ").append(sc.total()).append(" / ").append(sc.max()).append(" |");
            for (Score s : sc.scores()) sb.append(' ').append(s.level() == null ? "0 (no evidence)" : String.valueOf(s.points())).append(" |");
            sb.append('\n');
        }
    }

    static String where(Finding f) {
        String w = f.location().file();
        if (f.location().line() > 0) w += ":" + f.location().line();
        return w.isEmpty() ? "-" : w;
    }

    static String evidence(List<Evidence> ev) {
        List<String> parts = new ArrayList<>();
        for (Evidence e : ev) parts.add(e.path() + " = " + e.value());
        return parts.isEmpty() ? "no evidence" : String.join("; ", parts);
    }

    /** A Markdown table cell: pipes escaped, line breaks removed. */
    static String cell(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
    }
}
