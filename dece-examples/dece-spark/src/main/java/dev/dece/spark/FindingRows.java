package dev.dece.spark;

import dev.dece.core.input.Problem;
import dev.dece.core.report.Finding;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.Map;

/**
 * A finding as the audit writes it: one row of {@link #SCHEMA}, partitioned by {@code rule_set} (the DRL package of
 * the rule, as {@code dece rules} lists it). A document DECE cannot use is not skipped: each of its located problems
 * is a row of rule set {@code input}, rule {@code INPUT}, severity {@code ERROR}. {@link #line(Row)} is the canonical
 * text of a row (tab-separated, every field), the form two runs are compared in.
 */
public final class FindingRows {
    private FindingRows() {}

    /** Columns: rule_set, rule_id, severity, review, file, line, col, path, subject, message. */
    public static final StructType SCHEMA = new StructType()
            .add("rule_set", DataTypes.StringType, false)
            .add("rule_id", DataTypes.StringType, false)
            .add("severity", DataTypes.StringType, false)
            .add("review", DataTypes.StringType, false)
            .add("file", DataTypes.StringType, true)
            .add("line", DataTypes.IntegerType, false)
            .add("col", DataTypes.IntegerType, false)
            .add("path", DataTypes.StringType, true)
            .add("subject", DataTypes.StringType, true)
            .add("message", DataTypes.StringType, false);

    /** The row of a finding of {@code review}; {@code ruleSets} maps rule IDs to their rule set. */
    public static Row of(String review, Finding f, Map<String, String> ruleSets) {
        String set = ruleSets.getOrDefault(f.ruleId(), "team");
        var at = f.location();
        return RowFactory.create(set, f.ruleId(), f.severity().name(), review,
                at == null ? null : at.file(), at == null ? 0 : at.line(), at == null ? 0 : at.column(),
                at == null ? null : at.path(), f.subject(), f.message());
    }

    /** The row of an input problem of {@code review}. */
    public static Row of(String review, Problem p) {
        return RowFactory.create("input", "INPUT", "ERROR", review, p.file(), p.line(), p.column(), p.path(), null, p.message());
    }

    /** Every field of a row, tab-separated, nulls as {@code \N}: the canonical line. */
    public static String line(Row r) {
        StringBuilder b = new StringBuilder();
        String[] names = SCHEMA.fieldNames();
        for (int i = 0; i < names.length; i++) {
            if (i > 0) b.append('\t');
            Object v = r.schema() == null ? r.get(i) : r.get(r.fieldIndex(names[i]));
            b.append(v == null ? "\\N" : v.toString().replace("\t", "\\t").replace("\n", "\\n"));
        }
        return b.toString();
    }
}
