package dev.dece.core.drl;

import java.util.List;

/**
 * An enum constant that users may write in several ways. The first spelling is the methodology's own
 * and is what error messages list as allowed. Matching ignores case, surrounding blanks, and treats
 * {@code _}, {@code -} and spaces alike.
 */
public interface Spelled {
    /** Accepted spellings, the methodology's canonical one first; never empty. */
    List<String> spellings();

    default String label() {
        return spellings().get(0);
    }
}
