package dev.dece.core.model;

import dev.dece.core.drl.Attribute;
import dev.dece.core.drl.Dimension;
import dev.dece.core.drl.DimensionalModel;
import dev.dece.core.drl.FactTable;
import dev.dece.core.drl.ForeignKey;
import dev.dece.core.drl.Measure;
import dev.dece.core.drl.NameRules;
import dev.dece.core.drl.ScdType;
import dev.dece.core.report.Artifact;
import dev.dece.core.sql.Dialect;
import dev.dece.core.sql.Identifiers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates SQL from a {@link DimensionalModel}: the DDL of its fact and dimension tables and, for every
 * dimension that keeps history, the SCD Type 2 load. Deterministic: same model, same text.
 *
 * <p>The template gives no column types, so keys are integers (BigQuery: UUID strings), attributes and
 * degenerate dimensions are text, measures are DECIMAL(18,4), and the SCD2 columns are
 * {@code valid_from}/{@code valid_to} timestamps with time zone and {@code is_current}.
 *
 * <p>The SCD2 load follows the methodology's two steps (Phase 11), in one transaction with one load
 * timestamp: (1) a MERGE that closes the current version of every row whose Type 2 attributes changed,
 * overwrites Type 1 attributes in place, and inserts rows for new keys; (2) an INSERT of a new current
 * version for every source key that has no current version any more, which is exactly the rows step 1
 * closed. Change detection is null-safe ({@code IS DISTINCT FROM}). The source relation is the table part
 * of the attributes' {@code source} when they all share one (e.g. {@code stg_crm__customers.status}),
 * else {@code stg_[entity]}; source columns are the last part of each {@code source}.
 *
 * <pre>{@code
 * String ddl = ModelSql.ddl(model, Dialect.DUCKDB);
 * }</pre>
 */
final class ModelSql {
    private ModelSql() {}

    static final String END_OF_TIME = "9999-12-31 00:00:00+00";

    /** Every artifact for {@code dialect}: one DDL file and one SCD2 load per history-keeping dimension, sorted by name. */
    public static List<Artifact> artifacts(DimensionalModel m, Dialect d) {
        List<Artifact> out = new ArrayList<>();
        String dl = d.label();
        out.add(new Artifact("ddl", dl + "/" + Identifiers.fileName(name(m)) + ".sql", ddl(m, d)));
        for (Dimension dim : m.dimensions()) {
            if (dim.name() != null && dim.naturalKey() != null && m.keepsHistory(dim)) {
                out.add(new Artifact("scd2-merge", dl + "/" + Identifiers.fileName(dim.name()) + "_scd2.sql", scd2(m, dim, d)));
            }
        }
        out.add(new Artifact("dbt-schema", "schema.yml", DbtSchema.yaml(m)));
        return out;
    }

    static String name(DimensionalModel m) {
        return m.fact().name() == null ? "model" : m.fact().name();
    }

    // ---- types per dialect ----

    static String text(Dialect d) {
        return switch (d) { case POSTGRES -> "TEXT"; case BIGQUERY -> "STRING"; default -> "VARCHAR"; };
    }

    static String decimal(Dialect d) {
        return switch (d) { case SNOWFLAKE -> "NUMBER(18,4)"; case BIGQUERY -> "NUMERIC"; default -> "DECIMAL(18,4)"; };
    }

    static String keyRef(Dialect d) {
        return switch (d) { case SNOWFLAKE -> "NUMBER(38,0)"; case BIGQUERY -> "STRING"; default -> "BIGINT"; };
    }

    static String tstz(Dialect d) {
        return switch (d) { case POSTGRES, DUCKDB -> "TIMESTAMPTZ"; case SNOWFLAKE -> "TIMESTAMP_TZ"; case BIGQUERY -> "TIMESTAMP"; };
    }

    static String bool(Dialect d) {
        return d == Dialect.BIGQUERY ? "BOOL" : "BOOLEAN";
    }

    static String endOfTime(Dialect d) {
        return switch (d) {
            case POSTGRES, DUCKDB -> "TIMESTAMPTZ '" + END_OF_TIME + "'";
            case SNOWFLAKE -> "'" + END_OF_TIME.replace("+00", " +0000") + "'::TIMESTAMP_TZ";
            case BIGQUERY -> "TIMESTAMP '" + END_OF_TIME + "'";
        };
    }

