package dev.dece.rules.optimize;

import dev.dece.core.report.Finding;
import dev.dece.core.report.Recommendation;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.OptimizeSupport;
import dev.dece.rules.support.SparkEventLog;
import dev.dece.rules.support.SparkEventLog.Op;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.dece.rules.support.OptimizeSupport.findings;
import static dev.dece.rules.support.OptimizeSupport.notes;
import static dev.dece.rules.support.OptimizeSupport.only;
import static dev.dece.rules.support.SparkEventLog.metrics;
import static dev.dece.rules.support.SparkEventLog.u;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per rule of SparkGuide.drl, each on an event log written here in the SparkListener JSON format (a triggering
 * application and a near miss), read through the real event-log reader.
 */
class SparkGuideTest {

    @TempDir Path dir;

    static final long MB = 1L << 20;
    static final long GB = 1L << 30;

    /** AQE on, 4 executors of 4 cores and 40 shuffle partitions (2.5 per core): no rule fires on the set-up alone. */
    static Map<String, String> props(String... kv) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spark.master", "yarn");
        p.put("spark.app.name", "orders_daily");
        p.put("spark.sql.adaptive.enabled", "true");
        p.put("spark.sql.shuffle.partitions", "40");
        p.put("spark.executor.memory", "4g");
        for (int i = 0; i + 1 < kv.length; i += 2) p.put(kv[i], kv[i + 1]);
        return p;
    }

    static SparkEventLog app(String... kv) {
        return SparkEventLog.app("3.5.1", "orders_daily", props(kv), 4, 4);
    }

    Report run(SparkEventLog log) {
        return new OptimizeSupport(dir).eventLog(log.write(dir.resolve("app-" + System.nanoTime()))).run(List.of());
    }

    /** One SQL execution whose final plan is a join of two exchanged sides of the given sizes. */
    static void join(SparkEventLog l, long exec, String operator, long leftBytes, long rightBytes) {
        Op scanL = l.op("Scan parquet sales.orders", "FileScan parquet sales.orders[order_id#1L,customer_id#2L,amount#3] Batched: true",
                metrics("number of output rows", "size of files read"));
        Op exL = l.op("Exchange", "Exchange hashpartitioning(customer_id#2L, 40), ENSURE_REQUIREMENTS, [plan_id=11]",
                metrics("data size", "shuffle bytes written"), scanL);
        Op scanR = l.op("Scan parquet sales.customers", "FileScan parquet sales.customers[id#7L,region#8] Batched: true",
                metrics("number of output rows", "size of files read"));
        Op exR = l.op("Exchange", "Exchange hashpartitioning(id#7L, 40), ENSURE_REQUIREMENTS, [plan_id=12]",
                metrics("data size", "shuffle bytes written"), scanR);
        Op j = l.op(operator, operator + " [customer_id#2L], [id#7L], Inner", metrics("number of output rows"),
                l.op("Sort", "Sort [customer_id#2L ASC NULLS FIRST], false, 0", metrics(), exL),
                l.op("Sort", "Sort [id#7L ASC NULLS FIRST], false, 0", metrics(), exR));
        Op root = l.op("AdaptiveSparkPlan", "AdaptiveSparkPlan isFinalPlan=false", metrics(), j);
        int s = (int) exec * 3;
        l.jobStart((int) exec, exec, s, s + 1);
        l.sqlStart(exec, "save at OrdersJob.scala:40", root);
        l.stageSubmitted(s, 0, "save at OrdersJob.scala:40", 2);
        l.task(s, 20_000, leftBytes, 0, 0, 0, 0, u(exL.id("data size"), leftBytes));
        l.task(s, 20_000, rightBytes, 0, 0, 0, 0, u(exR.id("data size"), rightBytes));
        l.stageCompleted(s, 0, "save at OrdersJob.scala:40", 2);
        l.sqlEnd(exec);
    }

    @Test
    void spk001_shuffleJoinWithASideSmallEnoughToBroadcast() {
        SparkEventLog l = app();
        join(l, 0, "SortMergeJoin", 5 * GB, 20 * MB);
        join(l, 1, "SortMergeJoin", 5 * GB, 200 * MB);
        join(l, 2, "BroadcastHashJoin", 5 * GB, 20 * MB);
        Report r = run(l.appEnd());
        Finding f = only(r, "SPK-001");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.topic()).isEqualTo("optimize.spark");
        assertThat(f.message()).contains("SQL execution 0 (save at OrdersJob.scala:40) shuffles both sides of a SortMergeJoin (Inner on customer_id = id)")
                .contains("its right side is only 20 MB, under the 100 MB broadcast line")
                .contains("AQE was on for this execution and changed nothing in it");
        assertThat(f.remediation()).contains("broadcast(df)").contains("spark.sql.autoBroadcastJoinThreshold (now 10 MB)");
        assertThat(f.location().path()).isEqualTo("sql[0]");
        assertThat(f.location().line()).isPositive();
        assertThat(f.subject()).isEqualTo("app-20240501-orders_daily SQL execution 0");
    }

    @Test
    void spk001_aJoinAqeAlreadyTurnedIntoABroadcastIsNoFindingAndTheReportSaysWhatAqeDid() {
        SparkEventLog l = app();
        Op scanL = l.op("Scan parquet sales.orders", "FileScan parquet sales.orders[customer_id#2L] Batched: true", metrics("size of files read"));
        Op scanR = l.op("Scan parquet sales.customers", "FileScan parquet sales.customers[id#7L] Batched: true", metrics("size of files read"));
        Op initial = l.op("AdaptiveSparkPlan", "AdaptiveSparkPlan isFinalPlan=false", metrics(),
                l.op("SortMergeJoin", "SortMergeJoin [customer_id#2L], [id#7L], Inner", metrics("number of output rows"),
                        l.op("Exchange", "Exchange hashpartitioning(customer_id#2L, 40)", metrics("data size"), scanL),
                        l.op("Exchange", "Exchange hashpartitioning(id#7L, 40)", metrics("data size"), scanR)));
        Op read = l.op("AQEShuffleRead", "AQEShuffleRead coalesced", metrics("number of partitions"),
                l.op("ShuffleQueryStage", "ShuffleQueryStage 0", metrics(), l.op("Exchange", "Exchange hashpartitioning(customer_id#2L, 40)", metrics("data size"), scanL)));
        Op fin = l.op("AdaptiveSparkPlan", "AdaptiveSparkPlan isFinalPlan=true", metrics(),
                l.op("BroadcastHashJoin", "BroadcastHashJoin [customer_id#2L], [id#7L], Inner, BuildRight, false", metrics("number of output rows"), read,
                        l.op("BroadcastQueryStage", "BroadcastQueryStage 1", metrics(), l.op("BroadcastExchange", "BroadcastExchange HashedRelationBroadcastMode", metrics("data size"), scanR))));
        l.jobStart(0, 0L, 0).sqlStart(0, "count at Orders.scala:9", initial).sqlAdaptiveUpdate(0, fin).sqlEnd(0);
        stage(l, 1, 20_000, 200_000, MB);
        Report r = run(l.appEnd());
        assertThat(findings(r, "SPK-001")).isEmpty();
        assertThat(only(r, "SPK-002").message()).contains("AQE is on (Spark 3.5.1); across the application it coalesced 1 shuffle read.");
    }

    /** A stage of ten tasks: nine of {@code medianMs} (and 100 MB input), one of {@code slowMs} (and {@code bigInput}). */
    static SparkEventLog stage(SparkEventLog l, int id, long medianMs, long slowMs, long bigInput) {
        l.jobStart(id, null, id);
        l.stageSubmitted(id, 0, "groupBy at Skew.scala:" + id, 10);
        for (int i = 0; i < 9; i++) l.task(id, medianMs, 100 * MB, 0, 0, 0, 0);
        l.task(id, slowMs, bigInput, 0, 0, 0, 0);
        return l.stageCompleted(id, 0, "groupBy at Skew.scala:" + id, 10);
    }

    @ParameterizedTest(name = "slowest task {0} ms over a 20 s median fires: {1}")
    @CsvSource({"98000, false", "100000, true", "102000, true"})
    void spk002_skewedStageByTaskTime(long slowMs, boolean fires) {
        Report r = run(stage(app(), 0, 20_000, slowMs, 100 * MB).appEnd());
        assertThat(findings(r, "SPK-002")).hasSize(fires ? 1 : 0);
        if (fires) {
            Finding f = only(r, "SPK-002");
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).contains("Data skew in stage 0 (groupBy at Skew.scala:0)").contains("x the median task's 20 s")
                    .contains("over 10 tasks").contains("AQE's skew-join handling only splits skewed sort-merge join partitions");
            assertThat(f.remediation()).contains("Salt the skewed key").contains("spark.sql.adaptive.skewJoin.enabled=true");
            assertThat(f.location().path()).isEqualTo("stages[0.0]");
        }
    }

    @Test
    void spk002_skewedStageByTaskInputNeedsTheMinimumSize() {
        Report r = run(stage(stage(app(), 0, 20_000, 21_000, 2 * GB), 1, 20_000, 21_000, 200 * MB).appEnd());
        Finding f = only(r, "SPK-002");
        assertThat(f.message()).contains("stage 0").contains("its largest task read 2.0 GB, 20.5x the median task's 100 MB");
    }

    /** One SQL execution writing {@code files} files of {@code bytes} in all, as the write command's driver metrics report. */
    static void write(SparkEventLog l, long exec, String args, long files, long bytes) {
        Op scan = l.op("Scan parquet raw.events", "FileScan parquet raw.events[event_id#1L,event_date#5] Batched: true",
                metrics("number of output rows", "size of files read"));
        Op w = l.op("Execute InsertIntoHadoopFsRelationCommand", "Execute InsertIntoHadoopFsRelationCommand " + args,
                metrics("number of written files", "written output", "number of output rows", "number of dynamic part"),
                l.op("WriteFiles", "WriteFiles", metrics(), scan));
        l.jobStart((int) exec, exec, (int) exec);
        l.sqlStart(exec, "parquet at EventsJob.scala:12", w);
        l.stageSubmitted((int) exec, 0, "parquet at EventsJob.scala:12", 1);
        l.task((int) exec, 1000, bytes, 0, 0, 0, bytes);
        l.stageCompleted((int) exec, 0, "parquet at EventsJob.scala:12", 1);
        l.driverAccum(exec, u(w.id("number of written files"), files), u(w.id("written output"), bytes), u(w.id("number of output rows"), bytes / 100));
        l.sqlEnd(exec);
    }

    static final String PARTITIONED = "s3://lake/events, false, [event_date#5], Parquet, [path=s3://lake/events], Append, [event_id, event_date]";
    static final String UNPARTITIONED = "s3://lake/daily, false, Parquet, [path=s3://lake/daily], Overwrite, [event_id, event_date]";

    @Test
    void spk003_outputFilesBelowTheTargetSize() {
        SparkEventLog l = app();
        write(l, 0, PARTITIONED, 50, 500 * MB);
        write(l, 1, PARTITIONED, 4, 2 * GB);
        Report r = run(l.appEnd());
        Finding f = only(r, "SPK-003");
        assertThat(f.severity()).isEqualTo(Severity.P3);
        assertThat(f.message()).contains("SQL execution 0 (parquet at EventsJob.scala:12) wrote 500 MB in 50 files to s3://lake/events: 10 MB a file, below the 100-1024 MB target");
        assertThat(f.remediation()).contains(".coalesce(1 to 5)").contains("advisoryPartitionSizeInBytes");
        assertThat(findings(r, "SPK-004")).isEmpty();
    }

    @Test
    void spk004_thousandsOfSmallFilesWritten() {
        SparkEventLog l = app();
        write(l, 0, PARTITIONED, 5000, 2500 * MB);
        write(l, 1, PARTITIONED, 500, 250 * MB);
        Report r = run(l.appEnd());
        Finding f = only(r, "SPK-004");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("wrote 2.4 GB in 5000 files to s3://lake/events, 512 KB a file: the small-files anti-pattern (many files under 1 MB)")
                .contains("one file per task per partition of event_date");
        assertThat(f.remediation()).contains("Repartition by the partition columns").contains("OPTIMIZE for Delta");
        // 500 files of 512 KB are not thousands: SPK-003's below-target finding instead
        assertThat(only(r, "SPK-003").location().path()).isEqualTo("sql[1]");
    }

    @ParameterizedTest(name = "{0} partitions on 16 cores, AQE {1}: fires {2}")
    @CsvSource({"31, true, true", "32, true, false", "40, true, false", "48, false, false", "49, false, true", "400, true, false", "400, false, true"})
    void spk005_shufflePartitionsNotTwoToThreeTimesTheCores(int partitions, boolean aqe, boolean fires) {
        SparkEventLog l = app("spark.sql.shuffle.partitions", String.valueOf(partitions), "spark.sql.adaptive.enabled", String.valueOf(aqe));
        join(l, 0, "BroadcastHashJoin", GB, MB);
        Report r = run(l.appEnd());
        assertThat(findings(r, "SPK-005")).hasSize(fires ? 1 : 0);
        if (fires) {
            Finding f = only(r, "SPK-005");
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).contains("spark.sql.shuffle.partitions is " + partitions + " for 16 executor cores");
            assertThat(f.remediation()).contains("Set spark.sql.shuffle.partitions to 32-48 (2-3x the cores)");
            assertThat(f.location().path()).isEqualTo("application.spark.sql.shuffle.partitions");
        }
    }

    @Test
    void spk006_executorsOrTasksLostToMemory() {
        SparkEventLog l = app();
        stage(l, 0, 1000, 1000, MB);
        l.executorRemoved("3", "Container killed by YARN for exceeding memory limits. 5.5 GB of 5.5 GB physical memory used.");
        l.stageSubmitted(1, 0, "join at Big.scala:9", 2).taskFailed(1, SparkEventLog.oomFailure())
                .taskFailed(1, SparkEventLog.executorLost("Container killed by YARN for exceeding memory limits")).stageCompleted(1, 0, "join at Big.scala:9", 2);
        Report r = run(l.appEnd());
        Finding f = only(r, "SPK-006");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.message()).contains("ran out of memory: 1 of 1 lost executors and 2 failed tasks were memory failures")
                .contains("Container killed by YARN for exceeding memory limits. N GB of N GB physical memory used.")
                .contains("java.lang.OutOfMemoryError: Java heap space");
        assertThat(f.remediation()).contains("spark.executor.memory=4g").contains("spark.executor.memoryOverhead");
        // an executor released by dynamic allocation is no failure
        SparkEventLog ok = app();
        stage(ok, 0, 1000, 1000, MB);
        ok.executorRemoved("2", "Executor killed by driver.");
        assertThat(findings(run(ok.appEnd()), "SPK-006")).isEmpty();
    }

    @ParameterizedTest(name = "{0} MB spilled to disk fires: {1}")
    @CsvSource({"1023, false", "1024, true", "4096, true"})
    void spk007_stageSpillingToDisk(long spillMb, boolean fires) {
        SparkEventLog l = app();
        l.jobStart(0, null, 0).stageSubmitted(0, 0, "sortBy at Sort.scala:5", 2);
        l.task(0, 5000, GB, 0, 3 * spillMb * MB / 2, spillMb * MB / 2, 0).task(0, 5000, GB, 0, 3 * spillMb * MB / 2, spillMb * MB / 2, 0);
        Report r = run(l.stageCompleted(0, 0, "sortBy at Sort.scala:5", 2).appEnd());
        assertThat(findings(r, "SPK-007")).hasSize(fires ? 1 : 0);
        if (fires) {
            Finding f = only(r, "SPK-007");
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).contains("stage 0 (sortBy at Sort.scala:5) spilled").contains("to disk").contains("over 2 tasks");
            assertThat(f.remediation()).contains("Reduce partition size").contains("spark.executor.memory=4g");
        }
    }

    @Test
    void spk008_writeInARowFormatOrWithoutFastCompression() {
        SparkEventLog l = app();
        write(l, 0, "s3://lake/export, false, CSV, [path=s3://lake/export, header=true], Overwrite, [a]", 8, 800 * MB);
        write(l, 1, "s3://lake/gz, false, [event_date#5], Parquet, [compression=gzip, path=s3://lake/gz], Append, [a]", 8, 800 * MB);
        write(l, 2, "s3://lake/ok, false, [event_date#5], Parquet, [path=s3://lake/ok], Append, [a]", 8, 800 * MB);
        Report r = run(l.appEnd());
        List<Finding> fs = findings(r, "SPK-008");
        assertThat(fs).hasSize(2);
        assertThat(fs.get(0).severity()).isEqualTo(Severity.P3);
        assertThat(fs.get(0).message()).contains("writes s3://lake/export as csv with none compression").contains("a row format is slow to write");
        assertThat(fs.get(1).message()).contains("writes s3://lake/gz as parquet with gzip compression").contains("gzip costs far more CPU");
        assertThat(fs.get(1).remediation()).contains(".option(\"compression\", \"snappy\")");
        // the session's codec counts when the write names none
        SparkEventLog none = app("spark.sql.parquet.compression.codec", "uncompressed");
        write(none, 0, "s3://lake/ok, false, [event_date#5], Parquet, [path=s3://lake/ok], Append, [a]", 8, 800 * MB);
        assertThat(only(run(none.appEnd()), "SPK-008").message()).contains("uncompressed files are larger");
    }

    @ParameterizedTest(name = "{0} MB unpartitioned fires: {1}")
    @CsvSource({"1023, false", "1024, true", "3000, true"})
    void spk009_largeWriteWithoutDatePartitioning(long mb, boolean fires) {
        SparkEventLog l = app();
        write(l, 0, UNPARTITIONED, Math.max(1, mb / 500), mb * MB);
        write(l, 1, PARTITIONED, 6, 3000 * MB);
        Report r = run(l.appEnd());
        assertThat(findings(r, "SPK-009")).hasSize(fires ? 1 : 0);
        if (fires) {
            Finding f = only(r, "SPK-009");
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).contains("writes ").contains("to s3://lake/daily without partitionBy");
            assertThat(f.remediation()).contains(".partitionBy(\"event_date\")");
            assertThat(f.location().path()).isEqualTo("sql[0]");
        }
    }

    @Test
    void spk010_manySmallWritesToOneTable() {
        SparkEventLog l = app();
        for (int i = 0; i < 12; i++) write(l, i, "s3://lake/audit, false, [event_date#5], Parquet, [path=s3://lake/audit], Append, [a]", 1, MB);
        for (int i = 12; i < 17; i++) write(l, i, "s3://lake/other, false, [event_date#5], Parquet, [path=s3://lake/other], Append, [a]", 1, MB);
        Report r = run(l.appEnd());
        Finding f = only(r, "SPK-010");
        assertThat(f.severity()).isEqualTo(Severity.P3);
        assertThat(f.message()).contains("wrote to s3://lake/audit 12 times, 12 MB in all and at most 1.0 MB at once (first in SQL execution 0)");
        assertThat(f.remediation()).contains("Batch the rows and write once");
    }

    /** An execution whose plan aggregates {@code raw.events} through a shuffle, under {@code top}; scanning {@code bytes}. */
    static void aggregate(SparkEventLog l, long exec, String top, boolean cached, long bytes) {
        Op leaf = cached
                ? l.op("InMemoryTableScan", "InMemoryTableScan [kind#3, n#9L]", metrics("number of output rows"))
                : l.op("Scan parquet raw.events", "FileScan parquet raw.events[kind#3,event_date#5] Batched: true, PushedFilters: [IsNotNull(kind)]",
                        metrics("number of output rows", "size of files read"));
        Op sub = cached ? leaf : l.op("HashAggregate", "HashAggregate(keys=[kind#3], functions=[count(1)])", metrics("number of output rows"),
                l.op("Exchange", "Exchange hashpartitioning(kind#3, 40), ENSURE_REQUIREMENTS, [plan_id=" + (30 + exec) + "]", metrics("data size"),
                        l.op("HashAggregate", "HashAggregate(keys=[kind#3], functions=[partial_count(1)])", metrics("number of output rows"),
                                l.op("Filter", "Filter isnotnull(kind#3)", metrics("number of output rows"), leaf))));
        Op root = l.op(top, top + " [kind#" + (40 + exec) + "]", metrics("number of output rows"), sub);
        l.jobStart((int) exec, exec, (int) exec);
        l.sqlStart(exec, top + " at Report.scala:" + exec, root);
        l.stageSubmitted((int) exec, 0, "report at Report.scala:" + exec, 1);
        if (!cached) l.task((int) exec, 1000, bytes, 0, 0, 0, 0, u(leaf.id("size of files read"), bytes));
        l.stageCompleted((int) exec, 0, "report at Report.scala:" + exec, 1);
        l.sqlEnd(exec);
    }

    @Test
    void spk011_sameComputationRunMoreThanOnceWithoutCache() {
        SparkEventLog l = app();
        aggregate(l, 0, "CollectLimit", false, 300 * MB);
        aggregate(l, 1, "Project", false, 300 * MB);
        aggregate(l, 2, "Sort", true, 0);
        Report r = run(l.appEnd());
        Finding f = only(r, "SPK-011");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("The sub-plan HashAggregate over parquet raw.events (with a shuffle) was computed 2 times, in SQL executions 0, 1, without a cache")
                .contains("its scans read 600 MB over those runs");
        assertThat(f.remediation()).contains("df.cache()");
        // an RDD computed by two stages without persist, and a persisted one that is not
        SparkEventLog rdd = app();
        Object[] lines = SparkEventLog.rdd(2, "MapPartitionsRDD", "map at Etl.scala:20", false, 1);
        Object[] source = SparkEventLog.rdd(1, "HadoopRDD", "textFile at Etl.scala:19", false);
        Object[] kept = SparkEventLog.rdd(5, "MapPartitionsRDD", "map at Etl.scala:30", true, 4);
        Object[] keptSource = SparkEventLog.rdd(4, "HadoopRDD", "textFile at Etl.scala:29", false);
        rdd.jobStart(0, null, 0).stageSubmitted(0, 0, "count at Etl.scala:21", 1, lines, source).stageCompleted(0, 0, "count at Etl.scala:21", 1);
        rdd.jobStart(1, null, 1).stageSubmitted(1, 0, "saveAsTextFile at Etl.scala:22", 1, lines, source).stageCompleted(1, 0, "saveAsTextFile at Etl.scala:22", 1);
        rdd.jobStart(2, null, 2).stageSubmitted(2, 0, "count at Etl.scala:31", 1, kept, keptSource).stageCompleted(2, 0, "count at Etl.scala:31", 1);
        rdd.jobStart(3, null, 3).stageSubmitted(3, 0, "count at Etl.scala:32", 1, kept, keptSource).stageCompleted(3, 0, "count at Etl.scala:32", 1);
        Finding rf = only(run(rdd.appEnd()), "SPK-011");
        assertThat(rf.message()).contains("RDD 2 (MapPartitionsRDD at map at Etl.scala:20) was computed 2 times, in stages 0, 1, without a cache");
    }

    /** A Filter above a sort-merge join, reading {@code condition}; {@code in} rows reach it, {@code out} are kept. */
    static void lateFilter(SparkEventLog l, long exec, String condition, long in, long out) {
        Op left = l.op("Scan parquet sales.orders", "FileScan parquet sales.orders[order_id#1L,customer_id#2L,status#4] Batched: true",
                metrics("number of output rows", "size of files read"));
        Op right = l.op("Scan parquet sales.customers", "FileScan parquet sales.customers[id#7L,region#8] Batched: true",
                metrics("number of output rows", "size of files read"));
        Op smj = l.op("SortMergeJoin", "SortMergeJoin [customer_id#2L], [id#7L], Inner", metrics("number of output rows"),
                l.op("Sort", "Sort [customer_id#2L ASC NULLS FIRST], false, 0", metrics(),
                        l.op("Exchange", "Exchange hashpartitioning(customer_id#2L, 40)", metrics("data size"), left)),
                l.op("Sort", "Sort [id#7L ASC NULLS FIRST], false, 0", metrics(),
                        l.op("Exchange", "Exchange hashpartitioning(id#7L, 40)", metrics("data size"), right)));
        Op filter = l.op("Filter", "Filter " + condition, metrics("number of output rows"), smj);
        Op root = l.op("WholeStageCodegen (3)", "WholeStageCodegen (3)", metrics(), filter);
        l.jobStart((int) exec, exec, (int) exec);
        l.sqlStart(exec, "count at Orders.scala:" + exec, root);
        l.stageSubmitted((int) exec, 0, "count at Orders.scala:" + exec, 1);
        l.task((int) exec, 1000, GB, 0, 0, 0, 0, u(smj.id("number of output rows"), in), u(filter.id("number of output rows"), out));
        l.stageCompleted((int) exec, 0, "count at Orders.scala:" + exec, 1);
        l.sqlEnd(exec);
    }

    @Test
    void spk012_filterRunningAfterAShuffleOrJoinItCouldPrecede() {
        SparkEventLog l = app();
        lateFilter(l, 0, "(status#4 = cancelled)", 1_000_000, 5_000);
        lateFilter(l, 1, "(status#4 = cancelled)", 1_000_000, 500_000);
        lateFilter(l, 2, "(amount#3 > region_limit#8)", 1_000_000, 5_000);
        Report r = run(l.appEnd());
        Finding f = only(r, "SPK-012");
        assertThat(f.severity()).isEqualTo(Severity.P3);
        assertThat(f.message()).contains("SQL execution 0").contains("filters ((status = cancelled)) only after a SortMergeJoin")
                .contains("1000000 rows went through it and 5000 (0.5%) were kept");
        assertThat(f.remediation()).contains("Filter early").contains("UDF");
    }

    @Test
    void spk013_adaptiveQueryExecutionOff() {
        SparkEventLog off = app("spark.sql.adaptive.enabled", "false");
        join(off, 0, "BroadcastHashJoin", GB, MB);
        Finding f = only(run(off.appEnd()), "SPK-013");
        assertThat(f.severity()).isEqualTo(Severity.P3);
        assertThat(f.message()).contains("ran 1 SQL executions with adaptive query execution off (Spark 3.5.1)");
        assertThat(f.remediation()).contains("spark.sql.adaptive.enabled=true");
        SparkEventLog on = app();
        join(on, 0, "BroadcastHashJoin", GB, MB);
        assertThat(findings(run(on.appEnd()), "SPK-013")).isEmpty();
        // Spark 3.1 had it off by default: no explicit setting still counts as off
        SparkEventLog old = SparkEventLog.app("3.1.3", "legacy", Map.of("spark.master", "yarn", "spark.sql.shuffle.partitions", "40"), 4, 4);
        join(old, 0, "BroadcastHashJoin", GB, MB);
        assertThat(findings(run(old.appEnd()), "SPK-013")).hasSize(1);
    }

    @Test
    void spk014_coresUnknown() {
        SparkEventLog l = SparkEventLog.app("3.5.1", "orders_daily", props(), 0, 0);
        join(l, 0, "BroadcastHashJoin", GB, MB);
        Report r = run(l.appEnd());
        List<Recommendation> n = notes(r, "SPK-014");
        assertThat(n).hasSize(1);
        assertThat(n.get(0).topic()).isEqualTo("optimize.knowledge");
        assertThat(n.get(0).rationale()).contains("SPK-005 (shuffle partitions 2-3x the cores) could not run").contains("the master is 'yarn'");
        SparkEventLog local = SparkEventLog.app("3.5.1", "orders_daily", props("spark.master", "local[8]"), 0, 0);
        join(local, 0, "BroadcastHashJoin", GB, MB);
        assertThat(notes(run(local.appEnd()), "SPK-014")).isEmpty();
    }

    @Test
    void spk015_noSqlExecutionsInTheLog() {
        Report r = run(stage(app(), 0, 1000, 1000, MB).appEnd());
        List<Recommendation> n = notes(r, "SPK-015");
        assertThat(n).hasSize(1);
        assertThat(n.get(0).rationale()).contains("holds no SQL execution (RDD code only)");
        SparkEventLog sql = app();
        join(sql, 0, "BroadcastHashJoin", GB, MB);
        assertThat(notes(run(sql.appEnd()), "SPK-015")).isEmpty();
    }

    @Test
    void spk016_writeThatIgnoresThePipelineSpecsPartitionKey() {
        OptimizeSupport o = new OptimizeSupport(dir);
        Path spec = o.write("orders_daily.yaml", """
                pipeline:
                  name: "orders_daily"
                  owner: "data-platform"
                  schedule: "0 2 * * *"
                  sla_minutes: 60
                  tier: 2
                  extract:
                    source_system: "s3://raw/orders"
                    strategy: "incremental"
                    incremental_key: "updated_at"
                    watermark_storage: "s3://state/orders"
                  transform:
                    engine: "Spark"
                    stages: [{name: "clean", operations: ["dedupe"]}]
                  load:
                    target_system: "s3 delta"
                    strategy: "partition-swap"
                    partition_key: "event_date"
                  quality_gates: {pre_load: ["row count"], post_load: ["row count"]}
                  error_handling: {strategy: "retry", max_retries: 3, retry_delay_seconds: 300, alert_channels: ["#data"]}
                """);
        SparkEventLog l = app();
        write(l, 0, UNPARTITIONED, 4, 800 * MB);
        write(l, 1, PARTITIONED, 4, 800 * MB);
        Path log = l.appEnd().write(dir.resolve("app-orders"));
        Report r;
        try {
            r = dev.dece.rules.support.TestDece.DECE.optimize(List.of(), o.eventLog(log).options().withPipelines(List.of(spec)));
        } catch (dev.dece.core.input.InputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        Finding f = only(r, "SPK-016");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("SQL execution 0").contains("writes s3://lake/daily without partitionBy, but the pipeline spec orders_daily partitions its load by event_date");
        assertThat(f.remediation()).contains(".partitionBy(\"event_date\")");
    }
}
