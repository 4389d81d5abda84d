package dev.dece.core.model;

import dev.dece.core.drl.Attribute;
import dev.dece.core.drl.Column;
import dev.dece.core.drl.ColumnType;
import dev.dece.core.drl.Dimension;
import dev.dece.core.drl.DimensionalModel;
import dev.dece.core.drl.FactTable;
import dev.dece.core.drl.ForeignKey;
import dev.dece.core.drl.Measure;
import dev.dece.core.drl.ObjectKind;
import dev.dece.core.drl.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The tables a Dimensional Model Template describes, as lint facts, so the naming rules hold a model to
 * the same conventions as a warehouse: the fact table (keys, degenerate dimensions, measures) and each
 * dimension (surrogate key, natural key, attributes). Types are unknown: the template does not give them.
 */
final class ModelTables {
    private ModelTables() {}

    public static List<Table> of(DimensionalModel m) {
        List<Table> out = new ArrayList<>();
        FactTable f = m.fact();
        if (f.name() != null) {
            List<Column> cols = new ArrayList<>();
            var dims = m.dimensionsByName();
            for (ForeignKey k : m.foreignKeys()) cols.add(col(f.name(), k.column(dims), k.node()));
            List<dev.dece.core.drl.Node> dd = f.node("degenerate_dimensions").items();
            for (int i = 0; i < f.degenerateDimensions().size(); i++) {
                cols.add(col(f.name(), f.degenerateDimensions().get(i), i < dd.size() ? dd.get(i) : f.node()));
            }
            for (Measure me : m.measures()) if (me.name() != null) cols.add(col(f.name(), me.name(), me.node("name")));
            out.add(new Table(f.name(), ObjectKind.FACT, true, "model", null, cols, null, false, Set.of(), null,
                    f.node("name").file(), f.node("name").line(), f.node("name").column(), f.node("name").path()));
        }
        for (Dimension d : m.dimensions()) {
            if (d.name() == null) continue;
            List<Column> cols = new ArrayList<>();
            if (d.surrogateKey() != null) cols.add(col(d.name(), d.surrogateKey(), d.node("surrogate_key")));
            if (d.naturalKey() != null) cols.add(col(d.name(), d.naturalKey(), d.node("natural_key")));
            for (Attribute a : m.attributesOf(d.name())) if (a.name() != null) cols.add(col(d.name(), a.name(), a.node("name")));
            out.add(new Table(d.name(), ObjectKind.DIMENSION, true, "model", null, cols, d.surrogateKey(), false, Set.of(), null,
                    d.node("name").file(), d.node("name").line(), d.node("name").column(), d.node("name").path()));
        }
        return out;
    }

    private static Column col(String table, String name, dev.dece.core.drl.Node at) {
        return new Column(table, name, null, ColumnType.UNKNOWN, Set.of(), false, at.file(), at.line(), at.column(), at.path());
    }
}