    static String surrogate(Dialect d, String dim, String key) {
        String k = d.quote(key);
        return switch (d) {
            case POSTGRES -> k + " BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
            case DUCKDB -> k + " BIGINT PRIMARY KEY DEFAULT nextval(" + d.string(d.quote(sequence(dim, key))) + ")";
            case SNOWFLAKE -> k + " NUMBER(38,0) AUTOINCREMENT PRIMARY KEY";
            case BIGQUERY -> k + " STRING NOT NULL DEFAULT GENERATE_UUID()";
        };
    }

    /** The DuckDB sequence behind a dimension's surrogate key. */
    static String sequence(String dim, String key) {
        return dim + "_" + key + "_seq";
    }

    // ---- DDL ----

    /** CREATE TABLE statements: dimensions first (facts reference them), then the fact table. */
    public static String ddl(DimensionalModel m, Dialect d) {
        StringBuilder sb = new StringBuilder();
        sb.append("-- DDL for the dimensional model '").append(Identifiers.comment(name(m))).append("' (").append(d.label()).append(")\n");
        sb.append("-- Generated by DECE from the Dimensional Model Template; column types are defaults: review them.\n");
        if (d == Dialect.BIGQUERY) sb.append("-- BigQuery: run with a default dataset; keys are UUID strings; constraints are NOT ENFORCED.\n");
        if (d == Dialect.DUCKDB) sb.append("-- DuckDB: foreign keys are documented, not declared (DuckDB forbids updating rows a foreign key references).\n");
        for (Dimension dim : m.dimensions()) {
            if (dim.name() == null) continue;
            sb.append('\n');
            String sk = dim.surrogateKey();
            if (d == Dialect.DUCKDB && sk != null) {
                sb.append("CREATE SEQUENCE IF NOT EXISTS ").append(d.quote(sequence(dim.name(), sk))).append(" START 1;\n");
            }
            boolean history = m.keepsHistory(dim);
            sb.append("-- ").append(dim.type() == null ? "SCD type not declared" : dim.type().label())
                    .append(history ? "; history kept with valid_from/valid_to/is_current" : "").append('\n');
            sb.append("CREATE TABLE ").append(d.quote(dim.name())).append(" (\n");
            List<String> cols = new ArrayList<>();
            if (sk != null) cols.add(surrogate(d, dim.name(), sk));
            if (dim.naturalKey() != null) cols.add(d.quote(dim.naturalKey()) + " " + text(d) + " NOT NULL");
            for (Attribute a : m.attributesOf(dim.name())) {
                if (a.name() == null) continue;
                cols.add(d.quote(a.name()) + " " + text(d) + "  -- SCD Type " + a.effectiveScdType().number()
                        + (a.scdType() == null ? " (default)" : "") + (a.source() != null ? "; source: " + Identifiers.comment(a.source()) : ""));
                if (a.effectiveScdType() == ScdType.TYPE_3) cols.add(d.quote("previous_" + a.name()) + " " + text(d) + "  -- SCD Type 3: previous value");
            }
            if (history) {
                cols.add(d.quote("valid_from") + " " + tstz(d) + " NOT NULL");
                cols.add(d.quote("valid_to") + " " + tstz(d) + " NOT NULL DEFAULT " + endOfTime(d));
                cols.add(d.quote("is_current") + " " + bool(d) + " NOT NULL DEFAULT TRUE");
            }
            if (d == Dialect.BIGQUERY && sk != null) cols.add("PRIMARY KEY (" + d.quote(sk) + ") NOT ENFORCED");
            appendColumns(sb, cols);
            sb.append(");\n");
        }
        FactTable f = m.fact();
        if (f.name() != null) {
            Map<String, Dimension> dims = m.dimensionsByName();
            sb.append('\n');
            if (f.grainStatement() != null) sb.append("-- Grain: ").append(Identifiers.comment(f.grainStatement())).append('\n');
            sb.append("CREATE TABLE ").append(d.quote(f.name())).append(" (\n");
            List<String> cols = new ArrayList<>();
            List<String> fks = new ArrayList<>();
            for (ForeignKey k : m.foreignKeys()) {
                Dimension dim = k.dimension() == null ? null : dims.get(k.dimension());
                String col = k.column(dims);
                String ref = dim != null && dim.surrogateKey() != null ? " REFERENCES " + d.quote(dim.name()) + " (" + d.quote(dim.surrogateKey()) + ")" : "";
                if (d == Dialect.BIGQUERY && !ref.isEmpty()) {
                    fks.add("FOREIGN KEY (" + d.quote(col) + ")" + ref + " NOT ENFORCED");
                    ref = "";
                }
                if (d == Dialect.DUCKDB && !ref.isEmpty()) ref = "  -- references " + Identifiers.comment(dim.name() + " (" + dim.surrogateKey() + ")");
                cols.add(d.quote(col) + " " + keyRef(d) + " NOT NULL" + ref + (dim == null ? "  -- no declared dimension" : ""));
            }
            for (String dd : f.degenerateDimensions()) cols.add(d.quote(dd) + " " + text(d) + "  -- degenerate dimension");
            for (Measure me : m.measures()) {
                if (me.name() == null) continue;
                cols.add(d.quote(me.name()) + " " + decimal(d) + "  -- " + (me.type() == null ? "additivity not declared" : me.type().label())
                        + (me.aggregation() == null ? "" : ", " + me.aggregation().label()));
            }
            cols.addAll(fks);
            appendColumns(sb, cols);
            sb.append(");\n");
        }
        return sb.toString();
    }

