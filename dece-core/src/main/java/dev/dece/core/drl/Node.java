package dev.dece.core.drl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a loaded YAML or JSON document: a mapping, a sequence or a scalar, with the file, line
 * and column it came from and its YAML path ({@code data_consumers[0].latency_requirement}).
 *
 * <p>Nodes are immutable once the loader hands them out and are safe to share between threads.
 * A missing child is represented by {@link #missing(String)}, never by {@code null}, so rules and
 * binders can ask for {@code node.get("a").get("b")} without null checks.
 */
public final class Node {

    /** What a node holds. */
    public enum Kind { MAP, LIST, SCALAR, NULL, MISSING }

    private final Kind kind;
    private final String path;
    private final String file;
    private final int line;
    private final int column;
    private final String text;
    private final boolean quoted;
    private final Map<String, Node> map;
    private final List<Node> list;
    private final int keyLine;
    private final int keyColumn;

    private Node(Kind kind, String path, String file, int line, int column, String text, boolean quoted,
                 Map<String, Node> map, List<Node> list) {
        this(kind, path, file, line, column, text, quoted, map, list, line, column);
    }

    private Node(Kind kind, String path, String file, int line, int column, String text, boolean quoted,
                 Map<String, Node> map, List<Node> list, int keyLine, int keyColumn) {
        this.kind = kind;
        this.path = path;
        this.file = file;
        this.line = line;
        this.column = column;
        this.text = text;
        this.quoted = quoted;
        this.map = map;
        this.list = list;
        this.keyLine = keyLine;
        this.keyColumn = keyColumn;
    }

    /** This node as the value of a key written at {@code line}:{@code column}. */
    public Node keyAt(int line, int column) {
        return new Node(kind, path, file, this.line, this.column, text, quoted, map, list, line, column);
    }

    public static Node scalar(String path, String file, int line, int column, String text, boolean quoted) {
        return new Node(Kind.SCALAR, path, file, line, column, text, quoted, Map.of(), List.of());
    }

    public static Node nullValue(String path, String file, int line, int column) {
        return new Node(Kind.NULL, path, file, line, column, null, false, Map.of(), List.of());
    }

    public static Node map(String path, String file, int line, int column, LinkedHashMap<String, Node> children) {
        return new Node(Kind.MAP, path, file, line, column, null, false,
                Collections.unmodifiableMap(children), List.of());
    }

    public static Node list(String path, String file, int line, int column, ArrayList<Node> items) {
        return new Node(Kind.LIST, path, file, line, column, null, false, Map.of(),
                Collections.unmodifiableList(items));
    }

    /** A placeholder for an absent key; it reports the location of the closest existing parent. */
    public Node missing(String key) {
        return new Node(Kind.MISSING, childPath(path, key), file, line, column, null, false, Map.of(), List.of());
    }

    public static String childPath(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    public Kind kind() { return kind; }
    public String path() { return path; }
    public String file() { return file; }
    /** 1-based line; 0 when the document has no lines (an empty file). */
    public int line() { return line; }
    /** 1-based column. */
    public int column() { return column; }
    /**
     * Line of the key this node is the value of (where an "unknown key" is reported); the node's own line
     * for list items, the root and absent nodes.
     */
    public int keyLine() { return keyLine; }
    /** Column of the key this node is the value of; see {@link #keyLine()}. */
    public int keyColumn() { return keyColumn; }
    public boolean isMap() { return kind == Kind.MAP; }
    public boolean isList() { return kind == Kind.LIST; }
    public boolean isScalar() { return kind == Kind.SCALAR; }
    /** True when the key is absent or its value is YAML null / empty. */
    public boolean isAbsent() { return kind == Kind.MISSING || kind == Kind.NULL; }
    public boolean isPresent() { return !isAbsent(); }
    /** True for a scalar written in quotes: "3" is a string, 3 is a number. */
    public boolean isQuoted() { return quoted; }

    /** The scalar's text as written; {@code null} for anything but a scalar. */
    public String text() { return text; }

    /** Children of a mapping in document order; empty for other kinds. */
    public Map<String, Node> fields() { return map; }

    /** Items of a sequence; empty for other kinds. */
    public List<Node> items() { return list; }

    /** The child under {@code key}, or a {@link Kind#MISSING} node. */
    public Node get(String key) {
        Node n = map.get(key);
        return n != null ? n : missing(key);
    }

    /** True when this mapping has the key, even with a null value. */
    public boolean has(String key) {
        return map.containsKey(key);
    }

    /** A short rendering of the value for evidence: the scalar text, {@code [a, b]} for scalar lists. */
    public String display() {
        switch (kind) {
            case SCALAR:
                return text;
            case NULL:
                return "null";
            case MISSING:
                return "(absent)";
            case LIST: {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) sb.append(", ");
                    Node item = list.get(i);
                    sb.append(item.isScalar() ? item.text : item.isMap() ? "{...}" : item.display());
                    if (sb.length() > 200) { sb.append(", ..."); break; }
                }
                return sb.append(']').toString();
            }
            default:
                return "{" + String.join(", ", map.keySet()) + "}";
        }
    }

    @Override
    public String toString() {
        return path + "=" + display();
    }
}
