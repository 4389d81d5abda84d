package dev.dece.core.out;

import dev.dece.core.Artifact;
import dev.dece.core.Finding;
import dev.dece.core.Report;
import dev.dece.core.quality.QualityArtifacts;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a report as JUnit XML, so CI servers show quality checks as tests. A {@code quality} run with
 * results gives one test case per check (passed, failed with its severity and rule, or in error); every
 * other finding (contract review, schema change) is one failed test case. Deterministic: no time stamps,
 * no durations.
 */
public final class JUnitWriter {
    private JUnitWriter() {}

    public static String write(Report r) {
        List<String[]> checks = new ArrayList<>(); // id, table, status, rows, total, pct, severity, rule
        for (Artifact a : r.artifacts()) {
            if (!a.kind().equals(QualityArtifacts.RESULTS)) continue;
            a.content().lines().skip(1).forEach(l -> checks.add(l.split("\t", -1)));
        }
        List<Finding> others = new ArrayList<>();
        for (Finding f : r.findings()) {
            boolean ofCheck = checks.stream().anyMatch(c -> QualityArtifacts.findingFor(c[0], List.of(f)) != null);
            if (!ofCheck) others.add(f);
        }
        StringBuilder cases = new StringBuilder();
        int failures = 0;
        int errors = 0;
        String suite = "dece " + r.command() + " " + String.join(" ", r.inputs());
        for (String[] c : checks) {
            String id = c[0];
            cases.append("    <testcase classname=\"").append(x("dece." + r.command() + "." + c[2])).append("\" name=\"").append(x(id)).append("\"");
            String status = c[4];
            if (status.equals("pass")) {
                cases.append("/>\n");
                continue;
            }
            Finding f = QualityArtifacts.findingFor(id, r.findings());
            String detail = "rows: " + c[5] + ", total_rows: " + c[6] + ", affected_percent: " + c[7] + ", observed: " + c[8];
            if (status.equals("error")) {
                errors++;
                cases.append(">\n      <error type=\"").append(f == null ? "error" : f.severity().name()).append("\" message=\"")
                        .append(x(f == null ? "check could not run" : f.ruleId() + ": " + f.message())).append("\"/>\n    </testcase>\n");
            } else {
                failures++;
                cases.append(">\n      <failure type=\"").append(f == null ? "fail" : f.severity().name()).append("\" message=\"")
                        .append(x(f == null ? "check failed" : f.severity() + " " + f.ruleId() + ": " + f.message())).append("\">")
                        .append(x(detail + (f == null ? "" : "\nfix: " + f.remediation()))).append("</failure>\n    </testcase>\n");
            }
        }
        for (Finding f : others) {
            failures++;
            cases.append("    <testcase classname=\"").append(x("dece." + f.topic())).append("\" name=\"")
                    .append(x(f.ruleId() + " " + f.location().path())).append("\">\n      <failure type=\"").append(f.severity().name())
                    .append("\" message=\"").append(x(f.severity() + " " + f.ruleId() + ": " + f.message())).append("\">")
                    .append(x(where(f) + "\nfix: " + f.remediation())).append("</failure>\n    </testcase>\n");
        }
        int tests = checks.size() + others.size();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"dece\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"" + errors + "\">\n  <testsuite name=\"" + x(suite) + "\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"" + errors + "\" skipped=\"0\">\n" + cases + "  </testsuite>\n</testsuites>\n";
    }

    private static String where(Finding f) {
        return f.location().file() + (f.location().line() > 0 ? ":" + f.location().line() : "") + " " + f.location().path();
    }

    /** XML attribute and text escaping; control characters other than tab and newline are dropped. */
    static String x(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&apos;"); break;
                case '\n': sb.append("&#10;"); break;
                case '\t': sb.append("&#9;"); break;
                default:
                    if (c >= 0x20) sb.append(c);
            }
        }
        return sb.toString();
    }
}
