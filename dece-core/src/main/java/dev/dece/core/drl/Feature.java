package dev.dece.core.drl;

/**
 * One feature of a {@link FeatureStore} spec, field names as the {@code feature_store} template writes them, with two
 * figures DECE derives: {@code freshnessHours} (the refresh interval {@code freshness} names: real-time 0, hourly 1,
 * daily 24, weekly 168, or a duration such as {@code 6h}, {@code 15m}) and {@code sourceKind}, what the audited folder
 * says {@code source} is ({@code batch}: a dbt model, a contract's table or a pipeline on a cron schedule of at most
 * hourly runs; {@code null}: unknown).
 */
public record Feature(Node node, String store, String name, String description, String type, String source, String computation,
                      String freshness, Double freshnessHours, Double ttlHours, String sourceKind) implements Located {

    public Feature withSourceKind(String kind) {
        return new Feature(node, store, name, description, type, source, computation, freshness, freshnessHours, ttlHours, kind);
    }

    @Override
    public String subject() {
        return store + "." + name;
    }
}
