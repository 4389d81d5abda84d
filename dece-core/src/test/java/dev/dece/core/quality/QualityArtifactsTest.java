package dev.dece.core.quality;

import dev.dece.core.Artifact;
import dev.dece.core.Evidence;
import dev.dece.core.Finding;
import dev.dece.core.Location;
import dev.dece.core.Report;
import dev.dece.core.Severity;
import dev.dece.core.out.OutputFormat;
import dev.dece.core.out.ReportWriter;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.Yaml;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dbt tests file and the JUnit XML are valid documents with what a user expects in them. */
class QualityArtifactsTest {

    @Test
    @SuppressWarnings("unchecked")
    void dbtTestsFileIsValidYamlInTheChecklistShape() {
        Artifact dbt = QualityArtifacts.dbt(Fixtures.contract("all-checks.yaml"));
        Map<String, Object> doc = new Yaml().load(dbt.content());
        assertThat(doc.get("version")).isEqualTo(2);
        Map<String, Object> model = ((List<Map<String, Object>>) doc.get("models")).get(0);
        assertThat(model.get("name")).isEqualTo("fct_orders");
        assertThat(dbt.content()).contains("- relationships:\n              to: ref('dim_customers')\n              field: 'customer_id'")
                .contains("values: ['new', 'paid', 'it''s']")
                .contains("dbt_utils.recency:").contains("interval: 360")
                .contains("# Not expressible as dbt tests (run them with 'dece quality'): fct_orders.amount.reconciliation, "
                        + "fct_orders.status.distribution, fct_orders.custom");
    }

    @Test
    void junitXmlIsWellFormedWithOneCasePerCheck() throws Exception {
        String results = "check\tkind\ttable\tcolumn\tstatus\trows\ttotal_rows\taffected_percent\tobserved\tseverity\trule\n"
                + "t.a.not_null\tnot_null\tt\ta\tpass\t0\t10\t0.00\t-\t-\t-\n"
                + "t.b.enum\tenum\tt\tb\tfail\t6\t10\t60.00\t-\tP1\tQLT-006\n"
                + "t.c.not_null\tnot_null\tt\tc\terror\t0\t-\t-\t-\tP1\tQLT-011\n";
        Finding fail = new Finding("QLT-006", Severity.P1, "quality.records", "Check t.b.enum failed: <6> & \"more\"",
                new Location("c.yaml", 9, "contract.schema[1].checks[0]"), "fix it", List.of(new Evidence("checks.t.b.enum.affected_percent", "60")));
        Finding err = new Finding("QLT-011", Severity.P1, "quality.execution", "Check t.c.not_null could not run",
                new Location("c.yaml", 12, "contract.schema[2].checks[0]"), "look", List.of(new Evidence("checks.t.c.not_null.error", "x")));
        Finding review = new Finding("CON-006", Severity.P2, "contract.notification-channel", "no channel",
                new Location("c.yaml", 2, "contract.notification_channel"), "set one", List.of());
        Report r = new Report("quality", List.of("c.yaml"), List.of(), List.of(fail, err, review),
                List.of(new Artifact(QualityArtifacts.RESULTS, "t.results.tsv", results)));
        String xml = ReportWriter.write(r, OutputFormat.JUNIT);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(d.getElementsByTagName("testcase").getLength()).isEqualTo(4);
        assertThat(d.getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(d.getElementsByTagName("error").getLength()).isEqualTo(1);
        assertThat(d.getDocumentElement().getAttribute("tests")).isEqualTo("4");
        assertThat(xml).contains("name=\"t.b.enum\"").contains("&lt;6&gt; &amp; &quot;more&quot;").contains("name=\"CON-006 contract.notification_channel\"");
        assertThat(ReportWriter.write(r, OutputFormat.JUNIT)).isEqualTo(xml);
    }
}
