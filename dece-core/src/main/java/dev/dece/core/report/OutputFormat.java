package dev.dece.core.report;

import java.util.Locale;

/** How a report is rendered: {@code OutputFormat.JSON.render(report)}. */
public enum OutputFormat {
    /** For people at a terminal: grouped, short, with the why. The default. */
    TEXT,
    /** The stable contract: deterministic, byte-identical for the same input. */
    JSON,
    /** For pull-request comments and wikis. */
    MARKDOWN,
    /** SARIF 2.1.0 findings, so CI shows them on the input's lines ({@link SarifWriter}). */
    SARIF,
    /** JUnit XML for CI servers: one test case per quality check, one per other finding ({@link JUnitWriter}). */
    JUNIT;

    /** Parses {@code text|json|markdown|sarif|junit}, case-insensitively; {@code null} when unknown. */
    public static OutputFormat parse(String s) {
        for (OutputFormat f : values()) {
            if (f.name().equalsIgnoreCase(s)) return f;
        }
        return null;
    }

    /** {@code "text, json, markdown, sarif or junit"}: the allowed values, for messages. */
    public static String allowed() {
        StringBuilder sb = new StringBuilder();
        OutputFormat[] all = values();
        for (int i = 0; i < all.length; i++) {
            if (i > 0) sb.append(i == all.length - 1 ? " or " : ", ");
            sb.append(all[i].label());
        }
        return sb.toString();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Renders {@code report} in this format: the same report always gives the same bytes ({@code \n} line
     * ends, no time stamps). Thread-safe.
     */
    public String render(Report report) {
        return ReportWriter.write(report, this);
    }

    /**
     * Renders the reports of one run over many inputs as one document, in the order given: SARIF with one run
     * per report, JUnit with one test suite per report, JSON as an array of report objects, text with each
     * report under an {@code ==> INPUT <==} line, Markdown with {@code ---} between reports. A single report
     * renders as {@link #render(Report)}. Deterministic and thread-safe.
     */
    public String render(java.util.List<Report> reports) {
        return ReportWriter.write(reports, this);
    }
}
