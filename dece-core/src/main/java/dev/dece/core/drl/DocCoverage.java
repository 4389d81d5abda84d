package dev.dece.core.drl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much of a project is described: models (or tables) and columns with a non-blank description, over
 * the tables whose input can carry descriptions ({@link Table#docsKnown()}). One fact per lint input.
 */
public record DocCoverage(int tables, int tablesDescribed, int columns, int columnsDescribed, String file) implements Located {

    /** Percent of tables described, rounded down; 100 when there are none. */
    public int tablePercent() {
        return tables == 0 ? 100 : (int) (100L * tablesDescribed / tables);
    }

    /** Percent of columns described, rounded down; 100 when there are none. */
    public int columnPercent() {
        return columns == 0 ? 100 : (int) (100L * columnsDescribed / columns);
    }

    /** Builds the coverage of the tables that can carry descriptions; null when none can. */
    public static DocCoverage of(java.util.List<Table> tables, String file) {
        int t = 0, td = 0, c = 0, cd = 0;
        for (Table x : tables) {
            if (!x.docsKnown()) continue;
            t++;
            if (x.described()) td++;
            for (Column col : x.columns()) {
                c++;
                if (col.described()) cd++;
            }
        }
        return t == 0 ? null : new DocCoverage(t, td, c, cd, file);
    }

    @Override
    public Node node() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tables", String.valueOf(tables));
        m.put("tables_described", String.valueOf(tablesDescribed));
        m.put("columns", String.valueOf(columns));
        m.put("columns_described", String.valueOf(columnsDescribed));
        return Nodes.map("", file, 0, 0, m);
    }
}
