package dev.dece.core.drl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One file of the folder {@code dece audit} was given, and what it was recognised as by its content: a {@code kind}
 * (e.g. {@code dbt-manifest}, {@code pipeline-spec}) and the command that read it, or {@code ignored} with the reason.
 * The recognised-inputs section of the report lists them all; rules see the ignored ones, so nothing is left out in
 * silence.
 *
 * @param file    the file as found
 * @param kind    what it is, e.g. {@code run-log-structured}; {@code ignored} when DECE reads no such file
 * @param command the command that read it ({@code monitor}, ...), or {@code -} when ignored
 * @param reason  why it was recognised so (the key or header seen), or why it was ignored
 */
public record AuditInput(String file, String kind, String command, String reason) implements Located {

    public boolean ignored() {
        return "ignored".equals(kind);
    }

    @Override
    public Node node() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("reason", reason);
        return Nodes.map("", file, 0, 0, m);
    }

    @Override
    public String subject() {
        return file;
    }
}
