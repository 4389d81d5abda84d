package dev.dece.core.assess;

import dev.dece.core.doc.Binder;
import dev.dece.core.drl.Brief;
import dev.dece.core.drl.Cloud;
import dev.dece.core.drl.CompanyStage;
import dev.dece.core.drl.Compliance;
import dev.dece.core.drl.Constraints;
import dev.dece.core.drl.Consumer;
import dev.dece.core.drl.Consumers;
import dev.dece.core.drl.Latency;
import dev.dece.core.drl.Node;
import dev.dece.core.drl.QueryPattern;
import dev.dece.core.drl.Skill;
import dev.dece.core.drl.Source;
import dev.dece.core.drl.SourceType;
import dev.dece.core.drl.TransformKind;
import dev.dece.core.drl.UseCase;
import dev.dece.core.drl.Volume;
import dev.dece.core.drl.Workload;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Binds an Architecture Brief (Phase 1 template, field names exactly as the methodology writes them,
 * plus the documented DECE extensions) into facts: one {@link Brief}, a {@link Consumer} per consumer,
 * a {@link Source} per source, {@link Volume}, {@link Constraints} and, when present, {@link Workload}.
 * Every problem in the document is reported at once, located.
 */
final class BriefBinder {

    static final List<String> TOP = List.of("project_name", "business_context", "data_consumers", "current_state",
            "data_volume", "constraints", "workload");
    static final List<String> CONSUMER = List.of("team", "use_case", "latency_requirement", "query_pattern");
    static final List<String> CURRENT = List.of("sources", "storage", "pain_points");
    static final List<String> SOURCE = List.of("name", "type", "owner_domain", "replayable", "supports_cdc",
            "has_updated_at", "row_count");
    static final List<String> VOLUME = List.of("current_gb_per_day", "growth_rate_percent", "retention_months");
    static final List<String> CONSTRAINTS = List.of("budget_monthly_usd", "team_size", "skill_level", "compliance",
            "cloud_provider", "company_stage", "data_teams", "resistant_to_new_paradigms",
            "needs_fine_grained_cost_control", "needs_elastic_scaling", "multi_tenant");
    static final List<String> WORKLOAD = List.of("pipeline_count", "tasks_per_pipeline", "has_dependencies",
            "needs_retries", "long_running_workflows", "dynamic_workflows", "transform_languages",
            "event_time_processing");

    private BriefBinder() {}

