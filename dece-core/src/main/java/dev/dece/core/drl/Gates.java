package dev.dece.core.drl;

import java.util.ArrayList;
import java.util.List;

/**
 * The quality gates DECE proposes for a pipeline: checks before writing (so bad data never lands) and
 * after writing (so a broken load is caught before consumers read it), built from what the spec says
 * about its keys and source. Used by the rules' rationales and by the completed template.
 */
public final class Gates {
    private Gates() {}

    /** Pre-load checks, in the order to run them; never empty. */
    public static List<String> preLoad(Pipeline p) {
        List<String> out = new ArrayList<>();
        out.add("schema: columns and types match the expected schema");
        out.add("row_count > 0");
        if (p.load().hasMergeKeys()) out.add("not_null(" + String.join(", ", p.load().mergeKeys()) + ")");
        if (p.extract().source().type() == SourceType.FILES || p.extract().strategy() == ExtractStrategy.FILE_EVENT) {
            out.add("completeness: row count matches the file's trailer or manifest");
            out.add("filename matches the expected pattern");
        }
        return out;
    }

    /** Post-load checks, in the order to run them; never empty. */
    public static List<String> postLoad(Pipeline p) {
        List<String> out = new ArrayList<>();
        out.add("row_count: rows loaded by this run equal rows extracted");
        if (p.load().hasMergeKeys()) out.add("unique(" + String.join(", ", p.load().mergeKeys()) + ")");
        out.add("freshness: newest loaded row is no older than one schedule interval");
        return out;
    }
}
