package dev.dece.core.model;

import dev.dece.core.doc.Binder;
import dev.dece.core.drl.Additivity;
import dev.dece.core.drl.Aggregation;
import dev.dece.core.drl.Attribute;
import dev.dece.core.drl.Dimension;
import dev.dece.core.drl.DimensionalModel;
import dev.dece.core.drl.FactTable;
import dev.dece.core.drl.ForeignKey;
import dev.dece.core.drl.Measure;
import dev.dece.core.drl.NameRules;
import dev.dece.core.drl.Node;
import dev.dece.core.drl.ScdType;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.sql.Identifiers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binds a Dimensional Model Template (Phase 2; field names exactly as the methodology writes them) into
 * facts. Every problem is reported at once, located, with "did you mean" for unknown keys and values.
 *
 * <p>A foreign key resolves to a declared dimension when it names the dimension ({@code dim_customer}),
 * its surrogate or natural key ({@code customer_key}), or {@code [entity]_key|_id|_sk} of a dimension
 * {@code dim_[entity]} or {@code dim_[entity]s}.
 */
final class ModelBinder {

    static final List<String> TOP = List.of("fact_table", "dimensions");
    static final List<String> FACT = List.of("name", "grain", "grain_statement", "measures", "degenerate_dimensions", "foreign_keys");
    static final List<String> MEASURE = List.of("name", "type", "aggregation", "business_definition");
    static final List<String> DIMENSION = List.of("name", "type", "natural_key", "surrogate_key", "attributes", "hierarchy");
    static final List<String> ATTRIBUTE = List.of("name", "source", "scd_type");

    private ModelBinder() {}

    /** @throws InputException listing every problem found */
    public static DimensionalModel bind(List<Node> docs) throws InputException {
        Node root = docs.get(0);
        if (docs.size() > 1) {
            throw new InputException(Problem.at(docs.get(1), "the file holds " + docs.size()
                    + " documents; a Dimensional Model Template is one document (remove the extra '---')"));
        }
        Binder b = new Binder();
        if (!root.isMap()) {
            b.problem(root, "expected a Dimensional Model Template mapping (fact_table, dimensions), found "
                    + (root.isList() ? "a list" : "\"" + root.display() + "\""));
            b.throwIfProblems();
        }
        Binder.Obj top = b.object(root, TOP);
        Node fn = top.get("fact_table");
        if (fn.isAbsent()) b.problem(fn, "is required: the fact table {name, grain, grain_statement, measures, foreign_keys}");
        Binder.Obj f = b.object(fn, FACT);
        String factName = f.requiredString("name", "name the fact table, e.g. fct_orders");
        ident(b, f.get("name"), factName);
        for (Node dd : f.list("degenerate_dimensions")) if (dd.isScalar()) ident(b, dd, dd.text());
        for (Node fk : f.list("foreign_keys")) if (fk.isScalar()) qualified(b, fk, fk.text());
        FactTable fact = new FactTable(fn, factName, blankToNull(f.string("grain")), blankToNull(f.string("grain_statement")),
                f.strings("degenerate_dimensions"), f.strings("foreign_keys"));

        List<Measure> measures = new ArrayList<>();
        Map<String, Node> seenMeasures = new HashMap<>();
        Map<String, Node> seenDims = new HashMap<>();
        for (Node mn : f.list("measures")) {
            Binder.Obj m = b.object(mn, MEASURE);
            if (!mn.isMap()) continue;
            String name = m.requiredString("name", "name the measure");
            ident(b, m.get("name"), name);
            unique(b, seenMeasures, m.get("name"), name, "measure");
            measures.add(new Measure(mn, factName, name, m.choice("type", Additivity.class, "an additivity"),
                    m.choice("aggregation", Aggregation.class, "an aggregation"), blankToNull(m.string("business_definition"))));
        }

        List<Dimension> dims = new ArrayList<>();
        List<Attribute> attrs = new ArrayList<>();
        for (Node dn : top.list("dimensions")) {
            Binder.Obj d = b.object(dn, DIMENSION);
            if (!dn.isMap()) continue;
            String name = d.requiredString("name", "name the dimension, e.g. dim_customer");
            ident(b, d.get("name"), name);
            unique(b, seenDims, d.get("name"), name, "dimension");
            for (String key : List.of("natural_key", "surrogate_key")) {
                String k = blankToNull(d.string(key));
                if (k != null) ident(b, d.get(key), k);
            }
            Map<String, Node> seenAttrs = new HashMap<>();
            List<String> attrNames = new ArrayList<>();
            for (Node an : d.list("attributes")) {
                Binder.Obj a = b.object(an, ATTRIBUTE);
                if (!an.isMap()) continue;
                String an1 = a.requiredString("name", "name the attribute");
                ident(b, a.get("name"), an1);
                unique(b, seenAttrs, a.get("name"), an1, "attribute of " + name);
                String src = blankToNull(a.string("source"));
                if (src != null) qualified(b, a.get("source"), src);
                ScdType t = a.choice("scd_type", ScdType.class, "an SCD type");
                if (t != null && t.number() > 3) {
                    b.problem(a.get("scd_type"), "\"" + a.get("scd_type").text() + "\" is a dimension-level type; an attribute's scd_type is 1, 2 or 3");
                    t = null;
                }
                if (an1 != null) attrNames.add(an1);
                attrs.add(new Attribute(an, name, an1, blankToNull(a.string("source")), t, NameRules.businessCritical(an1)));
            }
            dims.add(new Dimension(dn, name, d.choice("type", ScdType.class, "an SCD type"),
                    blankToNull(d.string("natural_key")), blankToNull(d.string("surrogate_key")), attrNames, d.strings("hierarchy")));
        }
        b.throwIfProblems();

        List<ForeignKey> fks = new ArrayList<>();
        List<Node> fkNodes = f.list("foreign_keys");
        for (Node kn : fkNodes) {
            if (!kn.isScalar()) continue;
            fks.add(new ForeignKey(kn, factName, kn.text(), resolve(kn.text(), dims)));
        }
        return new DimensionalModel(fact, measures, fks, dims, attrs);
    }

