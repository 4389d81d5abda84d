package dev.dece.core.doc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.DumperOptions;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads YAML or JSON into located {@link Node} trees, refusing hostile input fast.
 *
 * <p>YAML goes through SnakeYAML's composer (the parser under Jackson's YAML module), because it keeps
 * the line and column of every node and has the alias and nesting guards we need; JSON goes through
 * Jackson's streaming parser with the same limits. Thread-safe: each call uses its own parser.
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
        String name = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw new InputException(Problem.file(name, "file is " + size + " bytes; the limit is "
                        + limits.maxBytes() + " bytes (Limits.maxBytes)"));
            }
            if (Files.isDirectory(file)) {
                throw new InputException(Problem.file(name, "is a directory; expected a YAML or JSON file"));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(Problem.file(name, "no such file"));
        } catch (IOException e) {
            throw new InputException(Problem.file(name, "cannot be read: " + e.getMessage()));
        }
        return load(name, bytes);
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
        boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json")
                || (!name.toLowerCase(Locale.ROOT).matches(".*\\.ya?ml$") && text.stripLeading().startsWith("{"));
        List<Node> docs = json ? loadJson(name, text) : loadYaml(name, text);
        if (docs.isEmpty()) {
            throw new InputException(Problem.file(name, "holds no document; expected a YAML or JSON mapping"));
        }
        return docs;
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
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()));
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        List<Node> docs = new ArrayList<>();
        CountingParser parser = null;
        try {
            // Yaml.composeAll would build every node of the file before our node limit could look at it
            // (an 8 MB file of "k: v" lines took 24 s); counting parser events stops it at Limits.maxNodes.
            parser = new CountingParser(new ParserImpl(new StreamReader(new StringReader(text)), options), limits);
            Composer composer = new Composer(parser, new Resolver(), options);
            while (composer.checkNode()) {
                org.yaml.snakeyaml.nodes.Node root = composer.getNode();
                if (root == null) continue;
                YamlConverter converter = new YamlConverter(name, limits);
                docs.add(converter.convert(root, "", 0));
            }
        } catch (NodeLimit e) {
            throw new InputException(new Problem(name, e.line, e.column, "", "has more than " + limits.maxNodes()
                    + " nodes (Limits.maxNodes); a brief or spec has a few hundred"));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = yamlMessage(e);
            throw new InputException(new Problem(name, m == null ? 0 : m.getLine() + 1,
                    m == null ? 0 : m.getColumn() + 1, "", what));
        } catch (YAMLException e) {
            // SnakeYAML's depth and alias limits carry no position; the last event read is where it stopped
            Mark m = parser == null ? null : parser.last;
            throw new InputException(m == null ? Problem.file(name, yamlMessage(e))
                    : new Problem(name, m.getLine() + 1, m.getColumn() + 1, "", yamlMessage(e)));
        } catch (StackOverflowError e) {
            throw new InputException(Problem.file(name, "nesting is too deep; the limit is "
                    + limits.maxDepth() + " levels (Limits.maxDepth)"));
        }
        return docs;
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

    /** Thrown by {@link CountingParser} when a document has more events than {@link Limits#maxNodes()}. */
    private static final class NodeLimit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        NodeLimit(int line, int column) {
            super(null, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    /** Passes parser events through and stops the stream once it has produced more than maxNodes nodes. */
    private static final class CountingParser implements Parser {
        private final Parser inner;
        private final int max;
        private int count;
        Mark last;

        CountingParser(Parser inner, Limits limits) {
            this.inner = inner;
            this.max = limits.maxNodes();
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return inner.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return inner.peekEvent();
        }

        @Override
        public Event getEvent() {
            Event e = inner.getEvent();
            if (e != null) last = e.getStartMark();
            if (e instanceof NodeEvent && ++count > max) {
                Mark m = e.getStartMark();
                throw new NodeLimit(m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1);
            }
            return e;
        }
    }

    /** Converts SnakeYAML nodes to located nodes, counting nodes so alias expansion stays bounded. */
    private static final class YamlConverter {
        private final String file;
        private final Limits limits;
        private final IdentityHashMap<org.yaml.snakeyaml.nodes.Node, Boolean> active = new IdentityHashMap<>();
        private int nodes;

        YamlConverter(String file, Limits limits) {
            this.file = file;
            this.limits = limits;
        }

        Node convert(org.yaml.snakeyaml.nodes.Node n, String path, int depth) throws InputException {
            int line = n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
            int col = n.getStartMark() == null ? 0 : n.getStartMark().getColumn() + 1;
            if (++nodes > limits.maxNodes()) {
                throw new InputException(new Problem(file, line, col, path, "expands to more than "
                        + limits.maxNodes() + " nodes (Limits.maxNodes); refused as a possible alias bomb"));
            }
            if (depth > limits.maxDepth()) {
                throw new InputException(new Problem(file, line, col, path, "nesting is deeper than "
                        + limits.maxDepth() + " levels (Limits.maxDepth)"));
            }
            if (active.put(n, Boolean.TRUE) != null) {
                throw new InputException(new Problem(file, line, col, path, "an alias refers to itself; recursive documents are not allowed"));
            }
            try {
                if (n instanceof ScalarNode s) {
                    boolean quoted = s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN;
                    if (!quoted && Tag.NULL.equals(s.getTag())) {
                        return Node.nullValue(path, file, line, col);
                    }
                    return Node.scalar(path, file, line, col, s.getValue(), quoted);
                }
                if (n instanceof SequenceNode seq) {
                    ArrayList<Node> items = new ArrayList<>(seq.getValue().size());
                    int i = 0;
                    for (org.yaml.snakeyaml.nodes.Node item : seq.getValue()) {
                        items.add(convert(item, path + "[" + i++ + "]", depth + 1));
                    }
                    return Node.list(path, file, line, col, items);
                }
                if (n instanceof MappingNode map) {
                    LinkedHashMap<String, Node> children = new LinkedHashMap<>();
                    Map<String, Integer> keyLines = new java.util.HashMap<>();
                    for (NodeTuple t : map.getValue()) {
                        org.yaml.snakeyaml.nodes.Node k = t.getKeyNode();
                        int kl = k.getStartMark().getLine() + 1;
                        int kc = k.getStartMark().getColumn() + 1;
                        if (!(k instanceof ScalarNode ks)) {
                            throw new InputException(new Problem(file, kl, kc, path,
                                    "a key must be a plain name, not a mapping or list"));
                        }
                        if ("<<".equals(ks.getValue())) {
                            throw new InputException(new Problem(file, kl, kc, path,
                                    "merge keys (<<) are not supported; write the fields out"));
                        }
                        String key = ks.getValue();
                        String childPath = Node.childPath(path, key);
                        Integer first = keyLines.putIfAbsent(key, kl);
                        if (first != null) {
                            throw new InputException(new Problem(file, kl, kc, childPath,
                                    "duplicate key; the first is at line " + first + "; keep one"));
                        }
                        children.put(key, convert(t.getValueNode(), childPath, depth + 1).keyAt(kl, kc));
                    }
                    return Node.map(path, file, line, col, children);
                }
                throw new InputException(new Problem(file, line, col, path, "unsupported YAML node"));
            } finally {
                active.remove(n);
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
