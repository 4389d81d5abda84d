package dev.dece.core.drl;

import java.util.List;
import java.util.Locale;

/**
 * A Feature Store spec (Phase 11 > Feature Store Pattern), the methodology's {@code feature_store} template: the entity,
 * its key, and how the features are served. {@code online_store} is a DECE extension: the store online serving reads
 * from (the template's comment names Redis/DynamoDB).
 *
 * @param entity             {@code entity}
 * @param entityKey          {@code entity_key}
 * @param online             {@code serving.online}, null when not written
 * @param offline            {@code serving.offline} (batch retrieval for training), null when not written
 * @param pointInTimeCorrect {@code serving.point_in_time_correct}, null when not written
 * @param onlineStore        {@code serving.online_store}, null when not written
 */
public record FeatureStore(Node node, String entity, String entityKey, Boolean online, Boolean offline, Boolean pointInTimeCorrect,
                           String onlineStore) implements Located {

    /** Stores that serve single-key reads in milliseconds. */
    public static final List<String> LOW_LATENCY = List.of("redis", "dynamodb", "cassandra", "scylladb", "bigtable", "aerospike",
            "memorystore", "elasticache", "cosmosdb", "feast-redis");

    /** True when {@code online_store} names a low-latency key-value store. */
    public boolean lowLatencyStore() {
        if (onlineStore == null) return false;
        String s = onlineStore.strip().toLowerCase(Locale.ROOT);
        for (String l : LOW_LATENCY) if (s.equals(l) || s.startsWith(l + " ") || s.startsWith(l + "-")) return true;
        return false;
    }

    @Override
    public String subject() {
        return "feature_store:" + entity;
    }
}
