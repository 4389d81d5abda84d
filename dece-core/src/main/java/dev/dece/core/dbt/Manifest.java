package dev.dece.core.dbt;

import java.util.List;
import java.util.Map;

/**
 * What DECE reads of a dbt {@code manifest.json}: its metadata, the nodes that are tables (models, snapshots,
 * seeds, sources) with their columns, the tests attached to each, and counts of what it did not read, so a
 * command can say what it skipped. Read by {@link ManifestReader}; immutable.
 *
 * @param file          the file name as given
 * @param schemaVersion the manifest schema version, e.g. 12
 * @param dbtVersion    {@code metadata.dbt_version}; "" when absent
 * @param adapter       {@code metadata.adapter_type}; null when absent
 * @param projectName   {@code metadata.project_name}, the root project; null when absent (then packages cannot be told apart)
 * @param nodes         models, snapshots, seeds and sources, by unique_id
 * @param tests         the tests attached to each node, by the node's unique_id, in manifest order
 * @param semanticNodes entries of {@code semantic_models}, {@code metrics} and {@code saved_queries} (not tables)
 * @param unknown       nodes of a {@code resource_type} DECE does not know, by unique_id
 * @param exposures     the {@code exposures} section (dashboards, notebooks, applications that read models), by unique_id
 * @param parentMap     {@code parent_map}: each unique_id's parents, as dbt wrote them (tests included); empty when absent
 * @param childMap      {@code child_map}: each unique_id's children, as dbt wrote them; empty when absent
 */
public record Manifest(String file, int schemaVersion, String dbtVersion, String adapter, String projectName,
                       List<DbtNode> nodes, Map<String, List<DbtTest>> tests, int semanticNodes, List<Unknown> unknown,
                       List<Exposure> exposures, Map<String, List<String>> parentMap, Map<String, List<String>> childMap,
                       Map<String, List<String>> unitTests) {

    public Manifest {
        unitTests = Map.copyOf(unitTests);
        nodes = List.copyOf(nodes);
        tests = Map.copyOf(tests);
        unknown = List.copyOf(unknown);
        exposures = List.copyOf(exposures);
        parentMap = Map.copyOf(parentMap);
        childMap = Map.copyOf(childMap);
    }

    /** A manifest without exposures, parent_map or child_map. */
    public Manifest(String file, int schemaVersion, String dbtVersion, String adapter, String projectName,
                    List<DbtNode> nodes, Map<String, List<DbtTest>> tests, int semanticNodes, List<Unknown> unknown) {
        this(file, schemaVersion, dbtVersion, adapter, projectName, nodes, tests, semanticNodes, unknown, List.of(), Map.of(), Map.of(), Map.of());
    }

    /** The dbt unit tests (dbt 1.8+ {@code unit_tests}) of the model {@code uniqueId}, by name; empty when it has none. */
    public List<String> unitTestsOf(String uniqueId) {
        return unitTests.getOrDefault(uniqueId, List.of());
    }

    /**
     * An exposure: something outside dbt that reads models.
     *
     * @param type      {@code dashboard}, {@code notebook}, {@code analysis}, {@code ml}, {@code application}
     * @param owner     {@code owner.name}, else {@code owner.email}; null when absent
     * @param dependsOn {@code depends_on.nodes}
     */
    public record Exposure(String uniqueId, String name, String type, String owner, String maturity, List<String> dependsOn,
                           int line, int col, String path) {
        public Exposure {
            dependsOn = List.copyOf(dependsOn);
        }
    }

    /** The tests attached to {@code uniqueId}. */
    public List<DbtTest> testsOf(String uniqueId) {
        return tests.getOrDefault(uniqueId, List.of());
    }

    /**
     * A node that is a table.
     *
     * @param uniqueId       e.g. {@code model.jaffle_shop.orders}
     * @param resourceType   {@code model}, {@code snapshot}, {@code seed} or {@code source}
     * @param packageName    the package that defines it
     * @param name           the relation's name: the alias of a model, the identifier of a source
     * @param description    null when absent or empty
     * @param originalFile   {@code original_file_path}; null when absent
     * @param materialized   {@code config.materialized}; null when absent
     * @param timeSpine      true for the MetricFlow time spine ({@code time_spine:} set, or the model {@code metricflow_time_spine})
     * @param columns        in manifest order
     * @param keyColumns     a model-level {@code primary_key} constraint's columns; empty when none
     * @param compiledCode   {@code compiled_code} (for SQL readers); null when absent or not asked for
     * @param dependsOn      {@code depends_on.nodes}
     * @param plainName      the node's {@code name} (a model's alias may differ)
     * @param database       {@code database}; null when absent
     * @param schema         {@code schema}; null when absent
     * @param partitionBy    {@code config.partition_by}: BigQuery's {@code {field: ...}}, or Spark's column or list
     * @param clusterBy      {@code config.cluster_by}: a column or a list
     * @param compiledPath   {@code compiled_path}; null when absent
     * @param line           where the node's value starts
     * @param col            where the node's value starts
     * @param path           e.g. {@code nodes["model.jaffle_shop.orders"]}
     */
    public record DbtNode(String uniqueId, String resourceType, String packageName, String name, String description,
                          String originalFile, String materialized, boolean timeSpine, List<DbtColumn> columns,
                          List<String> keyColumns, String compiledCode, List<String> dependsOn, String plainName, String database,
                          String schema, List<String> partitionBy, List<String> clusterBy, String compiledPath,
                          int line, int col, String path) {
        public DbtNode {
            columns = List.copyOf(columns);
            keyColumns = List.copyOf(keyColumns);
            dependsOn = List.copyOf(dependsOn);
            partitionBy = List.copyOf(partitionBy);
            clusterBy = List.copyOf(clusterBy);
        }
    }

    /**
     * A documented column.
     *
     * @param name        as written (a nested field is a dotted path)
     * @param dataType    {@code data_type}; null when absent
     * @param description null when absent or empty
     * @param primaryKey  true when a column-level {@code primary_key} constraint is declared
     * @param notNull     true when a column-level {@code not_null} or {@code primary_key} constraint is declared
     * @param path        e.g. {@code nodes["model.x.orders"].columns["order_id"]}
     */
    public record DbtColumn(String name, String dataType, String description, boolean primaryKey, boolean notNull, String path) {}

    /**
     * A test attached to a node.
     *
     * @param name    the generic test's name, lower case, namespace stripped ({@code unique}, {@code recency},
     *                {@code unique_combination_of_columns}); {@code singular} for a singular test
     * @param column  the column it tests; null for a model-level test
     * @param columns the columns of a combination test ({@code combination_of_columns}); empty otherwise
     * @param field   the {@code field} argument (recency, relationships); null when absent
     */
    public record DbtTest(String name, String column, List<String> columns, String field) {
        public DbtTest {
            columns = List.copyOf(columns);
        }
    }

    /** A node of an unknown {@code resource_type}, kept so it can be named rather than skipped in silence. */
    public record Unknown(String uniqueId, String resourceType, int line, int col, String path) {}
}
