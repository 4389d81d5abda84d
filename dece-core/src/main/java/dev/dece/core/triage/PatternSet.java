package dev.dece.core.triage;

import dev.dece.core.doc.Binder;
import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.drl.FailureBranch;
import dev.dece.core.drl.Node;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The triage patterns: the built-in resource {@code dev/dece/core/triage/patterns.yaml}, optionally overridden by a
 * team's file of the same shape (a pattern with a built-in {@code id} replaces it, {@code disabled: true} removes
 * it, any other is added). Every problem of the team's file is reported located, with what is allowed.
 * Immutable once loaded; thread-safe.
 */
final class PatternSet {

    static final String RESOURCE = "dev/dece/core/triage/patterns.yaml";
    static final List<String> TOP = List.of("patterns");
    static final List<String> KEYS = List.of("id", "vendor", "branch", "kind", "regex", "priority", "disabled", "note");
    static final List<String> KINDS = List.of("code", "text");
    /** Team files are small; more than this many patterns is not a patterns file. */
    static final int MAX_PATTERNS = 2_000;
    static final int MAX_REGEX_LENGTH = 2_000;

    /** One pattern. {@code rank} = 0 for codes, 100 for text, plus {@code priority}. */
    record Entry(String id, String vendor, FailureBranch branch, String kind, int priority, Pattern regex, Node node, boolean builtIn) {
        int rank() {
            return (kind.equals("code") ? 0 : 100) + priority;
        }
    }

    private static volatile List<Entry> builtIns;

    private final List<Entry> entries;

