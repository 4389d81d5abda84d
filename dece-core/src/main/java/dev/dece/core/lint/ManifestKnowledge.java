package dev.dece.core.lint;

import dev.dece.core.dbt.Manifest;
import dev.dece.core.drl.KnownColumn;
import dev.dece.core.drl.KnownTable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A read dbt {@link Manifest} as {@code dece optimize} uses it: each model's, snapshot's, seed's and source's
 * relation ({@code database.schema.alias}) as a {@link KnownTable} (columns, {@code not_null} tests and
 * constraints, {@code config.partition_by} and {@code config.cluster_by}), and each model's compiled SQL. Every
 * package's nodes count: a query may read any of them.
 */
final class ManifestKnowledge {
    private ManifestKnowledge() {}

    static LintCommand.Manifest of(Manifest m) {
        List<KnownTable> tables = new ArrayList<>();
        List<LintCommand.CompiledModel> models = new ArrayList<>();
        for (Manifest.DbtNode n : m.nodes()) {
            String ident = n.name();
            String qualified = (n.database() == null || n.database().isEmpty() ? "" : n.database() + ".")
                    + (n.schema() == null || n.schema().isEmpty() ? "" : n.schema() + ".") + ident;
            Set<String> notNull = new HashSet<>();
            for (Manifest.DbtTest t : m.testsOf(n.uniqueId())) {
                if (t.name().equals("not_null") && t.column() != null) notNull.add(t.column().toLowerCase(Locale.ROOT));
            }
            List<KnownColumn> cols = new ArrayList<>();
            for (Manifest.DbtColumn c : n.columns()) {
                String cname = c.name().toLowerCase(Locale.ROOT);
                boolean nn = c.notNull() || notNull.contains(cname);
                cols.add(new KnownColumn(cname, c.dataType(), nn ? Boolean.FALSE : null));
            }
            tables.add(new KnownTable(qualified.toLowerCase(Locale.ROOT), qualified, "dbt", cols, TableListBinder.keys(n.partitionBy()),
                    TableListBinder.keys(n.clusterBy()), null, null, m.file(), n.line(), n.col(), n.path()));
            if (!n.resourceType().equals("model")) continue;
            models.add(new LintCommand.CompiledModel(n.uniqueId(), n.plainName() != null ? n.plainName() : ident, qualified,
                    n.materialized() == null ? "" : n.materialized(), n.originalFile(), n.compiledPath(), n.compiledCode(), m.file(),
                    n.line(), n.col(), n.path() + ".compiled_code"));
        }
        return new LintCommand.Manifest(m.adapter(), tables, models);
    }
}
