package dev.dece.rules.schemachange;

import dev.dece.core.input.InputException;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.TestDece;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dece.rules.support.Results.choices;
import static dev.dece.rules.support.Results.findings;
import static dev.dece.rules.support.Results.fired;
import static dev.dece.rules.support.Results.rec;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of SchemaChange.drl: an old and a new contract that trigger it, and a near miss. */
class SchemaChangeTest {

    static final String T = "schema-change.compatibility";

    /** A bare column list. */
    static String cols(String... lines) {
        StringBuilder sb = new StringBuilder("table: orders\ncolumns:\n");
        for (String l : lines) sb.append("  - ").append(l).append('\n');
        return sb.toString();
    }

    /** A Data Contract Template with a version, policy and consumers. */
    static String contract(String version, String policy, String consumers, String... columns) {
        StringBuilder sb = new StringBuilder("contract:\n  name: orders\n  version: " + version + "\n  owner: team\n  consumers: "
                + consumers + "\n  sla: {freshness_hours: 24}\n  schema:\n");
        for (String c : columns) sb.append("    - ").append(c.replace("{name: ", "{column: ")).append('\n');
        if (policy != null) sb.append("  breaking_change_policy: ").append(policy).append('\n');
        sb.append("  notification_channel: \"#orders\"\n");
        return sb.toString();
    }

    static Report diff(String before, String after) {
        try {
            return TestDece.DECE.schemaChange("old.yaml", before, "new.yaml", after);
        } catch (InputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static final String ID = "{name: id, type: bigint, nullable: false}";
    static final String AMOUNT = "{name: amount, type: \"decimal(12,2)\"}";

    @Test
    void sch001_nullableColumnAdded() {
        Report hit = diff(cols(ID), cols(ID, "{name: note, type: varchar}"));
        assertThat(findings(hit, "SCH-001")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).contains("Additive change: column orders.note");
            assertThat(f.location().file()).isEqualTo("new.yaml");
            assertThat(f.location().line()).isEqualTo(4);
        });
        assertThat(fired(diff(cols(ID), cols(ID)), "SCH-001")).isFalse();
    }

    @Test
    void sch002_requiredColumnAdded() {
        Report hit = diff(cols(ID), cols(ID, "{name: note, type: varchar, nullable: false}"));
        assertThat(findings(hit, "SCH-002")).singleElement().satisfies(f -> assertThat(f.message()).contains("not forward compatible"));
        assertThat(choices(hit, T)).containsExactly("backward");
        assertThat(fired(diff(cols(ID), cols(ID, "{name: note, type: varchar}")), "SCH-002")).isFalse();
    }

