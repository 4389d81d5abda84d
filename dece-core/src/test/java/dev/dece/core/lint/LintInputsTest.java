package dev.dece.core.lint;

import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.drl.ColumnType;
import dev.dece.core.drl.ObjectKind;
import dev.dece.core.drl.Table;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lint and model readers on real text: what they bind, and the located problems they report. */
class LintInputsTest {

    static final DocumentLoader LOADER = new DocumentLoader(Limits.DEFAULT);

    static List<Table> read(String name, String content) throws InputException {
        return LintInputs.read(name, content.getBytes(StandardCharsets.UTF_8), LOADER, LintOptions.DEFAULT).stream()
                .filter(Table.class::isInstance).map(Table.class::cast).toList();
    }

    @Test
    void tableListBindsKindsTypesTestsAndKey() throws Exception {
        List<Table> ts = read("t.yaml", """
                tables:
                  - name: dim_customers
                    columns:
                      - {name: customer_id, type: bigint, tests: [unique, not_null]}
                      - {name: signup_at, type: timestamp with time zone}
                """);
        Table t = ts.get(0);
        assertThat(t.kind()).isEqualTo(ObjectKind.DIMENSION);
        assertThat(t.kindDeclared()).isFalse();
        assertThat(t.primaryKey()).isEqualTo("customer_id");
        assertThat(t.testsKnown()).isTrue();
        assertThat(t.column("signup_at").type()).isEqualTo(ColumnType.TIMESTAMP_TZ);
        assertThat(t.column("customer_id").primaryKey()).isTrue();
        assertThat(t.column("customer_id").node().path()).isEqualTo("tables[0].columns[0]");
        assertThat(t.column("customer_id").node().line()).isEqualTo(4);
    }

    @Test
    void tableListProblemsAreLocatedWithSuggestions() {
        assertThatThrownBy(() -> read("t.yaml", "tables:\n  - name: fct_x\n    kind: factt\n    columns:\n      - {name: a, tpye: int}\n"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("t.yaml:3:11: tables[0].kind: \"factt\" is not an object kind; use one of raw, staging, intermediate, fact, dimension, mart, snapshot, source (did you mean \"fact\"?)")
                .hasMessageContaining("tables[0].columns[0].tpye: unknown key \"tpye\"; did you mean \"type\"?");
    }

    @Test
    void ddlReadsTypesKeysAndLines() throws Exception {
        List<Table> ts = read("s.sql", """
                -- comment
                CREATE TABLE "analytics"."fct_orders" (
                  "order_id" BIGINT,
                  ordered_at TIMESTAMP,
                  PRIMARY KEY (order_id)
                );
                CREATE VIEW v AS SELECT 1;
                """);
        assertThat(ts).hasSize(1);
        Table t = ts.get(0);
        assertThat(t.name()).isEqualTo("fct_orders");
        assertThat(t.line()).isEqualTo(2);
        assertThat(t.primaryKey()).isEqualTo("order_id");
        assertThat(t.column("ordered_at").type()).isEqualTo(ColumnType.TIMESTAMP_NTZ);
        assertThat(t.column("ordered_at").line()).isEqualTo(4);
        assertThat(t.testsKnown()).isFalse();
    }

    @Test
    void ddlWithoutCreateTableIsRefused() {
        assertThatThrownBy(() -> read("s.sql", "SELECT 1;")).hasMessageContaining("s.sql: holds no CREATE TABLE statement");
    }

    @Test
    void manifestV11ReadsModelsSourcesAndTests() throws Exception {
        List<Table> ts = read("manifest.json", """
                {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v11.json", "adapter_type": "bigquery"},
                 "nodes": {
                   "model.p.fct_orders": {"resource_type": "model", "name": "fct_orders", "original_file_path": "models/fct_orders.sql",
                      "columns": {"order_id": {"name": "order_id", "data_type": "INT64"}, "ordered_at": {"name": "ordered_at", "data_type": "TIMESTAMP"}},
                      "constraints": [{"type": "primary_key", "columns": ["order_id"]}]},
                   "test.p.u": {"resource_type": "test", "attached_node": null, "depends_on": {"nodes": ["model.p.fct_orders"]},
                      "column_name": "order_id", "test_metadata": {"name": "unique", "kwargs": {}}},
                   "seed.p.s": {"resource_type": "seed", "name": "s"}},
                 "sources": {"source.p.crm.customers": {"resource_type": "source", "name": "customers", "identifier": "crm_customers", "columns": {}}}}
                """);
        assertThat(ts).extracting(Table::name).containsExactly("fct_orders", "crm_customers");
        Table f = ts.get(0);
        assertThat(f.primaryKey()).isEqualTo("order_id");
        assertThat(f.column("order_id").tests()).containsExactly("unique");
        assertThat(f.column("ordered_at").type()).isEqualTo(ColumnType.TIMESTAMP_TZ); // BigQuery TIMESTAMP is UTC
        assertThat(f.where()).isEqualTo("models/fct_orders.sql");
        assertThat(ts.get(1).kind()).isEqualTo(ObjectKind.SOURCE);
    }

    @Test
    void brokenManifestJsonIsLocated() {
        assertThatThrownBy(() -> read("manifest.json", "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v12.json\"},\n \"nodes\": {\"a\": [}"))
                .hasMessageContaining("manifest.json:2:").hasMessageContaining("is not valid JSON");
    }

}
