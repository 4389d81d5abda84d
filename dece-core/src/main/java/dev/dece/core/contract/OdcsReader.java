package dev.dece.core.contract;

import dev.dece.core.doc.Binder;
import dev.dece.core.drl.BreakingChangePolicy;
import dev.dece.core.drl.Check;
import dev.dece.core.drl.CheckKind;
import dev.dece.core.drl.Classification;
import dev.dece.core.drl.Contract;
import dev.dece.core.drl.ContractColumn;
import dev.dece.core.drl.ContractTable;
import dev.dece.core.drl.Expect;
import dev.dece.core.drl.Format;
import dev.dece.core.drl.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An Open Data Contract Standard v3 document ({@code apiVersion: v3.x}, {@code kind: DataContract}), mapped as {@code docs/quality.md} describes. */
final class OdcsReader extends ContractReading {

    static final List<String> ODCS_TOP = List.of("version", "kind", "apiVersion", "id", "name", "tenant", "tags", "status",
            "servers", "dataProduct", "description", "domain", "schema", "support", "price", "team", "roles",
            "slaDefaultElement", "slaProperties", "authoritativeDefinitions", "customProperties", "contractCreatedTs");
    static final List<String> ODCS_OBJECT = List.of("id", "name", "physicalName", "physicalType", "description", "businessName",
            "authoritativeDefinitions", "tags", "customProperties", "logicalType", "dataGranularityDescription",
            "properties", "quality", "relationships");
    static final List<String> ODCS_PROPERTY = List.of("id", "name", "physicalName", "primaryKey", "primaryKeyPosition",
            "logicalType", "logicalTypeOptions", "physicalType", "required", "unique", "partitioned",
            "partitionKeyPosition", "classification", "encryptedName", "transformSourceObjects", "transformLogic",
            "transformDescription", "examples", "criticalDataElement", "quality", "description", "businessName",
            "authoritativeDefinitions", "tags", "customProperties", "relationships", "items", "properties");
    static final List<String> ODCS_QUALITY = List.of("id", "name", "description", "dimension", "method", "schedule",
            "scheduler", "severity", "tags", "type", "unit", "businessImpact", "customProperties",
            "authoritativeDefinitions", "rule", "metric", "arguments", "mustBe", "mustNotBe", "mustBeGreaterThan",
            "mustBeGreaterOrEqualTo", "mustBeLessThan", "mustBeLessOrEqualTo", "mustBeBetween", "mustNotBeBetween",
            "query", "engine", "implementation", "validValues");

