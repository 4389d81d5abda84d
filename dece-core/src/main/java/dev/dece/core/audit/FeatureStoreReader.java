package dev.dece.core.audit;

import dev.dece.core.doc.Binder;
import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.drl.Feature;
import dev.dece.core.drl.FeatureStore;
import dev.dece.core.drl.Node;
import dev.dece.core.input.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the methodology's {@code feature_store} template (Phase 11 > Feature Store Pattern); every problem located. */
final class FeatureStoreReader {
    private FeatureStoreReader() {}

    static final List<String> TOP = List.of("feature_store");
    static final List<String> STORE = List.of("entity", "entity_key", "features", "serving");
    static final List<String> FEATURE = List.of("name", "description", "type", "source", "computation", "freshness", "ttl_hours");
    static final List<String> SERVING = List.of("online", "offline", "point_in_time_correct", "online_store");
    static final List<String> COMPUTATIONS = List.of("batch", "streaming", "on-demand");

    record Bound(FeatureStore store, List<Feature> features) {}

    private static final Pattern DURATION = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(h|hours?|m|min|minutes?|d|days?)\\s*");

    static Bound read(DocumentLoader loader, Path file) throws InputException {
        List<Node> docs = loader.load(file);
        Binder b = new Binder();
        if (docs.size() > 1) b.problem(docs.get(1), "the file holds " + docs.size() + " documents; a feature store spec is one");
        Binder.Obj top = b.object(docs.get(0), TOP);
        Node n = top.get("feature_store");
        if (n.isAbsent()) {
            b.problem(n, "is required: the feature store (" + String.join(", ", STORE) + ")");
            b.throwIfProblems();
        }
        Binder.Obj o = b.object(n, STORE);
        String entity = o.requiredString("entity", "the entity the features describe, e.g. customer");
        String key = o.requiredString("entity_key", "the entity's key column, e.g. customer_id");
        Binder.Obj s = b.object(o.get("serving"), SERVING);
        FeatureStore store = new FeatureStore(n, entity, key, s.bool("online"), s.bool("offline"), s.bool("point_in_time_correct"),
                Binder.blankToNull(s.string("online_store")));
        List<Feature> features = new ArrayList<>();
        for (Node f : o.list("features")) {
            Binder.Obj fo = b.object(f, FEATURE);
            String name = fo.requiredString("name", "the feature's name");
            String comp = fo.string("computation");
            if (comp != null && !COMPUTATIONS.contains(comp.strip().toLowerCase(Locale.ROOT))) {
                b.problem(fo.get("computation"), "\"" + comp + "\" is not a computation; use batch, streaming or on-demand");
                comp = null;
            }
            String freshness = fo.string("freshness");
            Double hours = freshness == null ? null : hours(freshness);
            if (freshness != null && hours == null) {
                b.problem(fo.get("freshness"), "\"" + freshness + "\" is not a freshness; use real-time, hourly, daily, weekly or a duration such as 6h or 15m");
            }
            features.add(new Feature(f, entity == null ? "" : entity, name, fo.string("description"), fo.string("type"), Binder.blankToNull(fo.string("source")),
                    comp == null ? null : comp.strip().toLowerCase(Locale.ROOT), freshness, hours, fo.number("ttl_hours", 0, "hours"), null));
        }
        b.throwIfProblems();
        return new Bound(store, features);
    }

    /** The refresh interval a freshness names, in hours; null when it names none. */
    static Double hours(String freshness) {
        String f = freshness.strip().toLowerCase(Locale.ROOT);
        switch (f) {
            case "real-time", "realtime", "streaming" -> { return 0.0; }
            case "hourly" -> { return 1.0; }
            case "daily" -> { return 24.0; }
            case "weekly" -> { return 168.0; }
            default -> { }
        }
        Matcher m = DURATION.matcher(f);
        if (!m.matches()) return null;
        double v = Double.parseDouble(m.group(1));
        char u = m.group(2).charAt(0);
        return u == 'h' ? v : u == 'd' ? v * 24 : v / 60;
    }
}
