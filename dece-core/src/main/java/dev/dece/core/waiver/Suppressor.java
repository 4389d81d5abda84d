package dev.dece.core.waiver;

import dev.dece.core.doc.Binder;
import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.doc.Inputs;
import dev.dece.core.doc.Suggest;
import dev.dece.core.drl.Node;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.report.Evidence;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Location;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.core.report.Suppression;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a team's waivers and a baseline to a command's report, once, after its rules ran: a finding a waiver covers
 * stays in the report marked waived (with the reason, approver and expiry); a finding the baseline already held is
 * marked known (counted, not listed); a waiver that expired (WVR-001), one that matches nothing in the run's scope
 * (WVR-002) and a {@code dece:ignore} comment without a rule ID or reason (WVR-003) are findings of their own.
 *
 * <pre>{@code
 * Suppressor s = Suppressor.load(loader, Path.of(".dece-waivers.yaml"), Path.of("baseline.json"), LocalDate.parse("2026-12-01"), ids);
 * Report r = s.apply(report);
 * }</pre>
 *
 * <p>Immutable and thread-safe; reading a finding's file for its inline comments is bounded like any input.
 */
public final class Suppressor {

    /** No waiver file and no baseline: only the inputs' own {@code dece:ignore} comments, read with {@code loader}'s limits. */
    public static Suppressor inlineOnly(DocumentLoader loader) {
        return new Suppressor(List.of(), null, null, null, loader);
    }

    /** The waiver file's keys, in the order the docs and the JSON Schema list them. */
    static final List<String> WAIVER_KEYS = List.of("rule", "file", "path", "subject", "command", "reason", "approved_by", "expires");

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*-\\d+");
    /** {@code # dece:ignore LOAD-006 reason} (YAML) or {@code -- dece:ignore RULE-ID reason} (SQL). */
    private static final Pattern INLINE = Pattern.compile("(?:#|--)\\s*dece:ignore\\b(.*)$");

    private final List<Waiver> waivers;
    private final Map<String, Integer> baseline;
    private final String baselineName;
    private final LocalDate today;
    private final DocumentLoader loader;

    private Suppressor(List<Waiver> waivers, Map<String, Integer> baseline, String baselineName, LocalDate today, DocumentLoader loader) {
        this.waivers = List.copyOf(waivers);
        this.baseline = baseline;
        this.baselineName = baselineName;
        this.today = today;
        this.loader = loader;
    }

    /**
     * Reads a waiver file and a baseline report (either may be {@code null}).
     *
     * @param today   the day expiries are judged on (an option, never the clock, so reports stay reproducible)
     * @param ruleIds every rule ID the engine knows: a waiver of another ID is a located problem with a suggestion
     * @throws InputException when a file is missing, unreadable or invalid, located
     */
    public static Suppressor load(DocumentLoader loader, Path waivers, Path baseline, LocalDate today, Set<String> ruleIds)
            throws InputException {
        List<Waiver> ws = waivers == null ? List.of() : readWaivers(loader, waivers, ruleIds);
        Map<String, Integer> base = baseline == null ? null : readBaseline(loader, baseline);
        if (!ws.isEmpty() && today == null) {
            throw new InputException(Problem.file(waivers.toString(), "waivers need the day their expiry is judged on; give --as-of DATE"));
        }
        return new Suppressor(ws, base, baseline == null ? null : baseline.toString(), today, loader);
    }

    /** This report with the waivers and baseline applied and the waivers' own findings added, in report order. */
    public Report apply(Report report) throws InputException {
        List<Waiver> all = new ArrayList<>(waivers);
        List<Finding> notes = new ArrayList<>();
        if (loader != null) inline(report, all, notes);
        if (all.isEmpty() && baseline == null && notes.isEmpty()) return report;
        Map<String, Integer> left = baseline == null ? null : new HashMap<>(baseline);
        Map<Waiver, Integer> used = new LinkedHashMap<>();
        List<Finding> out = new ArrayList<>(report.findings().size() + notes.size());
        for (Finding f : report.findings()) {
            Waiver w = null;
            for (Waiver c : all) {
                if (c.covers(f, report.command())) {
                    used.merge(c, 1, Integer::sum);
                    if (!expired(c) && w == null) w = c;
                }
            }
            if (w != null) {
                out.add(f.withSuppression(new Suppression(w.inline() ? Suppression.Kind.INLINE : Suppression.Kind.WAIVER, w.reason(),
                        w.approvedBy(), w.expires() == null ? null : w.expires().toString(), w.where())));
                continue;
            }
            String fp = fingerprint(f.ruleId(), f.location().file(), f.location().path(), f.subject());
            if (left != null && left.getOrDefault(fp, 0) > 0) {
                left.merge(fp, -1, Integer::sum);
                out.add(f.withSuppression(new Suppression(Suppression.Kind.BASELINE, baselineName, null, null, baselineName)));
                continue;
            }
            out.add(f);
        }
        for (Waiver w : all) {
            if (expired(w)) {
                notes.add(note("WVR-001", Severity.P2, w, "The waiver of " + w.rule() + " expired on " + w.expires()
                                + (used.containsKey(w) ? "; its " + plural(used.get(w), "finding") + " count again." : "."),
                        "Fix what " + w.rule() + " reports, or renew the waiver with a new expiry and approval.",
                        List.of(Evidence.of("expires", w.expires().toString()), Evidence.of("rule", w.rule()))));
            } else if (!used.containsKey(w) && inScope(w, report)) {
                notes.add(note("WVR-002", Severity.P3, w, "The waiver of " + w.rule() + " matches no finding of this "
                                + report.command() + " run" + scope(w) + ".",
                        "Remove the waiver if what it accepted was fixed, or correct its rule, file, path or subject.",
                        List.of(Evidence.of("rule", w.rule()))));
            }
        }
        out.addAll(notes);
        out.sort(ORDER);
        return report.withFindings(out);
    }

