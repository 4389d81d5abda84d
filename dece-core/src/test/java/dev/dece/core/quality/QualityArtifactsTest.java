package dev.dece.core.quality;

import dev.dece.core.report.Artifact;
import dev.dece.core.report.CheckOutcome;
import dev.dece.core.report.Evidence;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Location;
import dev.dece.core.report.OutputFormat;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.Yaml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

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
        Finding fail = new Finding("QLT-006", Severity.P1, "quality.records", "Check t.b.enum failed: <6> & \"more\"",
                new Location("c.yaml", 9, "contract.schema[1].checks[0]"), "fix it", List.of(new Evidence("checks.t.b.enum.affected_percent", "60")), "t.b.enum");
        Finding err = new Finding("QLT-011", Severity.P1, "quality.execution", "Check t.c.not_null could not run",
                new Location("c.yaml", 12, "contract.schema[2].checks[0]"), "look", List.of(new Evidence("checks.t.c.not_null.error", "x")), "t.c.not_null");
        Finding review = new Finding("CON-006", Severity.P2, "contract.notification-channel", "no channel",
                new Location("c.yaml", 2, "contract.notification_channel"), "set one", List.of());
        List<Evidence> m = List.of(new Evidence("rows", "6"), new Evidence("total_rows", "10"));
        Report r = new Report("quality", List.of("c.yaml"), List.of(), List.of(fail, err, review), List.of())
                .withChecks(List.of(
                        new CheckOutcome("t.a.not_null", "not_null", "t", CheckOutcome.Status.PASS, m, null, null),
                        new CheckOutcome("t.b.enum", "enum", "t", CheckOutcome.Status.FAIL, m, null, null),
                        new CheckOutcome("t.c.not_null", "not_null", "t", CheckOutcome.Status.ERROR, List.of(), "no such column", null)));
        String xml = OutputFormat.JUNIT.render(r);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(d.getElementsByTagName("testcase").getLength()).isEqualTo(4);
        assertThat(d.getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(d.getElementsByTagName("error").getLength()).isEqualTo(1);
        assertThat(d.getDocumentElement().getAttribute("tests")).isEqualTo("4");
        assertThat(xml).contains("name=\"t.b.enum\"").contains("&lt;6&gt; &amp; &quot;more&quot;").contains("name=\"CON-006 contract.notification_channel\"");
        assertThat(OutputFormat.JUNIT.render(r)).isEqualTo(xml);
    }
}
