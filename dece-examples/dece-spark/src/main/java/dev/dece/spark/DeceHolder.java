package dev.dece.spark;

import dev.dece.core.Dece;
import dev.dece.core.input.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One {@link Dece} per JVM (an executor, or the driver in local mode), built on first use from the policy text the
 * driver broadcast: a Drools rule base cannot be serialised, so only the policy's YAML travels and each JVM compiles
 * the rules once. A different policy text builds a new instance (a later job in the same JVM). Thread-safe: Spark
 * runs several tasks of one executor at once and they share the instance, which is itself thread-safe.
 */
final class DeceHolder {
    private DeceHolder() {}

    private static String policyText;
    private static Dece dece;

    /** The instance for this policy text ({@code ""}: the methodology's defaults). */
    static synchronized Dece get(String policy) {
        if (dece != null && policy.equals(policyText)) return dece;
        try {
            Dece.Builder b = Dece.builder();
            if (!policy.isEmpty()) {
                Path f = Files.createTempFile("dece-policy", ".yaml");
                f.toFile().deleteOnExit();
                Files.writeString(f, policy, StandardCharsets.UTF_8);
                b.policyFile(f);
            }
            dece = b.build();
            policyText = policy;
            return dece;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InputException e) {
            // the driver validated the same text before broadcasting it; failing here is a programmer error
            throw new IllegalStateException("policy refused on an executor: " + e.getMessage(), e);
        }
    }
}