    @Override
    Contract read(Node root) {
        Binder.Obj o = b.object(root, ODCS_TOP);
        String api = o.string("apiVersion");
        if (api == null) {
            b.problem(o.get("apiVersion"), "is required: the ODCS version, v3.0.0 .. v3.1.0");
        } else if (!api.strip().matches("v3\\.\\d+\\.\\d+")) {
            b.problem(o.get("apiVersion"), "\"" + api + "\" is not an ODCS v3 version; DECE reads v3.x.y (e.g. v3.0.2, v3.1.0)");
        }
        String kind = o.string("kind");
        if (kind == null) b.problem(o.get("kind"), "is required: DataContract");
        else if (!kind.equals("DataContract")) b.problem(o.get("kind"), "\"" + kind + "\" is not a kind DECE reads; use DataContract");
        String name = blank(o.string("name"));
        Node nameNode = o.get("name");
        if (name == null && o.get("dataProduct").isPresent()) {
            name = blank(o.string("dataProduct"));
            nameNode = o.get("dataProduct");
        }
        if (name == null && o.get("id").isPresent()) {
            name = blank(o.string("id"));
            nameNode = o.get("id");
        }
        Map<String, Node> custom = customProperties(o.get("customProperties"));

        // owner: team.name (v3.1 object) or the team member whose role is owner (v3.0 list)
        String owner = null;
        Node ownerNode = o.get("team");
        Node team = o.get("team");
        if (team.isMap()) {
            Binder.Obj t = b.object(team, List.of("id", "name", "description", "members", "tags", "customProperties", "authoritativeDefinitions"));
            owner = blank(t.string("name"));
            if (owner != null) ownerNode = t.get("name");
        } else {
            for (Node m : o.list("team")) {
                Binder.Obj mo = b.object(m, List.of("id", "username", "name", "role", "dateIn", "dateOut", "replacedByUsername",
                        "description", "tags", "customProperties", "authoritativeDefinitions"));
                String role = mo.string("role");
                if (owner == null && role != null && role.toLowerCase(Locale.ROOT).contains("owner")) {
                    owner = blank(mo.string("username"));
                    if (owner == null) owner = blank(mo.string("name"));
                    ownerNode = m;
                }
            }
        }
        Node consumersNode = custom.getOrDefault("consumers", o.get("customProperties").missing("consumers"));
        List<String> consumers = new ArrayList<>();
        if (consumersNode.isList()) {
            for (Node x : consumersNode.items()) if (x.isScalar() && !x.text().isBlank()) consumers.add(x.text().strip());
        } else if (consumersNode.isScalar()) {
            for (String s : consumersNode.text().split(",")) if (!s.isBlank()) consumers.add(s.strip());
        }
        Node policyNode = custom.getOrDefault("breakingChangePolicy", o.get("customProperties").missing("breakingChangePolicy"));
        BreakingChangePolicy policy = policyNode.isPresent() ? b.choice(policyNode, BreakingChangePolicy.class, "a breaking-change policy") : null;

        // notification channel: the support channel for announcements, else the first one
        String channel = null;
        Node channelNode = o.get("support");
        for (Node s : o.list("support")) {
            Binder.Obj so = b.object(s, List.of("id", "channel", "url", "description", "tool", "scope", "invitationUrl", "customProperties"));
            String ch = blank(so.string("channel"));
            String url = blank(so.string("url"));
            String label = ch == null ? url : url == null ? ch : ch + " (" + url + ")";
            if (label == null) continue;
            if (channel == null || "announcements".equalsIgnoreCase(so.string("scope"))) {
                if (channel != null && !"announcements".equalsIgnoreCase(so.string("scope"))) continue;
                channel = label;
                channelNode = s;
            }
        }

        // SLA: latency -> freshness hours (+ element), frequency -> pipeline interval, availability
        Double fresh = null, every = null, avail = null;
        String schedule = null, freshElement = null;
        Node freshNode = o.get("slaProperties").missing("latency");
        Node scheduleNode = o.get("slaProperties").missing("frequency");
        String defaultElement = blank(o.string("slaDefaultElement"));
        for (Node s : o.list("slaProperties")) {
            Binder.Obj so = b.object(s, List.of("id", "property", "value", "valueExt", "unit", "element", "driver", "description", "scheduler", "schedule"));
            String prop = so.string("property");
            if (prop == null) {
                b.problem(so.get("property"), "is required: the SLA property, e.g. latency, frequency");
                continue;
            }
            String p = prop.toLowerCase(Locale.ROOT);
            if (p.equals("latency") || p.equals("freshness") || p.equals("frequency")) {
                Double v = so.number("value", 0, "a duration, with unit d, h or m");
                if (v == null) continue;
                Double h = Schedules.hours(v, so.string("unit") == null ? "d" : so.string("unit"));
                if (h == null) {
                    b.problem(so.get("unit"), "\"" + so.string("unit") + "\" is not a duration unit; use d, h or m");
                    continue;
                }
                if (p.equals("frequency")) {
                    every = h;
                    schedule = "every " + Format.number(v) + " " + (so.string("unit") == null ? "d" : so.string("unit"));
                    scheduleNode = s;
                } else {
                    fresh = h;
                    freshNode = s;
                    freshElement = blank(so.string("element"));
                }
            } else if (p.equals("availability")) {
                avail = so.number("value", 0, "a percentage");
            }
        }
        if (freshElement == null) freshElement = defaultElement;

        List<Node> objects = o.list("schema");
        Map<String, String> physical = new LinkedHashMap<>();
        for (Node obj : objects) {
            if (!obj.isMap()) continue;
            String n = obj.get("name").isScalar() ? obj.get("name").text() : null;
            String p = obj.get("physicalName").isScalar() ? obj.get("physicalName").text() : n;
            if (n != null && p != null) physical.put(n, p);
            if (p != null) physical.put(p, p);
        }
        for (int i = 0; i < objects.size(); i++) odcsObject(objects.get(i), physical, fresh, freshElement, freshNode);
        return new Contract(root, "odcs", name, blank(o.string("version")), owner, consumers, fresh, avail, null, policy,
                channel, every, schedule, tables.size(), nameNode, o.get("version"), ownerNode, consumersNode,
                o.get("slaProperties"), freshNode, policyNode, channelNode, scheduleNode);
    }

