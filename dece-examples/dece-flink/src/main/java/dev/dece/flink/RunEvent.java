package dev.dece.flink;

/**
 * One run-log record for one pipeline, as the job keeps it: a Flink POJO (public fields, no-argument constructor) so
 * state and network use Flink's own serialiser. {@code name} says where the record came from
 * ({@code topic-partition@offset}), {@code time} is its event time (epoch milliseconds, the latest time its runs show),
 * {@code text} is the record as it was read.
 */
public class RunEvent {
    public String pipeline;
    public long time;
    public String name;
    public String text;

    public RunEvent() {}

    public RunEvent(String pipeline, long time, String name, String text) {
        this.pipeline = pipeline;
        this.time = time;
        this.name = name;
        this.text = text;
    }

    @Override
    public String toString() {
        return pipeline + "@" + time + " " + name;
    }
}
