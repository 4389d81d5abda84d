package dev.dece.core.doc;

import dev.dece.core.drl.Node;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;
import dev.dece.core.input.Problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads YAML or JSON into located {@link Node} trees, refusing hostile input fast.
 *
 * <p>YAML goes through SnakeYAML's event parser (the parser under Jackson's YAML module), because every
 * event keeps its line and column; nodes are built from the events here, so each {@link Limits} check
 * happens on the event that crosses it. JSON goes through Jackson's streaming parser with the same
 * limits. Thread-safe: each call uses its own parser.
 *
 * <pre>{@code
 * List<Node> docs = new DocumentLoader(Limits.DEFAULT).load(Path.of("brief.yaml"));
 * }</pre>
 */
public final class DocumentLoader {

    private final Limits limits;

    public DocumentLoader(Limits limits) {
        this.limits = limits;
    }

    /**
     * Loads every document in the file (a YAML stream may hold several, separated by {@code ---}).
     *
     * @return one root node per document, never empty
     * @throws InputException when the file is missing, too large, not text, not YAML/JSON, or hostile
     */
    public List<Node> load(Path file) throws InputException {
        return load(file.toString(), Inputs.read(file, limits.maxBytes(), "Limits.maxBytes", "a YAML or JSON file"));
    }

    /** Loads documents from bytes already in memory; {@code name} is used in every problem. */
    public List<Node> load(String name, byte[] bytes) throws InputException {
        if (bytes.length > limits.maxBytes()) {
            throw new InputException(Problem.file(name, "input is " + bytes.length
                    + " bytes; the limit is " + limits.maxBytes() + " bytes (Limits.maxBytes)"));
        }
        String text = decode(name, bytes);
        if (text.isBlank()) {
            throw new InputException(Problem.file(name, "is empty; expected a YAML or JSON document"));
        }
        int[] sql = sqlStart(text);
        if (sql != null) {
            throw new InputException(new Problem(name, sql[0], sql[1], "", "is SQL (a " + text.substring(sql[2], sql[3]).replaceAll("\\s+", " ").toUpperCase(Locale.ROOT)
                    + " statement), not YAML or JSON; dece lint reads CREATE TABLE DDL from a .sql file, and this command reads a YAML or JSON document"));
        }
        boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json")
                || (!name.toLowerCase(Locale.ROOT).matches(".*\\.ya?ml$") && text.stripLeading().startsWith("{"));
        List<Node> docs = json ? loadJson(name, text) : loadYaml(name, text);
        if (docs.isEmpty()) {
            throw new InputException(Problem.file(name, "holds no document; expected a YAML or JSON mapping"));
        }
        return docs;
    }

    private static final java.util.regex.Pattern SQL_START = java.util.regex.Pattern.compile(
            "(?is)(create\\s+(or\\s+replace\\s+)?(temporary\\s+|temp\\s+|transient\\s+)?(table|view|schema|index|materialized\\s+view)"
                    + "|alter\\s+table|drop\\s+(table|view|schema)|insert\\s+into|delete\\s+from|merge\\s+into|select\\s|with\\s+\\w+\\s+as\\s*\\()");