    private PatternSet(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Best first: by rank, then ID. */
    List<Entry> entries() {
        return entries;
    }

    /** The built-in patterns alone. */
    static PatternSet builtIn() {
        return new PatternSet(builtIns());
    }

    /**
     * The built-in patterns with a team's file applied.
     *
     * @throws InputException for every problem of the team's file, located
     */
    static PatternSet load(DocumentLoader loader, Path teamFile) throws InputException {
        if (teamFile == null) return builtIn();
        if (!Files.isRegularFile(teamFile)) {
            throw new InputException(Problem.file(teamFile.toString(), Files.exists(teamFile)
                    ? "is not a regular file; expected a YAML patterns file" : "no such patterns file"));
        }
        List<Node> docs = loader.load(teamFile);
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (Entry e : builtIns()) byId.put(e.id(), e);
        Binder b = new Binder();
        List<Entry> team = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        parse(b, docs, false, team, disabled);
        for (String id : disabled) byId.remove(id); // only built-in IDs get here; others are problems
        for (Entry e : team) byId.put(e.id(), e);
        b.throwIfProblems();
        return new PatternSet(sorted(new ArrayList<>(byId.values())));
    }

    private static List<Entry> builtIns() {
        List<Entry> b = builtIns;
        if (b == null) {
            try (InputStream in = PatternSet.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("the DECE triage patterns " + RESOURCE + " are not on the class path");
                List<Node> docs = new DocumentLoader(dev.dece.core.input.Limits.DEFAULT).load(RESOURCE, in.readAllBytes());
                Binder binder = new Binder();
                List<Entry> out = new ArrayList<>();
                parse(binder, docs, true, out, new ArrayList<>());
                binder.throwIfProblems();
                builtIns = b = List.copyOf(sorted(out));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InputException e) {
                throw new IllegalStateException("the built-in triage patterns are invalid (a DECE bug): " + e.getMessage(), e);
            }
        }
        return b;
    }

    private static List<Entry> sorted(List<Entry> in) {
        in.sort(Comparator.comparingInt(Entry::rank).thenComparing(Entry::id));
        return in;
    }

    private static void parse(Binder b, List<Node> docs, boolean builtIn, List<Entry> out, List<String> disabledIds) {
        if (docs.size() > 1) {
            b.problem(docs.get(1), "the file holds " + docs.size() + " documents; a patterns file is one document (remove the extra '---')");
            return;
        }
        Node root = docs.get(0);
        if (!root.isMap()) {
            b.problem(root, "expected a mapping with the key \"patterns\" (a list of {id, vendor, branch, kind, regex, priority})");
            return;
        }
        Binder.Obj top = b.object(root, TOP);
        Node list = top.get("patterns");
        if (list.isAbsent()) {
            b.problem(list, "is required: a list of {id, vendor, branch, kind, regex, priority}");
            return;
        }
        if (!list.isList()) {
            b.problem(list, "expected a list of patterns, found " + (list.isMap() ? "a mapping" : "\"" + list.display() + "\""));
            return;
        }
        if (list.items().size() > MAX_PATTERNS) {
            b.problem(list, "holds " + list.items().size() + " patterns; at most " + MAX_PATTERNS + " are read");
            return;
        }
        Map<String, Node> seen = new LinkedHashMap<>();
        java.util.Set<String> known = new java.util.HashSet<>();
        if (!builtIn) for (Entry e : builtIns()) known.add(e.id());
        for (Node n : list.items()) {
            if (!n.isMap()) {
                b.problem(n, "expected a pattern mapping {id, vendor, branch, kind, regex, priority}, found \"" + n.display() + "\"");
                continue;
            }
            Binder.Obj o = b.object(n, KEYS);
            String id = o.requiredString("id", "a unique pattern ID, e.g. acme.warehouse.lock-timeout");
            if (id == null || id.isBlank()) continue;
            Node prev = seen.putIfAbsent(id, n.get("id"));
            if (prev != null) {
                b.problem(n.get("id"), "\"" + id + "\" is already the ID of the pattern at line " + prev.line() + "; pattern IDs are unique");
                continue;
            }
            Boolean off = o.bool("disabled");
            if (off != null && off) {
                if (builtIn) {
                    b.problem(n.get("disabled"), "built-in patterns are not disabled, they are removed");
                } else if (!known.contains(id)) {
                    String near = dev.dece.core.doc.Suggest.closest(id, known);
                    b.problem(n.get("id"), "\"" + id + "\" is not a built-in pattern, so it cannot be disabled"
                            + (near != null ? "; did you mean \"" + near + "\"?" : "") + " See " + RESOURCE + " for the IDs");
                } else {
                    disabledIds.add(id);
                }
                continue;
            }
            String vendor = o.requiredString("vendor", "who writes this error, e.g. postgres, snowflake, generic");
            String branchText = o.requiredString("branch", "one of " + FailureBranch.allowed().replace(", unknown", ""));
            FailureBranch branch = null;
            if (branchText != null) {
                branch = FailureBranch.of(branchText);
                if (branch == null || branch == FailureBranch.UNKNOWN) {
                    List<String> ids = new ArrayList<>();
                    for (FailureBranch f : FailureBranch.values()) if (f != FailureBranch.UNKNOWN) ids.add(f.id());
                    String near = dev.dece.core.doc.Suggest.closest(branchText, ids);
                    b.problem(n.get("branch"), "\"" + branchText + "\" is not a runbook branch; use one of " + String.join(", ", ids)
                            + (near != null ? " (did you mean \"" + near + "\"?)" : "")
                            + (branch == FailureBranch.UNKNOWN ? "; an error no pattern matches is unknown already" : ""));
                    branch = null;
                }
            }
            String kind = o.string("kind");
            if (kind == null) kind = "text";
            else if (!KINDS.contains(kind.strip().toLowerCase(java.util.Locale.ROOT))) {
                b.problem(n.get("kind"), "\"" + kind + "\" is not a pattern kind; use code (an error code, SQLSTATE, error class, exit status) or text");
                kind = null;
            } else {
                kind = kind.strip().toLowerCase(java.util.Locale.ROOT);
            }
            Integer priority = o.integer("priority", 0, "a priority from 0 (first) to 99");
            if (priority != null && priority > 99) {
                b.problem(n.get("priority"), priority + " is above 99; use a priority from 0 (first) to 99");
                priority = null;
            }
            String regex = o.requiredString("regex", "a Java regular expression, searched case-insensitively in the error text");
            Pattern p = null;
            if (regex != null && !regex.isBlank()) {
                if (regex.length() > MAX_REGEX_LENGTH) {
                    b.problem(n.get("regex"), "is " + regex.length() + " characters long; at most " + MAX_REGEX_LENGTH + " are allowed");
                } else {
                    try {
                        p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
                    } catch (PatternSyntaxException e) {
                        b.problem(n.get("regex"), "is not a valid regular expression: " + e.getDescription()
                                + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "") + "; write Java regex syntax");
                    }
                }
            }
            if (vendor != null && branch != null && kind != null && p != null) {
                out.add(new Entry(id, vendor.strip(), branch, kind, priority == null ? 50 : priority, p, n, builtIn));
            }
        }
    }
}
