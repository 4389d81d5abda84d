package dev.dece.core.policy;

import dev.dece.core.drl.Format;
import dev.dece.core.policy.PolicyKey;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/policy.md must list every policy key with its current default. */
class PolicyDocTest {

    @Test
    void everyPolicyKeyIsDocumentedWithItsDefault() throws Exception {
        String doc = Files.readString(Path.of("../docs/policy.md"));
        for (PolicyKey k : PolicyKey.values()) {
            assertThat(doc).as("docs/policy.md row for " + k.key())
                    .contains("| `" + k.key() + "` | " + Format.number(k.defaultValue()) + " |");
        }
    }
}
