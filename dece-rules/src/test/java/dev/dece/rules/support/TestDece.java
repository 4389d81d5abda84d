package dev.dece.rules.support;

import dev.dece.core.Dece;
import dev.dece.core.input.InputException;

/** One engine for all rule tests, built once, as a real user would share it. */
public final class TestDece {
    private TestDece() {}

    public static final Dece DECE = build();

    private static Dece build() {
        try {
            return Dece.builder().build();
        } catch (InputException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
