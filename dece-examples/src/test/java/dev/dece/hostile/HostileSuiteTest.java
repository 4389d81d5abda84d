package dev.dece.hostile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every case of the hostile suite holds against this build of the command line (see HostileSuite). */
class HostileSuiteTest {

    @Test
    void everyHostileCaseHolds(@TempDir Path dir) throws Exception {
        HostileSuite s = new HostileSuite(dir, System.getProperty("java.class.path"));
        assertThat(s.cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(s.cases.stream().map(HostileSuite.Case::command).distinct())
                .contains("assess", "pipeline", "model", "lint", "quality", "schema-change", "rules", "monitor", "triage", "optimize", "catalog", "backfill", "recovery", "migrate", "audit");
        List<String> broken = new ArrayList<>();
        for (HostileSuite.Case c : s.cases) {
            String why = s.verdict(c, s.run(c));
            if (why != null) broken.add(c.command() + ": " + c.name() + ": " + why);
        }
        assertThat(broken).isEmpty();
    }
}
