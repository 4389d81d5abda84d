package dev.dece.flink;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * DECE's streaming monitoring on Flink: run events from Kafka in, alert changes to Kafka out, exactly once.
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
 * env.enableCheckpointing(10_000);
 * MonitorJob.build(env, MonitorJob.Settings.of("kafka:9092"));
 * env.execute("dece-monitor");
 * }</pre>
 *
 * <p>Topology: events source -> {@code Keying} (DECE's readers: pipelines and event time of each record; refused
 * records to the side) -> watermarks (bounded out-of-orderness) -> keyBy pipeline -> {@code MonitorFunction}
 * connected to the broadcast control stream -> transactional Kafka sink (with refused records). The sink commits on
 * checkpoints: readers of the alerts topic use {@code isolation.level=read_committed}.
 */
public final class MonitorJob {
    private MonitorJob() {}

    /**
     * The job's settings.
     *
     * @param bootstrap       Kafka bootstrap servers
     * @param events          topic of run events (one record per log line, OpenLineage event or dbt artifact)
     * @param control         topic of control records ({@link Control})
     * @param alerts          topic the alerts, late and refused records are written to
     * @param groupId         consumer group of the sources
     * @param transactionalId prefix of the sink's transactional IDs; unique per job on the cluster
     * @param interval        event time between two evaluations of a pipeline (a tick); default 1 h
     * @param outOfOrder      bounded out-of-orderness of the watermark; default 5 min
     * @param lateness        allowed lateness: a tick is evaluated when the watermark passes tick + lateness; default 1 h
     * @param retention       how far back records are kept; at least the dashboard window; default 8 days
     * @param idleTicks       ticks a pipeline is still evaluated after its last record; default 24
     * @param idleness        a source split without records this long stops holding the watermark; null: never
     * @param bounded         stop at the topics' end offsets at start (replays, tests); false: run forever
     */
    public record Settings(String bootstrap, String events, String control, String alerts, String groupId, String transactionalId,
                           Duration interval, Duration outOfOrder, Duration lateness, Duration retention, int idleTicks,
                           Duration idleness, boolean bounded) {
        public Settings {
            Objects.requireNonNull(bootstrap, "bootstrap");
            if (interval.isZero() || interval.isNegative()) throw new IllegalArgumentException("interval must be positive: " + interval);
            if (idleTicks < 0) throw new IllegalArgumentException("idleTicks must be 0 or more: " + idleTicks);
        }

        /** Topics {@code dece-run-events}, {@code dece-control}, {@code dece-alerts}, and the defaults above. */
        public static Settings of(String bootstrap) {
            return new Settings(bootstrap, "dece-run-events", "dece-control", "dece-alerts", "dece-monitor", "dece-monitor",
                    Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(8), 24, Duration.ofMinutes(1), false);
        }

        public Settings withTopics(String events, String control, String alerts) {
            return new Settings(bootstrap, events, control, alerts, groupId, transactionalId, interval, outOfOrder, lateness, retention, idleTicks, idleness, bounded);
        }

        public Settings withIds(String group, String transactional) {
            return new Settings(bootstrap, events, control, alerts, group, transactional, interval, outOfOrder, lateness, retention, idleTicks, idleness, bounded);
        }

        public Settings withTime(Duration interval, Duration outOfOrder, Duration lateness, Duration retention, int idleTicks, Duration idleness) {
            return new Settings(bootstrap, events, control, alerts, groupId, transactionalId, interval, outOfOrder, lateness, retention, idleTicks, idleness, bounded);
        }

        public Settings withBounded(boolean b) {
            return new Settings(bootstrap, events, control, alerts, groupId, transactionalId, interval, outOfOrder, lateness, retention, idleTicks, idleness, b);
        }
    }

    /** Builds the job on {@code env}; the caller enables checkpointing (the sink commits on checkpoints) and executes. */
    public static void build(StreamExecutionEnvironment env, Settings s) {
        build(env, s, null);
    }

