package dev.dece.rules.triage;

import dev.dece.core.drl.FailureBranch;
import dev.dece.core.input.InputException;
import dev.dece.core.report.Report;
import dev.dece.core.triage.TriageOptions;
import dev.dece.rules.support.TestDece;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The triage classifier on realistic error messages written from the vendors' documented formats
 * (src/test/resources/triage/messages.yaml, each with the branch a data engineer would triage it to), through
 * {@code Dece.triage} as a user calls it. The confusion matrix measured here must be the one docs/monitor.md shows.
 */
class TriageAccuracyTest {

    record Case(String vendor, String expected, String text) {}

    static List<Case> cases() throws IOException {
        try (InputStream in = TriageAccuracyTest.class.getResourceAsStream("/triage/messages.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Case> out = new ArrayList<>();
            for (JsonNode m : root.path("messages")) out.add(new Case(m.path("vendor").asText(), m.path("expected").asText(), m.path("text").asText()));
            return out;
        }
    }

    static String branch(String text) throws InputException {
        Report r = TestDece.DECE.triage(text, TriageOptions.defaults());
        return r.recommendations("triage").get(0).choice();
    }

    /** The matrix as docs/monitor.md writes it: expected branch per row, classified branch per column, runbook order. */
    static String matrix(List<Case> cases, List<String> got) {
        List<String> ids = new ArrayList<>();
        for (FailureBranch b : FailureBranch.values()) ids.add(b.id());
        Map<String, int[]> rows = new LinkedHashMap<>();
        for (String id : ids) rows.put(id, new int[ids.size()]);
        for (int i = 0; i < cases.size(); i++) rows.get(cases.get(i).expected())[ids.indexOf(got.get(i))]++;
        StringBuilder sb = new StringBuilder("| expected \\ classified |");
        for (String id : ids) sb.append(' ').append(id).append(" |");
        sb.append(" total | correct |\n|---|");
        for (int i = 0; i <= ids.size() + 1; i++) sb.append("---:|");
        sb.append('\n');
        int correct = 0;
        for (String id : ids) {
            int[] r = rows.get(id);
            int total = 0;
            for (int v : r) total += v;
            correct += r[ids.indexOf(id)];
            sb.append("| ").append(id).append(" |");
            for (int v : r) sb.append(' ').append(v).append(" |");
            sb.append(' ').append(total).append(" | ").append(r[ids.indexOf(id)]).append(" |\n");
        }
        sb.append("\n").append(correct).append(" of ").append(cases.size()).append(" messages classified as expected.\n");
        return sb.toString();
    }

    @Test
    void confusionMatrixIsTheOneInTheDocs() throws Exception {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        List<String> got = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            String b = branch(c.text());
            got.add(b);
            if (!b.equals(c.expected())) wrong.add(c.vendor() + " expected " + c.expected() + ", got " + b + ": " + c.text().replace('\n', ' '));
        }
        String measured = matrix(cases, got);
        System.out.println(measured + String.join("\n", wrong));
        String doc = Files.readString(docs(), StandardCharsets.UTF_8);
        int from = doc.indexOf("<!-- confusion-matrix -->");
        int to = doc.indexOf("<!-- /confusion-matrix -->");
        assertThat(from).as("docs/monitor.md holds the confusion matrix between its markers").isPositive();
        assertThat(doc.substring(from + "<!-- confusion-matrix -->".length(), to).strip()).isEqualTo(measured.strip());
    }

    static Path docs() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("docs/monitor.md");
            if (Files.isRegularFile(p)) return p;
        }
        throw new AssertionError("docs/monitor.md not found");
    }
}
