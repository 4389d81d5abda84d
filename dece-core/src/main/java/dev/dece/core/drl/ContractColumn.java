package dev.dece.core.drl;

import java.util.List;

/**
 * One column of a contract table ({@code contract.schema[i]} or an ODCS {@code schema[].properties[j]}).
 *
 * @param table          the table name (as in {@link ContractTable#name()})
 * @param position       0-based position in the table's column list
 * @param name           the physical column name, validated as a safe identifier
 * @param type           the type as written and parsed
 * @param classification Phase 6 level; null when not given or not recognised (see {@code classificationText})
 * @param enumValues     allowed values from an enum check, sorted; empty when the column has none
 * @param checkKinds     kinds of every check on this column, declared or derived, for coverage rules
 * @param tags           the column's tags and custom properties (ODCS {@code tags}, {@code customProperties}), for
 *                       PII detection; empty when the format has none
 */
public record ContractColumn(Node node, String table, int position, String name, SqlType type, boolean nullable,
                     boolean pii, Classification classification, String classificationText, boolean primaryKey,
                     boolean unique, String description, String businessDefinition, List<String> enumValues,
                     List<CheckKind> checkKinds, Node nameNode, Node typeNode, Node nullableNode, Node piiNode,
                     Node classificationNode, List<String> tags) implements Located {

    public ContractColumn {
        enumValues = List.copyOf(enumValues);
        checkKinds = List.copyOf(checkKinds);
        tags = List.copyOf(tags);
    }

    /**
     * What the PII detector reads in this column (its name, type, description, tags; {@link Pii#detect}), or null
     * when it does not look like personal data.
     */
    public Pii.Match piiDetected() {
        return Pii.detect(name, type == null ? null : type.text(), description, tags, table);
    }

    /** True when some check on this column is of {@code kind}. */
    public boolean hasCheck(CheckKind kind) {
        return checkKinds.contains(kind);
    }

    /** True for a field inside an object or array column, named by its path ({@code address.city}); no checks run on it. */
    public boolean nested() {
        return name.indexOf('.') >= 0;
    }

    /** {@code table.column}. */
    public String qualified() {
        return table + "." + name;
    }

    /** Sensitive by the Phase 6 PII rules: flagged PII, or classified confidential or restricted. */
    public boolean sensitive() {
        return pii || classification == Classification.CONFIDENTIAL || classification == Classification.RESTRICTED;
    }
}
