package dev.dece.core.pipeline;

import dev.dece.core.drl.Load;
import dev.dece.core.drl.LoadStrategy;
import dev.dece.core.drl.Pipeline;
import dev.dece.core.sql.Dialect;
import dev.dece.core.sql.Identifiers;

import java.util.List;
import java.util.Locale;

/**
 * The "test by running twice" that the Idempotency Rules demand, as SQL a team can run against the
 * target: run the pipeline for one window, snapshot the rows it wrote, run it again for the same
 * window, and compare. Output must be identical both times. {@code ${target_table}} and
 * {@code ${window}} are placeholders: the template names the target system, not the table. Column names
 * are quoted in the target's dialect (ANSI double quotes when the target names no known warehouse); the
 * pipeline's name and target reach the file only as comment text.
 */
final class RunTwice {
    private RunTwice() {}

    /**
     * The test for one pipeline; deterministic text with {@code \n} line ends.
     *
     * @param strategy the load strategy the spec states, or the one DECE recommends for it; null when neither
     */
    static String render(Pipeline p, LoadStrategy strategy) {
        Load l = p.load();
        Dialect d = dialectOf(l.targetSystem());
        String scope = l.hasPartitionKey() && !"none".equalsIgnoreCase(l.partitionKey())
                ? " WHERE " + d.quote(l.partitionColumns().get(0)) + " IN (${window})" : "";
        StringBuilder sb = new StringBuilder();
        sb.append("-- Run-it-twice idempotency test for pipeline '").append(Identifiers.comment(p.name())).append("' (IDEM-007)\n");
        sb.append("-- Target: ").append(Identifiers.comment(l.targetSystem())).append(", load strategy: ")
                .append(strategy == null ? "(not chosen yet)" : strategy.label()
                        + (l.strategy() == null ? " (recommended by DECE)" : "")).append('\n');
        sb.append("-- Replace ${target_table} with the table it writes and ${window} with the run's window.\n");
        sb.append("-- Leave out load-time audit columns (e.g. _loaded_at) from the comparisons.\n");
        sb.append("--\n-- Step 1: run the pipeline once for the window; then snapshot what it wrote:\n");
        sb.append("CREATE TABLE run_twice_snapshot AS SELECT * FROM ${target_table}").append(scope).append(";\n");
        sb.append("-- Step 2: run the pipeline again for the SAME window (same watermark start), unchanged source.\n");
        sb.append("-- Step 3: compare. Every query below must return the stated result.\n");
        sb.append("-- 3a. same number of rows (the two counts must be equal):\n");
        sb.append("SELECT (SELECT COUNT(*) FROM run_twice_snapshot) AS first_run_rows,\n");
        sb.append("       (SELECT COUNT(*) FROM ${target_table}").append(scope).append(") AS second_run_rows;\n");
        sb.append("-- 3b. same rows (must return no row):\n");
        sb.append("(SELECT * FROM run_twice_snapshot EXCEPT SELECT * FROM ${target_table}").append(scope).append(")\n");
        sb.append("UNION ALL\n");
        sb.append("(SELECT * FROM ${target_table}").append(scope).append(" EXCEPT SELECT * FROM run_twice_snapshot);\n");
        List<String> keys = l.mergeKeys();
        if (!keys.isEmpty()) {
            String k = String.join(", ", keys.stream().map(d::quote).toList());
            sb.append("-- 3c. no duplicate natural keys after two runs (must return no row):\n");
            sb.append("SELECT ").append(k).append(", COUNT(*) AS copies FROM ${target_table}").append(scope)
                    .append("\nGROUP BY ").append(k).append(" HAVING COUNT(*) > 1;\n");
        } else {
            sb.append("-- 3c. no natural key is declared (load.merge_keys): duplicates can only be found by 3a.\n");
        }
        if (p.extract().needsWatermark()) {
            sb.append("-- 3d. the stored watermark (").append(p.extract().watermarkStorage() == null ? "not stored yet" : Identifiers.comment(p.extract().watermarkStorage()))
                    .append(") is the same after both runs.\n");
        }
        sb.append("DROP TABLE run_twice_snapshot;\n");
        return sb.toString();
    }

    /** The dialect a target system names, for quoting; ANSI double quotes (as DuckDB writes them) otherwise. */
    static Dialect dialectOf(String target) {
        String t = target == null ? "" : target.toLowerCase(Locale.ROOT);
        if (t.contains("bigquery")) return Dialect.BIGQUERY;
        if (t.contains("snowflake")) return Dialect.SNOWFLAKE;
        if (t.contains("postgres")) return Dialect.POSTGRES;
        return Dialect.DUCKDB;
    }
}