    /** What a baseline matches on: rule, file, YAML path and subject, never the line, so moved lines stay known. */
    static String fingerprint(String rule, String file, String path, String subject) {
        return rule + "\u0000" + Waiver.norm(file) + "\u0000" + path + "\u0000" + (subject == null ? "" : subject);
    }

    private boolean expired(Waiver w) {
        return w.expires() != null && today != null && today.isAfter(w.expires());
    }

    /**
     * A waiver is in scope when its command (if named) is this run's and its file (if named) is an input, under an
     * input directory, or a file a finding is about; a waiver of another command or file is not reported unused.
     */
    private static boolean inScope(Waiver w, Report r) {
        if (w.inline()) return true;
        if (w.command() != null && !w.command().equals(r.command())) return false;
        if (w.file() == null) return true;
        String wf = Waiver.norm(w.file());
        for (String in : r.inputs()) {
            String i = Waiver.norm(in);
            if (Waiver.sameFile(i, wf) || wf.startsWith(i.endsWith("/") ? i : i + "/") || (i + "/").endsWith("/" + wf + "/")) return true;
            if (Files.isDirectory(Path.of(in)) && Files.isRegularFile(Path.of(in).resolve(wf))) return true;
        }
        for (Finding f : r.findings()) if (Waiver.sameFile(f.location().file(), wf)) return true;
        return false;
    }

    private static String scope(Waiver w) {
        if (w.inline()) return " (on line " + w.source().line() + " or the line below)";
        List<String> parts = new ArrayList<>();
        if (w.file() != null) parts.add("file " + w.file());
        if (w.path() != null) parts.add("path " + w.path());
        if (w.subject() != null) parts.add("subject " + w.subject());
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static Finding note(String id, Severity s, Waiver w, String msg, String fix, List<Evidence> ev) {
        return new Finding(id, s, "waivers", msg, w.source(), fix, ev, w.rule());
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** Severity, rule ID, file, line, column, path, message: the report's own order. */
    private static final java.util.Comparator<Finding> ORDER = java.util.Comparator.comparing(Finding::severity)
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.location().file())
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column())
            .thenComparing(f -> f.location().path())
            .thenComparing(Finding::message);

    // ------------------------------------------------------------------ inline comments

    /** The {@code dece:ignore} comments of the YAML and SQL files the report's inputs and findings name. */
    private void inline(Report report, List<Waiver> into, List<Finding> notes) throws InputException {
        Set<String> files = new java.util.TreeSet<>();
        for (String in : report.inputs()) files.add(in);
        for (Finding f : report.findings()) files.add(f.location().file());
        for (String name : files) {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            boolean yaml = lower.endsWith(".yaml") || lower.endsWith(".yml");
            boolean sql = lower.endsWith(".sql");
            if (!yaml && !sql) continue;
            Path p;
            try {
                p = Path.of(name);
            } catch (java.nio.file.InvalidPathException e) {
                continue; // a name of content held in memory, not a file
            }
            if (!Files.isRegularFile(p)) continue; // content held in memory under this name: nothing to read
            long max = sql ? loader.limits().maxSqlBytes() : loader.limits().maxBytes();
            String text = Inputs.utf8(name, Inputs.read(p, max, sql ? "Limits.maxSqlBytes" : "Limits.maxBytes", "a YAML or SQL file"));
            scan(name, text, yaml ? "#" : "--", into, notes);
        }
    }

