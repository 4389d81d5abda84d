package dev.dece.core.contract;

import dev.dece.core.doc.Binder;
import dev.dece.core.drl.Check;
import dev.dece.core.drl.CheckKind;
import dev.dece.core.drl.Classification;
import dev.dece.core.drl.Contract;
import dev.dece.core.drl.ContractColumn;
import dev.dece.core.drl.ContractTable;
import dev.dece.core.drl.Expect;
import dev.dece.core.drl.Format;
import dev.dece.core.drl.Node;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Data Contract Specification document ({@code dataContractSpecification: 0.9.x .. 1.x}, the
 * {@code datacontract.yaml} format), read onto the same facts as the other formats, as {@code docs/quality.md}
 * maps it: {@code info} (title, version, owner, contact), {@code models} with their {@code fields} (types,
 * {@code required}, {@code unique}, {@code primaryKey}, constraints, {@code references}, {@code pii},
 * {@code classification}, {@code $ref} to {@code definitions}, nested {@code fields} and {@code items}),
 * {@code servicelevels} (freshness, latency, frequency, availability) and {@code quality}.
 */
final class DcsReader extends ContractReading {

    static final List<String> TOP = List.of("dataContractSpecification", "id", "info", "servers", "terms", "models", "definitions",
            "servicelevels", "quality", "links", "tags", "examples");
    static final List<String> INFO = List.of("title", "version", "status", "description", "owner", "contact");
    static final List<String> MODEL = List.of("description", "type", "title", "fields", "quality", "primaryKey", "config", "examples",
            "links", "tags", "additionalFields", "$ref");
    static final List<String> FIELD = List.of("$ref", "title", "type", "required", "primaryKey", "primary", "references", "unique",
            "enum", "minLength", "maxLength", "format", "precision", "scale", "pattern", "minimum", "exclusiveMinimum", "maximum",
            "exclusiveMaximum", "description", "pii", "classification", "tags", "links", "example", "examples", "fields", "items",
            "keys", "values", "quality", "lineage", "config", "domain", "name");
    static final List<String> QUALITY = List.of("type", "description", "query", "dialect", "specification", "engine",
            "implementation", "mustBe", "mustNotBe", "mustBeGreaterThan", "mustBeGreaterThanOrEqualTo", "mustBeGreaterOrEqualTo",
            "mustBeLessThan", "mustBeLessThanOrEqualTo", "mustBeLessOrEqualTo", "mustBeBetween", "mustNotBeBetween", "name",
            "dimension", "severity", "businessImpact", "tags", "schedule", "scheduler", "unit", "validValues", "metric", "arguments");

    /** The versions this reader reads, as messages name them. */
    static final String VERSIONS = "0.9.x and 1.x (e.g. 0.9.3, 1.1.0, 1.2.0)";

    private Map<String, Node> definitions = Map.of();

    /** One clear problem for a version this reader does not read; null when it reads it. */
    static dev.dece.core.input.Problem unsupportedVersion(Node root) {
        Node v = root.get("dataContractSpecification");
        if (!v.isScalar()) return dev.dece.core.input.Problem.at(v, "expected a version, e.g. 1.1.0");
        String s = v.text().strip();
        if (s.matches("0\\.9\\.\\d+|1\\.\\d+\\.\\d+")) return null;
        return dev.dece.core.input.Problem.at(v, "\"" + s + "\" is a Data Contract Specification version DECE does not read; it reads " + VERSIONS);
    }

