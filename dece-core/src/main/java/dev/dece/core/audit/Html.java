package dev.dece.core.audit;

import dev.dece.core.report.Artifact;
import dev.dece.core.report.CheckOutcome;
import dev.dece.core.report.Evidence;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The audit as one self-contained HTML page: inline CSS, inline SVG charts drawn here (a gauge for the total, one bar per
 * dimension), a findings table that a few lines of inline script sort and filter, no network, no font or script from
 * elsewhere. Built from the report alone, so the JSON report and the page always agree; the same report gives the same
 * bytes.
 */
final class Html {
    private Html() {}

    static String render(Report r) {
        CheckOutcome total = null;
        List<CheckOutcome> dims = new ArrayList<>();
        List<CheckOutcome> scopes = new ArrayList<>();
        for (CheckOutcome c : r.checks()) {
            if (c.subject().equals(Measures.PLATFORM)) {
                if (c.kind().equals("audit.total")) total = c;
                else dims.add(c);
            } else if (c.kind().equals("audit.total")) {
                scopes.add(c);
            }
        }
        int score = total == null ? 0 : Integer.parseInt(measure(total, "score"));
        String band = total == null || total.detail() == null ? "" : total.detail();
        String md = "";
        for (Artifact a : r.artifacts()) if (a.name().equals(AuditCommand.SCORECARD)) md = a.content();

        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>DECE audit: ").append(score).append(" / 100</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>Platform audit</h1><p class=\"sub\">Quality Scoring Rubric (0-100), ").append(esc(String.join(", ", inputsSummary(r))))
                .append("</p></header>\n<main>\n");
        h.append("<section class=\"top\">\n").append(gauge(score)).append("<div class=\"band\"><p id=\"total\" class=\"total\" data-score=\"").append(score)
                .append("\">").append(score).append(" / 100</p><p>").append(esc(band)).append("</p></div>\n</section>\n");

