package dev.dece.flink;

import dev.dece.core.Dece;
import dev.dece.core.input.InputException;
import dev.dece.core.monitor.MonitorOptions;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.Instant;
import java.util.Map;

/**
 * Reads each raw record with DECE's monitor readers ({@link Dece#runTimes}: the same parsers as {@code dece monitor},
 * one record at a time) and emits it once per pipeline its runs belong to, with that pipeline's latest run time as
 * its event time. A record DECE cannot use is not dropped in silence: its located problems go to {@link #REFUSED}.
 * Needs no rule base.
 */
final class Keying extends ProcessFunction<RunEvent, RunEvent> {

    static final OutputTag<String> REFUSED = new OutputTag<>("refused") {};

    @Override
    public void processElement(RunEvent raw, Context ctx, Collector<RunEvent> out) {
        try {
            Map<String, Instant> times = Dece.runTimes(Map.of(raw.name, raw.text), MonitorOptions.defaults());
            if (times.isEmpty()) {
                ctx.output(REFUSED, Alerts.refused(raw.name, "holds no run of any pipeline"));
                return;
            }
            for (Map.Entry<String, Instant> e : times.entrySet()) {
                out.collect(new RunEvent(e.getKey(), e.getValue().toEpochMilli(), raw.name, raw.text));
            }
        } catch (InputException e) {
            ctx.output(REFUSED, Alerts.refused(raw.name, e.getMessage()));
        }
    }
}