    @Override
    Contract read(Node root) {
        Binder.Obj o = b.object(root, TOP);
        Binder.Obj info = b.object(o.get("info"), INFO);
        String name = blank(info.string("title"));
        Node nameNode = o.get("info").get("title");
        if (name == null) {
            name = blank(o.string("id"));
            nameNode = o.get("id");
        }
        if (o.get("info").isAbsent()) nonconforming(o.get("info"), "info is required by the Data Contract Specification", "add info with title, version and owner");
        if (o.get("id").isAbsent()) nonconforming(o.get("id"), "id is required by the Data Contract Specification", "add id, e.g. urn:datacontract:checkout:orders");
        String owner = blank(info.string("owner"));
        String channel = null;
        Node channelNode = o.get("info").get("contact");
        Node contact = o.get("info").get("contact");
        if (contact.isMap()) {
            Binder.Obj c = b.object(contact, List.of("name", "url", "email"));
            String url = blank(c.string("url"));
            String email = blank(c.string("email"));
            channel = url != null ? url : email;
        }
        // definitions: fields reuse them through $ref: '#/definitions/NAME'
        Node defs = o.get("definitions");
        if (defs.isMap()) {
            definitions = new LinkedHashMap<>(defs.fields());
            for (Node d : definitions.values()) b.object(d, FIELD);
        }

        // service levels
        Double fresh = null, every = null, avail = null;
        String freshElement = null, schedule = null;
        Node sl = o.get("servicelevels");
        Node freshNode = sl.missing("freshness");
        Node scheduleNode = sl.missing("frequency");
        if (sl.isMap()) {
            Binder.Obj s = b.object(sl, List.of("availability", "retention", "latency", "freshness", "frequency", "support", "backup"));
            Node f = s.get("freshness").isMap() ? s.get("freshness") : s.get("latency");
            if (f.isMap()) {
                Binder.Obj fo = b.object(f, List.of("description", "threshold", "timestampField", "sourceTimestampField", "processedTimestampField"));
                fresh = hours(fo.get("threshold"));
                freshNode = f;
                freshElement = blank(fo.string("timestampField"));
                if (freshElement == null) freshElement = blank(fo.string("processedTimestampField"));
            }
            Node q = s.get("frequency");
            if (q.isMap()) {
                Binder.Obj qo = b.object(q, List.of("description", "type", "interval", "cron"));
                String cron = blank(qo.string("cron"));
                if (cron != null) {
                    every = schedule(qo.get("cron"), cron);
                    schedule = cron;
                    scheduleNode = qo.get("cron");
                }
            }
            Node a = s.get("availability");
            if (a.isMap()) {
                Binder.Obj ao = b.object(a, List.of("description", "percentage"));
                Quantity p = quantity(ao.get("percentage"), "a percentage, e.g. 99.9%");
                if (p != null && (p.value() < 0 || p.value() > 100)) b.problem(ao.get("percentage"), "is not a percentage between 0 and 100");
                else if (p != null) avail = p.value();
            }
            for (String k : List.of("retention", "support", "backup")) {
                if (s.get(k).isPresent()) notChecked(s.get(k), "service level " + k, "DECE checks freshness, latency, frequency and availability; measure " + k + " in your monitoring");
            }
        }

        // models
        Node models = o.get("models");
        if (models.isAbsent()) nonconforming(models, "models is required to describe any data", "add models: {TABLE: {fields: {...}}}");
        else if (!models.isMap()) b.problem(models, "expected a mapping of model name to model");
        if (models.isMap()) {
            for (Map.Entry<String, Node> m : models.fields().entrySet()) model(m.getKey(), m.getValue(), fresh, freshElement, freshNode);
        }
        for (Node q : o.list("quality")) quality(q, null, null);
        return new Contract(root, "dcs", name, blank(info.string("version")), owner, List.of(), fresh, avail, null, null, channel, every,
                schedule, tables.size(), nameNode, o.get("info").get("version"), o.get("info").get("owner"), o.get("terms"),
                sl, freshNode, o.get("terms"), channelNode, scheduleNode);
    }

