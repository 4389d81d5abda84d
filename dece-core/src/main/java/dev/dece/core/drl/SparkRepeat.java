package dev.dece.core.drl;

import java.util.List;

/**
 * The same computation run more than once in one Spark application without being cached: a sub-plan (with a shuffle)
 * that several SQL executions recompute, or an RDD that several stages compute again.
 *
 * @param kind        {@code plan} or {@code rdd}
 * @param description the sub-plan's top operator and the tables it scans, or the RDD's name and call site
 * @param times       how many executions (or stages) computed it
 * @param where       those SQL execution ids (or stage ids), at most the first 10, ascending
 * @param bytesRead   bytes its scans read over all those runs; -1 when not measured
 */
public record SparkRepeat(String kind, String description, int times, List<Long> where, long bytesRead) {
    public SparkRepeat {
        where = List.copyOf(where);
    }

    /** {@code "SQL executions 2, 3 and 5"} or {@code "stages 4, 9"}. */
    public String whereText() {
        StringBuilder sb = new StringBuilder(kind.equals("plan") ? "SQL executions " : "stages ");
        for (int i = 0; i < where.size(); i++) sb.append(i == 0 ? "" : ", ").append(where.get(i));
        if (times > where.size()) sb.append(" and ").append(times - where.size()).append(" more");
        return sb.toString();
    }
}
