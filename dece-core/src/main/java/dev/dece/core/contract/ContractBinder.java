package dev.dece.core.contract;

import dev.dece.core.doc.Binder;
import dev.dece.core.doc.InputException;
import dev.dece.core.doc.Node;
import dev.dece.core.doc.Problem;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds a data contract into facts. Three shapes are recognised by their top-level keys:
 * <ul>
 *   <li>the methodology's Data Contract Template ({@code contract: {name, version, owner, consumers, sla,
 *       schema[], breaking_change_policy, notification_channel}}) plus the DECE extensions
 *       {@code contract.table}, {@code contract.checks}, {@code contract.pipeline_schedule},
 *       {@code schema[].classification} and {@code schema[].primary_key};</li>
 *   <li>an Open Data Contract Standard v3 document ({@code apiVersion: v3.x}, {@code kind: DataContract}),
 *       mapped as {@code docs/quality.md} describes;</li>
 *   <li>a bare column list ({@code columns: [{name, type, nullable, pii, values}]}) for {@code schema-change}.</li>
 * </ul>
 * Every problem in the document is reported at once, located, with a did-you-mean for unknown keys.
 */
public final class ContractBinder {

    static final List<String> CONTRACT = List.of("name", "version", "owner", "consumers", "sla", "schema",
            "breaking_change_policy", "notification_channel", "table", "checks", "pipeline_schedule");
    static final List<String> SLA = List.of("freshness_hours", "availability_percent", "support_hours");
    static final List<String> COLUMN = List.of("column", "type", "nullable", "description", "business_definition",
            "pii", "checks", "classification", "primary_key");
    static final List<String> CHECK = List.of("type", "params");
    static final Map<CheckKind, List<String>> PARAMS = new EnumMap<>(CheckKind.class);

    static {
        PARAMS.put(CheckKind.NOT_NULL, List.of());
        PARAMS.put(CheckKind.UNIQUE, List.of());
        PARAMS.put(CheckKind.RANGE, List.of("min", "max"));
        PARAMS.put(CheckKind.ENUM, List.of("values"));
        PARAMS.put(CheckKind.REGEX, List.of("pattern"));
        PARAMS.put(CheckKind.FRESHNESS, List.of("hours"));
        PARAMS.put(CheckKind.VOLUME, List.of("min", "max"));
        PARAMS.put(CheckKind.REFERENTIAL, List.of("table", "column"));
        PARAMS.put(CheckKind.DISTRIBUTION, List.of("max_percent"));
        PARAMS.put(CheckKind.RECONCILIATION, List.of("source_table", "source_column", "max_variance_percent"));
        PARAMS.put(CheckKind.CUSTOM, List.of("sql", "must_be"));
    }

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
    static final List<String> COLUMN_LIST = List.of("table", "columns");
    static final List<String> COLUMN_ITEM = List.of("name", "column", "type", "nullable", "pii", "classification", "values",
            "primary_key");

    private final Binder b = new Binder();
    private final List<Table> tables = new ArrayList<>();
    private final List<Column> columns = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();

    private ContractBinder() {}

    /**
     * @param docs the loaded documents of one file; a contract is exactly one document
     * @throws InputException listing every problem found
     */
    public static BoundContract bind(List<Node> docs) throws InputException {
        Node root = docs.get(0);
        if (docs.size() > 1) {
            throw new InputException(Problem.at(docs.get(1), "the file holds " + docs.size()
                    + " documents; a data contract is one document (remove the extra '---')"));
        }
        ContractBinder cb = new ContractBinder();
        if (!root.isMap()) {
            cb.b.problem(root, "expected a data contract mapping, found " + (root.isList() ? "a list" : "\"" + root.display() + "\""));
            cb.b.throwIfProblems();
        }
        Contract c;
        if (root.has("contract")) {
            c = cb.template(root);
        } else if (root.has("apiVersion") || root.has("kind")) {
            c = cb.odcs(root);
        } else if (root.has("columns")) {
            c = cb.columnList(root);
        } else {
            cb.b.problem(root, "is neither a Data Contract Template (a top-level 'contract:' mapping), an ODCS v3 "
                    + "document ('apiVersion: v3.x' and 'kind: DataContract') nor a column list ('columns:'); found keys "
                    + String.join(", ", root.fields().keySet()));
            c = null;
        }
        cb.b.throwIfProblems();
        return new BoundContract(c, cb.tables, cb.columns, cb.checks);
    }

    // ------------------------------------------------------------------ Data Contract Template

