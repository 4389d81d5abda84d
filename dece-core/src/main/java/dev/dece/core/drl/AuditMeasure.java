package dev.dece.core.drl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One figure {@code dece audit} measured on a scope of the platform, from what the other commands read and found,
 * for the Quality Scoring Rubric's rules ({@code rules/audit/score}) to judge against the policy. A measure that the
 * inputs cannot give is never made up: it is simply absent, and a dimension with no measure scores 0, "no evidence".
 *
 * <pre>
 * rule "AUD-001 ..."
 * when
 *     $m : AuditMeasure( dimension == "reliability", measure == "success_rate_percent", value >= ... )
 * </pre>
 *
 * @param scope     {@code platform}, {@code pipeline:NAME} or {@code dataset:NAME}; findings about it name it as subject
 * @param dimension the rubric dimension: reliability, quality, performance, documentation, monitoring, testing, cost
 * @param measure   e.g. {@code success_rate_percent}, {@code auto_retry_percent}
 * @param value     the figure (a share in percent, a count, or 0/1 for a yes/no)
 * @param detail    how it was measured, in words, e.g. "1 180 of 1 186 runs succeeded"
 * @param file      the input it comes from, or the platform folder for an aggregate
 * @param line      its line (0 when it has none)
 * @param path      its path in that input
 */
public record AuditMeasure(String scope, String dimension, String measure, double value, String detail, String file, int line, String path)
        implements Located {

    @Override
    public Node node() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(measure, Format.number(value));
        m.put("detail", detail);
        return Nodes.map(path, file, line, 1, m);
    }

    /** Evidence for this measure: {@code scope.dimension.measure} and the figure. */
    public dev.dece.core.report.Evidence figure() {
        return new dev.dece.core.report.Evidence(scope + "." + measure, Format.number(value) + " (" + detail + ")");
    }

    @Override
    public String subject() {
        return scope;
    }
}
