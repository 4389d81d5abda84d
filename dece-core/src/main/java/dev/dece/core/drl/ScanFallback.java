package dev.dece.core.drl;

import java.util.List;

/**
 * A one-scan query of a table's checks failed (a missing column, a timeout) and its checks ran one by one
 * instead, so each got its own result; a fact for the rule that says so (QLT-013), since the run then cost
 * more queries than planned.
 *
 * @param first  the scan's first check, where the finding points
 * @param checks the IDs of the scan's checks, in contract order
 * @param reason what the database said, shortened as check errors are
 */
public record ScanFallback(Check first, String table, List<String> checks, String reason) implements Located {

    public ScanFallback {
        checks = List.copyOf(checks);
    }

    @Override
    public Node node() {
        return first.node();
    }

    @Override
    public String subject() {
        return table;
    }
}