    /**
     * Where a text that is SQL starts: line, column, and the keyword's span; null when it is not SQL. The first
     * words after blank lines and SQL comments ({@code --}, {@code /* *}{@code /}) must open a statement, and
     * no YAML mapping key ({@code word:}) may come before them.
     */
    static int[] sqlStart(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("--", i)) {
                while (i < n && text.charAt(i) != '\n') i++;
            } else if (text.startsWith("/*", i)) {
                int e = text.indexOf("*/", i + 2);
                if (e < 0) return null;
                i = e + 2;
            } else {
                break;
            }
        }
        if (i >= n) return null;
        java.util.regex.Matcher m = SQL_START.matcher(text);
        m.region(i, n);
        if (!m.lookingAt()) return null;
        if (m.end() < n && text.charAt(m.end()) == ':') return null; // "create table: x" is a YAML key
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < i; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        String kw = text.substring(i, m.end()).strip().replaceAll("\\s+", " ");
        int end = kw.toLowerCase(Locale.ROOT).startsWith("with ") ? i + 4 : i + text.substring(i, m.end()).strip().length();
        return new int[] {line, i - lineStart + 1, i, end};
    }

    private static String decode(String name, byte[] bytes) throws InputException {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3; // UTF-8 byte order mark
        }
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new InputException(Problem.file(name, "holds binary data (a NUL byte at offset " + i
                        + "); expected UTF-8 YAML or JSON text"));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(Problem.file(name, "is not UTF-8 text; expected UTF-8 YAML or JSON"));
        }
    }

    // ---------------------------------------------------------------- YAML

    private List<Node> loadYaml(String name, String text) throws InputException {
        checkLineLength(name, text);
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()));
        options.setProcessComments(false);
        // Located nodes are built straight from SnakeYAML's parser events, not from its composed tree:
        // the composer would build every node of a file before any limit of ours could look at it (an 8 MB
        // file of "k: v" lines took 24 s), and its depth and alias guards carry no position. Here every
        // limit is checked on the event that crosses it, with that event's line and column.
        EventConverter converter = new EventConverter(name, limits,
                new ParserImpl(new StreamReader(new StringReader(text)), options));
        try {
            return converter.documents();
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new InputException(new Problem(name, m == null ? 0 : m.getLine() + 1,
                    m == null ? 0 : m.getColumn() + 1, "", yamlMessage(e)));
        } catch (YAMLException e) {
            throw new InputException(Problem.file(name, yamlMessage(e)));
        }
    }

    /** Refuses a line longer than {@link Limits#maxLineLength()} before SnakeYAML spends seconds on it. */
    private void checkLineLength(String name, String text) throws InputException {
        int line = 1;
        int start = 0;
        for (int i = 0, n = text.length(); i <= n; i++) {
            if (i == n || text.charAt(i) == '\n') {
                if (i - start > limits.maxLineLength()) {
                    throw new InputException(new Problem(name, line, limits.maxLineLength() + 1, "",
                            "line is " + (i - start) + " characters long; the limit is " + limits.maxLineLength()
                                    + " characters (Limits.maxLineLength); break it up or use JSON"));
                }
                line++;
                start = i + 1;
            }
        }
    }

    private String yamlMessage(YAMLException e) {
        String raw = e instanceof MarkedYAMLException m && m.getProblem() != null ? m.getProblem() : String.valueOf(e.getMessage());
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.contains("nesting depth")) {
            return "nesting is deeper than " + limits.maxDepth() + " levels (Limits.maxDepth); flatten the document";
        }
        if (lower.contains("number of aliases")) {
            return "uses more than " + limits.maxAliases() + " aliases (Limits.maxAliases); refused as a possible alias bomb";
        }
        if (lower.contains("code points")) {
            return "is larger than the limit of " + limits.maxBytes() + " bytes (Limits.maxBytes)";
        }
        String context = e instanceof MarkedYAMLException m && m.getContext() != null ? m.getContext() + ": " : "";
        return "not valid YAML: " + context + raw.strip() + "; check indentation, quotes and colons";
    }

    /**
     * Builds located nodes from parser events, one document at a time. Counts every node it creates
     * (alias copies included) against {@link Limits#maxNodes()}, alias uses against {@link Limits#maxAliases()}
     * and nesting against {@link Limits#maxDepth()}; recursion is bounded by maxDepth.
     */
    private static final class EventConverter {
        private static final Resolver RESOLVER = new Resolver();
        private final String file;
        private final Limits limits;
        private final Parser parser;
        private final Map<String, Node> anchors = new HashMap<>();
        /** Nodes in each anchored subtree once expanded, so an alias is refused before it is copied. */
        private final Map<String, Integer> anchorSizes = new HashMap<>();
        private final Set<String> building = new HashSet<>();
        private int nodes;
        private int aliases;

        EventConverter(String file, Limits limits, Parser parser) {
            this.file = file;
            this.limits = limits;
            this.parser = parser;
        }

        List<Node> documents() throws InputException {
            List<Node> docs = new ArrayList<>();
            parser.getEvent(); // stream start
            while (!parser.checkEvent(Event.ID.StreamEnd)) {
                parser.getEvent(); // document start
                anchors.clear();
                anchorSizes.clear();
                if (!parser.checkEvent(Event.ID.DocumentEnd)) {
                    docs.add(node("", 0));
                }
                parser.getEvent(); // document end
            }
            return docs;
        }

        private InputException problem(Event at, String path, String message) {
            Mark m = at.getStartMark();
            return new InputException(new Problem(file, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
                    path, message));
        }

        private void count(Event at, String path) throws InputException {
            if (++nodes > limits.maxNodes()) {
                throw problem(at, "", "has more than " + limits.maxNodes() + " nodes (Limits.maxNodes); a brief or spec has a few hundred");
            }
        }

        private Node node(String path, int depth) throws InputException {
            Event e = parser.getEvent();
            Mark m = e.getStartMark();
            int line = m.getLine() + 1;
            int col = m.getColumn() + 1;
            if (e instanceof AliasEvent alias) {
                if (++aliases > limits.maxAliases()) {
                    throw problem(e, path, "uses more than " + limits.maxAliases()
                            + " aliases (Limits.maxAliases); refused as a possible alias bomb");
                }
                if (building.contains(alias.getAnchor())) {
                    throw problem(e, path, "an alias refers to itself; recursive documents are not allowed");
                }
                Node target = anchors.get(alias.getAnchor());
                if (target == null) {
                    throw problem(e, path, "*" + alias.getAnchor() + " refers to no anchor &" + alias.getAnchor()
                            + " defined before it");
                }
                int size = anchorSizes.get(alias.getAnchor());
                if (nodes + size > limits.maxNodes()) {
                    throw problem(e, path, "expands to more than " + limits.maxNodes()
                            + " nodes (Limits.maxNodes); refused as a possible alias bomb");
                }
                nodes += size;
                return copy(target, path, depth);
            }
            int before = nodes;
            count(e, path);
            if (depth > limits.maxDepth()) {
                throw problem(e, "", "nesting is deeper than " + limits.maxDepth() + " levels (Limits.maxDepth); flatten the document");
            }
            String anchor = ((NodeEvent) e).getAnchor();
            if (anchor != null) building.add(anchor);
            Node out;
            if (e instanceof ScalarEvent sc) {
                boolean plain = sc.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
                boolean isNull = plain && (Tag.NULL.getValue().equals(sc.getTag()) || (sc.getTag() == null
                        && Tag.NULL.equals(RESOLVER.resolve(NodeId.scalar, sc.getValue(), true))));
                out = isNull ? Node.nullValue(path, file, line, col) : Node.scalar(path, file, line, col, sc.getValue(), !plain);
            } else if (e instanceof SequenceStartEvent) {
                ArrayList<Node> items = new ArrayList<>();
                while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                    items.add(node(path + "[" + items.size() + "]", depth + 1));
                }
                parser.getEvent();
                out = Node.list(path, file, line, col, items);
            } else if (e instanceof MappingStartEvent) {
                LinkedHashMap<String, Node> children = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new HashMap<>();
                while (!parser.checkEvent(Event.ID.MappingEnd)) {
                    Event k = parser.getEvent();
                    int kl = k.getStartMark().getLine() + 1;
                    int kc = k.getStartMark().getColumn() + 1;
                    if (!(k instanceof ScalarEvent ks)) {
                        throw problem(k, path, "a key must be a plain name, not a mapping, list or alias");
                    }
                    count(k, path);
                    String key = ks.getValue();
                    String childPath = Node.childPath(path, key);
                    if ("<<".equals(key) && ks.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
                        throw problem(k, path, "merge keys (<<) are not supported; write the fields out");
                    }
                    Integer first = keyLines.putIfAbsent(key, kl);
                    if (first != null) {
                        throw problem(k, childPath, "duplicate key; the first is at line " + first + "; keep one");
                    }
                    children.put(key, node(childPath, depth + 1).keyAt(kl, kc));
                }
                parser.getEvent();
                out = Node.map(path, file, line, col, children);
            } else {
                throw problem(e, path, "unsupported YAML content");
            }
            if (anchor != null) {
                building.remove(anchor);
                anchors.put(anchor, out);
                anchorSizes.put(anchor, nodes - before);
            }
            return out;
        }

        /** The anchored node again under {@code path}; its size was already counted. */
        private Node copy(Node n, String path, int depth) throws InputException {
            if (depth > limits.maxDepth()) {
                throw new InputException(new Problem(file, n.line(), n.column(), "", "nesting is deeper than "
                        + limits.maxDepth() + " levels (Limits.maxDepth); flatten the document"));
            }
            switch (n.kind()) {
                case MAP: {
                    LinkedHashMap<String, Node> children = new LinkedHashMap<>();
                    for (Map.Entry<String, Node> c : n.fields().entrySet()) {
                        Node v = c.getValue();
                        children.put(c.getKey(), copy(v, Node.childPath(path, c.getKey()), depth + 1).keyAt(v.keyLine(), v.keyColumn()));
                    }
                    return Node.map(path, file, n.line(), n.column(), children);
                }
                case LIST: {
                    ArrayList<Node> items = new ArrayList<>();
                    for (Node item : n.items()) items.add(copy(item, path + "[" + items.size() + "]", depth + 1));
                    return Node.list(path, file, n.line(), n.column(), items);
                }
                case NULL:
                    return Node.nullValue(path, file, n.line(), n.column());
                default:
                    return Node.scalar(path, file, n.line(), n.column(), n.text(), n.isQuoted());
            }
        }
    }

    // ---------------------------------------------------------------- JSON

    private List<Node> loadJson(String name, String text) throws InputException {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()))
                        .build())
                .build();
        JsonParser p = null;
        try {
            p = factory.createParser(text);
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InputException(Problem.file(name, "is empty; expected a JSON document"));
            }
            int[] count = {0};
            Node root = readJson(name, p, "", count);
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new InputException(new Problem(name, l.getLineNr(), l.getColumnNr(), "",
                        "unexpected content after the end of the JSON document"));
            }
            return List.of(root);
        } catch (JsonProcessingException e) {
            // a nesting-limit exception carries no location; the parser still knows where it stopped
            JsonLocation l = e.getLocation() != null || p == null ? e.getLocation() : p.currentLocation();
            String msg = e.getOriginalMessage();
            if (msg != null && msg.contains("nesting depth")) {
                msg = "nesting is deeper than " + limits.maxDepth() + " levels (Limits.maxDepth)";
            } else if (msg != null && msg.startsWith("Duplicate field")) {
                msg = "duplicate key " + msg.substring("Duplicate field".length()).trim() + "; keep one";
            } else {
                msg = "not valid JSON: " + msg;
            }
            throw new InputException(new Problem(name, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), "", msg));
        } catch (IOException e) {
            throw new InputException(Problem.file(name, "cannot be read: " + e.getMessage()));
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // reading from a String: nothing to release
                }
            }
        }
    }

    private Node readJson(String file, JsonParser p, String path, int[] count) throws IOException, InputException {
        JsonLocation l = p.currentTokenLocation();
        int line = l.getLineNr();
        int col = l.getColumnNr();
        if (++count[0] > limits.maxNodes()) {
            throw new InputException(new Problem(file, line, col, path, "has more than " + limits.maxNodes()
                    + " nodes (Limits.maxNodes)"));
        }
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                LinkedHashMap<String, Node> children = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    p.nextToken();
                    String cp = Node.childPath(path, key);
                    children.put(key, readJson(file, p, cp, count).keyAt(kl.getLineNr(), kl.getColumnNr()));
                }
                return Node.map(path, file, line, col, children);
            }
            case START_ARRAY: {
                ArrayList<Node> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readJson(file, p, path + "[" + i++ + "]", count));
                }
                return Node.list(path, file, line, col, items);
            }
            case VALUE_NULL:
                return Node.nullValue(path, file, line, col);
            case VALUE_STRING:
                return Node.scalar(path, file, line, col, p.getText(), true);
            default:
                return Node.scalar(path, file, line, col, p.getText(), false);
        }
    }

    /** Exposed for tests and binders that want to know the limits in force. */
    public Limits limits() {
        return limits;
    }

    static Map<String, Node> none() {
        return Map.of();
    }
}