    /** Joins column lines with commas placed before any trailing comment. */
    static void appendColumns(StringBuilder sb, List<String> cols) {
        for (int i = 0; i < cols.size(); i++) {
            String c = cols.get(i);
            String comma = i < cols.size() - 1 ? "," : "";
            int cm = c.indexOf("  --");
            sb.append("    ").append(cm < 0 ? c + comma : c.substring(0, cm) + comma + c.substring(cm)).append('\n');
        }
    }

    // ---- SCD Type 2 ----

    /** The source relation of a dimension's load (see the class comment). */
    public static String sourceRelation(DimensionalModel m, Dimension dim) {
        String common = null;
        boolean same = true;
        for (Attribute a : m.attributesOf(dim.name())) {
            String s = a.source();
            int dot = s == null ? -1 : s.lastIndexOf('.');
            String rel = dot > 0 ? s.substring(0, dot) : null;
            if (rel == null || common != null && !common.equals(rel)) same = false;
            if (common == null) common = rel;
        }
        return same && common != null ? common : "stg_" + NameRules.entity(dim.name());
    }

    /** The two-step SCD Type 2 load of one dimension, for one dialect; every name quoted. */
    public static String scd2(DimensionalModel m, Dimension dim, Dialect d) {
        String t = dim.name();
        String qt = d.quote(t);
        String nk = d.quote(dim.naturalKey());
        String src = sourceRelation(m, dim);
        String qsrc = d.table(src);
        List<Attribute> attrs = m.attributesOf(t).stream().filter(a -> a.name() != null).toList();
        Map<String, String> srcCol = new LinkedHashMap<>();
        for (Attribute a : attrs) srcCol.put(d.quote(a.name()), d.quote(a.sourceColumn()));
        String ts = switch (d) { case SNOWFLAKE -> "$load_ts"; case BIGQUERY -> "load_ts"; default -> "CURRENT_TIMESTAMP"; };
        List<String> type2 = attrs.stream().filter(a -> a.effectiveScdType() == ScdType.TYPE_2).map(a -> d.quote(a.name())).toList();
        List<String> type1 = attrs.stream().filter(a -> a.effectiveScdType() != ScdType.TYPE_2).map(a -> d.quote(a.name())).toList();
        List<String> type2Names = attrs.stream().filter(a -> a.effectiveScdType() == ScdType.TYPE_2).map(Attribute::name).toList();
        List<String> type1Names = attrs.stream().filter(a -> a.effectiveScdType() != ScdType.TYPE_2).map(Attribute::name).toList();

        StringBuilder sb = new StringBuilder();
        sb.append("-- SCD Type 2 load for ").append(Identifiers.comment(t)).append(" from ").append(Identifiers.comment(src))
                .append(" (").append(d.label()).append(")\n");
        sb.append("-- Type 2 (new version on change): ").append(type2Names.isEmpty() ? "none" : Identifiers.comment(String.join(", ", type2Names))).append('\n');
        sb.append("-- Type 1 (overwritten in the current version): ").append(type1Names.isEmpty() ? "none" : Identifiers.comment(String.join(", ", type1Names))).append('\n');
        sb.append("-- Step 1 closes changed rows and inserts new keys; step 2 inserts the new version of every closed row.\n");
        switch (d) {
            case POSTGRES -> sb.append("-- CURRENT_TIMESTAMP is the transaction's start time: one load timestamp for both steps.\nBEGIN;\n");
            case DUCKDB -> sb.append("-- CURRENT_TIMESTAMP is the transaction's start time: one load timestamp for both steps.\nBEGIN TRANSACTION;\n");
            case SNOWFLAKE -> sb.append("SET load_ts = CURRENT_TIMESTAMP()::TIMESTAMP_TZ;\nBEGIN;\n");
            case BIGQUERY -> sb.append("DECLARE load_ts TIMESTAMP DEFAULT CURRENT_TIMESTAMP();\nBEGIN TRANSACTION;\n");
        }
        String validFrom = d.quote("valid_from");
        String validTo = d.quote("valid_to");
        String isCurrent = d.quote("is_current");
        List<String> insertCols = new ArrayList<>();
        insertCols.add(nk);
        insertCols.addAll(srcCol.keySet());
        insertCols.addAll(List.of(validFrom, validTo, isCurrent));
        List<String> values = new ArrayList<>();
        values.add("source." + nk);
        for (String a : srcCol.keySet()) values.add("source." + srcCol.get(a));
        values.addAll(List.of(ts, endOfTime(d), "TRUE"));

        sb.append("\n-- Step 1: close the current version of changed rows; overwrite Type 1 attributes; insert new keys\n");
        sb.append(d == Dialect.BIGQUERY ? "MERGE " : "MERGE INTO ").append(qt).append(" AS target\n");
        sb.append("USING (\n    SELECT ").append(nk);
        for (String a : srcCol.keySet()) if (!srcCol.get(a).equals(nk)) sb.append(", ").append(srcCol.get(a));
        sb.append("\n    FROM ").append(qsrc).append("\n) AS source\n");
        sb.append("ON target.").append(nk).append(" = source.").append(nk).append("\nAND target.").append(isCurrent).append(" = TRUE\n");
        if (!type2.isEmpty()) {
            sb.append("WHEN MATCHED AND (\n");
            sb.append(changed(type2, srcCol));
            sb.append(") THEN UPDATE SET\n    ").append(isCurrent).append(" = FALSE,\n    ").append(validTo).append(" = ").append(ts).append('\n');
        }
        if (!type1.isEmpty()) {
            sb.append("WHEN MATCHED AND (\n").append(changed(type1, srcCol)).append(") THEN UPDATE SET\n");
            for (int i = 0; i < type1.size(); i++) {
                sb.append("    ").append(type1.get(i)).append(" = source.").append(srcCol.get(type1.get(i))).append(i < type1.size() - 1 ? ",\n" : "\n");
            }
        }
        sb.append("WHEN NOT MATCHED THEN INSERT (\n    ").append(String.join(", ", insertCols)).append("\n) VALUES (\n    ")
                .append(String.join(", ", values)).append("\n);\n");

        sb.append("\n-- Step 2: insert the new version of every changed row (its current version was closed in step 1)\n");
        sb.append("INSERT INTO ").append(qt).append(" (\n    ").append(String.join(", ", insertCols)).append("\n)\nSELECT ");
        List<String> sel = new ArrayList<>();
        for (String v : values) sel.add(v.startsWith("source.") ? "s." + v.substring(7) : v);
        sb.append(String.join(", ", sel)).append("\nFROM ").append(qsrc).append(" AS s\n");
        sb.append("WHERE NOT EXISTS (\n    SELECT 1 FROM ").append(qt).append(" AS d\n    WHERE d.").append(nk).append(" = s.").append(nk)
                .append("\n    AND d.").append(isCurrent).append(" = TRUE\n);\n");
        sb.append(d == Dialect.BIGQUERY ? "\nCOMMIT TRANSACTION;\n" : "\nCOMMIT;\n");
        return sb.toString();
    }

    static String changed(List<String> attrs, Map<String, String> srcCol) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < attrs.size(); i++) {
            sb.append("    target.").append(attrs.get(i)).append(" IS DISTINCT FROM source.").append(srcCol.get(attrs.get(i)))
                    .append(i < attrs.size() - 1 ? " OR\n" : "\n");
        }
        return sb.toString();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
