package dev.dece.rules.support;

import dev.dece.core.input.InputException;
import dev.dece.core.quality.QualityOptions;
import dev.dece.core.report.Report;
import dev.dece.core.sql.Dialect;
import dev.dece.rules.support.TestDece;

/** Real contract YAML for rule tests: a clean Data Contract Template that each test bends one way. */
public final class Contracts {
    private Contracts() {}

    /** A contract no CON rule fires on. */
    public static final String CLEAN = """
            contract:
              name: fct_orders
              version: 1.0.0
              owner: orders-team
              consumers: [finance]
              sla:
                freshness_hours: 24
                availability_percent: 99.9
                support_hours: business-hours
              pipeline_schedule: "0 6 * * *"
              schema:
                - column: order_id
                  type: bigint
                  nullable: false
                  primary_key: true
                  pii: false
                  checks:
                    - type: not_null
                    - type: unique
                - column: loaded_at
                  type: timestamp
                  nullable: false
                  checks:
                    - type: not_null
                    - type: freshness
              breaking_change_policy: notify-30-days
              notification_channel: "#orders"
            """;

    /** {@link #CLEAN} with {@code from} replaced by {@code to}; fails when {@code from} is not there. */
    public static String clean(String from, String to) {
        if (!CLEAN.contains(from)) throw new IllegalArgumentException("not in the clean contract: " + from);
        return CLEAN.replace(from, to);
    }

    /** A column block to append under schema. */
    public static String withColumn(String column) {
        return CLEAN.replace("  breaking_change_policy:", column.stripTrailing() + "\n  breaking_change_policy:");
    }

    public static Report review(String yaml) {
        try {
            return TestDece.DECE.quality("contract.yaml", yaml, QualityOptions.generate(Dialect.DUCKDB));
        } catch (InputException e) {
            throw new AssertionError("test contract is invalid:\n" + e.getMessage() + "\n---\n" + yaml, e);
        }
    }
}
