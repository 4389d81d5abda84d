package dev.dece.rules;

import dev.dece.core.Dece;
import dev.dece.core.input.InputException;
import dev.dece.core.report.RuleInfo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/rules.md is the rule catalog people read; the live catalog is {@code Dece.builder().build().rules()}.
 * They must agree row for rule: same IDs, topics and severities, in every section of the file.
 */
class RulesCatalogTest {

    /** One table row of docs/rules.md. */
    record Row(String id, String topic, String severity, String rule, String section, int line) {}

    static Map<String, RuleInfo> live;
    static List<Row> rows;
    static Path catalog;

    @BeforeAll
    static void load() throws IOException, InputException {
        live = new TreeMap<>();
        for (RuleInfo r : Dece.builder().build().rules()) live.put(r.id(), r);
        catalog = find();
        rows = parse(Files.readAllLines(catalog, StandardCharsets.UTF_8));
    }

    /** docs/rules.md from the module directory (Maven) or the repository root (an IDE). */
    static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("docs/rules.md");
            if (Files.isRegularFile(p)) return p;
        }
        throw new AssertionError("docs/rules.md not found above " + Path.of("").toAbsolutePath());
    }

    /** Every row of every table whose header starts with "| ID |", under any "## " section. */
    static List<Row> parse(List<String> lines) {
        List<Row> out = new ArrayList<>();
        String section = "";
        boolean inTable = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("## ")) {
                section = l.substring(3).strip();
                inTable = false;
                continue;
            }
            if (!l.startsWith("|")) {
                inTable = false;
                continue;
            }
            List<String> cells = cells(l);
            if (!cells.isEmpty() && cells.get(0).equals("ID")) {
                inTable = true;
                continue;
            }
            if (!inTable || cells.stream().allMatch(c -> c.matches(":?-+:?"))) continue;
            if (cells.size() < 4) throw new AssertionError("docs/rules.md:" + (i + 1) + ": a row needs ID | Topic | Severity | Rule | Section: " + l);
            out.add(new Row(cells.get(0), cells.get(1), cells.get(2), cells.get(3), section, i + 1));
        }
        return out;
    }

    /** The cells of a Markdown table row; {@code \|} is a literal pipe. */
    static List<String> cells(String row) {
        String body = row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
        List<String> out = new ArrayList<>();
        for (String c : body.split("(?<!\\\\)\\|", -1)) out.add(c.replace("\\|", "|").strip());
        return out;
    }

    @Test
    void everyRuleHasARow() {
        List<String> missing = live.keySet().stream().filter(id -> rows.stream().noneMatch(r -> r.id().equals(id)))
                .map(id -> id + " (" + live.get(id).ruleSet() + ": " + live.get(id).title() + ") has no row in " + catalog)
                .toList();
        assertThat(missing).as("rules without a catalog row").isEmpty();
    }

    @Test
    void everyRowNamesARule() {
        List<String> orphans = rows.stream().filter(r -> !live.containsKey(r.id()))
                .map(r -> "docs/rules.md:" + r.line() + ": " + r.id() + " names no rule (section " + r.section() + ")").toList();
        assertThat(orphans).as("catalog rows without a rule").isEmpty();
    }

    @Test
    void noRuleHasTwoRows() {
        Map<String, List<Integer>> lines = rows.stream().collect(Collectors.groupingBy(Row::id, TreeMap::new,
                Collectors.mapping(Row::line, Collectors.toList())));
        List<String> dup = lines.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " has rows at lines " + e.getValue()).toList();
        assertThat(dup).isEmpty();
    }

    @Test
    void topicsAndSeveritiesAgree() {
        List<String> wrong = new ArrayList<>();
        for (Row r : rows) {
            RuleInfo rule = live.get(r.id());
            if (rule == null) continue;
            if (!r.topic().equals(rule.topic())) {
                wrong.add("docs/rules.md:" + r.line() + ": " + r.id() + " topic is \"" + r.topic() + "\"; the rule says @topic(\"" + rule.topic() + "\")");
            }
            String sev = rule.severity() == null ? "" : rule.severity().name();
            if (!r.severity().equals(sev)) {
                wrong.add("docs/rules.md:" + r.line() + ": " + r.id() + " severity is \"" + r.severity() + "\"; the rule says "
                        + (sev.isEmpty() ? "none (leave the cell blank)" : "@severity(\"" + sev + "\")"));
            }
            if (r.rule().isBlank()) wrong.add("docs/rules.md:" + r.line() + ": " + r.id() + " has no rule sentence");
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theParserReadsEverySectionOfTheFile() {
        // guards the test itself: the architecture rows are found, and a table in a later section is read
        assertThat(rows).extracting(Row::id).contains("PAT-001", "PAT-016");
        List<Row> sample = parse(List.of("## a — first", "| ID | Topic | Severity | Rule | Section |", "|---|---|---|---|---|",
                "| A-1 | t | P1 | one \\| two | s |", "", "## b — second", "| ID | Topic | Severity | Rule | Section |",
                "|---|---|---|---|---|", "| B-1 | u | | three | s |"));
        assertThat(sample).containsExactly(new Row("A-1", "t", "P1", "one | two", "a — first", 4),
                new Row("B-1", "u", "", "three", "b — second", 9));
    }

    /** The repository root: where README.md and docs/ are. */
    static Path root() {
        return catalog.getParent().getParent();
    }

    /** Every section header links the DRL file that holds its rows' rules and the test class that tests them. */
    @Test
    void everyRowSitsUnderTheFileThatHoldsItsRuleAndItsTest() throws IOException {
        List<String> wrong = new ArrayList<>();
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("\\]\\(\\.\\./([^)]+)\\)");
        Map<String, String[]> files = new TreeMap<>();
        for (Row r : rows) {
            String[] paths = files.computeIfAbsent(r.section(), s -> link.matcher(s).results().map(m -> m.group(1)).toArray(String[]::new));
            if (paths.length != 2) {
                wrong.add(r.id() + ": section \"" + r.section() + "\" does not link its DRL file and its test class");
                continue;
            }
            String drl = Files.readString(root().resolve(paths[0]), StandardCharsets.UTF_8);
            if (!drl.contains("rule \"" + r.id() + " ")) wrong.add(r.id() + " is not in " + paths[0]);
            Path test = root().resolve(paths[1]);
            String method = "void " + r.id().replace("-", "").toLowerCase(java.util.Locale.ROOT) + "_";
            if (!Files.isRegularFile(test) || !Files.readString(test, StandardCharsets.UTF_8).contains(method)) {
                wrong.add(r.id() + ": " + paths[1] + " has no method " + method + "...");
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** A DRL file's header comment lists the IDs of its rules ("Rules: A-001 .. A-009, A-011"). */
    @Test
    void everyDrlFileListsItsRulesInItsHeader() throws IOException {
        List<String> wrong = new ArrayList<>();
        Path rules = root().resolve("dece-rules/src/main/resources/dev/dece/rules");
        List<Path> drls;
        try (var s = Files.walk(rules)) {
            drls = s.filter(f -> f.toString().endsWith(".drl")).sorted().toList();
        }
        java.util.regex.Pattern id = java.util.regex.Pattern.compile("([A-Z]+)-(\\d{3})(?:\\s*\\.\\.\\s*[A-Z]+-(\\d{3}))?");
        for (Path f : drls) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            String header = text.substring(0, Math.max(0, text.indexOf("\npackage ")));
            java.util.Set<String> inFile = new java.util.TreeSet<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^rule \"([A-Z]+-\\d{3}) ").matcher(text);
            while (m.find()) inFile.add(m.group(1));
            java.util.Optional<String> line = header.lines().filter(l -> l.startsWith("// Rules:")).findFirst();
            if (line.isEmpty()) {
                wrong.add(rules.relativize(f) + " has no '// Rules:' line in its header");
                continue;
            }
            java.util.Set<String> listed = new java.util.TreeSet<>();
            java.util.regex.Matcher r = id.matcher(line.get());
            while (r.find()) {
                int from = Integer.parseInt(r.group(2));
                int to = r.group(3) == null ? from : Integer.parseInt(r.group(3));
                for (int n = from; n <= to; n++) listed.add(r.group(1) + "-" + String.format(java.util.Locale.ROOT, "%03d", n));
            }
            if (!listed.equals(inFile)) wrong.add(rules.relativize(f) + ": the header lists " + listed + " but the file holds " + inFile);
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * A rule ID quoted anywhere a user reads (README, docs, Javadoc, the command line's help and messages) exists,
     * so copying it into --disable works. Team-rule examples use the documented example prefixes ACME- and TEAM-;
     * WVR- findings are made in Java by the waiver step, not by a rule (docs/policy.md, WaiversTest).
     */
    @Test
    void everyRuleIdQuotedInDocsHelpAndJavadocExists() throws IOException {
        List<Path> texts = new ArrayList<>();
        texts.add(root().resolve("README.md"));
        for (String dir : List.of("docs", "dece-core/src/main/java", "dece-examples/src/main/java")) {
            try (var s = Files.walk(root().resolve(dir))) {
                s.filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".java")).sorted().forEach(texts::add);
            }
        }
        java.util.regex.Pattern quoted = java.util.regex.Pattern.compile("\\b([A-Z]{2,5})-(\\d{3})\\b");
        List<String> unknown = new ArrayList<>();
        for (Path f : texts) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                java.util.regex.Matcher m = quoted.matcher(lines.get(i));
                while (m.find()) {
                    String found = m.group(1) + "-" + m.group(2);
                    if (List.of("ACME", "TEAM", "SHA", "WVR").contains(m.group(1))) continue;
                    if (!live.containsKey(found)) unknown.add(root().relativize(f) + ":" + (i + 1) + ": " + found);
                }
            }
        }
        assertThat(unknown).as("rule IDs that no rule has").isEmpty();
        assertThat(texts.size()).as("the scan reads the sources").isGreaterThan(100);
    }
}
