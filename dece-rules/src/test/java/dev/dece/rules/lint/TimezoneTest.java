package dev.dece.rules.lint;

import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;

import org.junit.jupiter.api.Test;

import static dev.dece.rules.support.LintSupport.findings;
import static dev.dece.rules.support.LintSupport.lint;
import static dev.dece.rules.support.LintSupport.only;
import static dev.dece.rules.support.LintSupport.tables;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Timezone.drl, through real DDL (parsed by JSqlParser) and table lists. */
class TimezoneTest {

    @Test
    void tz001_timestampWithoutTimeZone() {
        Report hit = lint("schema.sql", """
                CREATE TABLE fct_orders (
                  order_id BIGINT PRIMARY KEY,
                  ordered_at TIMESTAMP WITHOUT TIME ZONE,
                  shipped_at TIMESTAMP_NTZ(9)
                );
                """);
        assertThat(findings(hit, "TZ-001")).hasSize(2);
        Finding f = findings(hit, "TZ-001").get(0);
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.topic()).isEqualTo("timezone");
        assertThat(f.message()).contains("'fct_orders.ordered_at' is TIMESTAMP WITHOUT TIME ZONE, a timestamp without time zone");
        assertThat(f.location().file()).isEqualTo("schema.sql");
        assertThat(f.location().line()).isEqualTo(3);
        Report miss = lint("schema.sql", "CREATE TABLE fct_orders (order_id BIGINT, ordered_at TIMESTAMPTZ, shipped_at TIMESTAMP WITH TIME ZONE);");
        assertThat(findings(miss, "TZ-001")).isEmpty();
    }

    @Test
    void tz002_factTableWithProcessingTimeOnly() {
        Finding f = only(lint("t.yaml", tables("fct_orders", "order_id:bigint", "loaded_at:timestamptz")), "TZ-002");
        assertThat(f.message()).contains("'fct_orders' has no event-time timestamp").contains("'loaded_at'");
        Report miss = lint("t.yaml", tables("fct_orders", "order_id:bigint", "ordered_at:timestamptz", "loaded_at:timestamptz"));
        assertThat(findings(miss, "TZ-002")).isEmpty();
    }

    @Test
    void tz003_localTimeOutsidePresentation() {
        Finding f = only(lint("t.yaml", tables("fct_orders", "ordered_at_local:timestamptz")), "TZ-003");
        assertThat(f.message()).contains("holds local time in a fact object");
        assertThat(f.remediation()).contains("(ordered_at)");
        assertThat(findings(lint("t.yaml", tables("mrt_sales_daily", "sold_at_local:timestamptz")), "TZ-003")).isEmpty();
    }

    @Test
    void tz003_zoneSuffixCountsOnlyOnTimeTypes() {
        // a DECIMAL cost_est is an estimate, not Eastern time; an untyped name needs a time word to be read as one
        assertThat(findings(lint("t.yaml", tables("fct_orders", "cost_est:decimal(12,2)", "rating_pst")), "TZ-003")).isEmpty();
        assertThat(only(lint("t.yaml", tables("fct_orders", "pickup_time_est:time")), "TZ-003").message()).contains("pickup_time_est");
        assertThat(only(lint("t.yaml", tables("fct_orders", "order_time_pst")), "TZ-003").message()).contains("order_time_pst");
    }
}
