package dev.dece.core.drl;

/**
 * One join of a SQL execution's final physical plan (after adaptive execution changed it).
 *
 * @param operator  {@code SortMergeJoin}, {@code ShuffledHashJoin}, {@code BroadcastHashJoin}, {@code BroadcastNestedLoopJoin}
 *                  or {@code CartesianProduct}
 * @param joinType  {@code Inner}, {@code LeftOuter}, ...
 * @param keys      the join keys, expression ids removed: {@code customer_id = id}
 * @param leftBytes  bytes the left side shuffled (its exchange's data size) or scanned; -1 when not measured
 * @param rightBytes the same for the right side
 * @param skewJoin  true when adaptive execution split skewed partitions of this join
 */
public record SparkJoin(String operator, String joinType, String keys, long leftBytes, long rightBytes, boolean skewJoin) {

    /** True for joins that shuffle both sides. */
    public boolean shuffled() {
        return operator.equals("SortMergeJoin") || operator.equals("ShuffledHashJoin");
    }

    /** The smaller measured side's bytes; -1 when neither is measured. */
    public long smallerBytes() {
        if (leftBytes < 0) return rightBytes;
        if (rightBytes < 0) return leftBytes;
        return Math.min(leftBytes, rightBytes);
    }

    /** {@code "right"} or {@code "left"}: the side {@link #smallerBytes()} is. */
    public String smallerSide() {
        return leftBytes >= 0 && (rightBytes < 0 || leftBytes < rightBytes) ? "left" : "right";
    }

    /** The smaller side in MB; -1 when not measured, so a threshold comparison is false. */
    public double smallerMb() {
        long b = smallerBytes();
        return b < 0 ? Double.MAX_VALUE : b / 1048576.0;
    }
}
