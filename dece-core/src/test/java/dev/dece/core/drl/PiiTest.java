package dev.dece.core.drl;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PII detector on a table of column names from retail, HR, healthcare, payments and SaaS schemas
 * ({@code src/test/resources/pii/columns.txt}), each labelled with the level a reviewer would give it. The
 * test measures precision and recall (personal or not) and level accuracy, and fails when they differ from
 * the figures docs/quality.md reports, so the documented numbers are always the measured ones.
 */
class PiiTest {

    record Row(String column, String table, String expected) {}

    static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        try (InputStream in = PiiTest.class.getResourceAsStream("/pii/columns.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\\|");
                out.add(new Row(f[0].strip(), f[1].strip(), f[2].strip()));
            }
        }
        return out;
    }

    static String level(Pii.Match m) {
        return m == null ? "-" : m.level() == Classification.RESTRICTED ? "R" : "C";
    }

    @Test
    void precisionAndRecallOnTheTableAreTheDocumentedOnes() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(200);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        int levelRight = 0;
        List<String> wrong = new ArrayList<>();
        for (Row r : rows) {
            Pii.Match m = Pii.detect(r.column(), null, null, null, r.table());
            String got = level(m);
            boolean want = !r.expected().equals("-");
            boolean found = m != null;
            if (want && found) tp++;
            if (!want && found) fp++;
            if (want && !found) fn++;
            if (!want && !found) tn++;
            if (want && found && got.equals(r.expected())) levelRight++;
            if (!got.equals(r.expected())) {
                wrong.add(r.column() + " (" + r.table() + "): expected " + r.expected() + ", got " + got + (m == null ? "" : " by " + m.reason()));
            }
        }
        double precision = 100.0 * tp / (tp + fp);
        double recall = 100.0 * tp / (tp + fn);
        String measured = String.format(Locale.ROOT, "%d names: %d personal, %d not; precision %.1f %%, recall %.1f %%, level right on %d of %d found",
                rows.size(), tp + fn, fp + tn, precision, recall, levelRight, tp);
        // the figures docs/quality.md states; change both together
        assertThat(measured).as(String.join("\n", wrong)).isEqualTo(
                "243 names: 126 personal, 117 not; precision 99.2 %, recall 96.0 %, level right on 121 of 121 found");
        assertThat(wrong).containsExactlyInAnyOrder(
                "web_address (companies): expected -, got C by the name's token \"address\"",
                "mail (users): expected C, got -",
                "rep_name (accounts): expected C, got -",
                "pcp_name (patients): expected C, got -",
                "empssn (emp): expected R, got -",
                "dl_number (drivers): expected R, got -");
    }

    @Test
    void everyDetectionSaysWhyAndWhichLevel() {
        assertThat(Pii.detect("emailaddress")).isEqualTo(new Pii.Match("email", Classification.CONFIDENTIAL,
                "the glued name \"emailaddress\" read as \"email\" + \"address\""));
        assertThat(Pii.detect("NationalIDNumber").reason()).isEqualTo("the name's tokens \"national\" + \"id\"");
        assertThat(Pii.detect("NationalIDNumber").level()).isEqualTo(Classification.RESTRICTED);
        assertThat(Pii.detect("passwordsalt").category()).isEqualTo("password");
        assertThat(Pii.detect("address_seq")).isNull();
        assertThat(Pii.detect("middle_name").category()).isEqualTo("person name");
    }

    @Test
    void tagsTypesAndDescriptionsCount() {
        assertThat(Pii.detect("attr_17", null, null, List.of("sensitive"), null).reason()).isEqualTo("the tag \"sensitive\"");
        assertThat(Pii.detect("attr_17", null, null, List.of("finance", "PCI"), null).level()).isEqualTo(Classification.RESTRICTED);
        assertThat(Pii.detect("email", "BOOLEAN", null, null, null)).isNull();
        assertThat(Pii.detect("contact_ref", "varchar", "The buyer's e-mail address at checkout", null, null).reason())
                .isEqualTo("the description mentions \"e mail address\"");
        assertThat(Pii.detect("segment", "varchar", "Derived segment; holds no personal data", null, null)).isNull();
    }
}