    @Test
    void sch003_columnRemoved() {
        Report hit = diff(cols(ID, AMOUNT), cols(ID));
        assertThat(findings(hit, "SCH-003")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P0);
            assertThat(f.message()).contains("Column orders.amount (decimal(12,2)) was removed");
            assertThat(f.location().file()).isEqualTo("old.yaml");
        });
        assertThat(choices(hit, T)).containsExactly("forward");
        assertThat(fired(diff(cols(ID, AMOUNT), cols(ID, AMOUNT)), "SCH-003")).isFalse();
    }

    @Test
    void sch004_renameDetectedWithEvidence() {
        Report hit = diff(cols(ID, "{name: cust_id, type: bigint}"), cols(ID, "{name: customer_id, type: bigint}"));
        assertThat(findings(hit, "SCH-004")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("orders.cust_id looks renamed to customer_id")
                    .contains("same type bigint, same position 2, name similarity 1.00");
            assertThat(f.remediation()).contains("Map cust_id -> customer_id");
        });
        assertThat(fired(hit, "SCH-003")).isFalse();
        assertThat(choices(hit, T)).containsExactly("none");
        // a different type is not a rename: a removal plus an addition
        Report miss = diff(cols(ID, "{name: cust_id, type: bigint}"), cols(ID, "{name: customer_id, type: varchar}"));
        assertThat(fired(miss, "SCH-004")).isFalse();
        assertThat(fired(miss, "SCH-003")).isTrue();
    }

    @Test
    void sch005_typeWidened() {
        Report hit = diff(cols(ID, "{name: qty, type: int}"), cols(ID, "{name: qty, type: bigint}"));
        assertThat(findings(hit, "SCH-005")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("widened from int to bigint").contains("every int value fits bigint");
            assertThat(f.severity()).isEqualTo(Severity.P2);
        });
        assertThat(choices(hit, T)).containsExactly("forward");
        assertThat(fired(diff(cols(ID, "{name: qty, type: int}"), cols(ID, "{name: qty, type: INT}")), "SCH-005")).isFalse();
    }

    @Test
    void sch006_typeNarrowed() {
        Report hit = diff(cols(ID, "{name: code, type: varchar(50)}"), cols(ID, "{name: code, type: varchar(10)}"));
        assertThat(findings(hit, "SCH-006")).singleElement().satisfies(f -> assertThat(f.message()).contains("narrowed from varchar(50) to varchar(10)"));
        assertThat(choices(hit, T)).containsExactly("backward");
        assertThat(fired(diff(cols(ID, "{name: code, type: varchar(10)}"), cols(ID, "{name: code, type: varchar(50)}")), "SCH-006")).isFalse();
    }

    @Test
    void sch007_typeChangedIncompatibly() {
        Report hit = diff(cols(ID, "{name: day, type: date}"), cols(ID, "{name: day, type: int}"));
        assertThat(findings(hit, "SCH-007")).singleElement().satisfies(f -> assertThat(f.message()).contains("changed from date to int")
                .contains("neither date nor int holds the other's values"));
        assertThat(choices(hit, T)).containsExactly("none");
        // a string that becomes a number breaks the code on both sides, whichever values convert
        assertThat(findings(diff(cols(ID, "{name: code, type: varchar}"), cols(ID, "{name: code, type: int}")), "SCH-007")).hasSize(1);
        // a wider integer is a widening, not an incompatible change
        assertThat(fired(diff(cols(ID, "{name: qty, type: int}"), cols(ID, "{name: qty, type: bigint}")), "SCH-007")).isFalse();
    }

    @Test
    void sch008_columnBecameNullable() {
        Report hit = diff(cols(ID, "{name: st, type: varchar, nullable: false}"), cols(ID, "{name: st, type: varchar, nullable: true}"));
        assertThat(findings(hit, "SCH-008")).singleElement().satisfies(f -> assertThat(f.message()).contains("from not null to nullable"));
        assertThat(fired(diff(cols(ID, "{name: st, type: varchar, nullable: false}"), cols(ID, "{name: st, type: varchar, nullable: false}")), "SCH-008")).isFalse();
    }

    @Test
    void sch009_columnBecameNotNullable() {
        Report hit = diff(cols(ID, "{name: st, type: varchar}"), cols(ID, "{name: st, type: varchar, nullable: false}"));
        assertThat(findings(hit, "SCH-009")).singleElement().satisfies(f -> assertThat(f.remediation()).contains("Backfill the NULLs"));
        assertThat(fired(diff(cols(ID, "{name: st, type: varchar}"), cols(ID, "{name: st, type: varchar}")), "SCH-009")).isFalse();
    }

    @Test
    void sch010_enumValuesRemoved() {
        Report hit = diff(cols(ID, "{name: st, type: varchar, values: [new, paid, void]}"), cols(ID, "{name: st, type: varchar, values: [new, paid]}"));
        assertThat(findings(hit, "SCH-010")).singleElement().satisfies(f -> assertThat(f.message()).contains("removed: void"));
        Report miss = diff(cols(ID, "{name: st, type: varchar, values: [new, paid]}"), cols(ID, "{name: st, type: varchar, values: [new, paid, void]}"));
        assertThat(fired(miss, "SCH-010")).isFalse();
    }

    @Test
    void sch011_enumValuesAdded() {
        Report hit = diff(cols(ID, "{name: st, type: varchar, values: [new, paid]}"), cols(ID, "{name: st, type: varchar, values: [new, paid, void]}"));
        assertThat(findings(hit, "SCH-011")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("added: void");
            assertThat(f.severity()).isEqualTo(Severity.P3);
        });
        assertThat(fired(diff(cols(ID, "{name: st, type: varchar, values: [new, paid]}"), cols(ID, "{name: st, type: varchar, values: [paid, new]}")), "SCH-011")).isFalse();
    }

    @Test
    void sch012_piiFlagChanged() {
        Report hit = diff(cols(ID, "{name: email, type: varchar, pii: true, classification: confidential}"), cols(ID, "{name: email, type: varchar, pii: false}"));
        assertThat(findings(hit, "SCH-012")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("no longer flagged PII").contains("true (confidential) -> false");
            assertThat(f.severity()).isEqualTo(Severity.P1);
        });
        Report added = diff(cols(ID, "{name: email, type: varchar}"), cols(ID, "{name: email, type: varchar, pii: true}"));
        assertThat(findings(added, "SCH-012")).singleElement().satisfies(f -> assertThat(f.message()).contains("newly flagged PII"));
        assertThat(fired(diff(cols(ID, "{name: email, type: varchar, pii: true}"), cols(ID, "{name: email, type: text, pii: true}")), "SCH-012")).isFalse();
    }

    /** The type-change matrix of docs/quality.md, row by row: old type, new type, change kind, deploy mode. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> {1}: {2}, {3}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "int            | bigint         | SCH-005 | forward",   // widening numeric: old readers may overflow
            "smallint       | int            | SCH-005 | forward",
            "int            | decimal(12,2)  | SCH-005 | forward",
            "int            | double         | SCH-005 | forward",
            "decimal(10,2)  | decimal(12,2)  | SCH-005 | forward",   // precision up, scale kept
            "decimal(12,2)  | decimal(12,4)  | SCH-007 | none",      // scale up, integer digits down
            "varchar(10)    | varchar(50)    | SCH-005 | forward",
            "varchar(10)    | text           | SCH-005 | forward",
            "date           | timestamp      | SCH-005 | forward",
            "bigint         | int            | SCH-006 | backward",  // narrowing: old values may not fit
            "decimal(12,2)  | decimal(10,2)  | SCH-006 | backward",
            "varchar(50)    | varchar(10)    | SCH-006 | backward",
            "timestamp      | date           | SCH-006 | backward",
            "double         | int            | SCH-006 | backward",
            "varchar        | int            | SCH-007 | none",      // string <-> number
            "int            | varchar        | SCH-007 | none",
            "varchar        | date           | SCH-007 | none",      // string <-> date
            "date           | varchar        | SCH-007 | none",
            "boolean        | varchar        | SCH-007 | none",
            "boolean        | int            | SCH-007 | none",
            "date           | int            | SCH-007 | none",
            "decimal(12,2)  | double         | SCH-007 | none",      // exact to approximate
            "int            | INTEGER        | -       | full",      // the same type, written differently
    })
    void typeChangeMatrix(String from, String to, String rule, String mode) {
        Report r = diff(cols(ID, "{name: v, type: \"" + from + "\"}"), cols(ID, "{name: v, type: \"" + to + "\"}"));
        for (String id : List.of("SCH-005", "SCH-006", "SCH-007")) {
            assertThat(fired(r, id)).as(from + " -> " + to + ": " + id).isEqualTo(id.equals(rule));
        }
        assertThat(choices(r, T)).containsExactly(mode);
    }

    @Test
    void sch013_classificationLowered() {
        Report hit = diff(cols(ID, "{name: note, type: varchar, classification: confidential}"), cols(ID, "{name: note, type: varchar, classification: internal}"));
        assertThat(findings(hit, "SCH-013")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P1);
            assertThat(f.message()).contains("orders.note is classified lower (classification confidential -> internal)");
        });
        // the PII flag did not change, so nothing says "no longer flagged PII"
        assertThat(fired(hit, "SCH-012")).isFalse();
        assertThat(fired(diff(cols(ID, "{name: note, type: varchar, classification: internal}"), cols(ID, "{name: note, type: varchar, classification: internal}")), "SCH-013")).isFalse();
    }

    @Test
    void sch014_classificationRaised() {
        Report hit = diff(cols(ID, "{name: note, type: varchar, classification: internal}"), cols(ID, "{name: note, type: varchar, classification: restricted}"));
        assertThat(findings(hit, "SCH-014")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P3);
            assertThat(f.message()).contains("classified higher (classification internal -> restricted)");
        });
        assertThat(fired(hit, "SCH-012")).isFalse();
        assertThat(fired(hit, "SCH-013")).isFalse();
        assertThat(fired(diff(cols(ID, "{name: note, type: varchar}"), cols(ID, "{name: note, type: text}")), "SCH-014")).isFalse();
    }

    static final String TWO_TABLES = """
            apiVersion: v3.1.0
            kind: DataContract
            id: shop
            version: 1.0.0
            status: active
            schema:
              - name: orders
                properties:
                  - {name: id, physicalType: bigint, primaryKey: true}
            """;

    @Test
    void sch015_tableRemoved() {
        String both = TWO_TABLES + "  - name: refunds\n    properties:\n      - {name: id, physicalType: bigint, primaryKey: true}\n"
                + "      - {name: amount, physicalType: \"decimal(12,2)\"}\n";
        Report hit = diff(both, TWO_TABLES + "  - name: payments\n    properties:\n      - {name: id, physicalType: bigint, primaryKey: true}\n");
        assertThat(findings(hit, "SCH-015")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P0);
            assertThat(f.message()).contains("Table refunds (2 columns) was removed");
            assertThat(f.location().file()).isEqualTo("old.yaml");
        });
        assertThat(fired(hit, "SCH-003")).isFalse();   // one change for the table, not one per column
        assertThat(fired(diff(both, both), "SCH-015")).isFalse();
    }

    @Test
    void sch003_acrossFormatsOdcsToDataContractSpecification() {
        String dcs = """
                dataContractSpecification: 1.1.0
                id: shop
                info: {title: shop, version: 2.0.0, owner: team}
                models:
                  orders:
                    fields:
                      id: {type: bigint, primaryKey: true}
                """;
        String odcs = TWO_TABLES.replace("      - {name: id, physicalType: bigint, primaryKey: true}\n",
                "      - {name: id, physicalType: bigint, primaryKey: true}\n      - {name: note, physicalType: varchar}\n");
        Report r = diff(odcs, dcs);
        assertThat(findings(r, "SCH-003")).singleElement().satisfies(f -> assertThat(f.message()).contains("Column orders.note (varchar) was removed"));
        assertThat(r.findings()).noneMatch(f -> f.ruleId().equals("SCH-007") || f.ruleId().equals("SCH-009"));
    }

    @Test
    void sch020_fullyCompatible() {
        Report hit = diff(cols(ID), cols(ID, "{name: note, type: varchar}"));
        assertThat(choices(hit, T)).containsExactly("full");
        assertThat(rec(hit, T, "full").orElseThrow().ruleId()).isEqualTo("SCH-020");
        assertThat(choices(diff(cols(ID, AMOUNT), cols(ID)), T)).doesNotContain("full");
    }

    @Test
    void sch021_backwardCompatible() {
        Report hit = diff(cols(ID, "{name: st, type: varchar}"), cols(ID, "{name: st, type: varchar, nullable: false}"));
        assertThat(rec(hit, T, "backward").orElseThrow().ruleId()).isEqualTo("SCH-021");
        assertThat(rec(hit, T, "backward").orElseThrow().rationale()).contains("producer (writer) can deploy first");
        assertThat(choices(diff(cols(ID), cols(ID)), T)).containsExactly("full");
    }

    @Test
    void sch022_forwardCompatible() {
        Report hit = diff(cols(ID, AMOUNT), cols(ID));
        assertThat(rec(hit, T, "forward").orElseThrow().ruleId()).isEqualTo("SCH-022");
        assertThat(rec(hit, T, "forward").orElseThrow().rationale()).contains("consumers must upgrade their readers");
        assertThat(choices(diff(cols(ID, "{name: st, type: varchar}"), cols(ID, "{name: st, type: varchar, nullable: false}")), T)).doesNotContain("forward");
    }

    @Test
    void sch023_incompatible() {
        Report hit = diff(cols(ID, AMOUNT), cols(ID, "{name: note, type: varchar, nullable: false}"));
        assertThat(choices(hit, T)).containsExactly("none");
        assertThat(rec(hit, T, "none").orElseThrow().ruleId()).isEqualTo("SCH-023");
        assertThat(rec(hit, T, "none").orElseThrow().evidence()).extracting(e -> e.value()).contains("REMOVED", "ADDED_REQUIRED");
        Report miss = diff(cols(ID, AMOUNT), cols(ID));
        assertThat(choices(miss, T)).doesNotContain("none");
        assertThat(fired(miss, "SCH-023")).isFalse();
    }

    @Test
    void sch030_notifyConsumersBeforeABreakingChange() {
        Report hit = diff(contract("1.0.0", "notify-30-days", "[bi, finance]", ID, AMOUNT), contract("2.0.0", "notify-30-days", "[bi, finance]", ID));
        assertThat(findings(hit, "SCH-030")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("consumers bi, finance must be told 30 days before it ships");
            assertThat(f.remediation()).contains("#orders");
        });
        // additive changes break no reader: no notice period
        Report miss = diff(contract("1.0.0", "notify-30-days", "[bi]", ID), contract("1.1.0", "notify-30-days", "[bi]", ID, AMOUNT));
        assertThat(fired(miss, "SCH-030")).isFalse();
    }

    @Test
    void sch031_breakingChangeNeedsMajorBump() {
        Report hit = diff(contract("1.4.0", "version-bump", "[bi]", ID, AMOUNT), contract("1.5.0", "version-bump", "[bi]", ID));
        assertThat(findings(hit, "SCH-031")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("from 1.4.0 to 1.5.0 without a new major version");
            assertThat(f.remediation()).contains("2.0.0");
        });
        Report miss = diff(contract("1.4.0", "version-bump", "[bi]", ID, AMOUNT), contract("2.0.0", "version-bump", "[bi]", ID));
        assertThat(fired(miss, "SCH-031")).isFalse();
    }

    @Test
    void sch032_neverBreakBlocks() {
        Report hit = diff(contract("1.0.0", "never-break", "[bi]", ID, AMOUNT), contract("2.0.0", "never-break", "[bi]", ID));
        assertThat(findings(hit, "SCH-032")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P0);
            assertThat(f.message()).startsWith("Blocked: the contract's policy is never-break").contains("REMOVED on orders.amount");
        });
        Report miss = diff(contract("1.0.0", "never-break", "[bi]", ID), contract("1.1.0", "never-break", "[bi]", ID, AMOUNT));
        assertThat(fired(miss, "SCH-032")).isFalse();
    }

    @Test
    void sch033_breakingChangeWithoutPolicy() {
        Report hit = diff(contract("1.0.0", null, "[bi]", ID, AMOUNT), contract("2.0.0", null, "[bi]", ID));
        assertThat(findings(hit, "SCH-033")).singleElement().satisfies(f -> assertThat(f.message()).contains("no breaking-change policy"));
        assertThat(fired(diff(cols(ID, AMOUNT), cols(ID)), "SCH-033")).isFalse(); // bare column lists carry no policy
    }

    @Test
    void sch034_announceOnTheContractChannel() {
        Report hit = diff(contract("1.0.0", "notify-30-days", "[bi]", ID), contract("1.1.0", "notify-30-days", "[bi]", ID, AMOUNT));
        assertThat(rec(hit, "schema-change.actions", "notify-consumers").orElseThrow().rationale()).contains("Tell bi on #orders");
        Report miss = diff(contract("1.0.0", "notify-30-days", "[bi]", ID), contract("1.0.1", "notify-30-days", "[bi]", ID));
        assertThat(fired(miss, "SCH-034")).isFalse();
    }

    @Test
    void odcsAndTemplateCompareWithEachOther() {
        String odcs = """
                apiVersion: v3.1.0
                kind: DataContract
                id: orders
                version: 2.0.0
                status: active
                team: {name: team}
                customProperties:
                  - {property: breakingChangePolicy, value: notify-30-days}
                  - {property: consumers, value: [bi]}
                schema:
                  - name: orders
                    properties:
                      - {name: id, physicalType: bigint, required: true}
                      - {name: amount_eur, physicalType: "decimal(12,2)"}
                """;
        Report r = diff(contract("1.0.0", "notify-30-days", "[bi]", ID, "{column: amount, type: \"decimal(12,2)\"}"), odcs);
        assertThat(findings(r, "SCH-004")).singleElement().satisfies(f -> assertThat(f.message()).contains("orders.amount looks renamed to amount_eur"));
        assertThat(fired(r, "SCH-030")).isTrue();
    }
}