    /** A property's tags, and its custom properties as PII evidence: a {@code true} property by its name, others by value. */
    static List<String> tags(Binder.Obj o, Map<String, Node> custom) {
        List<String> out = new ArrayList<>(o.strings("tags"));
        for (Map.Entry<String, Node> e : custom.entrySet()) {
            Node v = e.getValue();
            if (!v.isScalar()) continue;
            if ("true".equalsIgnoreCase(v.text())) out.add(e.getKey());
            else if (e.getKey().equalsIgnoreCase("classification") || e.getKey().equalsIgnoreCase("sensitivity")) out.add(v.text());
        }
        return out;
    }

    private void odcsObject(Node n, Map<String, String> physical, Double fresh, String freshElement, Node freshNode) {
        Binder.Obj o = b.object(n, ODCS_OBJECT);
        if (!n.isMap()) return;
        String logical = o.requiredString("name", "name the schema object (table)");
        String table = blank(o.string("physicalName"));
        Node tableNode = o.get("physicalName");
        if (table == null) {
            table = blank(logical);
            tableNode = o.get("name");
        }
        if (table == null) return;
        if (!identifier(tableNode, table, true)) return;
        List<ContractColumn> mine = new ArrayList<>();
        List<Node> props = o.list("properties");
        for (int i = 0; i < props.size(); i++) {
            ContractColumn c = odcsProperty(props.get(i), table, logical, i, physical, fresh, freshElement, freshNode);
            if (c != null) mine.add(c);
        }
        duplicates(mine);
        tables.add(new ContractTable(n, table, logical == null ? table : logical, mine.size()));
        for (Node q : o.list("quality")) odcsQuality(q, table, null);
    }