    /**
     * {@link #build(StreamExecutionEnvironment, Settings)} with {@code probe} applied to every keyed record before the
     * monitor (a test's fault injection, a benchmark's counter); null for none.
     */
    public static void build(StreamExecutionEnvironment env, Settings s, MapFunction<RunEvent, RunEvent> probe) {
        KafkaSource<RunEvent> events = source(s, s.events());
        KafkaSource<RunEvent> controls = source(s, s.control());

        SingleOutputStreamOperator<RunEvent> keyed = env.fromSource(events, WatermarkStrategy.noWatermarks(), "run-events")
                .uid("run-events").process(new Keying()).uid("keying").name("read-and-key");
        DataStream<RunEvent> stream = probe == null ? keyed : keyed.map(probe).uid("probe").name("probe");
        WatermarkStrategy<RunEvent> ws = WatermarkStrategy.<RunEvent>forBoundedOutOfOrderness(s.outOfOrder())
                .withTimestampAssigner((e, ts) -> e.time);
        if (s.idleness() != null) ws = ws.withIdleness(s.idleness());
        stream = stream.assignTimestampsAndWatermarks(ws).uid("watermarks");

        WatermarkStrategy<Control> cws = WatermarkStrategy.<Control>forMonotonousTimestamps().withTimestampAssigner((c, ts) -> c.effectiveFrom);
        if (s.idleness() != null) cws = cws.withIdleness(s.idleness());
        SingleOutputStreamOperator<Control> parsed = env.fromSource(controls, WatermarkStrategy.noWatermarks(), "control")
                .uid("control").setParallelism(1)
                .process(new ParseControl()).uid("parse-control").setParallelism(1);
        BroadcastStream<Control> broadcast = parsed.assignTimestampsAndWatermarks(cws).uid("control-watermarks").setParallelism(1)
                .broadcast(MonitorFunction.CONTROLS);

        DataStream<String> out = stream.keyBy(e -> e.pipeline).connect(broadcast)
                .process(new MonitorFunction(s.interval().toMillis(), s.lateness().toMillis(), s.retention().toMillis(), s.idleTicks()))
                .uid("monitor").name("dece-monitor")
                .union(keyed.getSideOutput(Keying.REFUSED), parsed.getSideOutput(ParseControl.REFUSED));

        KafkaSink<String> sink = KafkaSink.<String>builder()
                .setBootstrapServers(s.bootstrap())
                .setRecordSerializer(KafkaRecordSerializationSchema.builder().setTopic(s.alerts())
                        .setValueSerializationSchema(new SimpleStringSchema()).build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(s.transactionalId())
                // below the broker's transaction.max.timeout.ms (15 min by default), above the checkpoint interval
                .setProperty("transaction.timeout.ms", "600000")
                .build();
        out.sinkTo(sink).uid("alerts").name("alerts");
    }

    private static KafkaSource<RunEvent> source(Settings s, String topic) {
        var b = KafkaSource.<RunEvent>builder().setBootstrapServers(s.bootstrap()).setTopics(topic).setGroupId(s.groupId())
                .setStartingOffsets(OffsetsInitializer.earliest()).setDeserializer(new Records())
                .setProperty("isolation.level", "read_committed");
        if (s.bounded()) b.setBounded(OffsetsInitializer.latest());
        return b.build();
    }

    /** A Kafka record as a {@link RunEvent} without pipeline: its value, named {@code topic-partition@offset}. */
    static final class Records implements KafkaRecordDeserializationSchema<RunEvent> {
        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> r, Collector<RunEvent> out) {
            String text = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
            out.collect(new RunEvent(null, r.timestamp(), r.topic() + "-" + r.partition() + "@" + r.offset(), text));
        }

        @Override
        public TypeInformation<RunEvent> getProducedType() {
            return TypeInformation.of(RunEvent.class);
        }
    }

    /** Parses control records; a bad one is refused (written as such), never applied. */
    static final class ParseControl extends ProcessFunction<RunEvent, Control> {
        static final OutputTag<String> REFUSED = new OutputTag<>("refused-control") {};

        @Override
        public void processElement(RunEvent raw, Context ctx, Collector<Control> out) {
            try {
                out.collect(Control.parse(raw.name, raw.text));
            } catch (IllegalArgumentException e) {
                ctx.output(REFUSED, Alerts.refused(raw.name, e.getMessage()));
            }
        }
    }

    /**
     * {@code flink run -c dev.dece.flink.MonitorJob dece-flink.jar --bootstrap HOST:PORT [--events T] [--control T]
     * [--alerts T] [--group G] [--transactional-id P] [--interval ISO-DURATION] [--lateness D] [--checkpoint-ms N]}.
     */
    public static void main(String[] args) throws Exception {
        String bootstrap = null, events = "dece-run-events", control = "dece-control", alerts = "dece-alerts", group = "dece-monitor", tx = "dece-monitor";
        Duration interval = Duration.ofHours(1), lateness = Duration.ofHours(1);
        long checkpoint = 60_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--bootstrap" -> bootstrap = v;
                case "--events" -> events = v;
                case "--control" -> control = v;
                case "--alerts" -> alerts = v;
                case "--group" -> group = v;
                case "--transactional-id" -> tx = v;
                case "--interval" -> interval = Duration.parse(v);
                case "--lateness" -> lateness = Duration.parse(v);
                case "--checkpoint-ms" -> checkpoint = Long.parseLong(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see docs/scale-out.md");
            }
        }
        if (bootstrap == null) throw new IllegalArgumentException("--bootstrap HOST:PORT is required");
        Settings d = Settings.of(bootstrap);
        Settings s = d.withTopics(events, control, alerts).withIds(group, tx)
                .withTime(interval, d.outOfOrder(), lateness, d.retention(), d.idleTicks(), d.idleness());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(checkpoint);
        build(env, s);
        env.execute("dece-monitor");
    }
}
