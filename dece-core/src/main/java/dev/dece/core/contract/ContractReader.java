package dev.dece.core.contract;

import dev.dece.core.drl.Contract;
import dev.dece.core.drl.Node;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import java.util.List;

/**
 * Reads a data contract into facts, in any format DECE reads; the format is recognised by the document's
 * top-level keys and read by its own reader:
 * <ul>
 *   <li>{@link TemplateReader}: the methodology's Data Contract Template ({@code contract:});</li>
 *   <li>{@link OdcsReader}: Open Data Contract Standard v3 ({@code apiVersion: v3.x}, {@code kind: DataContract});</li>
 *   <li>{@link DcsReader}: the Data Contract Specification ({@code dataContractSpecification: 0.9.x .. 1.x});</li>
 *   <li>{@link ColumnListReader}: a bare column list ({@code columns:}) for {@code schema-change}.</li>
 * </ul>
 * Every problem in the document is reported at once, located, with a did-you-mean for unknown keys.
 */
public final class ContractReader {
    private ContractReader() {}

    /**
     * @param docs the loaded documents of one file; a contract is exactly one document
     * @throws InputException listing every problem found
     */
    public static BoundContract read(List<Node> docs) throws InputException {
        Node root = docs.get(0);
        if (docs.size() > 1) {
            throw new InputException(Problem.at(docs.get(1), "the file holds " + docs.size()
                    + " documents; a data contract is one document (remove the extra '---')"));
        }
        if (!root.isMap()) {
            throw new InputException(Problem.at(root, "expected a data contract mapping, found "
                    + (root.isList() ? "a list" : "\"" + root.display() + "\"")));
        }
        ContractReading r;
        if (root.has("contract")) {
            r = new TemplateReader();
        } else if (root.has("dataContractSpecification")) {
            Problem version = DcsReader.unsupportedVersion(root);
            if (version != null) throw new InputException(version);
            r = new DcsReader();
        } else if (root.has("apiVersion") || root.has("kind")) {
            Problem version = OdcsReader.unsupportedVersion(root);
            if (version != null) throw new InputException(version);
            r = new OdcsReader();
        } else if (root.has("columns")) {
            r = new ColumnListReader();
        } else {
            throw new InputException(Problem.at(root, "is neither a Data Contract Template (a top-level 'contract:' mapping), an ODCS v3 "
                    + "document ('apiVersion: v3.x' and 'kind: DataContract'), a Data Contract Specification document "
                    + "('dataContractSpecification: 1.x') nor a column list ('columns:'); found keys "
                    + String.join(", ", root.fields().keySet())));
        }
        Contract c = r.read(root);
        r.b.throwIfProblems();
        return new BoundContract(c, r.tables, r.columns, r.checks, r.notes);
    }
}