        h.append("<section><h2>Dimensions</h2>\n").append(bars(dims)).append("<table id=\"dimensions\"><thead><tr><th>dimension</th><th>score</th><th>weight</th>")
                .append("<th>criterion met</th><th>findings</th><th>to raise it</th></tr></thead><tbody>\n");
        for (CheckOutcome c : dims) {
            String key = c.kind().substring("audit.".length());
            h.append("<tr class=\"dimension\" data-dimension=\"").append(esc(key)).append("\"><td>").append(esc(Rubric.dimension(key).label())).append("</td><td>")
                    .append(esc(measure(c, "score"))).append("</td><td>").append(esc(measure(c, "max"))).append("</td><td>")
                    .append(esc(measure(c, "rule").equals("-") ? measure(c, "criterion") : measure(c, "rule") + ": " + measure(c, "criterion")))
                    .append("</td><td>").append(esc(measure(c, "findings"))).append("</td><td>").append(esc(c.detail() == null ? "-" : c.detail()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n</section>\n");

        h.append("<section><h2>Trend</h2>\n<pre class=\"trend\">").append(esc(section(md, "## Trend"))).append("</pre>\n</section>\n");

        if (!scopes.isEmpty()) {
            h.append("<section><h2>Pipelines and datasets</h2>\n<table id=\"scopes\"><thead><tr><th>scope</th><th>score</th><th>of</th></tr></thead><tbody>\n");
            for (CheckOutcome c : scopes) {
                h.append("<tr><td>").append(esc(c.subject())).append("</td><td>").append(esc(measure(c, "score"))).append("</td><td>")
                        .append(esc(measure(c, "max"))).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n</section>\n");
        }

        h.append("<section><h2>Findings</h2>\n<div class=\"filters\"><label>severity <select id=\"f-sev\"><option value=\"\">all</option>");
        for (String s : List.of("P0", "P1", "P2", "P3", "INFO")) h.append("<option>").append(s).append("</option>");
        h.append("</select></label> <label>dimension <select id=\"f-dim\"><option value=\"\">all</option>");
        for (Rubric.Dimension d : Rubric.DIMENSIONS) h.append("<option value=\"").append(d.key()).append("\">").append(esc(d.label())).append("</option>");
        h.append("<option value=\"other\">other</option></select></label> <span id=\"shown\"></span></div>\n");
        h.append("<table id=\"findings\"><thead><tr><th data-col=\"0\">severity</th><th data-col=\"1\">rule</th><th data-col=\"2\">dimension</th>")
                .append("<th data-col=\"3\">message</th><th data-col=\"4\">where</th></tr></thead><tbody>\n");
        for (Finding f : r.listed()) {
            String dim = Scorecard.dimensionOf(f);
            String where = Scorecard.where(f);
            String href = f.location().file().isEmpty() ? null : f.location().file() + (f.location().line() > 0 ? "#L" + f.location().line() : "");
            h.append("<tr data-sev=\"").append(f.severity().name()).append("\" data-dim=\"").append(esc(dim)).append("\"><td data-key=\"")
                    .append(f.severity().ordinal()).append("\">").append(f.severity().name()).append("</td><td>").append(esc(f.ruleId())).append("</td><td>")
                    .append(esc(dim)).append("</td><td>").append(esc(f.message())).append("</td><td>");
            if (href == null) h.append("-");
            else h.append("<a href=\"").append(esc(href)).append("\">").append(esc(where)).append("</a>");
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n</section>\n");
        h.append("<section><h2>Scorecard</h2>\n<details><summary>the scorecard as Markdown (pipelines, datasets, test pyramid, recognised inputs)</summary><pre>")
                .append(esc(md)).append("</pre></details>\n</section>\n");
        h.append("</main>\n<script>\n").append(JS).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static List<String> inputsSummary(Report r) {
        return List.of(r.inputs().size() + " files", r.listed().size() + " findings");
    }

    /** The total on a half-circle gauge: a grey arc, and over it a coloured arc as long as the score. */
    static String gauge(int score) {
        double len = Math.PI * 90;
        double on = len * Math.max(0, Math.min(100, score)) / 100.0;
        String color = score <= 40 ? "#c0392b" : score <= 60 ? "#e67e22" : score <= 80 ? "#2980b9" : "#27ae60";
        return "<svg id=\"gauge\" role=\"img\" aria-label=\"total " + score + " of 100\" width=\"220\" height=\"130\" viewBox=\"0 0 220 130\">"
                + "<path d=\"M 20 110 A 90 90 0 0 1 200 110\" fill=\"none\" stroke=\"#ddd\" stroke-width=\"18\"/>"
                + "<path d=\"M 20 110 A 90 90 0 0 1 200 110\" fill=\"none\" stroke=\"" + color + "\" stroke-width=\"18\" stroke-dasharray=\""
                + f(on) + " " + f(len) + "\"/>"
                + "<text x=\"110\" y=\"105\" text-anchor=\"middle\" font-size=\"34\" font-weight=\"bold\">" + score + "</text>"
                + "<text x=\"110\" y=\"125\" text-anchor=\"middle\" font-size=\"12\">of 100</text></svg>\n";
    }

    /** One horizontal bar per dimension: its score against its weight. */
    static String bars(List<CheckOutcome> dims) {
        int rowH = 28, w = 520, labelW = 170, barW = 260;
        StringBuilder s = new StringBuilder();
        s.append("<svg id=\"bars\" role=\"img\" aria-label=\"score per dimension\" width=\"").append(w).append("\" height=\"").append(rowH * dims.size() + 10)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(rowH * dims.size() + 10).append("\">");
        int y = 5;
        for (CheckOutcome c : dims) {
            String key = c.kind().substring("audit.".length());
            int score = Integer.parseInt(measure(c, "score")), max = Integer.parseInt(measure(c, "max"));
            double fill = max == 0 ? 0 : barW * (double) score / max;
            s.append("<text x=\"0\" y=\"").append(y + 17).append("\" font-size=\"13\">").append(esc(Rubric.dimension(key).label())).append("</text>")
                    .append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 4).append("\" width=\"").append(barW).append("\" height=\"16\" fill=\"#eee\"/>")
                    .append("<rect class=\"bar\" data-dimension=\"").append(esc(key)).append("\" x=\"").append(labelW).append("\" y=\"").append(y + 4)
                    .append("\" width=\"").append(f(fill)).append("\" height=\"16\" fill=\"").append(score == max ? "#27ae60" : score == 0 ? "#c0392b" : "#2980b9")
                    .append("\"/><text x=\"").append(labelW + barW + 8).append("\" y=\"").append(y + 17).append("\" font-size=\"13\">").append(score).append(" / ")
                    .append(max).append("</text>");
            y += rowH;
        }
        return s.append("</svg>\n").toString();
    }

    private static String section(String md, String title) {
        int i = md.indexOf(title + "\n");
        if (i < 0) return "";
        int start = i + title.length() + 1;
        int end = md.indexOf("\n## ", start);
        return md.substring(start, end < 0 ? md.length() : end).strip();
    }

    static String measure(CheckOutcome c, String key) {
        for (Evidence e : c.measures()) if (e.path().equals(key)) return e.value();
        return "";
    }

    private static String f(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') b.append(' ');
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#222;background:#fafafa}
            header{background:#1f3a5f;color:#fff;padding:16px 24px}header h1{margin:0;font-size:24px}.sub{margin:4px 0 0;opacity:.85}
            main{padding:16px 24px;max-width:1200px}section{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:12px 16px;margin:0 0 16px}
            .top{display:flex;align-items:center;gap:24px}.total{font-size:28px;font-weight:bold;margin:0}
            table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
            th[data-col]{cursor:pointer;user-select:none}th[data-col]:after{content:" \\2195";color:#999}
            .filters{margin:0 0 8px}pre{white-space:pre-wrap;font-size:12px}tr[hidden]{display:none}
            """;

    private static final String JS = """
            (function () {
              'use strict';
              var table = document.getElementById('findings');
              var body = table.tBodies[0];
              var sev = document.getElementById('f-sev');
              var dim = document.getElementById('f-dim');
              var shown = document.getElementById('shown');
              function filter() {
                var n = 0;
                Array.prototype.forEach.call(body.rows, function (row) {
                  var ok = (!sev.value || row.getAttribute('data-sev') === sev.value) && (!dim.value || row.getAttribute('data-dim') === dim.value);
                  row.hidden = !ok;
                  if (ok) n++;
                });
                shown.textContent = n + ' of ' + body.rows.length + ' findings';
              }
              var order = {};
              Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
                th.addEventListener('click', function () {
                  var col = Number(th.getAttribute('data-col'));
                  var dir = order[col] = -(order[col] || -1);
                  var rows = Array.prototype.slice.call(body.rows);
                  rows.sort(function (a, b) {
                    var x = a.cells[col].getAttribute('data-key') || a.cells[col].textContent;
                    var y = b.cells[col].getAttribute('data-key') || b.cells[col].textContent;
                    return x < y ? -dir : x > y ? dir : 0;
                  });
                  rows.forEach(function (r) { body.appendChild(r); });
                });
              });
              sev.addEventListener('change', filter);
              dim.addEventListener('change', filter);
              filter();
            })();
            """;
}
