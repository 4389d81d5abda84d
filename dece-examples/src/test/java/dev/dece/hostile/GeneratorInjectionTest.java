package dev.dece.hostile;

import dev.dece.core.Dece;
import dev.dece.core.catalog.BackfillOptions;
import dev.dece.core.catalog.MigrateOptions;
import dev.dece.core.input.InputException;
import dev.dece.core.quality.QualityOptions;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.Report;
import dev.dece.core.sql.Dialect;
import dev.dece.core.sql.SqlParsing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every generator, fed injection strings in every name and free-text field it writes into SQL: the input is
 * either refused (a located problem) or the generated SQL parses (JSqlParser) into exactly the statements the
 * clean input gives, statement for statement, and the generated YAML has exactly the clean input's shape. A
 * string that broke out of a quoted identifier, a literal or a comment would add, drop or change a statement.
 */
class GeneratorInjectionTest {

    static final List<String> HOSTILE = List.of(
            "x\"; DROP TABLE t; --",
            "x'; DROP TABLE t; --",
            "x\nDROP TABLE t;",
            "x\r\nDROP TABLE t; --",
            "x */ DROP TABLE t; /*",
            "x`; DROP TABLE t; --",
            "x]; DROP TABLE t; --",
            "x$$; DROP TABLE t; $$",
            "x\\'; DROP TABLE t; --",
            "x\"\"; DROP TABLE t; --",
            "x'); DROP TABLE t; --",
            "x\u2028DROP TABLE t;");

    static final YAMLMapper YAML = new YAMLMapper();
    static final Dece DECE = build();