    /** A name that reaches generated SQL: refused unless it is a safe identifier (the generators quote it too). */
    private static void ident(Binder b, Node at, String name) {
        if (name == null || name.isBlank()) return;
        String p = Identifiers.problem(name);
        if (p != null) b.problem(at, p);
    }

    /** A possibly qualified name ({@code relation.column}, {@code dim_customer.customer_key}). */
    private static void qualified(Binder b, Node at, String name) {
        if (name == null || name.isBlank()) return;
        String p = Identifiers.qualifiedProblem(name);
        if (p != null) b.problem(at, p);
    }

    /** A second entry of the same name is a located problem that names the first. */
    private static void unique(Binder b, Map<String, Node> seen, Node at, String name, String what) {
        if (name == null) return;
        Node first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), at);
        if (first != null) b.problem(at, "\"" + name + "\" is already the name of the " + what + " at line " + first.line() + "; each name appears once");
    }

    /** The dimension a foreign key names, or null. */
    static String resolve(String fk, List<Dimension> dims) {
        String k = fk.toLowerCase(Locale.ROOT).strip();
        if (k.contains(".")) k = k.substring(0, k.indexOf('.'));
        for (Dimension d : dims) {
            if (d.name() == null) continue;
            String n = d.name().toLowerCase(Locale.ROOT);
            if (k.equals(n) || k.equalsIgnoreCase(String.valueOf(d.surrogateKey())) || k.equalsIgnoreCase(String.valueOf(d.naturalKey()))) {
                return d.name();
            }
        }
        String base = k.replaceAll("_(key|id|sk|fk)$", "");
        for (Dimension d : dims) {
            if (d.name() == null) continue;
            String e = NameRules.entity(d.name().toLowerCase(Locale.ROOT));
            if (!base.equals(k) && (base.equals(e) || base.equals(NameRules.singular(e)))) return d.name();
        }
        return null;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