    /** A threshold as DCS writes it: {@code 25h}, {@code 30m}, {@code 2d}, or ISO 8601 ({@code PT25H}, {@code P1D}). */
    private Double hours(Node n) {
        if (n.isAbsent()) return null;
        if (n.isScalar() && n.text().strip().toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return Duration.parse(n.text().strip().toUpperCase(Locale.ROOT)).toSeconds() / 3600.0;
            } catch (DateTimeParseException e) {
                b.problem(n, "\"" + n.display() + "\" is not an ISO 8601 duration; e.g. PT25H or P1D");
                return null;
            }
        }
        Quantity q = quantity(n, "a duration, e.g. 25h, 30m or PT25H");
        if (q == null) return null;
        Double h = Schedules.hours(q.value(), q.unit() == null ? "h" : q.unit());
        if (h == null || h < 0) b.problem(n, "\"" + n.display() + "\" is not a duration; use a number with d, h, m, s or ms");
        return h;
    }

    private void model(String table, Node n, Double fresh, String freshElement, Node freshNode) {
        Binder.Obj o = b.object(n, MODEL);
        if (!n.isMap()) return;
        Node keyNode = n;
        if (!identifier(keyNode, table, true)) return;
        List<ContractColumn> mine = new ArrayList<>();
        List<ContractColumn> nested = new ArrayList<>();
        List<String> pk = new ArrayList<>();
        Node fields = o.get("fields");
        Node firstPk = null;
        if (fields.isMap()) {
            int i = 0;
            for (Map.Entry<String, Node> f : fields.fields().entrySet()) {
                ContractColumn c = field(table, f.getKey(), f.getValue(), i++, fresh, freshElement, freshNode, mine, nested);
                if (c != null && c.primaryKey()) {
                    pk.add(c.name());
                    if (firstPk == null) firstPk = c.node();
                }
            }
        } else if (fields.isPresent()) {
            b.problem(fields, "expected a mapping of field name to field");
        }
        // a model-level primaryKey list names the key's fields in order
        List<String> modelPk = o.strings("primaryKey");
        if (!modelPk.isEmpty()) {
            pk = modelPk;
            firstPk = o.get("primaryKey");
        }
        for (ContractColumn c : nested) mine.add(new ContractColumn(c.node(), c.table(), mine.size(), c.name(), c.type(), c.nullable(), c.pii(),
                c.classification(), c.classificationText(), false, false, c.description(), c.businessDefinition(), List.of(), List.of(),
                c.nameNode(), c.typeNode(), c.nullableNode(), c.piiNode(), c.classificationNode(), c.tags()));
        duplicates(mine);
        if (pk.size() == 1) {
            add(firstPk, table, pk.get(0), CheckKind.UNIQUE, null, null, null, null, null, null, null, null, null, null, null, Expect.ZERO, true);
        } else if (pk.size() > 1) {
            addComposite(firstPk, table, CheckKind.UNIQUE, pk, null, List.of(), true);
        }
        tables.add(new ContractTable(n, table, blank(o.string("title")) == null ? table : blank(o.string("title")), mine.size()));
        for (Node q : o.list("quality")) quality(q, table, null);
    }

    private ContractColumn field(String table, String name, Node n, int position, Double fresh, String freshElement, Node freshNode,
                                 List<ContractColumn> mine, List<ContractColumn> nested) {
        if (!n.isMap()) {
            b.problem(n, "expected a field mapping (type, required, description, ...)");
            return null;
        }
        b.object(n, FIELD);
        Node def = resolve(n);
        if (!identifier(n, name, false)) return null;
        String type = blank(text(n, def, "type"));
        Node typeNode = n.get("type").isPresent() ? n.get("type") : def.get("type");
        boolean required = flag(n, def, "required");
        boolean unique = flag(n, def, "unique");
        boolean pk = flag(n, def, "primaryKey") || flag(n, def, "primary");
        boolean pii = flag(n, def, "pii");
        String clsText = blank(text(n, def, "classification"));
        Classification cls = clsText == null ? null : Binder.match(clsText, Classification.class);
        List<String> tags = new ArrayList<>();
        for (Node t : list(n, def, "tags")) if (t.isScalar()) tags.add(t.text());
        if (clsText != null) tags.add(clsText);
        String description = blank(text(n, def, "description"));
        int before = checks.size();
        Node at = n;
        if (required || pk) add(n.get("required").isPresent() ? n.get("required") : at, table, name, CheckKind.NOT_NULL,
                null, null, null, null, null, null, null, null, null, null, null, Expect.ZERO, true);
        if (unique) add(n.get("unique").isPresent() ? n.get("unique") : at, table, name, CheckKind.UNIQUE,
                null, null, null, null, null, null, null, null, null, null, null, Expect.ZERO, true);
        // constraints, from the field or its definition
        Double min = number(n, def, "minimum"), max = number(n, def, "maximum");
        Double exMin = number(n, def, "exclusiveMinimum"), exMax = number(n, def, "exclusiveMaximum");
        if (exMin != null || exMax != null || min != null || max != null) {
            Double lo = exMin != null ? exMin : min, hi = exMax != null ? exMax : max;
            if (lo != null && hi != null && lo > hi) b.problem(at, "minimum " + Format.number(lo) + " is above maximum " + Format.number(hi));
            else addRange(at, table, name, lo, exMin != null, hi, exMax != null);
        }
        Double minLen = number(n, def, "minLength"), maxLen = number(n, def, "maxLength");
        if (minLen != null && minLen > 0 || maxLen != null) {
            add(at, table, name, CheckKind.LENGTH, minLen != null && minLen > 0 ? minLen : null, maxLen, null, null, null, null, null, null,
                    null, null, null, Expect.ZERO, true);
        }
        String pattern = text(n, def, "pattern");
        if (pattern != null && regex(n.get("pattern").isPresent() ? n.get("pattern") : def.get("pattern"), pattern)) {
            add(at, table, name, CheckKind.REGEX, null, null, null, pattern, null, null, null, null, null, null, null, Expect.ZERO, true);
        }
        List<String> values = new ArrayList<>();
        for (Node v : list(n, def, "enum")) if (v.isScalar()) values.add(v.text());
        if (!values.isEmpty()) add(at, table, name, CheckKind.ENUM, null, null, values, null, null, null, null, null, null, null, null, Expect.ZERO, true);
        String ref = text(n, def, "references");
        if (ref != null) {
            int dot = ref.lastIndexOf('.');
            if (dot <= 0 || dot == ref.length() - 1) {
                b.problem(n.get("references"), "expected model.field, e.g. customers.id");
            } else if (identifier(n.get("references"), ref.substring(0, dot), true) && identifier(n.get("references"), ref.substring(dot + 1), false)) {
                add(n.get("references"), table, name, CheckKind.REFERENTIAL, null, null, null, null, null, ref.substring(0, dot), ref.substring(dot + 1),
                        null, null, null, null, Expect.ZERO, false);
            }
        }
        if (fresh != null && freshElement != null && freshElement.equalsIgnoreCase(table + "." + name)) {
            add(freshNode, table, name, CheckKind.FRESHNESS, null, null, null, null, fresh, null, null, null, null, null, null, Expect.ZERO, true);
        }
        List<String> notRun = new ArrayList<>();
        for (String k : List.of("format", "precision", "scale")) {
            Node v = n.get(k).isPresent() ? n.get(k) : def.get(k);
            if (v.isPresent()) notRun.add(k + " " + v.display());
        }
        if (!notRun.isEmpty()) notChecked(n, "constraints of " + table + "." + name + ": " + String.join(", ", notRun),
                "DECE generates checks for required, unique, enum, minimum/maximum, minLength/maxLength, pattern and references");
        for (Node q : n.get("quality").isList() ? n.get("quality").items() : List.<Node>of()) quality(q, table, name);
        List<CheckKind> kinds = new ArrayList<>();
        List<String> enumValues = new ArrayList<>();
        for (Check k : checks.subList(before, checks.size())) {
            kinds.add(k.kind());
            if (k.kind() == CheckKind.ENUM) enumValues.addAll(k.values());
        }
        ContractColumn c = new ContractColumn(n, table, position, name, type(typeNode, type), !required && !pk, pii, cls, clsText, pk,
                unique || kinds.contains(CheckKind.UNIQUE), description, blank(text(n, def, "title")), sorted(enumValues), kinds, n, typeNode,
                n.get("required"), n.get("pii"), n.get("classification"), tags);
        mine.add(c);
        nestedFields(table, name, n, nested, 1);
        return c;
    }

    /** Fields inside an object field ({@code fields}) or an array's items ({@code items.fields}), named by path. */
    private void nestedFields(String table, String prefix, Node n, List<ContractColumn> out, int depth) {
        Node fields = n.get("fields").isMap() ? n.get("fields") : n.get("items").isMap() && n.get("items").get("fields").isMap()
                ? n.get("items").get("fields") : null;
        if (fields == null) return;
        if (depth > 32) {
            b.problem(n, "nests fields " + depth + " levels deep; DECE reads at most 32");
            return;
        }
        if (n.get("items").isMap()) b.object(n.get("items"), FIELD);
        List<String> constrained = new ArrayList<>();
        for (Map.Entry<String, Node> f : fields.fields().entrySet()) {
            Node c = f.getValue();
            if (!c.isMap()) {
                b.problem(c, "expected a field mapping");
                continue;
            }
            b.object(c, FIELD);
            if (!identifier(c, f.getKey(), false)) continue;
            Node def = resolve(c);
            String path = prefix + "." + f.getKey();
            boolean required = flag(c, def, "required");
            String clsText = blank(text(c, def, "classification"));
            if (required || c.get("unique").isPresent() || c.get("enum").isPresent() || c.get("pattern").isPresent() || c.get("references").isPresent()) {
                constrained.add(path);
            }
            Node typeNode = c.get("type").isPresent() ? c.get("type") : def.get("type");
            out.add(new ContractColumn(c, table, 0, path, type(typeNode, blank(text(c, def, "type"))), !required, flag(c, def, "pii"),
                    clsText == null ? null : Binder.match(clsText, Classification.class), clsText, false, false, blank(text(c, def, "description")),
                    null, List.of(), List.of(), c, typeNode, c.get("required"), c.get("pii"), c.get("classification"),
                    clsText == null ? List.of() : List.of(clsText)));
            nestedFields(table, path, c, out, depth + 1);
        }
        if (!constrained.isEmpty()) notChecked(n, "constraints on nested fields of " + table + ": " + String.join(", ", constrained),
                "DECE runs checks on top-level columns; check nested fields with a quality rule of type sql");
    }

    /** The definition a field's {@code $ref: '#/definitions/NAME'} points at; a missing node when none. */
    private Node resolve(Node field) {
        Node ref = field.get("$ref");
        if (ref.isAbsent()) return field.missing("$ref");
        String r = ref.isScalar() ? ref.text().strip() : "";
        if (!r.startsWith("#/definitions/")) {
            notChecked(ref, "a $ref outside this document (" + ref.display() + ")", "DECE resolves #/definitions/NAME only; copy the definition into the contract to have it checked");
            return field.missing("$ref");
        }
        Node d = definitions.get(r.substring("#/definitions/".length()));
        if (d == null) {
            b.problem(ref, "\"" + r + "\" names no entry of definitions" + (definitions.isEmpty() ? "" : "; defined: " + String.join(", ", definitions.keySet())));
            return field.missing("$ref");
        }
        return d;
    }

    private String text(Node field, Node def, String key) {
        Node n = field.get(key).isPresent() ? field.get(key) : def.get(key);
        if (n.isAbsent()) return null;
        if (!n.isScalar()) {
            b.problem(n, "expected text, found " + (n.isList() ? "a list" : "a mapping"));
            return null;
        }
        return n.text();
    }

    private boolean flag(Node field, Node def, String key) {
        Node n = field.get(key).isPresent() ? field.get(key) : def.get(key);
        if (n.isAbsent()) return false;
        if (n.isScalar() && !n.isQuoted() && (n.text().equals("true") || n.text().equals("false"))) return n.text().equals("true");
        b.problem(n, "\"" + n.display() + "\" is not a boolean; use true or false");
        return false;
    }

    private Double number(Node field, Node def, String key) {
        Node n = field.get(key).isPresent() ? field.get(key) : def.get(key);
        if (n.isAbsent()) return null;
        Quantity q = quantity(n, "a number");
        if (q == null) return null;
        if (q.unit() != null) {
            b.problem(n, "\"" + n.display() + "\" is not a plain number");
            return null;
        }
        return q.value();
    }

    private List<Node> list(Node field, Node def, String key) {
        Node n = field.get(key).isPresent() ? field.get(key) : def.get(key);
        if (n.isAbsent()) return List.of();
        if (n.isList()) return n.items();
        b.problem(n, "expected a list");
        return List.of();
    }

    private void quality(Node n, String table, String column) {
        Binder.Obj o = b.object(n, QUALITY);
        if (!n.isMap()) return;
        String type = o.string("type") == null ? "" : o.string("type").strip();
        if (type.equalsIgnoreCase("sql")) {
            String q = o.string("query");
            if (q == null) {
                b.problem(o.get("query"), "is required for type: sql; a SELECT returning one number");
                return;
            }
            if (table == null) {
                notChecked(n, "a contract-level sql check (no model to run it on)", "put it under the model's quality list");
                return;
            }
            customSql(o.get("query"), q);
            add(n, table, column, CheckKind.CUSTOM, null, null, null, null, null, null, null, null, null, null, q, expect(o), false);
            return;
        }
        notChecked(n, (type.isEmpty() ? "a quality entry with no type" : type + " quality checks") + (table == null ? "" : " on " + table),
                "they run in their own engine (" + (type.isEmpty() ? "none named" : type) + "); DECE runs type: sql checks");
    }

    private Expect expect(Binder.Obj o) {
        String[][] ops = {{"mustBe", "="}, {"mustNotBe", "!="}, {"mustBeGreaterThan", ">"}, {"mustBeGreaterThanOrEqualTo", ">="},
                {"mustBeGreaterOrEqualTo", ">="}, {"mustBeLessThan", "<"}, {"mustBeLessThanOrEqualTo", "<="}, {"mustBeLessOrEqualTo", "<="}};
        for (String[] op : ops) {
            Quantity q = quantity(o.get(op[0]), "a number");
            if (q != null) return new Expect(op[1], q.value(), 0, q.percent());
        }
        for (String k : List.of("mustBeBetween", "mustNotBeBetween")) {
            Node n = o.get(k);
            if (n.isAbsent()) continue;
            List<Node> items = n.isList() ? n.items() : List.of();
            Quantity lo = items.size() == 2 ? quantity(items.get(0), "a number") : null;
            Quantity hi = items.size() == 2 ? quantity(items.get(1), "a number") : null;
            if (lo == null || hi == null || lo.value() > hi.value()) {
                b.problem(n, "expected two numbers, smallest first, e.g. [100, 200]");
                continue;
            }
            return new Expect(k.equals("mustBeBetween") ? "between" : "not-between", lo.value(), hi.value(), false);
        }
        return Expect.ZERO;
    }
}