    private Contract template(Node root) {
        b.object(root, List.of("contract"));
        Node cn = root.get("contract");
        Binder.Obj c = b.object(cn, CONTRACT);
        if (!cn.isMap()) return null;
        String name = blank(c.string("name"));
        String tableName = blank(c.string("table"));
        Node tableNode = c.get("table");
        if (tableName == null) {
            tableName = name;
            tableNode = c.get("name");
        }
        if (tableName == null) {
            b.problem(c.get("name"), "is required: name the contract (its table, unless contract.table is given)");
        } else {
            identifier(tableNode, tableName, true);
        }
        Binder.Obj sla = b.object(c.get("sla"), SLA);
        Double fresh = sla.number("freshness_hours", 0, "hours, 0 or more");
        if (fresh != null && fresh == 0) fresh = null; // the template's placeholder 0 means "not set"
        Double avail = sla.number("availability_percent", 0, "a percentage between 0 and 100");
        if (avail != null && avail > 100) b.problem(sla.get("availability_percent"), Binder.fmt(avail) + " is above 100; expected a percentage");
        SupportHours hours = blankChoice(sla, "support_hours", SupportHours.class, "support hours");
        BreakingChangePolicy policy = blankChoice(c, "breaking_change_policy", BreakingChangePolicy.class, "a breaking-change policy");
        String schedule = blank(c.string("pipeline_schedule"));
        Double every = schedule(c.get("pipeline_schedule"), schedule);

        List<Node> cols = c.list("schema");
        if (tableName != null) {
            String t = tableName;
            List<Column> mine = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                Column col = templateColumn(cols.get(i), t, i, fresh);
                if (col != null) mine.add(col);
            }
            duplicates(mine);
            tables.add(new Table(cn, t, name == null ? t : name, mine.size()));
            for (Node chk : c.list("checks")) {
                templateCheck(chk, t, null, fresh);
            }
        }
        List<String> consumers = nonBlank(c.strings("consumers"));
        return new Contract(cn, "template", name, blank(c.string("version")), blank(c.string("owner")), consumers, fresh,
                avail, hours, policy, blank(c.string("notification_channel")), every, schedule, tables.size(),
                c.get("name"), c.get("version"), c.get("owner"), c.get("consumers"), c.get("sla"),
                sla.get("freshness_hours"), c.get("breaking_change_policy"), c.get("notification_channel"),
                c.get("pipeline_schedule"));
    }

    private Column templateColumn(Node n, String table, int position, Double slaHours) {
        Binder.Obj o = b.object(n, COLUMN);
        if (!n.isMap()) return null;
        String name = o.requiredString("column", "name the column");
        if (name != null && !name.isBlank()) identifier(o.get("column"), name, false);
        String type = o.string("type");
        Boolean nullable = o.bool("nullable");
        Boolean pii = o.bool("pii");
        Classification cls = blankChoice(o, "classification", Classification.class, "a classification level");
        Boolean pk = o.bool("primary_key");
        List<CheckKind> kinds = new ArrayList<>();
        List<String> enumValues = new ArrayList<>();
        int before = checks.size();
        if (name != null && !name.isBlank()) {
            for (Node chk : o.list("checks")) templateCheck(chk, table, name, slaHours);
            for (Check k : checks.subList(before, checks.size())) {
                kinds.add(k.kind());
                if (k.kind() == CheckKind.ENUM) enumValues.addAll(k.values());
            }
        }
        if (name == null || name.isBlank()) return null;
        return new Column(n, table, position, name, SqlType.parse(type), nullable == null || nullable, pii != null && pii,
                cls, blank(o.string("classification")), pk != null && pk, kinds.contains(CheckKind.UNIQUE),
                blank(o.string("description")), blank(o.string("business_definition")), sorted(enumValues), kinds,
                o.get("column"), o.get("type"), o.get("nullable"), o.get("pii"), o.get("classification"));
    }

    private void templateCheck(Node n, String table, String column, Double slaHours) {
        Binder.Obj o = b.object(n, CHECK);
        if (!n.isMap()) return;
        Node typeNode = o.get("type");
        if (typeNode.isAbsent()) {
            b.problem(typeNode, "is required: one of " + Binder.allowed(CheckKind.class));
            return;
        }
        CheckKind kind = b.choice(typeNode, CheckKind.class, "a check type");
        if (kind == null) return;
        if (column == null && kind.perColumn()) {
            b.problem(typeNode, kind.label() + " checks one column; put it under contract.schema[].checks of that column");
            return;
        }
        if (column != null && kind == CheckKind.VOLUME) {
            b.problem(typeNode, "volume checks the whole table; put it under contract.checks");
            return;
        }
        Binder.Obj p = b.object(o.get("params"), PARAMS.get(kind));
        Double min = null, max = null, hours = null, maxPct = null;
        List<String> values = List.of();
        String pattern = null, refT = null, refC = null, srcT = null, srcC = null, sql = null;
        Expect expect = Expect.ZERO;
        switch (kind) {
            case RANGE:
            case VOLUME:
                min = p.number("min", -Double.MAX_VALUE, "a number");
                max = p.number("max", -Double.MAX_VALUE, "a number");
                if (min == null && max == null) b.problem(o.get("params"), kind.label() + " needs params.min, params.max or both");
                if (min != null && max != null && min > max) b.problem(p.get("min"), "min " + Binder.fmt(min) + " is above max " + Binder.fmt(max));
                if (kind == CheckKind.VOLUME) {
                    expect = min != null && max != null ? new Expect("between", min, max, false)
                            : min != null ? new Expect(">=", min, 0, false) : new Expect("<=", max == null ? 0 : max, 0, false);
                }
                break;
            case ENUM:
                values = p.strings("values");
                if (values.isEmpty()) b.problem(p.get("values"), "enum needs params.values: the allowed values, e.g. [pending, shipped]");
                break;
            case REGEX:
                pattern = p.string("pattern");
                regex(p.get("pattern"), pattern);
                break;
            case FRESHNESS:
                hours = p.number("hours", 0, "hours, above 0");
                if (hours == null) hours = slaHours;
                if (hours == null) b.problem(o.get("params"), "freshness needs params.hours or contract.sla.freshness_hours");
                break;
            case REFERENTIAL:
                refT = p.string("table");
                refC = p.string("column");
                if (refT == null) b.problem(p.get("table"), "is required: the table holding the referenced key");
                else identifier(p.get("table"), refT, true);
                if (refC == null) b.problem(p.get("column"), "is required: the referenced key column");
                else identifier(p.get("column"), refC, false);
                break;
            case DISTRIBUTION:
                maxPct = percent(p, "max_percent");
                break;
            case RECONCILIATION:
                srcT = p.string("source_table");
                srcC = p.string("source_column");
                if (srcT == null) b.problem(p.get("source_table"), "is required: the source system's table to reconcile with");
                else identifier(p.get("source_table"), srcT, true);
                if (srcC == null) srcC = column;
                else identifier(p.get("source_column"), srcC, false);
                maxPct = percent(p, "max_variance_percent");
                break;
            case CUSTOM:
                sql = p.string("sql");
                customSql(p.get("sql"), sql);
                Double mustBe = p.number("must_be", -Double.MAX_VALUE, "the number the query must return");
                expect = new Expect("=", mustBe == null ? 0 : mustBe, 0, false);
                break;
            default:
                break;
        }
        add(n, table, column, kind, min, max, values, pattern, hours, refT, refC, srcT, srcC, maxPct, sql, expect, false);
    }

    // ------------------------------------------------------------------ ODCS v3

    private Contract odcs(Node root) {
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
                    schedule = "every " + Binder.fmt(v) + " " + (so.string("unit") == null ? "d" : so.string("unit"));
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
        List<Column> mine = new ArrayList<>();
        List<Node> props = o.list("properties");
        for (int i = 0; i < props.size(); i++) {
            Column c = odcsProperty(props.get(i), table, logical, i, physical, fresh, freshElement, freshNode);
            if (c != null) mine.add(c);
        }
        duplicates(mine);
        tables.add(new Table(n, table, logical == null ? table : logical, mine.size()));
        for (Node q : o.list("quality")) odcsQuality(q, table, null);
    }

    private Column odcsProperty(Node n, String table, String logicalTable, int position, Map<String, String> physical,
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
        return new Column(n, table, position, name, SqlType.parse(type), !isPk && (required == null || !required), pii, cls, clsText,
                isPk, unique != null && unique || kinds.contains(CheckKind.UNIQUE), blank(o.string("description")),
                blank(o.string("businessName")), sorted(enumValues), kinds, nameNode, typeNode, o.get("required"), piiNode,
                o.get("classification"));
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

    // ------------------------------------------------------------------ column list

    private Contract columnList(Node root) {
        Binder.Obj o = b.object(root, COLUMN_LIST);
        String table = blank(o.string("table"));
        if (table == null) table = "table";
        else identifier(o.get("table"), table, true);
        List<Node> items = o.list("columns");
        List<Column> mine = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Node n = items.get(i);
            if (n.isScalar()) {
                if (identifier(n, n.text(), false)) {
                    mine.add(new Column(n, table, i, n.text(), SqlType.parse(""), true, false, null, null, false, false, null,
                            null, List.of(), List.of(), n, n.missing("type"), n.missing("nullable"), n.missing("pii"), n.missing("classification")));
                }
                continue;
            }
            Binder.Obj c = b.object(n, COLUMN_ITEM);
            if (!n.isMap()) continue;
            Node nameNode = c.get("name").isPresent() ? c.get("name") : c.get("column");
            String name = nameNode.isScalar() ? nameNode.text() : null;
            if (name == null) {
                b.problem(c.get("name"), "is required: the column name");
                continue;
            }
            if (!identifier(nameNode, name, false)) continue;
            Boolean nullable = c.bool("nullable");
            Boolean pii = c.bool("pii");
            Boolean pk = c.bool("primary_key");
            Classification cls = blankChoice(c, "classification", Classification.class, "a classification level");
            mine.add(new Column(n, table, i, name, SqlType.parse(c.string("type")), nullable == null || nullable, pii != null && pii,
                    cls, blank(c.string("classification")), pk != null && pk, false, null, null, sorted(c.strings("values")),
                    List.of(), nameNode, c.get("type"), c.get("nullable"), c.get("pii"), c.get("classification")));
        }
        duplicates(mine);
        tables.add(new Table(root, table, table, mine.size()));
        Node none = root.missing("contract");
        return new Contract(root, "columns", table, null, null, List.of(), null, null, null, null, null, null, null, 1,
                none, none, none, none, none, none, none, none, none);
    }

    // ------------------------------------------------------------------ shared

    private void add(Node n, String table, String column, CheckKind kind, Double min, Double max, List<String> values,
                     String pattern, Double hours, String refT, String refC, String srcT, String srcC, Double maxPct,
                     String sql, Expect expect, boolean derived) {
        String base = table + "." + (column == null ? "" : column + ".") + kind.id();
        int k = ids.merge(base, 1, Integer::sum);
        String id = k == 1 ? base : base + "-" + k;
        checks.add(new Check(n, id, table, column, kind, min, max, values, pattern, hours, refT, refC, srcT, srcC, maxPct,
                sql, expect, derived));
    }

    private void duplicates(List<Column> cols) {
        Map<String, Column> seen = new HashMap<>();
        for (Column c : cols) {
            Column prev = seen.putIfAbsent(c.name().toLowerCase(Locale.ROOT), c);
            if (prev != null) {
                b.problem(c.nameNode(), "column \"" + c.name() + "\" is listed twice in table " + c.table()
                        + "; the first is at line " + prev.nameNode().line());
            }
        }
        columns.addAll(cols);
    }

    private boolean identifier(Node at, String name, boolean qualified) {
        String p = qualified ? Identifiers.qualifiedProblem(name) : Identifiers.problem(name);
        if (p != null) b.problem(at, p);
        return p == null;
    }

    private boolean regex(Node at, String pattern) {
        if (pattern == null) {
            b.problem(at, "is required: a regular expression, e.g. ^[A-Z]{2}$");
            return false;
        }
        try {
            java.util.regex.Pattern.compile(pattern);
            return true;
        } catch (java.util.regex.PatternSyntaxException e) {
            b.problem(at, "\"" + pattern + "\" is not a regular expression: " + e.getDescription());
            return false;
        }
    }

    private void customSql(Node at, String sql) {
        if (sql == null) {
            b.problem(at, "is required: a SELECT returning one number; ${table} and ${column} are replaced by quoted names");
            return;
        }
        String p = CustomSql.problem(sql);
        if (p != null) b.problem(at, p);
    }

    private Double percent(Binder.Obj p, String key) {
        Double v = p.number(key, 0, "a percentage above 0");
        if (v != null && (v <= 0 || v > 100)) {
            b.problem(p.get(key), Binder.fmt(v) + " is not a percentage between 0 and 100");
            return null;
        }
        return v;
    }

    private Double schedule(Node at, String text) {
        if (text == null) return null;
        Double h = Schedules.everyHours(text);
        if (h == null) {
            b.problem(at, "\"" + text + "\" is not a schedule DECE reads; use five-field cron (0 6 * * *) or @hourly, @daily, @weekly");
        }
        return h;
    }

    private <E extends Enum<E> & dev.dece.core.doc.Spelled> E blankChoice(Binder.Obj o, String key, Class<E> type, String what) {
        Node n = o.get(key);
        if (n.isScalar() && n.text().isBlank()) return null;
        return o.choice(key, type, what);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> nonBlank(List<String> in) {
        return in.stream().filter(s -> !s.isBlank()).map(String::strip).toList();
    }

    private static List<String> sorted(List<String> in) {
        return new ArrayList<>(new TreeSet<>(in));
    }

    static Set<String> known() {
        return Set.copyOf(CONTRACT);
    }
}
