package dev.dece.core.drl;

import java.util.Map;

/**
 * Where a SQL element is: the file, the 1-based line and column of its first token, and the statement's path
 * ({@code statements[2]} in a .sql file, {@code nodes["model.shop.fct_orders"].compiled_code} in a dbt manifest,
 * {@code rows[17].QUERY_TEXT:3:8} in a query-history export, where the line is the record's and the query's own
 * line and column follow the path). Not a fact: the SQL facts carry one each.
 */
public record SqlAt(String file, int line, int col, String path) {

    /** A located node whose children are the given values, for evidence and findings. */
    public Node node(Map<String, ?> children) {
        return Nodes.map(path, file, line, col, children);
    }

    /** {@code file:line:col}. */
    public String where() {
        return file + (line > 0 ? ":" + line + (col > 0 ? ":" + col : "") : "");
    }
}
