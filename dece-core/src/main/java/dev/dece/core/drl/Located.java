package dev.dece.core.drl;

import dev.dece.core.report.Evidence;

/**
 * A fact that came from a place in an input document. Rules cite the value that fired them with
 * {@link #evidence(String)} and locate a finding on the right line with {@link #node(String)}.
 *
 * <pre>
 * $c : Consumer( latency == Latency.REAL_TIME )
 * ...
 * insert(Emit.finding(kcontext, $c.node("latency_requirement"), "...", "...", $c.evidence("latency_requirement")));
 * </pre>
 */
public interface Located {

    /** The YAML node this fact was bound from. */
    Node node();

    /** The child node under {@code key} (a missing node when absent, still located at its parent). */
    default Node node(String key) {
        return node().get(key);
    }

    /** Evidence for the child under {@code key}: its path and value as written. */
    default Evidence evidence(String key) {
        return Nodes.evidence(node(key));
    }

    /** Evidence for this fact's own node. */
    default Evidence evidence() {
        return Nodes.evidence(node());
    }

    /**
     * What findings about this fact are about, e.g. a pipeline's name or a check's ID; {@code null} when
     * the fact has no name of its own. Reports carry it so waivers, baselines and typed outcomes can
     * refer to the thing rather than to a line.
     */
    default String subject() {
        return null;
    }
}
