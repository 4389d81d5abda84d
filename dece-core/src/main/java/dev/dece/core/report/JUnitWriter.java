package dev.dece.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a report as JUnit XML, so CI servers show checks as tests: one test case per
 * {@link Report#checks() check outcome} (passed, failed with its severity and rule, or in error); every
 * other finding (contract review, schema change) is one failed test case. Deterministic: no time stamps,
 * no durations.
 */
final class JUnitWriter {
    private JUnitWriter() {}

    static String write(Report r) {
        return write(List.of(r));
    }

    /** One {@code testsuites} document, one {@code testsuite} per report (per input when one process reads many). */
    static String write(List<Report> reports) {
        int tests = 0, failures = 0, errors = 0;
        StringBuilder suites = new StringBuilder();
        for (Report r : reports) {
            int[] n = new int[3];
            suites.append(suite(r, n));
            tests += n[0];
            failures += n[1];
            errors += n[2];
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"dece\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"" + errors + "\">\n" + suites + "</testsuites>\n";
    }

    /** One report's test suite; {@code counts} receives its tests, failures and errors. */
    private static String suite(Report r, int[] counts) {
        java.util.Set<String> checkIds = new java.util.HashSet<>();
        for (CheckOutcome c : r.checks()) checkIds.add(c.id());
        List<Finding> others = new ArrayList<>();
        for (Finding f : r.listed()) {
            if (f.subject() == null || !checkIds.contains(f.subject())) others.add(f);
        }
        StringBuilder cases = new StringBuilder();
        int failures = 0;
        int errors = 0;
        String suite = "dece " + r.command() + " " + String.join(" ", r.inputs());
        for (CheckOutcome c : r.checks()) {
            cases.append("    <testcase classname=\"").append(x("dece." + r.command() + "." + c.subject())).append("\" name=\"").append(x(c.id())).append("\"");
            if (c.status() == CheckOutcome.Status.PASS) {
                cases.append("/>\n");
                continue;
            }
            Finding f = c.finding();
            StringBuilder detail = new StringBuilder();
            for (Evidence m : c.measures()) {
                if (detail.length() > 0) detail.append(", ");
                detail.append(m.path()).append(": ").append(m.value());
            }
            if (c.status() == CheckOutcome.Status.ERROR) {
                errors++;
                cases.append(">\n      <error type=\"").append(f == null ? "error" : f.severity().name()).append("\" message=\"")
                        .append(x(f != null ? f.ruleId() + ": " + f.message() : c.detail() != null ? "check could not run: " + c.detail() : "check could not run"))
                        .append("\"/>\n    </testcase>\n");
            } else {
                failures++;
                cases.append(">\n      <failure type=\"").append(f == null ? "fail" : f.severity().name()).append("\" message=\"")
                        .append(x(f == null ? "check failed" : f.severity() + " " + f.ruleId() + ": " + f.message())).append("\">")
                        .append(x(detail + (f == null ? "" : "\nfix: " + f.remediation()))).append("</failure>\n    </testcase>\n");
            }
        }
        int skipped = 0;
        for (Finding f : others) {
            if (f.waived()) {
                // accepted by a waiver: reported, never a failure
                skipped++;
                cases.append("    <testcase classname=\"").append(x("dece." + f.topic())).append("\" name=\"")
                        .append(x(f.ruleId() + " " + f.location().path())).append("\">\n      <skipped message=\"")
                        .append(x("waived " + f.severity() + " " + f.ruleId() + ": " + f.message() + " Waiver: "
                                + ReportWriter.waiver(f.suppression()))).append("\"/>\n    </testcase>\n");
                continue;
            }
            if (f.severity() == Severity.INFO) {
                // informational: a passing test case that carries the note, never a failure
                skipped++;
                cases.append("    <testcase classname=\"").append(x("dece." + f.topic())).append("\" name=\"")
                        .append(x(f.ruleId() + " " + f.location().path())).append("\">\n      <skipped message=\"")
                        .append(x("INFO " + f.ruleId() + ": " + f.message())).append("\"/>\n    </testcase>\n");
                continue;
            }
            failures++;
            cases.append("    <testcase classname=\"").append(x("dece." + f.topic())).append("\" name=\"")
                    .append(x(f.ruleId() + " " + f.location().path())).append("\">\n      <failure type=\"").append(f.severity().name())
                    .append("\" message=\"").append(x(f.severity() + " " + f.ruleId() + ": " + f.message())).append("\">")
                    .append(x(where(f) + "\nfix: " + f.remediation())).append("</failure>\n    </testcase>\n");
        }
        int tests = r.checks().size() + others.size();
        counts[0] = tests;
        counts[1] = failures;
        counts[2] = errors;
        return "  <testsuite name=\"" + x(suite) + "\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"" + errors + "\" skipped=\"" + skipped + "\">\n" + cases + "  </testsuite>\n";
    }

    private static String where(Finding f) {
        return f.location().where() + " " + f.location().path();
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
