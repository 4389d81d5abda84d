package dev.dece.flink;

import dev.dece.core.Dece;
import dev.dece.core.input.InputException;
import dev.dece.core.monitor.MonitorOptions;
import dev.dece.core.report.Report;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One pipeline's monitoring, keyed by pipeline name. Keyed state holds the pipeline's run records of the retention
 * (the dashboard's 7-day window, the lateness and the idle ticks: what its runtimes, volumes, last successful load and
 * recent failures are computed from), the alerts open, and the latest tick that has data. A record registers the
 * event-time timer of its tick plus the allowed lateness; when the watermark passes it, the tick is final and DECE's
 * monitor and triage rules run on the records up to it ({@code Dece.monitor} with "now" = the tick), with the policy
 * and team rules in force at that tick (broadcast state), and the differences to the alerts open are written. A
 * record that comes after its tick was evaluated (the methodology's late-arriving data) is kept for the later ticks and
 * reported {@code late} with the first tick to reprocess; the late count is the {@code lateRecords} metric. A quiet
 * pipeline keeps being evaluated for {@code idleTicks} ticks after its last record, so staleness is seen.
 */
final class MonitorFunction extends KeyedBroadcastProcessFunction<String, RunEvent, Control, String> {

    static final MapStateDescriptor<Long, Control> CONTROLS = new MapStateDescriptor<>("controls", Types.LONG, Types.POJO(Control.class));

    private final long interval;
    private final long lateness;
    private final long retention;
    private final int idleTicks;

    private transient ListState<RunEvent> records;
    private transient MapState<String, String> open;
    private transient ValueState<Long> lastDataTick;
    private transient ValueState<Long> lastEvaluated;
    private transient DeceSlot slot;
    private transient Counter late;
    private transient Counter evaluations;

    MonitorFunction(long interval, long lateness, long retention, int idleTicks) {
        this.interval = interval;
        this.lateness = lateness;
        this.retention = retention;
        this.idleTicks = idleTicks;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        records = getRuntimeContext().getListState(new ListStateDescriptor<>("records", Types.POJO(RunEvent.class)));
        open = getRuntimeContext().getMapState(new MapStateDescriptor<>("open-alerts", Types.STRING, Types.STRING));
        lastDataTick = getRuntimeContext().getState(new ValueStateDescriptor<>("last-data-tick", Types.LONG));
        lastEvaluated = getRuntimeContext().getState(new ValueStateDescriptor<>("last-evaluated", Types.LONG));
        slot = new DeceSlot();
        slot.get("", ""); // the default rule base, compiled once for this slot before the first record
        late = getRuntimeContext().getMetricGroup().counter("lateRecords");
        evaluations = getRuntimeContext().getMetricGroup().counter("evaluations");
    }

    long tick(long t) {
        return Math.floorDiv(t + interval - 1, interval) * interval;
    }

    @Override
    public void processElement(RunEvent e, ReadOnlyContext ctx, Collector<String> out) throws Exception {
        records.add(e);
        long tick = tick(e.time);
        Long done = lastEvaluated.value();
        if (done != null && tick <= done) {
            late.inc();
            out.collect(Alerts.late(e, tick));
            ctx.timerService().registerEventTimeTimer(done + interval + lateness);
        } else {
            ctx.timerService().registerEventTimeTimer(tick + lateness);
        }
        Long last = lastDataTick.value();
        if (last == null || tick > last) lastDataTick.update(tick);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
        long asOf = timestamp - lateness;
        Long done = lastEvaluated.value();
        if (done != null && asOf <= done) return;
        List<RunEvent> kept = new ArrayList<>();
        List<RunEvent> upTo = new ArrayList<>();
        for (RunEvent r : records.get()) {
            if (r.time < asOf - retention) continue;
            kept.add(r);
            if (r.time <= asOf) upTo.add(r);
        }
        records.update(kept);
        lastEvaluated.update(asOf);
        if (!upTo.isEmpty()) evaluate(ctx.getCurrentKey(), asOf, upTo, ctx.getBroadcastState(CONTROLS), out);
        Long last = lastDataTick.value();
        long next = asOf + interval;
        if (!kept.isEmpty() && last != null && next <= last + (long) idleTicks * interval) {
            ctx.timerService().registerEventTimeTimer(next + lateness);
        }
    }

    private void evaluate(String pipeline, long asOf, List<RunEvent> upTo, ReadOnlyBroadcastState<Long, Control> controls,
                          Collector<String> out) throws Exception {
        Control c = null;
        for (Map.Entry<Long, Control> e : controls.immutableEntries()) {
            if (e.getKey() <= asOf && (c == null || e.getKey() > c.effectiveFrom)) c = e.getValue();
        }
        upTo.sort(Comparator.comparingLong((RunEvent r) -> r.time).thenComparing(r -> r.name));
        Map<String, String> logs = new LinkedHashMap<>();
        for (RunEvent r : upTo) logs.put(r.name, r.text);
        Map<String, Map<String, Object>> now;
        try {
            Dece dece = slot.get(c == null ? "" : c.policy, c == null ? "" : c.rules);
            Report report = dece.monitor(logs, MonitorOptions.defaults().withAsOf(Instant.ofEpochMilli(asOf)));
            evaluations.inc();
            now = Alerts.current(pipeline, asOf, report.findings(), dece.policy());
        } catch (InputException e) {
            out.collect(Alerts.refused(pipeline + "@" + Instant.ofEpochMilli(asOf), e.getMessage()));
            return;
        }
        Map<String, String> before = new TreeMap<>();
        for (Map.Entry<String, String> e : open.entries()) before.put(e.getKey(), e.getValue());
        for (Map.Entry<String, Map<String, Object>> e : now.entrySet()) {
            String was = before.get(e.getKey());
            String json = Alerts.json(e.getValue());
            if (was == null) out.collect(Alerts.event("raised", e.getValue()));
            else if (!Alerts.fingerprint(Alerts.parse(was)).equals(Alerts.fingerprint(e.getValue()))) out.collect(Alerts.event("changed", e.getValue()));
            open.put(e.getKey(), json);
        }
        for (Map.Entry<String, String> e : before.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                out.collect(Alerts.resolved(Alerts.parse(e.getValue()), asOf));
                open.remove(e.getKey());
            }
        }
    }

    @Override
    public void processBroadcastElement(Control c, Context ctx, Collector<String> out) throws Exception {
        ctx.getBroadcastState(CONTROLS).put(c.effectiveFrom, c);
    }
}
