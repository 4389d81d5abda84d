package dev.dece.core.usage;

import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;
import dev.dece.core.usage.BillingExport.Charge;
import dev.dece.core.usage.BillingExport.Kind;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Billing exports written here from the published column definitions (FOCUS 1.1 cost-and-usage columns, Snowflake
 * ACCOUNT_USAGE.WAREHOUSE_METERING_HISTORY), read through the real readers.
 */
class BillingExportTest {

    @TempDir Path dir;

    static final String FOCUS_CSV = """
            BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ServiceCategory,ServiceName,ResourceId,ResourceName,RegionId,PricingCategory,ChargeDescription,Tags
            12.50,11.00,USD,2026-03-01T00:00:00Z,2026-03-02T00:00:00Z,Usage,Compute,Amazon EC2,i-0abc,etl-node,us-east-1,Standard,m5.xlarge on-demand,"{""pipeline"":""orders_daily"",""env"":""prod""}"
            -2.00,-2.00,USD,2026-03-01T00:00:00Z,2026-03-02T00:00:00Z,Credit,Storage,Amazon S3,arn:aws:s3:::lake,lake,us-east-1,,credit,
            """;

    static final String METERING_JSONL = """
            {"START_TIME":"2026-03-01 00:00:00.000 -0800","END_TIME":"2026-03-01 01:00:00.000 -0800","WAREHOUSE_ID":7,"WAREHOUSE_NAME":"transform_wh","CREDITS_USED":1.25,"CREDITS_USED_COMPUTE":1.2,"CREDITS_USED_CLOUD_SERVICES":0.05}
            {"START_TIME":"2026-03-01 01:00:00.000 -0800","END_TIME":"2026-03-01 02:00:00.000 -0800","WAREHOUSE_ID":7,"WAREHOUSE_NAME":"transform_wh","CREDITS_USED":"0"}
            """;

    List<Charge> read(String name, String content) throws InputException, java.io.IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        List<Charge> out = new ArrayList<>();
        BillingExport.Summary s = BillingExport.read(f, Limits.DEFAULT, out::add);
        assertThat(s.records()).isEqualTo(out.size());
        return out;
    }

    @Test
    void focusCsvWithTagsAndACredit() throws Exception {
        List<Charge> cs = read("focus.csv", FOCUS_CSV);
        assertThat(cs).hasSize(2);
        Charge c = cs.get(0);
        assertThat(c.kind()).isEqualTo(Kind.FOCUS);
        assertThat(c.billedCost()).isEqualTo(12.5);
        assertThat(c.effectiveCost()).isEqualTo(11.0);
        assertThat(c.start()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(c.hours()).isEqualTo(24.0);
        assertThat(c.serviceCategory()).isEqualTo("Compute");
        assertThat(c.regionId()).isEqualTo("us-east-1");
        assertThat(c.tags()).isEqualTo(Map.of("env", "prod", "pipeline", "orders_daily"));
        assertThat(c.line()).isEqualTo(2);
        assertThat(cs.get(1).billedCost()).isEqualTo(-2.0);
        assertThat(cs.get(1).tags()).isEmpty();
    }

    @Test
    void snowflakeMeteringJsonLines() throws Exception {
        List<Charge> cs = read("metering.jsonl", METERING_JSONL);
        assertThat(cs).extracting(Charge::kind).containsOnly(Kind.SNOWFLAKE_METERING);
        assertThat(cs.get(0).warehouse()).isEqualTo("TRANSFORM_WH");
        assertThat(cs.get(0).credits()).isEqualTo(1.25);
        assertThat(cs.get(0).start()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
        assertThat(cs.get(1).credits()).isZero();
    }

    @Test
    void badValuesAreLocatedByFileLineAndColumnName() {
        assertThatThrownBy(() -> read("focus.csv", "BilledCost,ChargePeriodStart\n1,2026-03-01T00:00:00Z\nlots,2026-03-01T00:00:00Z\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("focus.csv:3").hasMessageContaining("BilledCost")
                .hasMessageContaining("\"lots\" is not a number");
        assertThatThrownBy(() -> read("focus.csv", "BilledCost,ChargePeriodStart\n1,2026-03-01 00:00\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("focus.csv:2").hasMessageContaining("ChargePeriodStart")
                .hasMessageContaining("not a timestamp with a time zone");
        assertThatThrownBy(() -> read("focus.csv", "BilledCost,ChargePeriodStart,BillingCurrency\n1,2026-03-01T00:00:00Z,EUR\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("BillingCurrency").hasMessageContaining("\"EUR\" is not USD");
        assertThatThrownBy(() -> read("m.jsonl", "{\"WAREHOUSE_NAME\":\"W\",\"START_TIME\":\"2026-03-01T00:00:00Z\",\"CREDITS_USED\":-1}\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("m.jsonl:1").hasMessageContaining("CREDITS_USED");
        assertThatThrownBy(() -> read("other.csv", "a,b\n1,2\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("is neither a FOCUS cost-and-usage export");
        assertThatThrownBy(() -> read("empty.csv", ""))
                .isInstanceOf(InputException.class).hasMessageContaining("is empty; expected a header row and one record per charge");
    }

    @Test
    void recordCountIsBounded() {
        Limits small = Limits.DEFAULT.withMaxStreamRecords(1);
        assertThatThrownBy(() -> {
            Path f = dir.resolve("focus.csv");
            Files.writeString(f, FOCUS_CSV);
            BillingExport.read(f, small, c -> {});
        }).isInstanceOf(InputException.class).hasMessageContaining("focus.csv:3").hasMessageContaining("holds more than 1 records");
    }
}
