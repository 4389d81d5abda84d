package dev.dece.core.drl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Part of an input a command read but did not judge, so the report can say so instead of skipping it in
 * silence: models of installed dbt packages, the MetricFlow time spine, semantic-layer nodes, nodes of an
 * unknown resource type, a constraint DECE cannot check.
 *
 * @param what   what was not judged, e.g. {@code models of installed packages}
 * @param count  how many
 * @param detail which ones, e.g. {@code dbt_utils: 3, codegen: 1}
 * @param how    how to have them judged, or why they cannot be; e.g. {@code --include-packages lints them}
 */
public record Skipped(String what, int count, String detail, String how, String file, int line, int col, String path)
        implements Located {

    @Override
    public Node node() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", String.valueOf(count));
        m.put("detail", detail);
        return Nodes.map(path, file, line, col, m);
    }

    @Override
    public String subject() {
        return what;
    }
}