    /**
     * @param docs the loaded documents of one file; a brief is exactly one mapping
     * @return the facts, never empty
     * @throws InputException listing every problem found
     */
    public static List<Object> bind(List<Node> docs) throws InputException {
        Node root = docs.get(0);
        if (docs.size() > 1) {
            Node second = docs.get(1);
            throw new InputException(Problem.at(second, "the file holds " + docs.size()
                    + " documents; an Architecture Brief is one document (remove the extra '---')"));
        }
        Binder b = new Binder();
        if (!root.isMap()) {
            b.problem(root, "expected an Architecture Brief mapping (project_name, data_consumers, data_volume, "
                    + "constraints, ...), found " + (root.isList() ? "a list" : "\"" + root.display() + "\""));
            b.throwIfProblems();
        }
        Binder.Obj top = b.object(root, TOP);
        List<Object> facts = new ArrayList<>();

        String projectName = top.requiredString("project_name", "name the project");

        List<Consumer> consumers = new ArrayList<>();
        List<Node> consumerNodes = top.list("data_consumers");
        if (consumerNodes.isEmpty()) {
            b.problem(top.get("data_consumers"), "at least one consumer is required: {team, use_case, latency_requirement, query_pattern}");
        }
        for (int i = 0; i < consumerNodes.size(); i++) {
            Node cn = consumerNodes.get(i);
            Binder.Obj c = b.object(cn, CONSUMER);
            if (!cn.isMap()) continue;
            String team = c.string("team");
            UseCase use = c.choice("use_case", UseCase.class, "a use case");
            Latency lat = c.choice("latency_requirement", Latency.class, "a latency");
            if (lat == null && c.get("latency_requirement").isAbsent()) {
                b.problem(c.get("latency_requirement"), "is required: the pattern decision rests on it; use one of "
                        + Binder.allowed(Latency.class));
            }
            QueryPattern qp = c.choice("query_pattern", QueryPattern.class, "a query pattern");
            consumers.add(new Consumer(cn, i, team, use, lat, qp));
        }

        Binder.Obj current = b.object(top.get("current_state"), CURRENT);
        List<Source> sources = new ArrayList<>();
        List<Node> sourceNodes = current.list("sources");
        for (int i = 0; i < sourceNodes.size(); i++) {
            Node sn = sourceNodes.get(i);
            if (sn.isScalar()) {
                SourceType inferred = infer(sn.text());
                sources.add(new Source(sn, i, sn.text(), inferred, inferred != null, null, null, null, null, null));
                continue;
            }
            Binder.Obj s = b.object(sn, SOURCE);
            if (!sn.isMap()) continue;
            String name = s.requiredString("name", "name the source system");
            SourceType type = s.choice("type", SourceType.class, "a source type");
            boolean inferred = false;
            if (type == null && s.get("type").isAbsent() && name != null) {
                type = infer(name);
                inferred = type != null;
            }
            sources.add(new Source(sn, i, name, type, inferred, s.string("owner_domain"), s.bool("replayable"),
                    s.bool("supports_cdc"), s.bool("has_updated_at"), s.longValue("row_count", 0, "a row count of 0 or more")));
        }
        List<String> storage = current.strings("storage");
        List<String> pains = current.strings("pain_points");

        Binder.Obj vol = b.object(top.get("data_volume"), VOLUME);
        Double gb = vol.number("current_gb_per_day", 0, "GB per day, 0 or more");
        Double growth = vol.number("growth_rate_percent", -100, "a yearly growth in percent, above -100");
        Integer retention = vol.integer("retention_months", 0, "whole months, 0 or more");

        Binder.Obj con = b.object(top.get("constraints"), CONSTRAINTS);
        Double budget = con.number("budget_monthly_usd", 0, "US dollars per month, 0 or more");
        Integer teamSize = con.integer("team_size", 0, "a head count, 0 or more");
        Skill skill = con.choice("skill_level", Skill.class, "a skill level");
        Set<Compliance> compliance = EnumSet.noneOf(Compliance.class);
        compliance.addAll(con.choices("compliance", Compliance.class, "a compliance regime"));
        if (compliance.contains(Compliance.NONE) && compliance.size() > 1) {
            b.problem(con.get("compliance"), "lists \"none\" together with regimes; remove \"none\" or the regimes");
        }
        compliance.remove(Compliance.NONE);
        Cloud cloud = con.choice("cloud_provider", Cloud.class, "a cloud provider");
        CompanyStage stage = con.choice("company_stage", CompanyStage.class, "a company stage");
        Integer dataTeams = con.integer("data_teams", 0, "a number of data teams, 0 or more");
        Constraints constraints = new Constraints(top.get("constraints"), budget, teamSize, skill, Set.copyOf(compliance),
                cloud, stage, con.bool("resistant_to_new_paradigms"), con.bool("needs_fine_grained_cost_control"),
                con.bool("needs_elastic_scaling"), con.bool("multi_tenant"));

        Node wn = top.get("workload");
        Workload workload = null;
        if (wn.isPresent()) {
            Binder.Obj w = b.object(wn, WORKLOAD);
            Set<TransformKind> langs = EnumSet.noneOf(TransformKind.class);
            langs.addAll(w.choices("transform_languages", TransformKind.class, "a transform kind"));
            workload = new Workload(wn, w.integer("pipeline_count", 0, "a number of pipelines"),
                    w.integer("tasks_per_pipeline", 0, "a number of tasks"), w.bool("has_dependencies"),
                    w.bool("needs_retries"), w.bool("long_running_workflows"), w.bool("dynamic_workflows"),
                    Set.copyOf(langs), w.bool("event_time_processing"));
        }
        b.throwIfProblems();

        Set<String> teams = new LinkedHashSet<>();
        for (Consumer c : consumers) {
            if (c.team() != null && !c.team().isBlank()) teams.add("consumer:" + c.team().strip().toLowerCase(Locale.ROOT));
        }
        Set<String> domains = new LinkedHashSet<>();
        for (Source s : sources) {
            if (s.ownerDomain() != null && !s.ownerDomain().isBlank()) domains.add(s.ownerDomain().strip().toLowerCase(Locale.ROOT));
        }
        Set<String> all = new LinkedHashSet<>();
        for (String t : teams) all.add(t.substring("consumer:".length()));
        all.addAll(domains);
        int derivedTeams = dataTeams != null ? dataTeams : all.size();

        facts.add(new Brief(root, projectName, top.string("business_context"), consumers.size(), derivedTeams,
                domains.size(), pains, storage));
        facts.addAll(consumers);
        facts.add(new Consumers(consumers));
        facts.addAll(sources);
        if (gb != null) {
            facts.add(new Volume(top.get("data_volume"), gb, growth == null ? 0 : growth, retention == null ? 0 : retention));
        }
        facts.add(constraints);
        if (workload != null) facts.add(workload);
        return facts;
    }

    private static final java.util.regex.Pattern SOURCE_STREAM = java.util.regex.Pattern.compile("\\b(kafka|kinesis|pub/?sub|pulsar|event ?hubs?|redpanda|stream|clickstream|events? stream)\\b");
    private static final java.util.regex.Pattern SOURCE_DATABASE = java.util.regex.Pattern.compile("\\b(postgres(ql)?|mysql|mariadb|oracle|sql ?server|mongodb|mongo|dynamodb|cassandra|db2|database|db|erp|crm db|oltp)\\b");
    private static final java.util.regex.Pattern SOURCE_API = java.util.regex.Pattern.compile("\\b(api|rest|graphql|webhooks?|salesforce|stripe|hubspot|zendesk|shopify|saas)\\b");
    private static final java.util.regex.Pattern SOURCE_FILES = java.util.regex.Pattern.compile("\\b(s3|sftp|ftp|csv|files?|gcs|adls|blob|excel|parquet|email)\\b");

    /** Well-known product names to source types; returns null when nothing matches (no guessing beyond this list). */
    static SourceType infer(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (SOURCE_STREAM.matcher(n).find()) {
            return SourceType.STREAM;
        }
        if (SOURCE_DATABASE.matcher(n).find()) {
            return SourceType.DATABASE;
        }
        if (SOURCE_API.matcher(n).find()) {
            return SourceType.API;
        }
        if (SOURCE_FILES.matcher(n).find()) {
            return SourceType.FILES;
        }
        return null;
    }
}
