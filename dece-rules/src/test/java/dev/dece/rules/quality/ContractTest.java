package dev.dece.rules.quality;

import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.Contracts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dece.rules.support.Contracts.clean;
import static dev.dece.rules.support.Contracts.review;
import static dev.dece.rules.support.Contracts.withColumn;
import static dev.dece.rules.support.Results.findings;
import static dev.dece.rules.support.Results.fired;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Contract.drl: a contract that triggers it and a near miss that must not. */
class ContractTest {

    @Test
    void cleanContractHasNoFindings() {
        assertThat(review(Contracts.CLEAN).findings()).isEmpty();
    }

    @Test
    void con001_ownerRequired() {
        List<Finding> hit = findings(review(clean("  owner: orders-team\n", "  owner: \"\"\n")), "CON-001");
        assertThat(hit).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.topic()).isEqualTo("contract.owner");
            assertThat(f.message()).contains("names no owner");
            assertThat(f.location().path()).isEqualTo("contract.owner");
            assertThat(f.location().line()).isEqualTo(4);
        });
        assertThat(fired(review(Contracts.CLEAN), "CON-001")).isFalse();
    }

    @Test
    void con002_consumersListed() {
        Finding f = findings(review(clean("consumers: [finance]", "consumers: []")), "CON-002").get(0);
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("lists no consumers");
        assertThat(fired(review(Contracts.CLEAN), "CON-002")).isFalse();
    }

    @Test
    void con003_semanticVersion() {
        Finding f = findings(review(clean("version: 1.0.0", "version: \"v2\"")), "CON-003").get(0);
        assertThat(f.message()).contains("\"v2\" is not semantic");
        assertThat(f.location().line()).isEqualTo(3);
        assertThat(fired(review(clean("version: 1.0.0", "version: v2.1.0")), "CON-003")).isFalse();
    }

    @Test
    void con004_freshnessSla() {
        Report hit = review(clean("    freshness_hours: 24\n", "").replace("        - type: freshness\n", ""));
        assertThat(findings(hit, "CON-004")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.location().path()).isEqualTo("contract.sla.freshness_hours");
        });
        assertThat(fired(review(Contracts.CLEAN), "CON-004")).isFalse();
    }

    @Test
    void con005_breakingChangePolicy() {
        Finding f = findings(review(clean("  breaking_change_policy: notify-30-days\n", "")), "CON-005").get(0);
        assertThat(f.message()).contains("no breaking-change policy");
        assertThat(fired(review(clean("notify-30-days", "never-break")), "CON-005")).isFalse();
    }

    @Test
    void con006_notificationChannel() {
        Finding f = findings(review(clean("  notification_channel: \"#orders\"\n", "")), "CON-006").get(0);
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.remediation()).contains("notification_channel");
        assertThat(fired(review(Contracts.CLEAN), "CON-006")).isFalse();
    }

    @Test
    void con007_piiNamedColumnFlagged() {
        Report hit = review(withColumn("""
                    - column: customer_email
                      type: varchar
                      pii: false
                """));
        assertThat(findings(hit, "CON-007")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("fct_orders.customer_email holds personal data (email, by the name's token \"email\")");
            assertThat(f.remediation()).contains("classification: confidential");
            assertThat(f.location().path()).isEqualTo("contract.schema[2].column");
        });
        Report miss = review(withColumn("""
                    - column: customer_email
                      type: varchar
                      pii: true
                      classification: confidential
                """));
        assertThat(fired(miss, "CON-007")).isFalse();
        assertThat(fired(review(withColumn("    - column: emailed_count\n      type: int\n")), "CON-007")).isFalse();
    }

    @Test
    void con007_gluedNamesAndRestrictedLevels() {
        // glued words are split against the PII dictionary, and the level follows Phase 6
        assertThat(findings(review(withColumn("    - column: nationalidnumber\n      type: varchar\n")), "CON-007")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).contains("national id, by the glued name \"nationalidnumber\" read as \"national\" + \"id\"");
                    assertThat(f.remediation()).contains("classification: restricted");
                });
        // a sequence number of an address is not personal data
        assertThat(fired(review(withColumn("    - column: address_seq\n      type: int\n")), "CON-007")).isFalse();
    }

    @Test
    void con014_restrictedDataClassifiedRestricted() {
        Report hit = review(withColumn("    - column: password_hash\n      type: varchar\n      pii: true\n      classification: confidential\n"));
        assertThat(findings(hit, "CON-014")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(dev.dece.core.report.Severity.P2);
            assertThat(f.message()).contains("holds password (by the name's tokens \"password\" + \"hash\"), which Phase 6 classifies Restricted");
            assertThat(f.location().path()).isEqualTo("contract.schema[2].classification");
        });
        Report miss = review(withColumn("    - column: password_hash\n      type: varchar\n      pii: true\n      classification: restricted\n"));
        assertThat(fired(miss, "CON-014")).isFalse();
        Report email = review(withColumn("    - column: email\n      type: varchar\n      pii: true\n      classification: confidential\n"));
        assertThat(fired(email, "CON-014")).isFalse();
    }

    @Test
    void con008_piiColumnClassified() {
        Report hit = review(withColumn("    - column: phone\n      type: varchar\n      pii: true\n"));
        assertThat(findings(hit, "CON-008")).singleElement().satisfies(f -> assertThat(f.message()).contains("has no classification"));
        Report miss = review(withColumn("    - column: phone\n      type: varchar\n      pii: true\n      classification: restricted\n"));
        assertThat(fired(miss, "CON-008")).isFalse();
    }

    @Test
    void con009_piiAtLeastConfidential() {
        Report hit = review(withColumn("    - column: phone\n      type: varchar\n      pii: true\n      classification: internal\n"));
        assertThat(findings(hit, "CON-009")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("classified internal").contains("Confidential at least");
            assertThat(f.location().path()).isEqualTo("contract.schema[2].classification");
        });
        Report miss = review(withColumn("    - column: phone\n      type: varchar\n      pii: true\n      classification: confidential\n"));
        assertThat(fired(miss, "CON-009")).isFalse();
    }

    @Test
    void con010_primaryKey() {
        Report hit = review(clean("      primary_key: true\n", "").replace("        - type: unique\n", ""));
        assertThat(findings(hit, "CON-010")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("Table fct_orders has no primary key");
            assertThat(f.severity()).isEqualTo(Severity.P1);
        });
        // a non-nullable column with a unique check is a key too
        assertThat(fired(review(clean("      primary_key: true\n", "")), "CON-010")).isFalse();
    }

    @Test
    void con011_nonNullableColumnHasCompletenessCheck() {
        Report hit = review(withColumn("    - column: order_status\n      type: varchar\n      nullable: false\n"));
        assertThat(findings(hit, "CON-011")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("fct_orders.order_status is declared not nullable but no not_null check");
            assertThat(f.location().path()).isEqualTo("contract.schema[2].nullable");
        });
        Report miss = review(withColumn("    - column: order_status\n      type: varchar\n      nullable: false\n      checks: [{type: not_null}]\n"));
        assertThat(fired(miss, "CON-011")).isFalse();
    }

    @Test
    void con012_freshnessFitsSchedule() {
        // daily pipeline (24 h between runs) cannot meet a 6 h freshness promise
        Report hit = review(clean("freshness_hours: 24", "freshness_hours: 6"));
        assertThat(findings(hit, "CON-012")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("at most 6 h old").contains("only every 24 h (0 6 * * *)");
            assertThat(f.evidence()).extracting(e -> e.path()).contains("contract.pipeline_schedule");
        });
        Report miss = review(clean("freshness_hours: 24", "freshness_hours: 6").replace("\"0 6 * * *\"", "\"0 */4 * * *\""));
        assertThat(fired(miss, "CON-012")).isFalse();
    }

    @Test
    void con013_freshnessSlaMeasured() {
        Report hit = review(clean("        - type: freshness\n", ""));
        assertThat(findings(hit, "CON-013")).singleElement().satisfies(f -> assertThat(f.message()).contains("no freshness check measures it"));
        assertThat(fired(review(Contracts.CLEAN), "CON-013")).isFalse();
    }

    static final String FK = """
            apiVersion: v3.1.0
            kind: DataContract
            id: lines
            name: lines
            version: 1.0.0
            status: active
            schema:
              - name: orders
                properties:
                  - name: order_id
                    physicalType: bigint
                    primaryKey: true
              - name: order_lines
                properties:
                  - name: line_id
                    physicalType: bigint
                    primaryKey: true
                  - name: order_id
                    physicalType: bigint
                    relationships:
                      - type: foreignKey
                        to: TARGET
            """;

    @Test
    void con015_foreignKeyNamesAnExistingColumn() {
        Report hit = review(FK.replace("TARGET", "orders.id"));
        assertThat(findings(hit, "CON-015")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("Check order_lines.order_id.referential names orders.id, but table orders in this contract has no column id");
            assertThat(f.location().path()).isEqualTo("schema[1].properties[1].relationships[0]");
            assertThat(f.location().line()).isEqualTo(21);
        });
        Report miss = review(FK.replace("TARGET", "orders.order_id"));
        assertThat(fired(miss, "CON-015")).isFalse();
        assertThat(fired(miss, "CON-016")).isFalse();
    }

    @Test
    void con016_foreignKeyIntoATableOutsideTheContract() {
        Report hit = review(FK.replace("TARGET", "dim_customers.customer_id"));
        assertThat(findings(hit, "CON-016")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("references dim_customers, which this contract does not describe");
        });
        assertThat(fired(hit, "CON-015")).isFalse();
        assertThat(fired(review(FK.replace("TARGET", "orders.order_id")), "CON-016")).isFalse();
    }

    @Test
    void con017_partNotCheckedIsNamed() {
        String custom = FK.replace("TARGET", "orders.order_id").replace("    properties:\n      - name: line_id",
                "    quality:\n      - {type: custom, engine: soda, implementation: \"row_count > 0\"}\n    properties:\n      - name: line_id");
        Report hit = review(custom);
        assertThat(findings(hit, "CON-017")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).isEqualTo("Not checked: custom check for engine soda.");
            assertThat(f.location().path()).isEqualTo("schema[1].quality[0]");
        });
        assertThat(fired(review(FK.replace("TARGET", "orders.order_id")), "CON-017")).isFalse();
    }

    @Test
    void con018_contractConformsToItsStandard() {
        Report hit = review(FK.replace("TARGET", "orders.order_id").replace("status: active\n", "").replace("name: orders\n", "name: orders\n    description:\n"));
        assertThat(findings(hit, "CON-018")).extracting(Finding::message).containsExactly(
                "The contract departs from the ODCS schema: status is required by the ODCS schema.",
                "The contract departs from the ODCS schema: description is null, which the ODCS schema does not allow.");
        assertThat(findings(hit, "CON-018")).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.P2));
        assertThat(fired(review(FK.replace("TARGET", "orders.order_id")), "CON-018")).isFalse();
    }

    @Test
    void odcsContractMapsOntoTheSameRules() {
        String odcs = """
                apiVersion: v3.0.2
                kind: DataContract
                id: orders
                name: orders
                version: 1.0.0
                status: active
                schema:
                  - name: orders
                    physicalName: fct_orders
                    properties:
                      - name: order_id
                        physicalType: bigint
                        primaryKey: true
                      - name: email
                        physicalType: varchar
                        classification: public
                        tags: [pii]
                """;
        Report r = review(odcs);
        assertThat(findings(r, "CON-001")).singleElement().satisfies(f -> assertThat(f.location().path()).isEqualTo("team"));
        assertThat(fired(r, "CON-005")).isTrue();
        assertThat(findings(r, "CON-009")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("fct_orders.email").contains("classified public");
            assertThat(f.location().line()).isEqualTo(16);
        });
        // primaryKey: true derives not_null and unique, so no CON-010 / CON-011
        assertThat(fired(r, "CON-010")).isFalse();
        assertThat(fired(r, "CON-011")).isFalse();
    }
}
