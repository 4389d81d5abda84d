package dev.dece.core.drl;

/**
 * A Filter of a SQL execution's final plan that runs above a shuffle, a join, an aggregate or a window although it
 * reads only columns that exist below it (so it could have run before), with what it measured.
 *
 * @param condition the condition, expression ids removed
 * @param above     the operator it sits above: {@code Exchange}, {@code SortMergeJoin}, {@code HashAggregate}, {@code Window}...
 * @param rowsIn    rows that reached it
 * @param rowsOut   rows it kept
 */
public record SparkLateFilter(String condition, String above, long rowsIn, long rowsOut) {
    /** The share of rows it kept, in percent; 100 when nothing reached it. */
    public double keptPercent() {
        return rowsIn <= 0 ? 100 : 100.0 * rowsOut / rowsIn;
    }
}
