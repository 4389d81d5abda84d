package dev.dece.core.quality;

import dev.dece.core.contract.BoundContract;
import dev.dece.core.policy.Policy;
import dev.dece.core.sql.Dialect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated SQL of every check kind, per dialect, against reviewed golden files under
 * src/test/resources/quality/golden/DIALECT/. To accept a deliberate change, run with
 * {@code -Dgolden.update=true} and review the diff.
 */
class GoldenSqlTest {

    static final BoundContract C = Fixtures.contract("all-checks.yaml");

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void sqlMatchesTheGoldenFiles(Dialect d) throws IOException {
        List<SqlCheck> checks = QualitySql.generate(C, d, Policy.defaults());
        Path dir = Path.of("src/test/resources/quality/golden", d.label());
        boolean update = Boolean.getBoolean("golden.update");
        if (update) Files.createDirectories(dir);
        for (SqlCheck c : checks) {
            Path file = dir.resolve(c.fileName());
            if (update) {
                Files.writeString(file, c.file(), StandardCharsets.UTF_8);
                continue;
            }
            assertThat(file).as("golden file for " + c.check().id()).exists();
            assertThat(c.file()).as(file.toString()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.count()).as("no stale golden files in " + dir).isEqualTo(checks.size());
        }
    }
}
