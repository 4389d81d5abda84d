package dev.dece.core.doc;

import dev.dece.core.drl.Node;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * What a user sees when a file cannot be read as YAML or JSON: one line per problem, shaped
 * {@code file:line:col: yaml.path: what was found; what is allowed}. Hostile input must be refused, not
 * digested; {@link #refused} puts a 10 s hang guard around each load (a guard, not a performance claim).
 */
class DocumentLoaderTest {

    static final DocumentLoader LOADER = new DocumentLoader(Limits.DEFAULT);
    static final Duration HANG_GUARD = Duration.ofSeconds(10);

    static List<Node> load(String name, String text) throws InputException {
        return LOADER.load(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The rendered message of the InputException that loading {@code bytes} must throw. */
    static String refused(String name, byte[] bytes) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                LOADER.load(name, bytes);
            } catch (InputException e) {
                assertThat(e.problems()).isNotEmpty();
                assertThat(e.getStackTrace()).as("input problems carry no stack trace").isEmpty();
                return e.getMessage();
            }
            throw new AssertionError(name + " was accepted");
        });
    }

    static String refused(String name, String text) {
        return refused(name, text.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------ well-formed input keeps its locations

    @Test
    void yamlNodesCarryFileLinePathAndColumn() throws InputException {
        Node root = load("brief.yaml", "project_name: \"p\"\ndata_consumers:\n  - team: risk\n    latency_requirement: batch\n").get(0);
        Node lat = root.get("data_consumers").items().get(0).get("latency_requirement");
        assertThat(lat.path()).isEqualTo("data_consumers[0].latency_requirement");
        assertThat(lat.file()).isEqualTo("brief.yaml");
        assertThat(lat.line()).isEqualTo(4);
        assertThat(lat.column()).isEqualTo(26);
        assertThat(lat.text()).isEqualTo("batch");
        assertThat(root.get("project_name").isQuoted()).isTrue();
        assertThat(root.get("nothing").get("deeper").isAbsent()).isTrue();
        assertThat(root.get("nothing").get("deeper").path()).isEqualTo("nothing.deeper");
    }

    @Test
    void jsonNodesCarryLinesToo() throws InputException {
        Node root = load("brief.json", "{\n  \"project_name\": \"p\",\n  \"data_consumers\": [\n    {\"team\": \"risk\"}\n  ]\n}").get(0);
        Node team = root.get("data_consumers").items().get(0).get("team");
        assertThat(team.path()).isEqualTo("data_consumers[0].team");
        assertThat(team.line()).isEqualTo(4);
        assertThat(team.text()).isEqualTo("risk");
    }

    @Test
    void jsonIsRecognisedByContentWhenTheNameSaysNothing() throws InputException {
        assertThat(load("stdin", "{\"a\": [1, 2]}").get(0).get("a").items()).hasSize(2);
    }

    @Test
    void utf8ByteOrderMarkIsAccepted() throws InputException {
        byte[] text = "a: b\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        assertThat(LOADER.load("bom.yaml", withBom).get(0).get("a").text()).isEqualTo("b");
    }

    @Test
    void severalYamlDocumentsAreReturnedInOrder() throws InputException {
        assertThat(load("multi.yaml", "a: 1\n---\nb: 2\n")).extracting(n -> n.fields().keySet().iterator().next())
                .containsExactly("a", "b");
    }

    // ------------------------------------------------------------ unusable files

    @Test
    void emptyFile() {
        assertThat(refused("brief.yaml", "")).isEqualTo("brief.yaml: is empty; expected a YAML or JSON document");
    }

    @Test
    void whitespaceOnlyFile() {
        assertThat(refused("brief.yaml", "  \n\t\n   \n")).isEqualTo("brief.yaml: is empty; expected a YAML or JSON document");
    }

    @Test
    void commentOnlyFile() {
        assertThat(refused("brief.yaml", "# nothing here yet\n"))
                .isEqualTo("brief.yaml: holds no document; expected a YAML or JSON mapping");
    }

    @Test
    void binaryWithNulBytes() {
        assertThat(refused("brief.yaml", new byte[] {'a', ':', ' ', 0, 1, 2, (byte) 0xff}))
                .isEqualTo("brief.yaml: holds binary data (a NUL byte at offset 3); expected UTF-8 YAML or JSON text");
    }

    @Test
    void invalidUtf8() {
        // 0xC3 starts a two-byte sequence; 0x28 cannot continue it (Latin-1 "é" written by a non-UTF-8 editor)
        assertThat(refused("brief.yaml", new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'}))
                .isEqualTo("brief.yaml: is not UTF-8 text; expected UTF-8 YAML or JSON");
        assertThat(refused("brief.yaml", "team: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("brief.yaml: is not UTF-8 text; expected UTF-8 YAML or JSON");
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Path f = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> LOADER.load(f)).isInstanceOf(InputException.class)
                .hasMessage(f + ": no such file");
    }

    @Test
    void directoryInsteadOfFile(@TempDir Path dir) {
        assertThatThrownBy(() -> LOADER.load(dir)).isInstanceOf(InputException.class)
                .hasMessage(dir + ": is a directory; expected a YAML or JSON file");
    }

    @Test
    void fileFromDiskIsNamedAsGiven(@TempDir Path dir) throws IOException, InputException {
        Path f = dir.resolve("brief.yaml");
        Files.writeString(f, "a:\n  b: 1\n");
        Node b = LOADER.load(f).get(0).get("a").get("b");
        assertThat(b.file()).isEqualTo(f.toString());
        assertThat(b.line()).isEqualTo(2);
    }

    // ------------------------------------------------------------ malformed YAML and JSON

    @Test
    void badIndentationNamesItsLine() {
        assertThat(refused("brief.yaml", "project_name: p\ndata_consumers:\n  - team: a\n   use_case: b\n"))
                .startsWith("brief.yaml:4:4: not valid YAML: ")
                .endsWith("; check indentation, quotes and colons");
        assertThat(refused("brief.yaml", "project_name: p\n  data_consumers: x\n"))
                .isEqualTo("brief.yaml:2:17: not valid YAML: mapping values are not allowed here; check indentation, quotes and colons");
    }

    @Test
    void unclosedQuoteNamesALine() {
        assertThat(refused("brief.yaml", "project_name: \"p\nteam_size: 3\n")).matches("brief\\.yaml:\\d+:\\d+: not valid YAML: .*");
    }

    @Test
    void duplicateKeyNamesBothLines() {
        assertThat(refused("brief.yaml", "project_name: p\nproject_name: q\n"))
                .isEqualTo("brief.yaml:2:1: project_name: duplicate key; the first is at line 1; keep one");
        // the first key's line, not its value's, when the value starts on the next line
        assertThat(refused("brief.yaml", "constraints:\n  compliance:\n    - GDPR\n  compliance: [SOX]\n"))
                .isEqualTo("brief.yaml:4:3: constraints.compliance: duplicate key; the first is at line 2; keep one");
    }

    @Test
    void mergeKeysAreRefused() {
        assertThat(refused("brief.yaml", "base: &b {x: 1}\nother:\n  <<: *b\n"))
                .isEqualTo("brief.yaml:3:3: other: merge keys (<<) are not supported; write the fields out");
    }

    @Test
    void complexKeysAreRefused() {
        assertThat(refused("brief.yaml", "? [a, b]\n: c\n"))
                .isEqualTo("brief.yaml:1:3: a key must be a plain name, not a mapping, list or alias");
    }

    @Test
    void invalidJsonNamesItsLine() {
        assertThat(refused("brief.json", "{\"project_name\": \"p\",\n \"data_consumers\": [\n {\"latency_requirement\": \"batch\",}]}"))
                .startsWith("brief.json:3:34: not valid JSON: Unexpected character ('}'");
    }

    @Test
    void duplicateJsonKey() {
        assertThat(refused("brief.json", "{\"project_name\": \"p\",\n \"project_name\": \"q\"}"))
                .isEqualTo("brief.json:2:16: duplicate key 'project_name'; keep one");
    }

    @Test
    void trailingJsonContent() {
        assertThat(refused("brief.json", "{\"a\": 1}\n{\"b\": 2}"))
                .isEqualTo("brief.json:2:1: unexpected content after the end of the JSON document");
    }

    // ------------------------------------------------------------ hostile input: refused fast, clearly

    /** Ten levels of nine aliases each: 9^10 (3.4 billion) strings once expanded. */
    static String billionLaughs() {
        StringBuilder sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            sb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) sb.append(i > 0 ? "," : "").append('*').append(prev);
            sb.append("]\n");
            prev = c;
        }
        return sb.toString();
    }

    @Test
    void aliasBombIsRefused() {
        assertThat(refused("bomb.yaml", billionLaughs()))
                // line 6 (f) would expand to 9^5 x 10 nodes: refused at the alias that would cross the limit
                .isEqualTo("bomb.yaml:6:26: f[6]: expands to more than 500000 nodes (Limits.maxNodes); refused as a possible alias bomb");
    }

    @Test
    void aliasExpansionIsBoundedEvenUnderTheAliasLimit() {
        // 3 levels of 10 aliases: 30 alias uses, 1 000+ nodes once expanded; a node limit of 500 stops it
        StringBuilder sb = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        sb.append("b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n");
        sb.append("c: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n");
        DocumentLoader small = new DocumentLoader(new Limits(1 << 20, 64, 50, 500));
        assertThatThrownBy(() -> small.load("bomb.yaml", sb.toString().getBytes(StandardCharsets.UTF_8)))
                .hasMessageEndingWith("expands to more than 500 nodes (Limits.maxNodes); refused as a possible alias bomb")
                // refused at the alias that would cross the limit, before copying it
                .hasMessageStartingWith("bomb.yaml:3:");
    }

    @Test
    void tooManyNodesAreRefusedWhileParsing() {
        // counted on parser events, so the rest of the file is never composed (an 8 MB file of "k: v"
        // lines took 24 s to compose before this limit was checked during parsing)
        DocumentLoader small = new DocumentLoader(new Limits(1 << 24, 64, 50, 1_000));
        String lines = "- v\n".repeat(100_000);
        assertThatThrownBy(() -> assertTimeoutPreemptively(HANG_GUARD,
                () -> small.load("many.yaml", lines.getBytes(StandardCharsets.UTF_8))))
                .hasMessage("many.yaml:1000:3: has more than 1000 nodes (Limits.maxNodes); a brief or spec has a few hundred");
        assertThatThrownBy(() -> small.load("many.json", ("[" + "1,".repeat(5_000) + "1]").getBytes(StandardCharsets.UTF_8)))
                .hasMessageEndingWith("has more than 1000 nodes (Limits.maxNodes)");
    }

    @Test
    void aliasesWithinTheLimitsAreExpandedWithTheirOwnPaths() throws InputException {
        Node root = load("a.yaml", "base: &b {team: risk, latency_requirement: batch}\nconsumers: [*b, *b]\n").get(0);
        Node second = root.get("consumers").items().get(1).get("team");
        assertThat(second.path()).isEqualTo("consumers[1].team");
        assertThat(second.text()).isEqualTo("risk");
        assertThat(second.line()).as("an alias copy keeps its anchor's position").isEqualTo(1);
        assertThat(refused("a.yaml", "a: *nothing\n")).isEqualTo("a.yaml:1:4: a: *nothing refers to no anchor &nothing defined before it");
    }

    @Test
    void yamlNullsAndQuotedText() throws InputException {
        Node root = load("n.yaml", "a: ~\nb: null\nc:\nd: \"null\"\ne: !!null x\nf: |\n  block\n").get(0);
        assertThat(root.get("a").kind()).isEqualTo(Node.Kind.NULL);
        assertThat(root.get("b").kind()).isEqualTo(Node.Kind.NULL);
        assertThat(root.get("c").kind()).isEqualTo(Node.Kind.NULL);
        assertThat(root.get("d").text()).isEqualTo("null");
        assertThat(root.get("d").isQuoted()).isTrue();
        assertThat(root.get("f").text()).isEqualTo("block\n");
    }

    @Test
    void recursiveAliasIsRefused() {
        assertThat(refused("loop.yaml", "a: &a [1, *a]\n")).contains("loop.yaml").containsAnyOf("recursive", "refers to itself");
    }

    @Test
    void deepYamlFlowNestingIsRefused() {
        assertThat(refused("deep.yaml", "a: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n"))
                .isEqualTo("deep.yaml:1:68: nesting is deeper than 64 levels (Limits.maxDepth); flatten the document");
    }

    @Test
    void deepYamlBlockNestingIsRefused() {
        // "- - - - x": 20 000 nested block sequences on one line (indentation-nested blocks of that depth
        // would need 200 MB of leading blanks and hit Limits.maxBytes first)
        assertThat(refused("deep.yaml", "- ".repeat(20_000) + "x\n"))
                .isEqualTo("deep.yaml:1:131: nesting is deeper than 64 levels (Limits.maxDepth); flatten the document");
        StringBuilder indented = new StringBuilder();
        for (int i = 0; i < 200; i++) indented.append(" ".repeat(i)).append("k").append(i).append(":\n");
        assertThat(refused("deep.yaml", indented.toString()))
                .matches("deep\\.yaml:6[4-6]:\\d+: nesting is deeper than 64 levels \\(Limits\\.maxDepth\\); flatten the document");
    }

    @Test
    void deepJsonNestingIsRefused() {
        assertThat(refused("deep.json", "{\"a\": " + "[".repeat(20_000) + "]".repeat(20_000) + "}"))
                .startsWith("deep.json:1:")
                .endsWith("nesting is deeper than 64 levels (Limits.maxDepth)");
    }

    @Test
    void fileOverTheSizeLimitIsRefusedBeforeReading(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.write(big, new byte[(int) Limits.DEFAULT.maxBytes() + 1]);
        assertThatThrownBy(() -> LOADER.load(big)).hasMessage(big + ": file is 8388609 bytes; the limit is 8388608 bytes (Limits.maxBytes)");
        assertThat(refused("big.yaml", ("x".repeat(99) + "\n").repeat(90_000)))
                .isEqualTo("big.yaml: input is 9000000 bytes; the limit is 8388608 bytes (Limits.maxBytes)");
    }

    @Test
    void hugeSingleLineIsRefused() {
        String line = "project_name: \"" + "x".repeat(7_000_000) + "\"\n";
        assertThat(refused("line.yaml", line))
                .isEqualTo("line.yaml:1:100001: line is 7000016 characters long; the limit is 100000 characters "
                        + "(Limits.maxLineLength); break it up or use JSON");
        assertThat(refused("line.yaml", "a: 1\nb: " + "y".repeat(200_000) + "\n")).startsWith("line.yaml:2:100001: line is 200003 characters");
    }

    @Test
    void hugeSingleLineJsonIsReadByTheStreamingParser() throws InputException {
        String json = "{\"project_name\": \"" + "x".repeat(2_000_000) + "\"}";
        Node root = assertTimeoutPreemptively(HANG_GUARD, () -> load("line.json", json).get(0));
        assertThat(root.get("project_name").text()).hasSize(2_000_000);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new Limits(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Limits(1, 2, 3, 4).maxLineLength()).isEqualTo(Limits.DEFAULT_MAX_LINE_LENGTH);
    }

    @Test
    void sqlIsToldApartFromYaml() {
        DocumentLoader l = new DocumentLoader(Limits.DEFAULT);
        assertThatThrownBy(() -> l.load("s.yaml", "-- orders\n/* ddl */\n  create or replace   table t (a int);\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("s.yaml:3:3: is SQL (a CREATE OR REPLACE TABLE statement), not YAML or JSON; dece lint reads CREATE TABLE DDL "
                        + "from a .sql file, and this command reads a YAML or JSON document");
        assertThatThrownBy(() -> l.load("q.yaml", "WITH x AS (SELECT 1) SELECT * FROM x".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("q.yaml:1:1: is SQL (a WITH statement)");
        // YAML whose values mention SQL words is YAML
        org.assertj.core.api.Assertions.assertThatCode(() -> l.load("b.yaml", "create table: 2\nselect: 1\n".getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();
    }
}
