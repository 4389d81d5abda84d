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
import dev.dece.core.drl.SupportHours;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The methodology's Data Contract Template ({@code contract: {name, version, owner, consumers, sla, schema[],
 * breaking_change_policy, notification_channel}}) plus the DECE extensions {@code contract.table},
 * {@code contract.checks}, {@code contract.pipeline_schedule}, {@code schema[].classification} and
 * {@code schema[].primary_key}.
 */
final class TemplateReader extends ContractReading {

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
        PARAMS.put(CheckKind.LENGTH, List.of("min", "max"));
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

    @Override
    Contract read(Node root) {
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
        if (avail != null && avail > 100) b.problem(sla.get("availability_percent"), Format.number(avail) + " is above 100; expected a percentage");
        SupportHours hours = blankChoice(sla, "support_hours", SupportHours.class, "support hours");
        BreakingChangePolicy policy = blankChoice(c, "breaking_change_policy", BreakingChangePolicy.class, "a breaking-change policy");
        String schedule = blank(c.string("pipeline_schedule"));
        Double every = schedule(c.get("pipeline_schedule"), schedule);

        List<Node> cols = c.list("schema");
        if (tableName != null) {
            String t = tableName;
            List<ContractColumn> mine = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                ContractColumn col = templateColumn(cols.get(i), t, i, fresh);
                if (col != null) mine.add(col);
            }
            duplicates(mine);
            // several primary_key columns form one composite key: unique as a tuple, not column by column
            List<ContractColumn> pk = mine.stream().filter(ContractColumn::primaryKey).toList();
            if (pk.size() > 1) {
                addComposite(pk.get(0).node().get("primary_key"), t, CheckKind.UNIQUE,
                        pk.stream().map(ContractColumn::name).toList(), null, List.of(), true);
            }
            tables.add(new ContractTable(cn, t, name == null ? t : name, mine.size()));
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

    private ContractColumn templateColumn(Node n, String table, int position, Double slaHours) {
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
        return new ContractColumn(n, table, position, name, type(o.get("type"), type), nullable == null || nullable, pii != null && pii,
                cls, blank(o.string("classification")), pk != null && pk, kinds.contains(CheckKind.UNIQUE),
                blank(o.string("description")), blank(o.string("business_definition")), sorted(enumValues), kinds,
                o.get("column"), o.get("type"), o.get("nullable"), o.get("pii"), o.get("classification"), List.of());
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
            case LENGTH:
            case VOLUME:
                min = p.number("min", -Double.MAX_VALUE, "a number");
                max = p.number("max", -Double.MAX_VALUE, "a number");
                if (min == null && max == null) b.problem(o.get("params"), kind.label() + " needs params.min, params.max or both");
                if (min != null && max != null && min > max) b.problem(p.get("min"), "min " + Format.number(min) + " is above max " + Format.number(max));
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
}
