package dev.dece.core.drl;

import java.util.List;

/** data_consumers[].latency_requirement: how fresh a consumer needs the data. */
public enum Latency implements Spelled {
    REAL_TIME("real-time (<1s)", "real-time", "realtime", "<1s"),
    NEAR_REAL_TIME("near-real-time (<5min)", "near-real-time", "near real time", "nrt", "<5min"),
    BATCH("batch (hourly+)", "batch", "hourly+", "hourly", "daily");

    private final List<String> spellings;

    Latency(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
