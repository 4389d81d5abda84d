package dev.dece.core.lint;

import dev.dece.core.doc.Binder;
import dev.dece.core.drl.Column;
import dev.dece.core.drl.ColumnType;
import dev.dece.core.drl.KnownColumn;
import dev.dece.core.drl.KnownTable;
import dev.dece.core.drl.Node;
import dev.dece.core.drl.ObjectKind;
import dev.dece.core.drl.Table;
import dev.dece.core.input.InputException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Binds a plain list of objects to lint:
 * <pre>{@code
 * tables:
 *   - name: fct_orders
 *     kind: fact            # optional: raw, staging, intermediate, fact, dimension, mart, snapshot, source
 *     primary_key: order_id # optional
 *     partition_key: order_date        # optional, for dece optimize; also a list
 *     clustering_keys: [customer_id]   # optional, for dece optimize
 *     size_gb: 2048                    # optional, for dece optimize: compressed size
 *     row_count: 9000000000            # optional, for dece optimize
 *     columns:
 *       - {name: order_id, type: bigint, tests: [unique, not_null], nullable: false}
 * }</pre>
 * Tests are optional; when any column of the file lists {@code tests}, the file's tables are held to
 * the dbt testing checklist. The {@code dece optimize} keys (partitioning, sizes, {@code nullable}) are checked
 * and read by {@link #knowledge(List)}; {@link #bind(List)} accepts them and lints as before.
 */
final class TableListBinder {

    static final List<String> TOP = List.of("tables");
    static final List<String> TABLE = List.of("name", "kind", "description", "primary_key", "columns", "tests", "partition_key",
            "clustering_keys", "size_gb", "row_count");
    static final List<String> COLUMN = List.of("name", "type", "tests", "description", "nullable");

    /** Generic tests that prove a set of columns unique together, namespace stripped. */
    static final java.util.Set<String> COMBINATION_TESTS = java.util.Set.of("unique_combination_of_columns", "expect_compound_columns_to_be_unique");

    private TableListBinder() {}

    /** @throws InputException listing every problem found */
    public static List<Table> bind(List<Node> docs) throws InputException {
        Node root = docs.get(0);
        Binder b = new Binder();
        if (!root.isMap()) {
            b.problem(root, "expected a mapping with tables: [{name, kind, columns: [{name, type}]}], found "
                    + (root.isList() ? "a list" : "\"" + root.display() + "\""));
            b.throwIfProblems();
        }
        Binder.Obj top = b.object(root, TOP);
        List<Node> tableNodes = top.list("tables");
        if (tableNodes.isEmpty()) b.problem(top.get("tables"), "at least one table is required: {name, kind, columns: [{name, type}]}");
        boolean testsKnown = false;
        boolean docsKnown = false;
        for (Node tn : tableNodes) {
            if (tn.get("tests").isPresent()) testsKnown = true;
            if (tn.get("description").isPresent()) docsKnown = true;
            for (Node cn : tn.get("columns").items()) {
                if (cn.get("tests").isPresent()) testsKnown = true;
                if (cn.get("description").isPresent()) docsKnown = true;
            }
        }
        List<Table> out = new ArrayList<>();
        java.util.Map<String, Node> seenTables = new java.util.HashMap<>();
        for (Node tn : tableNodes) {
            Binder.Obj t = b.object(tn, TABLE);
            if (!tn.isMap()) continue;
            String name = t.requiredString("name", "name the table");
            Tables.unique(b, seenTables, t.get("name"), name, "table");
            java.util.Map<String, Node> seenColumns = new java.util.HashMap<>();
            ObjectKind kind = t.choice("kind", ObjectKind.class, "an object kind");
            boolean declared = kind != null;
            if (kind == null && name != null) kind = Tables.kindOf(name);
            List<Column> cols = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<Set<String>> tests = new ArrayList<>();
            for (Node cn : t.list("columns")) {
                Binder.Obj c = b.object(cn, COLUMN);
                if (!cn.isMap()) continue;
                String cname = c.requiredString("name", "name the column");
                if (cname == null) continue;
                Tables.unique(b, seenColumns, c.get("name"), cname, "column of " + name);
                String type = c.string("type");
                Set<String> ts = testNames(b, c.list("tests"));
                names.add(cname);
                tests.add(ts);
                cols.add(new Column(name, cname, type, ColumnType.of(type, null), ts, false, cn.file(), cn.line(), cn.column(), cn.path(),
                        Binder.blankToNull(c.string("description")), false));
            }
            Set<String> modelTests = new LinkedHashSet<>();
            List<String> combo = List.of();
            for (Node mt : t.list("tests")) {
                String n = testName(mt);
                if (n == null) continue;
                Node args = mt.isMap() ? mt.fields().values().iterator().next() : null;
                String field = args != null ? args.get("field").text() : null;
                List<String> cc = args != null ? args.get("combination_of_columns").items().stream().map(Node::text).filter(java.util.Objects::nonNull).toList() : List.of();
                if (COMBINATION_TESTS.contains(n) && !cc.isEmpty()) {
                    modelTests.add(Table.COMBINATION + ":" + String.join(",", cc).toLowerCase(Locale.ROOT));
                    if (combo.isEmpty()) combo = cc;
                } else {
                    modelTests.add(field == null ? n : n + ":" + field.toLowerCase(Locale.ROOT));
                }
            }
            if (name == null) continue;
            Node pkNode = t.get("primary_key");
            List<String> key = pkNode.isList() ? pkNode.items().stream().map(Node::text).filter(java.util.Objects::nonNull).toList()
                    : combo.size() > 1 ? combo : List.of();
            if (key.size() == 1) key = List.of();
            String declaredPk = pkNode.isList() ? (pkNode.items().size() == 1 ? pkNode.items().get(0).text() : null)
                    : Binder.blankToNull(t.string("primary_key"));
            String pk = key.isEmpty() ? Tables.primaryKey(name, names, declaredPk, tests) : null;
            for (String k : key) {
                if (names.stream().noneMatch(k::equalsIgnoreCase)) b.problem(pkNode.isList() ? pkNode : t.get("tests"),
                        "key column \"" + k + "\" is not a column of " + name + "; the key names columns listed under columns:");
            }
            out.add(new Table(name, kind, declared, "tables", null, Tables.markKey(cols, pk, key), pk, testsKnown, modelTests,
                    null, tn.file(), tn.line(), tn.column(), tn.path(), Binder.blankToNull(t.string("description")), docsKnown, key));
        }
        b.throwIfProblems();
        return out;
    }

    /**
     * The same list as table knowledge for {@code dece optimize}: partition and clustering keys, size, rows, and each
     * column's nullability ({@code nullable}, else false when the column has a {@code not_null} test or is the
     * declared primary key, else unknown).
     *
     * @throws InputException listing every problem found, including those {@link #bind(List)} reports
     */
    static List<KnownTable> knowledge(List<Node> docs) throws InputException {
        List<Table> tables = bind(docs);
        Binder b = new Binder();
        List<KnownTable> out = new ArrayList<>();
        List<Node> nodes = docs.get(0).get("tables").items();
        int i = 0;
        for (Node tn : nodes) {
            if (!tn.isMap()) continue;
            Table t = tables.get(i++);
            Binder.Obj o = b.object(tn, TABLE);
            List<KnownColumn> cols = new ArrayList<>();
            List<Node> cn = o.list("columns");
            for (int c = 0; c < cn.size(); c++) {
                if (!cn.get(c).isMap()) continue;
                Binder.Obj co = b.object(cn.get(c), COLUMN);
                String name = co.string("name");
                if (name == null) continue;
                Boolean nullable = co.bool("nullable");
                Column col = t.column(name);
                if (nullable == null && col != null && (col.tested("not_null") || col.primaryKey())) nullable = Boolean.FALSE;
                cols.add(new KnownColumn(name.toLowerCase(Locale.ROOT), co.string("type"), nullable));
            }
            out.add(new KnownTable(t.name().toLowerCase(Locale.ROOT), t.name(), "tables", cols, keys(o.strings("partition_key")),
                    keys(o.strings("clustering_keys")), o.number("size_gb", 0, "a size in GB, e.g. 2048"),
                    o.longValue("row_count", 0, "a number of rows, e.g. 9000000000"), tn.file(), tn.line(), tn.column(), tn.path()));
        }
        b.throwIfProblems();
        return out;
    }

    /** Key columns, lower case, split on commas too: {@code "tenant_id, event_date"} is two keys. */
    static List<String> keys(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String r : raw) {
            for (String k : r.split("[,+]")) {
                String c = k.strip().toLowerCase(Locale.ROOT);
                if (!c.isEmpty() && !out.contains(c)) out.add(c);
            }
        }
        return out;
    }

    static Set<String> testNames(Binder b, List<Node> items) {
        Set<String> out = new LinkedHashSet<>();
        for (Node i : items) {
            String n = testName(i);
            if (n == null) b.problem(i, "expected a test name or {name: {arguments}}, found " + i.display());
            else out.add(n);
        }
        return out;
    }

    /** {@code unique}, {@code dbt_utils.recency: {...}} gives {@code recency}. */
    static String testName(Node i) {
        String raw = i.isScalar() ? i.text() : i.isMap() && i.fields().size() == 1 ? i.fields().keySet().iterator().next() : null;
        if (raw == null) return null;
        String n = raw.strip().toLowerCase(Locale.ROOT);
        return n.contains(".") ? n.substring(n.lastIndexOf('.') + 1) : n;
    }
}