    private ContractColumn odcsProperty(Node n, String table, String logicalTable, int position, Map<String, String> physical,
                                Double fresh, String freshElement, Node freshNode) {
        Binder.Obj o = b.object(n, ODCS_PROPERTY);
        if (!n.isMap()) return null;
        String logical = o.requiredString("name", "name the property (column)");
        String name = blank(o.string("physicalName"));
        Node nameNode = o.get("physicalName");
        if (name == null) {
            name = blank(logical);
            nameNode = o.get("name");
        }
        if (name == null || !identifier(nameNode, name, false)) return null;
        String type = blank(o.string("physicalType"));
        Node typeNode = o.get("physicalType");
        if (type == null) {
            type = blank(o.string("logicalType"));
            typeNode = o.get("logicalType");
        }
        Boolean required = o.bool("required");
        Boolean unique = o.bool("unique");
        Boolean pk = o.bool("primaryKey");
        String clsText = blank(o.string("classification"));
        Classification cls = clsText == null ? null : Binder.match(clsText, Classification.class);
        Map<String, Node> custom = customProperties(o.get("customProperties"));
        boolean pii = false;
        Node piiNode = custom.getOrDefault("pii", o.get("customProperties").missing("pii"));
        if (piiNode.isScalar()) pii = "true".equalsIgnoreCase(piiNode.text());
        for (String tag : o.strings("tags")) {
            if (tag.equalsIgnoreCase("pii")) {
                pii = true;
                piiNode = o.get("tags");
            }
        }
        int before = checks.size();
        boolean isPk = pk != null && pk;
        if (required != null && required || isPk) {
            add(required != null && required ? o.get("required") : o.get("primaryKey"), table, name, CheckKind.NOT_NULL,
                    null, null, null, null, null, null, null, null, null, null, null, Expect.ZERO, true);
        }
        if (unique != null && unique || isPk && !hasPkSibling(n)) {
            add(unique != null && unique ? o.get("unique") : o.get("primaryKey"), table, name, CheckKind.UNIQUE,
                    null, null, null, null, null, null, null, null, null, null, null, Expect.ZERO, true);
        }
        Node lto = o.get("logicalTypeOptions");
        if (lto.isMap()) {
            Binder.Obj l = b.object(lto, List.of("minLength", "maxLength", "pattern", "format", "minimum", "maximum",
                    "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "maxProperties", "minProperties", "required",
                    "maxItems", "minItems", "uniqueItems", "timezone", "defaultTimezone"));
            Double min = l.get("minimum").isScalar() && !l.get("minimum").isQuoted() ? l.number("minimum", -Double.MAX_VALUE, "a number") : null;
            Double max = l.get("maximum").isScalar() && !l.get("maximum").isQuoted() ? l.number("maximum", -Double.MAX_VALUE, "a number") : null;
            if (min != null || max != null) {
                add(lto, table, name, CheckKind.RANGE, min, max, null, null, null, null, null, null, null, null, null, Expect.ZERO, true);
            }
            String pattern = l.string("pattern");
            if (pattern != null && regex(l.get("pattern"), pattern)) {
                add(l.get("pattern"), table, name, CheckKind.REGEX, null, null, null, pattern, null, null, null, null, null, null, null, Expect.ZERO, true);
            }
        }
        if (fresh != null && freshElement != null && (freshElement.equalsIgnoreCase(table + "." + name)
                || freshElement.equalsIgnoreCase(logicalTable + "." + logical))) {
            add(freshNode, table, name, CheckKind.FRESHNESS, null, null, null, null, fresh, null, null, null, null, null, null, Expect.ZERO, true);
        }
        for (Node r : o.list("relationships")) {
            Binder.Obj ro = b.object(r, List.of("type", "from", "to", "customProperties"));
            String to = ro.string("to");
            if (to == null || !to.contains(".")) {
                b.problem(ro.get("to"), "expected table.column, e.g. customers.id");
                continue;
            }
            String rt = to.substring(0, to.lastIndexOf('.'));
            String rc = to.substring(to.lastIndexOf('.') + 1);
            rt = physical.getOrDefault(rt, rt);
            if (identifier(ro.get("to"), rt, true) && identifier(ro.get("to"), rc, false)) {
                add(r, table, name, CheckKind.REFERENTIAL, null, null, null, null, null, rt, rc, null, null, null, null, Expect.ZERO, false);
            }
        }
        for (Node q : o.list("quality")) odcsQuality(q, table, name);
        List<CheckKind> kinds = new ArrayList<>();
        List<String> enumValues = new ArrayList<>();
        for (Check k : checks.subList(before, checks.size())) {
            kinds.add(k.kind());
            if (k.kind() == CheckKind.ENUM) enumValues.addAll(k.values());
        }
        return new ContractColumn(n, table, position, name, type(typeNode, type), !isPk && (required == null || !required), pii, cls, clsText,
                isPk, unique != null && unique || kinds.contains(CheckKind.UNIQUE), blank(o.string("description")),
                blank(o.string("businessName")), sorted(enumValues), kinds, nameNode, typeNode, o.get("required"), piiNode,
                o.get("classification"), tags(o, custom));
    }

    /** A composite primary key is unique as a whole, not per column. */
    private static boolean hasPkSibling(Node property) {
        return property.get("primaryKeyPosition").isScalar() && !"1".equals(property.get("primaryKeyPosition").text())
                && !"-1".equals(property.get("primaryKeyPosition").text());
    }

