package dev.dece.core.engine;

import dev.dece.core.Evidence;
import dev.dece.core.doc.Node;

/**
 * A fact that came from a place in an input document. Rules use {@link #ev(String)} to cite the value
 * that fired them and {@link #at(String)} to locate a finding on the right line.
 */
public interface Located {

    /** The YAML node this fact was bound from. */
    Node node();

    /** The child node under {@code key} (a missing node when absent, still located at its parent). */
    default Node at(String key) {
        return node().get(key);
    }

    /** Evidence for the child under {@code key}: its path and value as written. */
    default Evidence ev(String key) {
        return Evidence.of(at(key));
    }

    /** Evidence for this fact's own node. */
    default Evidence ev() {
        return Evidence.of(node());
    }
}
