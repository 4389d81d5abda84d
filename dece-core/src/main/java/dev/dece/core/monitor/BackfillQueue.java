package dev.dece.core.monitor;

import dev.dece.core.doc.Binder;
import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.doc.Suggest;
import dev.dece.core.drl.Node;
import dev.dece.core.input.InputException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a backfill queue: DECE's small YAML list of backfill requests, in the terms of the Backfill Protocol (Phase 8):
 * the scope (pipeline, tables, an exact date range), why, who asked and when, and where it stands.
 *
 * <pre>
 * backfill_queue:
 *   - id: bf-101                        # optional; default backfill_queue[i]
 *     pipeline: orders_daily            # required; a pipeline of the logs or the specs
 *     tables: [fct_orders]
 *     date_range: {start: 2026-02-01, end: 2026-02-07}   # required, start &lt;= end
 *     reason: "late POS uploads"
 *     requested_by: finance
 *     requested_at: 2026-03-01T09:00:00Z
 *     status: pending                   # required: pending | running | done | cancelled
 * </pre>
 *
 * Only {@code pending} requests count in the dashboard's Backfill Queue row.
 */
final class BackfillQueue {
    private BackfillQueue() {}

    static final List<String> TOP = List.of("backfill_queue");
    static final List<String> KEYS = List.of("id", "pipeline", "tables", "date_range", "reason", "requested_by", "requested_at", "status");
    static final List<String> RANGE = List.of("start", "end");
    static final List<String> STATUSES = List.of("pending", "running", "done", "cancelled");

    /** One request. */
    record Request(String id, String pipeline, String status, String start, String end, Node node) {}

    /**
     * @param known the pipelines of the logs and specs; a request for any other is a problem (with a did-you-mean)
     * @return the requests by pipeline, in file order
     */
    static Map<String, List<Request>> read(DocumentLoader loader, Path file, Collection<String> known) throws InputException {
        List<Node> docs = loader.load(file);
        Binder b = new Binder();
        Map<String, List<Request>> out = new TreeMap<>();
        if (docs.size() > 1) b.problem(docs.get(1), "the file holds " + docs.size() + " documents; a backfill queue is one document");
        Node root = docs.get(0);
        if (!root.isMap()) {
            b.problem(root, "expected a mapping with the key \"backfill_queue\" (a list of requests)");
            b.throwIfProblems();
        }
        Binder.Obj top = b.object(root, TOP);
        Node list = top.get("backfill_queue");
        if (list.isAbsent()) b.problem(list, "is required: a list of requests {pipeline, date_range, status, ...}; an empty queue is []");
        else if (!list.isList()) b.problem(list, "expected a list of requests, found " + (list.isMap() ? "a mapping" : "\"" + list.display() + "\""));
        int i = 0;
        for (Node n : list.isList() ? list.items() : List.<Node>of()) {
            Binder.Obj o = b.object(n, KEYS);
            if (!n.isMap()) {
                b.problem(n, "expected a request {pipeline, date_range, status, ...}");
                i++;
                continue;
            }
            String id = o.string("id");
            if (id == null || id.isBlank()) id = "backfill_queue[" + i + "]";
            String pipeline = o.requiredString("pipeline", "the pipeline to backfill");
            if (pipeline != null && !pipeline.isBlank() && !known.contains(pipeline)) {
                String near = Suggest.closest(pipeline, known);
                b.problem(n.get("pipeline"), "\"" + pipeline + "\" is not a pipeline of the logs or the specs"
                        + (near != null ? "; did you mean \"" + near + "\"?" : "")
                        + (known.isEmpty() ? "" : " Pipelines: " + String.join(", ", known.stream().sorted().limit(20).toList())));
                pipeline = null;
            }
            o.strings("tables");
            Node range = n.get("date_range");
            Binder.Obj r = b.object(range, RANGE);
            String start = null;
            String end = null;
            if (range.isAbsent()) {
                b.problem(range, "is required: the exact date range {start, end} (Backfill Protocol: scope)");
            } else if (range.isMap()) {
                start = date(b, r, "start");
                end = date(b, r, "end");
                if (start != null && end != null && start.compareTo(end) > 0) {
                    b.problem(range.get("end"), "\"" + end + "\" is before start \"" + start + "\"; a date range ends on or after its start");
                }
            }
            o.string("reason");
            o.string("requested_by");
            String at = o.string("requested_at");
            if (at != null && !at.isBlank()) {
                try {
                    Times.parse(at);
                } catch (IllegalArgumentException e) {
                    b.problem(n.get("requested_at"), e.getMessage());
                }
            }
            String status = o.requiredString("status", "pending, running, done or cancelled");
            if (status != null && !status.isBlank() && !STATUSES.contains(status.strip().toLowerCase(Locale.ROOT))) {
                String near = Suggest.closest(status, STATUSES);
                b.problem(n.get("status"), "\"" + status + "\" is not a request status; use pending, running, done or cancelled"
                        + (near != null ? " (did you mean \"" + near + "\"?)" : ""));
                status = null;
            }
            if (pipeline != null && status != null && start != null && end != null) {
                out.computeIfAbsent(pipeline, k -> new ArrayList<>()).add(new Request(id, pipeline, status.strip().toLowerCase(Locale.ROOT), start, end, n));
            }
            i++;
        }
        b.throwIfProblems();
        return out;
    }

    private static String date(Binder b, Binder.Obj r, String key) {
        Node n = r.get(key);
        String s = r.string(key);
        if (n.isAbsent()) {
            b.problem(n, "is required: a date, e.g. 2026-02-01");
            return null;
        }
        if (s == null) return null;
        try {
            return LocalDate.parse(s.strip()).toString();
        } catch (DateTimeParseException e) {
            b.problem(n, "\"" + s + "\" is not a date; write YYYY-MM-DD, e.g. 2026-02-01");
            return null;
        }
    }
}