    private void odcsQuality(Node n, String table, String column) {
        Binder.Obj o = b.object(n, ODCS_QUALITY);
        if (!n.isMap()) return;
        String type = o.string("type") == null ? "library" : o.string("type").toLowerCase(Locale.ROOT);
        Expect expect = expect(o);
        boolean percent = "percent".equalsIgnoreCase(o.string("unit"));
        if (expect != null && percent) expect = new Expect(expect.op(), expect.a(), expect.b(), true);
        switch (type) {
            case "text":
                return; // prose for people; nothing to run
            case "sql": {
                String q = o.string("query");
                if (q == null) {
                    b.problem(o.get("query"), "is required for type: sql; a SELECT returning one number");
                    return;
                }
                customSql(o.get("query"), q);
                add(n, table, column, CheckKind.CUSTOM, null, null, null, null, null, null, null, null, null, null, q,
                        expect == null ? Expect.ZERO : expect, false);
                return;
            }
            case "custom":
                b.problem(o.get("type"), "custom checks run in another engine (" + o.get("engine").display()
                        + "); DECE runs library and sql checks. Use type: sql to have DECE run it");
                return;
            case "library":
                break;
            default:
                b.problem(o.get("type"), "\"" + type + "\" is not a quality type; use library, sql, text or custom");
                return;
        }
        Node metricNode = o.get("metric").isPresent() ? o.get("metric") : o.get("rule");
        if (metricNode.isAbsent()) {
            b.problem(o.get("metric"), "is required for a library check: nullValues, missingValues, duplicateValues, invalidValues or rowCount");
            return;
        }
        String metric = metricNode.text();
        Node args = o.get("arguments");
        Binder.Obj a = b.object(args, List.of("validValues", "pattern", "missingValues", "properties"));
        Expect e = expect == null ? Expect.ZERO : expect;
        switch (metric == null ? "" : metric) {
            case "nullValues":
            case "missingValues":
                needColumn(metricNode, column, metric);
                if (column != null) add(n, table, column, CheckKind.NOT_NULL, null, null, null, null, null, null, null, null, null, null, null, e, false);
                return;
            case "duplicateValues":
                needColumn(metricNode, column, metric);
                if (column != null) add(n, table, column, CheckKind.UNIQUE, null, null, null, null, null, null, null, null, null, null, null, e, false);
                return;
            case "invalidValues":
            case "validValues": {
                needColumn(metricNode, column, metric);
                List<String> valid = a.get("validValues").isPresent() ? a.strings("validValues") : o.strings("validValues");
                String pattern = a.string("pattern");
                if (column == null) return;
                if (!valid.isEmpty()) {
                    add(n, table, column, CheckKind.ENUM, null, null, valid, null, null, null, null, null, null, null, null, e, false);
                } else if (pattern != null) {
                    if (regex(a.get("pattern"), pattern)) {
                        add(n, table, column, CheckKind.REGEX, null, null, null, pattern, null, null, null, null, null, null, null, e, false);
                    }
                } else {
                    b.problem(args, "invalidValues needs arguments.validValues or arguments.pattern");
                }
                return;
            }
            case "rowCount":
                if (expect == null) {
                    b.problem(n, "rowCount needs a bound: mustBeBetween, mustBeGreaterThan, ...");
                    return;
                }
                add(n, table, null, CheckKind.VOLUME, null, null, null, null, null, null, null, null, null, null, null, expect, false);
                return;
            default:
                b.problem(metricNode, "\"" + metric + "\" is not a library metric DECE runs; use nullValues, missingValues, "
                        + "duplicateValues, invalidValues or rowCount (or type: sql)");
        }
    }

    private void needColumn(Node at, String column, String metric) {
        if (column == null) b.problem(at, metric + " checks one property; put it under that property's quality list");
    }

    private Expect expect(Binder.Obj o) {
        String[][] ops = {{"mustBe", "="}, {"mustNotBe", "!="}, {"mustBeGreaterThan", ">"}, {"mustBeGreaterOrEqualTo", ">="},
                {"mustBeLessThan", "<"}, {"mustBeLessOrEqualTo", "<="}};
        Expect out = null;
        for (String[] op : ops) {
            Double v = o.number(op[0], -Double.MAX_VALUE, "a number");
            if (v != null) out = new Expect(op[1], v, 0, false);
        }
        for (String k : List.of("mustBeBetween", "mustNotBeBetween")) {
            Node n = o.get(k);
            if (n.isAbsent()) continue;
            List<Node> items = n.isList() ? n.items() : List.of();
            Double lo = items.size() == 2 ? num(items.get(0)) : null;
            Double hi = items.size() == 2 ? num(items.get(1)) : null;
            if (lo == null || hi == null || lo > hi) {
                b.problem(n, "expected two numbers, smallest first, e.g. [100, 200]");
                continue;
            }
            out = new Expect(k.equals("mustBeBetween") ? "between" : "not-between", lo, hi, false);
        }
        return out;
    }

    private static Double num(Node n) {
        if (!n.isScalar() || n.isQuoted()) return null;
        try {
            return Double.parseDouble(n.text());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Map<String, Node> customProperties(Node n) {
        Map<String, Node> out = new LinkedHashMap<>();
        if (n.isAbsent()) return out;
        if (!n.isList()) {
            b.problem(n, "expected a list of {property, value}");
            return out;
        }
        for (Node item : n.items()) {
            Binder.Obj o = b.object(item, List.of("property", "value", "id", "description"));
            String p = o.string("property");
            if (p != null) out.put(p, o.get("value"));
        }
        return out;
    }
}