    static Dece build() {
        try {
            return Dece.builder().build();
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    interface Generator {
        Report run(String yaml) throws InputException, java.io.IOException;
    }

    record Outcome(int refused, int generated, List<String> broken) {}

    @Test
    void modelGeneratorsHoldTheirStatements() throws Exception {
        for (Dialect d : Dialect.values()) {
            Outcome o = attack(Path.of("models/orders-model.yaml"), d, y -> DECE.model("model.yaml", y, d), List.of(
                    "/fact_table/name", "/fact_table/grain_statement", "/fact_table/measures/0/name",
                    "/fact_table/measures/0/business_definition", "/fact_table/degenerate_dimensions/0", "/fact_table/foreign_keys/0",
                    "/dimensions/0/name", "/dimensions/0/natural_key", "/dimensions/0/surrogate_key",
                    "/dimensions/0/attributes/0/name", "/dimensions/0/attributes/0/source", "/dimensions/0/hierarchy/0"));
            assertThat(o.broken()).isEmpty();
            assertThat(o.refused() + o.generated()).isEqualTo(12 * HOSTILE.size());
        }
    }

    @Test
    void pipelineArtifactsHoldTheirStatements() throws Exception {
        Outcome o = attack(Path.of("pipelines/db/customers.yaml"), Dialect.SNOWFLAKE, y -> DECE.pipeline("customers.yaml", y), List.of(
                "/pipeline/name", "/pipeline/owner", "/pipeline/extract/source_system", "/pipeline/extract/incremental_key",
                "/pipeline/load/merge_keys/0", "/pipeline/load/clustering_keys/0", "/pipeline/load/target_system",
                "/pipeline/extract/reconciliation"));
        assertThat(o.broken()).isEmpty();
        assertThat(o.generated()).isPositive(); // free text (owner, reconciliation) is accepted and stays in its comment
    }

    @Test
    void qualityChecksAndTestsHoldTheirStatements() throws Exception {
        for (Dialect d : Dialect.values()) {
            Outcome o = attack(Path.of("contracts/orders.contract.yaml"), d, y -> DECE.quality("c.yaml", y, QualityOptions.generate(d)), List.of(
                    "/contract/name", "/contract/owner", "/contract/schema/0/column", "/contract/schema/0/description",
                    "/contract/schema/1/checks/1/params/table", "/contract/schema/1/checks/1/params/column",
                    "/contract/schema/2/checks/0/params/pattern", "/contract/schema/3/checks/2/params/source_table",
                    "/contract/schema/4/checks/1/params/values/0"));
            assertThat(o.broken()).isEmpty();
            assertThat(o.generated()).isPositive(); // literals (a pattern, an enum value) are accepted and escaped
        }
    }

    static BackfillOptions backfill(String table, String tenant, Path pipelines) {
        return new BackfillOptions(table, java.time.LocalDate.parse("2024-04-01"), java.time.LocalDate.parse("2024-04-30"), tenant,
                List.of(Path.of("catalog/entries")), List.of(Path.of("catalog/manifest.json")), List.of(pipelines), List.of());
    }

    @Test
    void backfillSqlHoldsItsStatements() throws Exception {
        Path dir = Files.createTempDirectory("dece-backfill-injection");
        try {
            Outcome o = attack(Path.of("catalog/pipelines/fct_orders.yaml"), Dialect.DUCKDB, y -> {
                Path f = dir.resolve("fct_orders.yaml");
                Files.writeString(f, y);
                return DECE.backfill(backfill("analytics.fct_orders", null, f));
            }, List.of("/pipeline/load/partition_key", "/pipeline/load/clustering_keys/0", "/pipeline/extract/source_system",
                    "/pipeline/owner", "/pipeline/load/target_system"));
            assertThat(o.broken()).isEmpty();
            assertThat(o.generated()).isPositive();
            // the command-line values: the table and the tenant
            Map<String, List<String>> clean = shapes(DECE.backfill(backfill("analytics.fct_orders", "acme", Path.of("catalog/pipelines"))), Dialect.DUCKDB);
            List<String> broken = new ArrayList<>();
            for (String h : HOSTILE) {
                for (boolean tenant : List.of(true, false)) {
                    Report r;
                    try {
                        r = DECE.backfill(tenant ? backfill("analytics.fct_orders", h, Path.of("catalog/pipelines"))
                                : backfill(h, "acme", Path.of("catalog/pipelines")));
                    } catch (InputException | IllegalArgumentException e) {
                        continue;
                    }
                    Map<String, List<String>> got = shapes(r, Dialect.DUCKDB);
                    if (!same(clean, got)) broken.add((tenant ? "--tenant " : "TABLE ") + h.replace("\n", "\\n") + ": " + diff(clean, got));
                }
            }
            assertThat(broken).isEmpty();
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void migrationSqlHoldsItsStatements() throws Exception {
        Path dir = Files.createTempDirectory("dece-migrate-injection");
        try {
            Outcome o = attack(Path.of("catalog/entries/marts.yaml"), Dialect.DUCKDB, y -> {
                Path f = dir.resolve("marts.yaml");
                Files.writeString(f, y);
                return DECE.migrate(new MigrateOptions("duckdb", "postgresql", List.of(f), List.of(), List.of(),
                        List.of(Path.of("catalog/contracts/orders.contract.yaml")), null));
            }, List.of("/dataset/name", "/dataset/owner_team", "/dataset/lineage/sources/0"));
            assertThat(o.broken()).isEmpty();
            assertThat(o.generated()).isPositive();
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    Outcome attack(Path file, Dialect d, Generator g, List<String> pointers) throws Exception {
        String clean = Files.readString(file);
        JsonNode root = YAML.readTree(clean);
        Map<String, List<String>> expected = shapes(g.run(YAML.writeValueAsString(root)), d);
        assertThat(expected.values().stream().flatMap(List::stream)).as("the clean input's SQL is read").isNotEmpty();
        int refused = 0;
        int generated = 0;
        List<String> broken = new ArrayList<>();
        for (String pointer : pointers) {
            assertThat(root.at(pointer).isMissingNode()).as(pointer + " exists in " + file).isFalse();
            for (String h : HOSTILE) {
                JsonNode copy = root.deepCopy();
                set(copy, pointer, h);
                Report r;
                try {
                    r = g.run(YAML.writeValueAsString(copy));
                } catch (InputException e) {
                    refused++;
                    continue;
                }
                generated++;
                Map<String, List<String>> got = shapes(r, d);
                if (!same(expected, got)) broken.add(pointer + " = " + h.replace("\n", "\\n") + ": " + diff(expected, got));
            }
        }
        return new Outcome(refused, generated, broken);
    }

    static void set(JsonNode root, String pointer, String value) {
        int i = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, i));
        String last = pointer.substring(i + 1);
        if (parent instanceof ArrayNode a) a.set(Integer.parseInt(last), TextNode.valueOf(value));
        else ((ObjectNode) parent).put(last, value);
    }

    /** Per artifact kind, the sorted shapes of its artifacts: SQL as its statement classes, YAML as its key structure. */
    static Map<String, List<String>> shapes(Report r, Dialect d) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (Artifact a : r.artifacts()) out.computeIfAbsent(a.kind(), k -> new ArrayList<>()).add(shape(a, d));
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    /**
     * SQL: its statements as JSqlParser reads them (their classes); where JSqlParser does not know the dialect's
     * syntax (DuckDB sequences, BEGIN TRANSACTION), as a SQL lexer reads them: the first two words of each
     * statement, literals, quoted names and comments skipped by the standard rules ('' and "" doubled,
     * -- to the line end, block comments, PostgreSQL dollar quotes). YAML: its key structure.
     */
    static final String LEXED = "(JSqlParser does not read this dialect's syntax)";

    static String shape(Artifact a, Dialect d) {
        if (a.name().endsWith(".sql")) {
            // the run-twice test leaves the target table and window to the user as ${...} placeholders
            String sql = a.content().replace("${target_table}", "target_table").replace("${window}", "'window'");
            // one report may carry SQL for several dialects (backfill): the file name says which
            boolean backslash = d == Dialect.SNOWFLAKE || d == Dialect.BIGQUERY || a.name().contains(".snowflake.") || a.name().contains(".bigquery.");
            String lexed = "lexed:" + String.join(";", lexed(sql, backslash));
            if (backslash) return lexed; // JSqlParser reads no backslash escapes
            try {
                Statements s = SqlParsing.statements(a.name(), sql, 60_000);
                StringBuilder sb = new StringBuilder(" parsed:");
                for (Statement st : s) sb.append(st.getClass().getSimpleName()).append(';');
                return lexed + sb;
            } catch (Exception e) {
                return lexed + " " + LEXED;
            }
        }
        if (a.name().endsWith(".yml") || a.name().endsWith(".yaml")) {
            try {
                return structure(YAML.readTree(a.content()));
            } catch (Exception e) {
                return "invalid YAML";
            }
        }
        return "lines:" + a.content().lines().count();
    }

    /**
     * The first two words of each statement, as a SQL lexer splits the text; {@code backslash}: literals read
     * backslash escapes (Snowflake, BigQuery; PostgreSQL's E'...' always does).
     */
    static List<String> lexed(String sql, boolean backslash) {
        StringBuilder code = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                boolean escapes = c == '\'' && (backslash || i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i < 2 || !Character.isLetterOrDigit(sql.charAt(i - 2)) && sql.charAt(i - 2) != '_'));
                int j = i + 1;
                while (j < n) {
                    if (escapes && sql.charAt(j) == '\\') {
                        j += 2;
                    } else if (sql.charAt(j) == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) j += 2;
                        else break;
                    } else {
                        j++;
                    }
                }
                code.append(c == '\'' ? " L " : " I ");
                i = j + 1;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int e = sql.indexOf("*/", i + 2);
                i = e < 0 ? n : e + 2;
            } else if (c == '$' && sql.indexOf('$', i + 1) > 0 && sql.substring(i + 1, sql.indexOf('$', i + 1)).matches("[A-Za-z_]*")) {
                String tag = sql.substring(i, sql.indexOf('$', i + 1) + 1);
                int e = sql.indexOf(tag, i + tag.length());
                code.append(" L ");
                i = e < 0 ? n : e + tag.length();
            } else {
                code.append(c);
                i++;
            }
        }
        List<String> out = new ArrayList<>();
        for (String st : code.toString().split(";")) {
            String[] w = st.strip().split("\\s+");
            if (w.length == 0 || w[0].isEmpty()) continue;
            out.add((w[0] + (w.length > 1 ? " " + w[1] : "")).toUpperCase(java.util.Locale.ROOT));
        }
        return out;
    }