    static void scan(String file, String text, String marker, List<Waiver> into, List<Finding> notes) {
        int line = 0;
        for (String l : text.split("\n", -1)) {
            line++;
            int at = l.indexOf("dece:ignore");
            if (at < 0) continue;
            Matcher m = INLINE.matcher(l);
            if (!m.find() || !m.group().startsWith(marker)) continue;
            String rest = m.group(1).trim();
            String[] parts = rest.split("\\s+", 2);
            Location loc = new Location(file, line, m.start() + 1, "");
            if (parts.length < 2 || !ID.matcher(parts[0]).matches() || parts[1].isBlank()) {
                notes.add(new Finding("WVR-003", Severity.P3, "waivers",
                        "The comment \"" + shorten(m.group()) + "\" is not a waiver: it needs a rule ID and a reason.",
                        loc, "Write " + marker + " dece:ignore RULE-ID why it is accepted, on the finding's line or the line above.",
                        List.of(Evidence.of("comment", shorten(m.group()))), null));
                continue;
            }
            into.add(new Waiver(parts[0], file, null, null, null, parts[1].trim(), null, null, loc, true));
        }
    }

    private static String shorten(String s) {
        String t = s.strip();
        return t.length() > 120 ? t.substring(0, 117) + "..." : t;
    }

    // ------------------------------------------------------------------ files

    private static List<Waiver> readWaivers(DocumentLoader loader, Path file, Set<String> ids) throws InputException {
        Node root = loader.load(file).get(0);
        Binder b = new Binder();
        Binder.Obj top = b.object(root, List.of("waivers"));
        Node list = top.get("waivers");
        if (list.isAbsent()) b.problem(root, "has no waivers: list; write waivers: [- rule: ..., reason: ..., approved_by: ...]");
        else if (!list.isList()) b.problem(list, "expected a list of waivers, found " + list.display());
        List<Waiver> out = new ArrayList<>();
        if (list.isList()) {
            if (list.items().size() > loader.limits().maxItems()) {
                b.problem(list, list.items().size() + " waivers; at most Limits.maxItems = " + loader.limits().maxItems());
            }
            for (Node n : list.items()) {
                Binder.Obj o = b.object(n, WAIVER_KEYS);
                String rule = o.requiredString("rule", "the rule ID it waives, e.g. LOAD-006");
                if (rule != null && !rule.isBlank() && !ids.contains(rule)) {
                    String near = Suggest.closest(rule, ids);
                    b.problem(o.get("rule"), "\"" + rule + "\" is not a rule ID" + (near != null ? "; did you mean \"" + near + "\"?" : "")
                            + " Run 'dece rules' for the list");
                }
                String reason = o.requiredString("reason", "why the finding is accepted");
                String by = o.requiredString("approved_by", "who approved the waiver");
                String expires = o.string("expires");
                LocalDate exp = null;
                if (expires != null) {
                    try {
                        exp = LocalDate.parse(expires);
                    } catch (DateTimeParseException e) {
                        b.problem(o.get("expires"), "\"" + expires + "\" is not a date; write YYYY-MM-DD, the waiver's last day");
                    }
                }
                String command = o.string("command");
                Node at = n.isMap() ? n : root;
                out.add(new Waiver(rule == null ? "" : rule, o.string("file"), o.string("path"), o.string("subject"), command,
                        reason, by, exp, new Location(file.toString(), at.line(), n.path()), false));
            }
        }
        b.throwIfProblems();
        return out;
    }

    private static Map<String, Integer> readBaseline(DocumentLoader loader, Path file) throws InputException {
        Node root = loader.load(file).get(0);
        Binder b = new Binder();
        Node fs = root.isMap() ? root.get("findings") : root;
        if (!fs.isList()) {
            b.problem(root, "is not a DECE JSON report: expected a findings list (write one with --write-baseline FILE or --format json)");
            b.throwIfProblems();
        }
        Map<String, Integer> out = new TreeMap<>();
        for (Node n : fs.items()) {
            if (!n.isMap()) {
                b.problem(n, "expected a finding object, found " + n.display());
                continue;
            }
            String rule = text(b, n, "ruleId");
            Node loc = n.get("location");
            String f = loc.isMap() ? text(b, loc, "file") : null;
            String path = loc.isMap() ? text(b, loc, "path") : null;
            if (!loc.isMap()) b.problem(loc.isAbsent() ? n : loc, "expected a location object with file and path");
            Node s = n.get("subject");
            String subject = s.isScalar() ? s.text() : null;
            if (rule != null && f != null && path != null) out.merge(fingerprint(rule, f, path, subject), 1, Integer::sum);
        }
        b.throwIfProblems();
        return out;
    }

    private static String text(Binder b, Node parent, String key) {
        Node n = parent.get(key);
        if (!n.isScalar()) {
            b.problem(n.isAbsent() ? parent : n, "expected " + key + " text");
            return null;
        }
        return n.text();
    }

    /** For tests: the waivers read, in file order. */
    Collection<Waiver> waivers() {
        return waivers;
    }
}
