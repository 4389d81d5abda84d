package dev.dece.core.drl;

import dev.dece.core.report.Evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds located {@link Node}s for inputs that do not come through {@link DocumentLoader}: a DDL file
 * parsed by a SQL parser, a dbt manifest read with a streaming JSON parser. Their findings then carry a
 * file, line and path like any YAML input's.
 *
 * <pre>{@code
 * Node col = Nodes.map("tables[fct_orders].columns[order_id]", "schema.sql", 12, 3,
 *         Map.of("name", "order_id", "type", "BIGINT"));
 * }</pre>
 */
public final class Nodes {
    private Nodes() {}

    /** Evidence for {@code node}: its YAML path and its value as written ({@code (absent)} for a missing key). */
    public static Evidence evidence(Node node) {
        return new Evidence(node.path(), node.display());
    }

    /** A scalar at {@code path}. */
    public static Node scalar(String path, String file, int line, int column, String text) {
        return text == null ? Node.nullValue(path, file, line, column) : Node.scalar(path, file, line, column, text, true);
    }

    /**
     * A mapping whose children are scalars (null values become YAML nulls) or lists of strings, all at
     * the mapping's own location; keys keep the map's iteration order.
     */
    public static Node map(String path, String file, int line, int column, Map<String, ?> children) {
        LinkedHashMap<String, Node> m = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : children.entrySet()) {
            String childPath = Node.childPath(path, e.getKey());
            Object v = e.getValue();
            if (v instanceof Node n) {
                m.put(e.getKey(), n);
            } else if (v instanceof List<?> items) {
                ArrayList<Node> list = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    list.add(scalar(childPath + "[" + i + "]", file, line, column, String.valueOf(items.get(i))));
                }
                m.put(e.getKey(), Node.list(childPath, file, line, column, list));
            } else {
                m.put(e.getKey(), scalar(childPath, file, line, column, v == null ? null : String.valueOf(v)));
            }
        }
        return Node.map(path, file, line, column, m);
    }
}
