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
import java.util.Objects;

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

    /** The ODCS versions this reader reads, as messages name them. */
    static final String VERSIONS = "v3.0.0, v3.0.1, v3.0.2 or v3.1.0";

    /**
     * One clear problem when the document is ODCS of a version DECE does not read (a v3.2 draft, v2.x), so it is
     * not refused line by line for keys of a schema DECE never read; null when the version is one of {@link #VERSIONS}.
     */
    static dev.dece.core.input.Problem unsupportedVersion(Node root) {
        Node v = root.get("apiVersion");
        if (!v.isScalar()) return null;
        String api = v.text().strip();
        if (api.matches("v3\\.0\\.[0-2]") || api.equals("v3.1.0")) return null;
        return dev.dece.core.input.Problem.at(v, "\"" + api + "\" is an ODCS version DECE does not read; it reads " + VERSIONS
                + (api.matches("v?[0-2](\\..*)?") ? " (convert a v2 contract with the ODCS migration guide)" : ""));
    }

    /**
     * Where the document departs from the ODCS JSON Schema's requirements, as findings (CON-018) rather than a
     * refused file: the required top-level fields ({@code version, apiVersion, id, kind, status}) and values written
     * as {@code null}, which no ODCS field allows.
     */
    private void conformance(Node root) {
        for (String k : List.of("version", "id", "status")) {
            if (root.get(k).isAbsent() || root.get(k).isScalar() && root.get(k).text().isBlank()) {
                nonconforming(root.get(k), k + " is required by the ODCS schema", "add " + k + (k.equals("status")
                        ? " (e.g. proposed, draft, active, deprecated, retired)" : k.equals("version") ? " (the contract's own version, e.g. 1.0.0)"
                        : " (a stable identifier, e.g. a UUID or orders-v1)"));
            }
        }
        nulls(root, 0);
    }

    private void nulls(Node n, int depth) {
        if (depth > 64) return;
        if (n.isMap()) {
            for (Map.Entry<String, Node> e : n.fields().entrySet()) {
                if (e.getValue().kind() == Node.Kind.NULL) {
                    nonconforming(e.getValue(), e.getKey() + " is null, which the ODCS schema does not allow",
                            "give " + e.getKey() + " a value or remove the key");
                } else {
                    nulls(e.getValue(), depth + 1);
                }
            }
        } else if (n.isList()) {
            for (Node i : n.items()) nulls(i, depth + 1);
        }
    }

    @Override
    Contract read(Node root) {
        Binder.Obj o = b.object(root, ODCS_TOP);
        String api = o.string("apiVersion");
        if (api == null) {
            b.problem(o.get("apiVersion"), "is required: the ODCS version, " + VERSIONS);
        }
        conformance(root);
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
                Quantity q = quantity(so.get("value"), "a duration: a number with a unit (d, h, m, s, ms), e.g. 4, \"4h\" or \"500ms\"");
                if (q == null) continue;
                if (q.value() < 0) {
                    b.problem(so.get("value"), "\"" + so.get("value").display() + "\" is a negative duration; expected 0 or more");
                    continue;
                }
                String unitKey = blank(so.string("unit"));
                if (q.unit() != null && unitKey != null && !Objects.equals(Schedules.hours(1, q.unit()), Schedules.hours(1, unitKey))) {
                    b.problem(so.get("unit"), "\"" + unitKey + "\" disagrees with the unit in the value \"" + so.get("value").display() + "\"; write the unit once");
                    continue;
                }
                String unit = q.unit() != null ? q.unit() : unitKey != null ? unitKey : "d";
                Double h = Schedules.hours(q.value(), unit);
                if (h == null) {
                    b.problem(q.unit() != null ? so.get("value") : so.get("unit"), "\"" + unit + "\" is not a duration unit; use d, h, m, s or ms");
                    continue;
                }
                if (p.equals("frequency")) {
                    every = h;
                    schedule = "every " + Format.number(q.value()) + " " + unit;
                    scheduleNode = s;
                } else {
                    fresh = h;
                    freshNode = s;
                    freshElement = blank(so.string("element"));
                }
            } else if (p.equals("availability")) {
                Quantity q = quantity(so.get("value"), "a percentage, e.g. 99.9 or \"99.9%\"");
                if (q != null && (q.value() < 0 || q.value() > 100 || q.unit() != null && !q.percent())) {
                    b.problem(so.get("value"), "\"" + so.get("value").display() + "\" is not a percentage between 0 and 100");
                } else if (q != null) {
                    avail = q.value();
                }
            } else {
                notChecked(s, "SLA property " + prop + " (" + so.get("value").display() + (so.string("unit") == null ? "" : " " + so.string("unit"))
                        + ")", "DECE checks latency/freshness, frequency and availability; measure " + prop + " in your monitoring");
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
        int pkCount = 0;
        for (Node p : props) if (p.isMap() && p.get("primaryKey").isScalar() && "true".equalsIgnoreCase(p.get("primaryKey").text())) pkCount++;
        for (int i = 0; i < props.size(); i++) {
            ContractColumn c = odcsProperty(props.get(i), table, logical, i, physical, fresh, freshElement, freshNode, pkCount > 1);
            if (c != null) mine.add(c);
        }
        List<ContractColumn> nested = new ArrayList<>();
        for (Node p : props) {
            if (p.isMap()) nested(p, leafName(p), table, nested, mine.size(), 1);
        }
        mine.addAll(nested);
        duplicates(mine);
        if (pkCount > 1) compositeKey(props, mine, table);
        tables.add(new ContractTable(n, table, logical == null ? table : logical, mine.size()));
        for (Node r : o.list("relationships")) objectRelationship(r, table, logical, physical, mine);
        for (Node q : o.list("quality")) odcsQuality(q, table, null);
    }

    private static String leafName(Node p) {
        Node n = p.get("physicalName").isScalar() && !p.get("physicalName").text().isBlank() ? p.get("physicalName") : p.get("name");
        return n.isScalar() ? n.text().strip() : null;
    }

    /**
     * The fields inside an object or array property ({@code properties}, {@code items} and its {@code properties}),
     * read as columns named by their path ({@code address.city}, {@code lines.sku}) so PII, classification and
     * schema-change rules see them; no SQL checks are generated on them (a note says which constraints were read).
     */
    private void nested(Node parent, String prefix, String table, List<ContractColumn> out, int firstPosition, int depth) {
        if (prefix == null) return;
        List<Node> children = new ArrayList<>(parent.get("properties").isList() ? parent.get("properties").items() : List.of());
        Node items = parent.get("items");
        if (items.isMap()) {
            b.object(items, ODCS_PROPERTY);
            if (items.get("properties").isList()) children.addAll(items.get("properties").items());
        }
        if (children.isEmpty()) return;
        if (depth > 32) {
            b.problem(parent, "nests fields " + depth + " levels deep; DECE reads at most 32");
            return;
        }
        List<String> constrained = new ArrayList<>();
        for (Node c : children) {
            Binder.Obj o = b.object(c, ODCS_PROPERTY);
            if (!c.isMap()) continue;
            String leaf = leafName(c);
            if (leaf == null || leaf.isBlank()) {
                b.problem(c.get("name"), "is required: name the nested field");
                continue;
            }
            Node nameNode = c.get("physicalName").isScalar() ? c.get("physicalName") : c.get("name");
            if (!identifier(nameNode, leaf, false)) continue;
            String path = prefix + "." + leaf;
            String type = blank(o.string("physicalType"));
            Node typeNode = o.get("physicalType");
            if (type == null) {
                type = blank(o.string("logicalType"));
                typeNode = o.get("logicalType");
            }
            Boolean required = o.bool("required");
            String clsText = blank(o.string("classification"));
            Map<String, Node> custom = customProperties(o.get("customProperties"));
            Node piiNode = custom.getOrDefault("pii", o.get("customProperties").missing("pii"));
            boolean pii = piiNode.isScalar() && "true".equalsIgnoreCase(piiNode.text());
            for (String tag : o.strings("tags")) if (tag.equalsIgnoreCase("pii")) pii = true;
            if (required != null && required || o.get("unique").isPresent() || o.get("quality").isPresent()
                    || o.get("logicalTypeOptions").isPresent() || o.get("relationships").isPresent()) {
                constrained.add(path);
            }
            out.add(new ContractColumn(c, table, firstPosition + out.size(), path, type(typeNode, type), required == null || !required, pii,
                    clsText == null ? null : Binder.match(clsText, Classification.class), clsText, false, false, blank(o.string("description")),
                    blank(o.string("businessName")), List.of(), List.of(), nameNode, typeNode, o.get("required"), piiNode,
                    o.get("classification"), tags(o, custom)));
            nested(c, path, table, out, firstPosition, depth + 1);
        }
        if (!constrained.isEmpty()) {
            notChecked(parent, "constraints on nested fields of " + table + ": " + String.join(", ", constrained),
                    "DECE runs checks on top-level columns; check nested fields with a quality rule of type sql");
        }
    }

    /**
     * A primary key of several properties is unique as one tuple, ordered by {@code primaryKeyPosition} (document
     * order where a position is missing): one check over the tuple, never one per column.
     */
    private void compositeKey(List<Node> props, List<ContractColumn> mine, String table) {
        List<Object[]> keyed = new ArrayList<>();
        Node first = null;
        for (ContractColumn c : mine) {
            if (!c.primaryKey()) continue;
            Node pos = c.node().get("primaryKeyPosition");
            int p = Integer.MAX_VALUE;
            if (pos.isScalar()) {
                try {
                    p = Integer.parseInt(pos.text().strip());
                } catch (NumberFormatException e) {
                    b.problem(pos, "\"" + pos.display() + "\" is not a key position; use 1, 2, ... (the column's place in the composite key)");
                }
            }
            keyed.add(new Object[] {p, c.position(), c.name()});
            if (first == null) first = c.node().get("primaryKey");
        }
        keyed.sort((x, y) -> (Integer) x[0] != (int) (Integer) y[0] ? Integer.compare((Integer) x[0], (Integer) y[0])
                : Integer.compare((Integer) x[1], (Integer) y[1]));
        List<String> cols = new ArrayList<>();
        for (Object[] k : keyed) cols.add((String) k[2]);
        if (cols.size() > 1) addComposite(first, table, CheckKind.UNIQUE, cols, null, List.of(), true);
    }

    /**
     * A schema-level relationship ({@code from}/{@code to} as {@code table.column} or lists of them for a composite
     * foreign key, ODCS v3.1): one referential check over the key.
     */
    private void objectRelationship(Node r, String table, String logical, Map<String, String> physical, List<ContractColumn> mine) {
        Binder.Obj ro = b.object(r, List.of("id", "type", "from", "to", "customProperties", "description"));
        String type = ro.string("type");
        if (type != null && !type.equalsIgnoreCase("foreignKey")) {
            b.problem(ro.get("type"), "\"" + type + "\" is not a relationship type DECE checks; use foreignKey");
            return;
        }
        List<String[]> from = refs(ro.get("from"), "from");
        List<String[]> to = refs(ro.get("to"), "to");
        if (from == null || to == null) return;
        if (from.size() != to.size()) {
            b.problem(ro.get("to"), "names " + to.size() + " column(s) for the " + from.size() + " of 'from'; a foreign key pairs them one to one");
            return;
        }
        List<String> cols = new ArrayList<>();
        List<String> refCols = new ArrayList<>();
        String refTable = null;
        for (int i = 0; i < from.size(); i++) {
            String ft = from.get(i)[0];
            if (!ft.equalsIgnoreCase(table) && !ft.equalsIgnoreCase(logical == null ? "" : logical)
                    && !physical.getOrDefault(ft, ft).equalsIgnoreCase(table)) {
                b.problem(ro.get("from"), "\"" + ft + "." + from.get(i)[1] + "\" is not a column of " + table
                        + "; a schema object's relationship starts at its own properties");
                return;
            }
            String tt = physical.getOrDefault(to.get(i)[0], to.get(i)[0]);
            if (refTable != null && !refTable.equals(tt)) {
                b.problem(ro.get("to"), "names two tables (" + refTable + ", " + tt + "); a foreign key references one table");
                return;
            }
            refTable = tt;
            if (!identifier(ro.get("from"), from.get(i)[1], false) || !identifier(ro.get("to"), to.get(i)[1], false)) return;
            cols.add(from.get(i)[1]);
            refCols.add(to.get(i)[1]);
        }
        if (refTable == null || !identifier(ro.get("to"), refTable, true)) return;
        addComposite(r, table, CheckKind.REFERENTIAL, cols, refTable, refCols, false);
    }

    /** {@code table.column} or a list of them, split at the last dot; null after a located problem. */
    private List<String[]> refs(Node n, String key) {
        List<Node> items = n.isList() ? n.items() : n.isScalar() ? List.of(n) : List.of();
        if (items.isEmpty()) {
            b.problem(n, "is required: table.column, or a list of them for a composite key");
            return null;
        }
        List<String[]> out = new ArrayList<>();
        for (Node i : items) {
            String t = i.isScalar() ? i.text().strip() : "";
            int dot = t.lastIndexOf('.');
            if (dot <= 0 || dot == t.length() - 1) {
                b.problem(i, "expected table.column, e.g. customers.id; found \"" + i.display() + "\"");
                return null;
            }
            out.add(new String[] {t.substring(0, dot), t.substring(dot + 1)});
        }
        return out;
    }

    private ContractColumn odcsProperty(Node n, String table, String logicalTable, int position, Map<String, String> physical,
                                Double fresh, String freshElement, Node freshNode, boolean compositePk) {
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
        if (unique != null && unique || isPk && !compositePk) {
            add(unique != null && unique ? o.get("unique") : o.get("primaryKey"), table, name, CheckKind.UNIQUE,
                    null, null, null, null, null, null, null, null, null, null, null, Expect.ZERO, true);
        }
        Node lto = o.get("logicalTypeOptions");
        if (lto.isMap()) typeOptions(lto, table, name, type);
        if (fresh != null && freshElement != null && (freshElement.equalsIgnoreCase(table + "." + name)
                || freshElement.equalsIgnoreCase(logicalTable + "." + logical))) {
            add(freshNode, table, name, CheckKind.FRESHNESS, null, null, null, null, fresh, null, null, null, null, null, null, Expect.ZERO, true);
        }
        for (Node r : o.list("relationships")) {
            Binder.Obj ro = b.object(r, List.of("id", "type", "from", "to", "customProperties", "description"));
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

    /**
     * {@code logicalTypeOptions} as checks: {@code minimum}/{@code maximum} (with {@code exclusiveMinimum}/
     * {@code exclusiveMaximum}, a boolean in v3.0 and a bound of its own in v3.1) to a range, {@code minLength}/
     * {@code maxLength} to a length check, {@code pattern} to a regex. What has no SQL check here (date and timestamp
     * bounds, {@code format}, array and object sizes, {@code multipleOf}, time zones) is a "not checked" note.
     */
    private void typeOptions(Node lto, String table, String name, String type) {
        Binder.Obj l = b.object(lto, List.of("minLength", "maxLength", "pattern", "format", "minimum", "maximum",
                "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "maxProperties", "minProperties", "required",
                "maxItems", "minItems", "uniqueItems", "timezone", "defaultTimezone"));
        Double min = null, max = null;
        boolean minEx = false, maxEx = false;
        List<String> notRun = new ArrayList<>();
        for (String k : List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")) {
            Node v = l.get(k);
            if (v.isAbsent()) continue;
            boolean flag = v.isScalar() && !v.isQuoted() && (v.text().equals("true") || v.text().equals("false"));
            if (flag) {
                if (k.equals("exclusiveMinimum")) minEx = v.text().equals("true");
                else if (k.equals("exclusiveMaximum")) maxEx = v.text().equals("true");
                else b.problem(v, "\"" + v.display() + "\" is not a bound; expected a number or a date");
                continue;
            }
            Double d = plainNumber(v);
            if (d == null) {
                // a date or timestamp bound ("2020-01-01"): no range check over text in four dialects yet
                notRun.add(k + " " + v.display());
                continue;
            }
            switch (k) {
                case "minimum": if (min == null) min = d; break;
                case "maximum": if (max == null) max = d; break;
                case "exclusiveMinimum": min = d; minEx = true; break;
                default: max = d; maxEx = true; break;
            }
        }
        if (min != null && max != null && (min > max || min.equals(max) && (minEx || maxEx))) {
            b.problem(lto, "the bounds leave no value in range (" + Format.number(min) + " .. " + Format.number(max) + ")");
        } else if (min != null || max != null) {
            addRange(lto, table, name, min, min != null && minEx, max, max != null && maxEx);
        }
        Double minLen = l.get("minLength").isPresent() ? l.number("minLength", 0, "a length, 0 or more") : null;
        Double maxLen = l.get("maxLength").isPresent() ? l.number("maxLength", 0, "a length, 0 or more") : null;
        if (minLen != null && maxLen != null && minLen > maxLen) {
            b.problem(l.get("minLength"), "minLength " + Format.number(minLen) + " is above maxLength " + Format.number(maxLen));
        } else if (minLen != null && minLen > 0 || maxLen != null) {
            add(lto, table, name, CheckKind.LENGTH, minLen != null && minLen > 0 ? minLen : null, maxLen, null, null, null, null, null, null,
                    null, null, null, Expect.ZERO, true);
        }
        String pattern = l.string("pattern");
        if (pattern != null && regex(l.get("pattern"), pattern)) {
            add(l.get("pattern"), table, name, CheckKind.REGEX, null, null, null, pattern, null, null, null, null, null, null, null, Expect.ZERO, true);
        }
        for (String k : List.of("format", "multipleOf", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "required",
                "timezone", "defaultTimezone")) {
            if (l.get(k).isPresent()) notRun.add(k + " " + l.get(k).display());
        }
        if (!notRun.isEmpty()) {
            notChecked(lto, "logicalTypeOptions of " + table + "." + name + ": " + String.join(", ", notRun),
                    "DECE generates checks for numeric minimum/maximum, minLength/maxLength and pattern; add a quality rule of type sql for the rest");
        }
    }

    /** A number written as a number or as quoted text ({@code "5"}); null for anything else. */
    private static Double plainNumber(Node n) {
        if (!n.isScalar()) return null;
        try {
            double d = Double.parseDouble(n.text().strip());
            return Double.isFinite(d) && Math.abs(d) <= 1e15 ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void odcsQuality(Node n, String table, String column) {
        Binder.Obj o = b.object(n, ODCS_QUALITY);
        if (!n.isMap()) return;
        String type = o.string("type") == null ? "library" : o.string("type").toLowerCase(Locale.ROOT);
        Expect expect = expect(o);
        boolean percent = "percent".equalsIgnoreCase(o.string("unit")) || "%".equals(o.string("unit"));
        if (expect != null && percent) expect = new Expect(expect.op(), expect.a(), expect.b(), true);
        switch (type) {
            case "text":
                notChecked(n, "text quality rule" + (o.string("description") == null ? "" : " \"" + CustomSql.printable(o.string("description")) + "\""),
                        "a rule written for people; give it type: sql or a library metric to have it run");
                return;
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
                notChecked(n, "custom check for engine " + (o.string("engine") == null ? "(none named)" : o.string("engine")),
                        "it runs in that engine; DECE runs library and sql checks (type: sql has DECE run it too)");
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
            Quantity q = quantity(o.get(op[0]), "a number, e.g. 0, \"5\" or \"5%\"");
            if (q == null) continue;
            if (q.unit() != null && !q.percent()) {
                b.problem(o.get(op[0]), "\"" + o.get(op[0]).display() + "\" has the unit \"" + q.unit() + "\"; a threshold is a number or a percentage");
                continue;
            }
            out = new Expect(op[1], q.value(), 0, q.percent());
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
        return plainNumber(n);
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