    static String structure(JsonNode n) {
        if (n.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(e.getKey()).append(':').append(structure(e.getValue())).append(',');
            }
            return sb.append('}').toString();
        }
        if (n.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (JsonNode x : n) sb.append(structure(x)).append(',');
            return sb.append(']').toString();
        }
        return "s";
    }

    /** Same statements by the lexer; and by JSqlParser too wherever it read both (it misreads some literals). */
    static boolean same(Map<String, List<String>> want, Map<String, List<String>> got) {
        if (!want.keySet().equals(got.keySet())) return false;
        for (String k : want.keySet()) {
            List<String> a = want.get(k).stream().map(x -> x.replace(" " + LEXED, "")).map(x -> x.contains(" parsed:") ? x.substring(0, x.indexOf(" parsed:")) : x).sorted().toList();
            List<String> b = got.get(k).stream().map(x -> x.replace(" " + LEXED, "")).map(x -> x.contains(" parsed:") ? x.substring(0, x.indexOf(" parsed:")) : x).sorted().toList();
            if (!a.equals(b)) return false;
            List<String> pa = want.get(k).stream().filter(x -> x.contains(" parsed:")).map(x -> x.substring(x.indexOf(" parsed:"))).toList();
            for (String p : got.get(k).stream().filter(x -> x.contains(" parsed:")).map(x -> x.substring(x.indexOf(" parsed:"))).toList()) {
                if (!pa.contains(p)) return false;
            }
        }
        return true;
    }

    static String diff(Map<String, List<String>> want, Map<String, List<String>> got) {
        for (String k : want.keySet()) {
            if (!want.get(k).equals(got.get(k))) return k + ": expected " + want.get(k) + " but got " + got.get(k);
        }
        return "artifact kinds " + want.keySet() + " became " + got.keySet();
    }
}
