package dev.dece.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The migrate command on the bundled estate, as a user runs it. */
class MigrateCommandTest {

    @Test
    void theBundledEstateGetsAPlanInLineageOrder() {
        CliRun r = CliRun.dece("migrate", "--from", "redshift", "--to", "snowflake", "--catalog", "catalog/entries",
                "--contract", "catalog/contracts/orders.contract.yaml");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ARTIFACT migration-plan: migration-plan.md").contains("ARTIFACT migration-sql: migration-validation.new.snowflake.sql")
                .contains("## 5. Rollback");
        CliRun pg = CliRun.dece("migrate", "--from", "redshift", "--to", "postgresql", "--catalog", "catalog/entries",
                "--brief", "briefs/retail-batch.yaml", "--fail-on", "P1");
        assertThat(pg.code()).isEqualTo(1);
        assertThat(pg.out()).contains("MIG-001");
        CliRun same = CliRun.dece("migrate", "--from", "redshift", "--to", "redshift", "--catalog", "catalog/entries");
        assertThat(same.code()).isEqualTo(2);
        assertThat(same.err()).isEqualTo("dece: --to: \"redshift\" is the system migrated from; name the new system\n");
    }
}
