package dev.dece.flink;

import dev.dece.core.Dece;
import dev.dece.core.input.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@link Dece} of one task slot: created in the operator's {@code open()}, so each parallel instance compiles the
 * rules once and never ships a rule base (Drools cannot serialise one). It keeps the instance of the policy and team
 * rules in force and builds a new one only when a control record changes them; the instance it replaces is left to the
 * garbage collector. Used by one task thread; not thread-safe.
 */
final class DeceSlot {
    private String policy;
    private String rules;
    private Dece dece;

    /** The instance for these texts ({@code ""}: defaults, no team rules). */
    Dece get(String policy, String rules) throws InputException {
        if (dece != null && policy.equals(this.policy) && rules.equals(this.rules)) return dece;
        try {
            Dece.Builder b = Dece.builder();
            if (!policy.isEmpty()) b.policyFile(temp("dece-policy", ".yaml", policy));
            if (!rules.isEmpty()) b.addRules(temp("dece-rules", ".drl", rules));
            Dece built = b.build();
            this.dece = built;
            this.policy = policy;
            this.rules = rules;
            return built;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temp(String prefix, String suffix, String text) throws IOException {
        Path f = Files.createTempFile(prefix, suffix);
        f.toFile().deleteOnExit();
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }
}
