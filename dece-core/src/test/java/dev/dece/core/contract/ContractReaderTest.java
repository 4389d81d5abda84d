package dev.dece.core.contract;

import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.drl.BreakingChangePolicy;
import dev.dece.core.drl.Check;
import dev.dece.core.drl.CheckKind;
import dev.dece.core.drl.Classification;
import dev.dece.core.drl.Contract;
import dev.dece.core.drl.ContractColumn;
import dev.dece.core.drl.ContractTable;
import dev.dece.core.drl.Expect;
import dev.dece.core.drl.SqlType;
import dev.dece.core.drl.SupportHours;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Binding both contract formats: the facts they give, and located errors with did-you-mean. */
class ContractReaderTest {

    static BoundContract bind(String name, String text) throws InputException {
        return ContractReader.read(new DocumentLoader(Limits.DEFAULT).load(name, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void templateFieldsBecomeFacts() throws InputException {
        BoundContract b = bind("c.yaml", """
                contract:
                  name: fct_orders
                  version: 1.2.0
                  owner: orders
                  consumers: [bi, finance]
                  sla: {freshness_hours: 6, availability_percent: 99.9, support_hours: 24x7}
                  pipeline_schedule: "0 */2 * * *"
                  schema:
                    - column: order_id
                      type: bigint
                      nullable: false
                      checks: [{type: not_null}, {type: unique}]
                    - column: status
                      type: varchar(16)
                      checks: [{type: enum, params: {values: [b, a]}}]
                  breaking_change_policy: version-bump
                  notification_channel: "#orders"
                """);
        Contract c = b.contract();
        assertThat(c.format()).isEqualTo("template");
        assertThat(c.consumers()).containsExactly("bi", "finance");
        assertThat(c.freshnessHours()).isEqualTo(6.0);
        assertThat(c.pipelineEveryHours()).isEqualTo(2.0);
        assertThat(c.supportHours()).isEqualTo(SupportHours.ALWAYS);
        assertThat(c.breakingChangePolicy()).isEqualTo(BreakingChangePolicy.VERSION_BUMP);
        assertThat(c.major()).isEqualTo(1);
        assertThat(b.columns()).extracting(ContractColumn::name).containsExactly("order_id", "status");
        assertThat(b.columns().get(0).nullable()).isFalse();
        assertThat(b.columns().get(0).unique()).isTrue();
        assertThat(b.columns().get(1).enumValues()).containsExactly("a", "b");
        assertThat(b.columns().get(1).type().family()).isEqualTo(SqlType.Family.STRING);
        assertThat(b.checks()).extracting(Check::id).containsExactly("fct_orders.order_id.not_null", "fct_orders.order_id.unique", "fct_orders.status.enum");
    }

    @Test
    void templateMistakesAreLocatedWithSuggestions() {
        assertThatThrownBy(() -> bind("c.yaml", """
                contract:
                  name: t
                  ownr: me
                  sla: {freshness_hours: soon}
                  schema:
                    - column: a
                      checks: [{type: not-nul}, {type: range}]
                  breaking_change_policy: sometimes
                """))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("c.yaml:3:3: contract.ownr: unknown key \"ownr\"; did you mean \"owner\"?")
                .hasMessageContaining("c.yaml:4:26: contract.sla.freshness_hours: \"soon\" is not a number")
                .hasMessageContaining("contract.schema[0].checks[0].type: \"not-nul\" is not a check type")
                .hasMessageContaining("(did you mean \"not-null\"?)")
                .hasMessageContaining("contract.schema[0].checks[1].params: range needs params.min, params.max or both")
                .hasMessageContaining("c.yaml:8:27: contract.breaking_change_policy: \"sometimes\" is not a breaking-change policy; use one of notify-30-days, version-bump, never-break");
    }

    @Test
    void odcsMapsOntoTheSameFacts() throws InputException {
        BoundContract b = bind("orders.odcs.yaml", """
                apiVersion: v3.1.0
                kind: DataContract
                id: 53581432
                name: orders
                version: 2.0.0
                status: active
                team: {name: orders-platform}
                support:
                  - {channel: "#orders-help", url: "https://chat/help"}
                  - {channel: "#orders-announce", url: "https://chat/ann", scope: announcements}
                slaDefaultElement: orders.loaded_at
                slaProperties:
                  - {property: latency, value: 4, unit: h}
                  - {property: frequency, value: 1, unit: d}
                customProperties:
                  - {property: consumers, value: [bi, ml]}
                  - {property: breakingChangePolicy, value: never-break}
                schema:
                  - name: orders
                    physicalName: fct_orders
                    properties:
                      - {name: order_id, physicalType: bigint, primaryKey: true}
                      - name: email
                        logicalType: string
                        classification: confidential
                        tags: [pii]
                        logicalTypeOptions: {pattern: "^.+@.+$"}
                      - name: customer_id
                        physicalType: bigint
                        required: true
                        relationships: [{to: customers.id}]
                        quality:
                          - {metric: nullValues, mustBeLessOrEqualTo: 5, unit: percent}
                      - {name: loaded_at, physicalType: timestamp}
                    quality:
                      - {metric: rowCount, mustBeGreaterThan: 1000}
                  - name: customers
                    physicalName: dim_customers
                    properties:
                      - {name: id, physicalType: bigint, primaryKey: true}
                """);
        Contract c = b.contract();
        assertThat(c.format()).isEqualTo("odcs");
        assertThat(c.owner()).isEqualTo("orders-platform");
        assertThat(c.consumers()).containsExactly("bi", "ml");
        assertThat(c.notificationChannel()).isEqualTo("#orders-announce (https://chat/ann)");
        assertThat(c.freshnessHours()).isEqualTo(4.0);
        assertThat(c.pipelineEveryHours()).isEqualTo(24.0);
        assertThat(c.breakingChangePolicy()).isEqualTo(BreakingChangePolicy.NEVER_BREAK);
        assertThat(b.tables()).extracting(ContractTable::name).containsExactly("fct_orders", "dim_customers");
        ContractColumn email = b.columns().get(1);
        assertThat(email.pii()).isTrue();
        assertThat(email.classification()).isEqualTo(Classification.CONFIDENTIAL);
        assertThat(b.checks()).extracting(Check::id).contains("fct_orders.order_id.not_null", "fct_orders.order_id.unique",
                "fct_orders.email.regex", "fct_orders.customer_id.not_null", "fct_orders.customer_id.not_null-2",
                "fct_orders.customer_id.referential", "fct_orders.loaded_at.freshness", "fct_orders.volume");
        Check ref = b.checks().stream().filter(k -> k.kind() == CheckKind.REFERENTIAL).findFirst().orElseThrow();
        assertThat(ref.refTable()).isEqualTo("dim_customers"); // logical name mapped to the physical one
        Check pct = b.checks().stream().filter(k -> k.id().equals("fct_orders.customer_id.not_null-2")).findFirst().orElseThrow();
        assertThat(pct.expect()).isEqualTo(new Expect("<=", 5, 0, true));
        Check rows = b.checks().stream().filter(k -> k.kind() == CheckKind.VOLUME).findFirst().orElseThrow();
        assertThat(rows.expect().describe()).isEqualTo("> 1000");
    }

    @Test
    void odcsMistakesAreLocated() {
        assertThatThrownBy(() -> bind("o.yaml", """
                apiVersion: v3.1.0
                kind: DataContract
                id: x
                version: 1.0.0
                status: active
                schema:
                  - name: t
                    properties:
                      - {name: a, physicalTyp: int}
                      - name: b
                        quality: [{metric: nullValue}]
                """))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("schema[0].properties[0].physicalTyp: unknown key \"physicalTyp\"; did you mean \"physicalType\"?")
                .hasMessageContaining("schema[0].properties[1].quality[0].metric: \"nullValue\" is not a library metric DECE runs");
    }

    @Test
    void odcsAsTheStandardWritesIt() throws InputException {
        BoundContract b = bind("o.yaml", """
                apiVersion: v3.1.0
                kind: DataContract
                id: orders
                version: 1.0.0
                status: active
                slaProperties:
                  - {property: availability, value: "99.9%"}
                  - {property: latency, value: "500ms", element: orders.loaded_at}
                  - {property: retention, value: 3, unit: y}
                schema:
                  - name: orders
                    properties:
                      - name: amount
                        physicalType: decimal(12,2)
                        logicalTypeOptions: {exclusiveMinimum: 0, maximum: 100}
                        quality:
                          - {metric: nullValues, mustBeLessThan: "5%"}
                      - name: qty
                        physicalType: int
                        logicalTypeOptions: {maximum: 5, exclusiveMaximum: true}
                      - name: code
                        physicalType: varchar
                        logicalTypeOptions: {minLength: 2, maxLength: 10, format: uuid}
                      - name: placed_on
                        logicalType: date
                        logicalTypeOptions: {minimum: "2020-01-01"}
                      - name: loaded_at
                        physicalType: timestamp
                      - name: shipping
                        logicalType: object
                        properties:
                          - name: city
                            logicalType: string
                          - name: contact_email
                            logicalType: string
                            required: true
                    quality:
                      - {type: custom, engine: greatExpectations, implementation: "expect_table_row_count_to_be_between"}
                      - {metric: rowCount, mustBeGreaterThan: "1000"}
                """);
        assertThat(b.contract().availabilityPercent()).isEqualTo(99.9);
        assertThat(b.contract().freshnessHours()).isCloseTo(500 / 3_600_000.0, org.assertj.core.data.Offset.offset(1e-12));
        Check amount = b.checks().stream().filter(k -> k.id().equals("orders.amount.range")).findFirst().orElseThrow();
        assertThat(amount.min()).isEqualTo(0.0);
        assertThat(amount.minExclusive()).isTrue();
        assertThat(amount.maxExclusive()).isFalse();
        Check qty = b.checks().stream().filter(k -> k.id().equals("orders.qty.range")).findFirst().orElseThrow();
        assertThat(qty.max()).isEqualTo(5.0);
        assertThat(qty.maxExclusive()).isTrue();
        Check code = b.checks().stream().filter(k -> k.id().equals("orders.code.length")).findFirst().orElseThrow();
        assertThat(code.min()).isEqualTo(2.0);
        assertThat(code.max()).isEqualTo(10.0);
        assertThat(b.checks().stream().filter(k -> k.id().equals("orders.amount.not_null")).findFirst().orElseThrow().expect())
                .isEqualTo(new Expect("<", 5, 0, true));
        assertThat(b.checks().stream().filter(k -> k.kind() == CheckKind.VOLUME).findFirst().orElseThrow().expect().describe()).isEqualTo("> 1000");
        assertThat(b.columns()).extracting(ContractColumn::name).contains("shipping.city", "shipping.contact_email");
        assertThat(b.checks()).noneMatch(k -> k.table().equals("orders") && "shipping.contact_email".equals(k.column()));
        assertThat(b.notes()).extracting(n -> n.what()).containsExactly(
                "SLA property retention (3 y)",
                "logicalTypeOptions of orders.code: format uuid",
                "logicalTypeOptions of orders.placed_on: minimum 2020-01-01",
                "constraints on nested fields of orders: shipping.contact_email",
                "custom check for engine greatExpectations");
        assertThat(b.notes()).allMatch(n -> !n.conformance());
    }

    @Test
    void odcsDeparturesFromTheSchemaAreNotesNotRefusals() throws InputException {
        BoundContract b = bind("o.yaml", """
                apiVersion: v3.0.2
                kind: DataContract
                id: orders
                version: 1.0.0
                schema:
                  - name: orders
                    description: null
                    properties:
                      - {name: id, physicalType: int}
                """);
        assertThat(b.notes()).filteredOn(n -> n.conformance()).extracting(n -> n.what() + " @ " + n.node().path() + ":" + n.node().line())
                .containsExactly("status is required by the ODCS schema @ status:1", "description is null, which the ODCS schema does not allow @ schema[0].description:7");
    }

    static final String DCS = """
            dataContractSpecification: 1.1.0
            id: urn:datacontract:checkout:orders
            info:
              title: Orders
              version: 2.1.0
              owner: checkout-team
              contact: {name: Checkout, url: "https://chat.example.com/checkout"}
            models:
              orders:
                type: table
                fields:
                  order_id:
                    $ref: '#/definitions/order_id'
                    required: true
                    primaryKey: true
                  customer_email:
                    type: string
                    format: email
                    maxLength: 320
                  status:
                    type: string
                    enum: [new, paid, shipped]
                  total:
                    type: decimal
                    exclusiveMinimum: 0
                  customer_id:
                    type: long
                    references: customers.id
                  shipping:
                    type: object
                    fields:
                      city: {type: string}
                  processed_at:
                    type: timestamp
                quality:
                  - {type: sql, query: "SELECT COUNT(*) FROM orders WHERE total < 0", mustBe: 0}
                  - {type: SodaCL, specification: {checks for orders: ["row_count > 0"]}}
            definitions:
              order_id:
                type: text
                format: uuid
                pii: false
            servicelevels:
              freshness: {threshold: 25h, timestampField: orders.processed_at}
              availability: {percentage: 99.9%}
              frequency: {type: batch, cron: "0 2 * * *"}
            """;

    @Test
    void dataContractSpecificationMapsOntoTheSameFacts() throws InputException {
        BoundContract b = bind("datacontract.yaml", DCS);
        assertThat(b.contract().format()).isEqualTo("dcs");
        assertThat(b.contract().name()).isEqualTo("Orders");
        assertThat(b.contract().version()).isEqualTo("2.1.0");
        assertThat(b.contract().owner()).isEqualTo("checkout-team");
        assertThat(b.contract().notificationChannel()).isEqualTo("https://chat.example.com/checkout");
        assertThat(b.contract().freshnessHours()).isEqualTo(25.0);
        assertThat(b.contract().availabilityPercent()).isEqualTo(99.9);
        assertThat(b.contract().pipelineEveryHours()).isEqualTo(24.0);
        assertThat(b.columns()).extracting(ContractColumn::name)
                .containsExactly("order_id", "customer_email", "status", "total", "customer_id", "shipping", "processed_at", "shipping.city");
        ContractColumn id = b.columns().get(0);
        assertThat(id.type().text()).isEqualTo("text");     // from the definition
        assertThat(id.primaryKey()).isTrue();
        assertThat(b.checks()).extracting(Check::id).containsExactly("orders.order_id.not_null", "orders.customer_email.length",
                "orders.status.enum", "orders.total.range", "orders.customer_id.referential", "orders.processed_at.freshness",
                "orders.order_id.unique", "orders.custom");
        assertThat(b.checks().stream().filter(k -> k.id().equals("orders.total.range")).findFirst().orElseThrow().minExclusive()).isTrue();
        assertThat(b.notes()).extracting(n -> n.what()).containsExactly(
                "constraints of orders.order_id: format uuid",
                "constraints of orders.customer_email: format email",
                "SodaCL quality checks on orders");
    }

    @Test
    void aDataContractSpecificationVersionDeceDoesNotReadGetsOneMessage() {
        assertThatThrownBy(() -> bind("d.yaml", "dataContractSpecification: 2.0.0\nid: x\nmodels: {}\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("d.yaml:1:28: dataContractSpecification: \"2.0.0\" is a Data Contract Specification version DECE does not read; it reads 0.9.x and 1.x (e.g. 0.9.3, 1.1.0, 1.2.0)");
        assertThatThrownBy(() -> bind("d.yaml", DCS.replace("$ref: '#/definitions/order_id'", "$ref: '#/definitions/order_no'")))
                .hasMessageContaining("models.orders.fields.order_id.$ref: \"#/definitions/order_no\" names no entry of definitions; defined: order_id");
    }

    @Test
    void anOdcsVersionDeceDoesNotReadGetsOneMessageNamingTheVersionsItReads() {
        for (String v : List.of("v3.2.0", "v2.2.2", "v3.0.9")) {
            assertThatThrownBy(() -> bind("o.yaml", "apiVersion: " + v + "\nkind: DataContract\nid: x\nschema:\n  - {name: t, physicalTyp: x}\n"))
                    .isInstanceOf(InputException.class)
                    .hasMessage("o.yaml:1:13: apiVersion: \"" + v + "\" is an ODCS version DECE does not read; it reads v3.0.0, v3.0.1, v3.0.2 or v3.1.0"
                            + (v.startsWith("v2") ? " (convert a v2 contract with the ODCS migration guide)" : ""));
        }
    }

    @Test
    void neitherFormatIsExplained() {
        assertThatThrownBy(() -> bind("x.yaml", "project_name: p\n"))
                .hasMessageContaining("x.yaml:1:1: is neither a Data Contract Template")
                .hasMessageContaining("found keys project_name");
    }

    @Test
    void schedulesGiveTheLongestGap() {
        assertThat(Schedules.everyHours("0 6 * * *")).isEqualTo(24.0);
        assertThat(Schedules.everyHours("*/15 * * * *")).isEqualTo(0.25);
        assertThat(Schedules.everyHours("0 6,18 * * *")).isEqualTo(12.0);
        assertThat(Schedules.everyHours("0 9 * * 1-5")).isEqualTo(72.0); // Friday 09:00 to Monday 09:00
        assertThat(Schedules.everyHours("@hourly")).isEqualTo(1.0);
        assertThat(Schedules.everyHours("every now and then")).isNull();
    }

    @Test
    void typesWidenAndNarrow() {
        assertThat(SqlType.parse("int").widens(SqlType.parse("bigint"))).isTrue();
        assertThat(SqlType.parse("bigint").widens(SqlType.parse("int"))).isFalse();
        assertThat(SqlType.parse("varchar(10)").widens(SqlType.parse("varchar(50)"))).isTrue();
        assertThat(SqlType.parse("decimal(12,2)").widens(SqlType.parse("decimal(14,2)"))).isTrue();
        assertThat(SqlType.parse("decimal(12,2)").widens(SqlType.parse("decimal(12,4)"))).isFalse();
        assertThat(SqlType.parse("date").widens(SqlType.parse("timestamp"))).isTrue();
        assertThat(SqlType.parse("int").widens(SqlType.parse("text"))).isFalse();   // values convert, code written for numbers does not
    }
}
