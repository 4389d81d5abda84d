package dev.dece.rules.optimize;

import dev.dece.core.input.InputException;
import dev.dece.core.optimize.OptimizeOptions;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.Report;
import dev.dece.rules.support.SparkEventLog;
import dev.dece.rules.support.TestDece;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.dece.rules.support.OptimizeSupport.findings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spark event logs as Spark writes them: single files in each codec, rolling directories, logs in progress, hostile lines. */
class EventLogInputTest {

    @TempDir Path dir;

    static SparkEventLog skewed(String name) {
        SparkEventLog l = SparkEventLog.app("4.0.0", name, Map.of("spark.master", "yarn", "spark.sql.shuffle.partitions", "40"), 4, 4);
        l.jobStart(0, null, 0).stageSubmitted(0, 0, "groupBy at Skew.scala:1", 10);
        for (int i = 0; i < 9; i++) l.task(0, 20_000, 1 << 20, 0, 0, 0, 0);
        l.task(0, 300_000, 1 << 20, 0, 0, 0, 0);
        return l.stageCompleted(0, 0, "groupBy at Skew.scala:1", 10);
    }

    static Report optimize(Path log) throws InputException {
        return TestDece.DECE.optimize(List.of(), OptimizeOptions.defaults().withEventLogs(List.of(log)));
    }

    static String coverage(Report r) {
        return r.artifacts().stream().filter(a -> a.kind().equals("optimize-coverage")).map(Artifact::content).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"none, app-20240501-0001", "lz4, app-20240501-0001.lz4", "snappy, app-20240501-0001.snappy", "zstd, app-20240501-0001.zstd"})
    void everyCodecSparkWritesIsRead(String codec, String fileName) throws Exception {
        Path log = skewed("codec_" + codec).appEnd().write(dir.resolve(fileName), codec);
        Report r = optimize(log);
        assertThat(findings(r, "SPK-002")).hasSize(1);
        assertThat(coverage(r)).contains("(Spark 4.0.0)").contains("1 file").contains("1 stage attempts");
    }

    @Test
    void aRollingDirectoryIsReadInIndexOrder() throws Exception {
        Path d = Files.createDirectories(dir.resolve("eventlog_v2_app-20240501-0002"));
        String[] lines = skewed("rolled").appEnd().text().split("\n");
        // events_10 must come after events_2: numeric order, not file-name order
        new SparkEventLog().raw(String.join("\n", java.util.Arrays.copyOfRange(lines, 0, 5))).write(d.resolve("events_1_app-20240501-0002.zstd"), "zstd");
        new SparkEventLog().raw(String.join("\n", java.util.Arrays.copyOfRange(lines, 5, 12))).write(d.resolve("events_2_app-20240501-0002.zstd"), "zstd");
        new SparkEventLog().raw(String.join("\n", java.util.Arrays.copyOfRange(lines, 12, lines.length))).write(d.resolve("events_10_app-20240501-0002.zstd"), "zstd");
        Files.writeString(d.resolve("appstatus_app-20240501-0002"), "");
        Report r = optimize(d);
        // read as events_1, events_10, events_2 the tasks would precede their stage, and no skew would be measured
        assertThat(findings(r, "SPK-002")).hasSize(1);
        assertThat(findings(r, "SPK-002").get(0).location().file()).endsWith("events_10_app-20240501-0002.zstd");
        assertThat(coverage(r)).contains("3 files");
    }

    @Test
    void aLogInProgressToleratesItsHalfWrittenLastLineOnly() throws Exception {
        String text = skewed("running").text();
        Path log = dir.resolve("app-20240501-0003.inprogress");
        Files.writeString(log, text + "{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":0,\"Stage Att");
        Report r = optimize(log);
        assertThat(findings(r, "SPK-002")).hasSize(1);
        assertThat(coverage(r)).contains("no SparkListenerApplicationEnd").contains("not read: the incomplete last line");
        Path done = dir.resolve("app-20240501-0004");
        Files.writeString(done, text.replaceFirst("\n", "\n{\"Event\": oops\n"));
        assertThatThrownBy(() -> optimize(done)).isInstanceOf(InputException.class)
                .hasMessageContaining("app-20240501-0004:2:").hasMessageContaining("is not a JSON event");
    }

    @Test
    void whatIsNotASparkEventLogIsRefusedAtItsLine() throws Exception {
        Path json = dir.resolve("other.json");
        Files.writeString(json, "{\"name\": \"not an event\"}\n");
        assertThatThrownBy(() -> optimize(json)).isInstanceOf(InputException.class)
                .hasMessageContaining("other.json:1:1: is not a SparkListener event (no \"Event\" field)");
        Path lzf = dir.resolve("app-1.lzf");
        Files.writeString(lzf, "x");
        assertThatThrownBy(() -> optimize(lzf)).isInstanceOf(InputException.class).hasMessageContaining("is compressed with lzf");
        Path wrong = skewed("x").write(dir.resolve("app-2.zstd"), "none");
        assertThatThrownBy(() -> optimize(wrong)).isInstanceOf(InputException.class).hasMessageContaining("cannot be read as a zstd event log");
        Path empty = Files.createDirectories(dir.resolve("eventlog_v2_app-3"));
        assertThatThrownBy(() -> optimize(empty)).isInstanceOf(InputException.class).hasMessageContaining("without events_<N>_<appId> files");
        assertThatThrownBy(() -> optimize(dir.resolve("missing"))).isInstanceOf(InputException.class).hasMessageContaining("no such file");
    }
}
