package dev.dece.core.contract;

import dev.dece.core.doc.Binder;
import dev.dece.core.drl.Classification;
import dev.dece.core.drl.Contract;
import dev.dece.core.drl.ContractColumn;
import dev.dece.core.drl.ContractTable;
import dev.dece.core.drl.Node;
import dev.dece.core.drl.SqlType;

import java.util.ArrayList;
import java.util.List;

/** A bare column list ({@code columns: [{name, type, nullable, pii, values}]}), the smallest input of {@code schema-change}. */
final class ColumnListReader extends ContractReading {

    static final List<String> COLUMN_LIST = List.of("table", "columns");
    static final List<String> COLUMN_ITEM = List.of("name", "column", "type", "nullable", "pii", "classification", "values",
            "primary_key");

    @Override
    Contract read(Node root) {
        Binder.Obj o = b.object(root, COLUMN_LIST);
        String table = blank(o.string("table"));
        if (table == null) table = "table";
        else identifier(o.get("table"), table, true);
        List<Node> items = o.list("columns");
        List<ContractColumn> mine = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Node n = items.get(i);
            if (n.isScalar()) {
                if (identifier(n, n.text(), false)) {
                    mine.add(new ContractColumn(n, table, i, n.text(), SqlType.parse(""), true, false, null, null, false, false, null,
                            null, List.of(), List.of(), n, n.missing("type"), n.missing("nullable"), n.missing("pii"), n.missing("classification"), List.of()));
                }
                continue;
            }
            Binder.Obj c = b.object(n, COLUMN_ITEM);
            if (!n.isMap()) continue;
            Node nameNode = c.get("name").isPresent() ? c.get("name") : c.get("column");
            String name = nameNode.isScalar() ? nameNode.text() : null;
            if (name == null) {
                b.problem(c.get("name"), "is required: the column name");
                continue;
            }
            if (!identifier(nameNode, name, false)) continue;
            Boolean nullable = c.bool("nullable");
            Boolean pii = c.bool("pii");
            Boolean pk = c.bool("primary_key");
            Classification cls = blankChoice(c, "classification", Classification.class, "a classification level");
            mine.add(new ContractColumn(n, table, i, name, type(c.get("type"), c.string("type")), nullable == null || nullable, pii != null && pii,
                    cls, blank(c.string("classification")), pk != null && pk, false, null, null, sorted(c.strings("values")),
                    List.of(), nameNode, c.get("type"), c.get("nullable"), c.get("pii"), c.get("classification"), List.of()));
        }
        duplicates(mine);
        tables.add(new ContractTable(root, table, table, mine.size()));
        Node none = root.missing("contract");
        return new Contract(root, "columns", table, null, null, List.of(), null, null, null, null, null, null, null, 1,
                none, none, none, none, none, none, none, none, none);
    }
}
