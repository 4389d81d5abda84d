package dev.dece.core;

import dev.dece.core.brief.BriefBinder;
import dev.dece.core.contract.BoundContract;
import dev.dece.core.contract.ContractBinder;
import dev.dece.core.quality.CheckResult;
import dev.dece.core.quality.CheckRunner;
import dev.dece.core.quality.Databases;
import dev.dece.core.quality.QualityArtifacts;
import dev.dece.core.quality.QualityOptions;
import dev.dece.core.quality.QualitySql;
import dev.dece.core.quality.SqlCheck;
import dev.dece.core.schema.ChangeSet;
import dev.dece.core.schema.SchemaChange;
import dev.dece.core.schema.SchemaDiff;
import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.doc.InputException;
import dev.dece.core.doc.Limits;
import dev.dece.core.doc.Node;
import dev.dece.core.doc.Problem;
import dev.dece.core.doc.Suggest;
import dev.dece.core.engine.Assembler;
import dev.dece.core.engine.RuleBase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * DECE's entry point: typed, explained recommendations and findings from the data-engineering
 * methodology's templates. Build one instance and share it: it is immutable and thread-safe, the rule
 * base is compiled once, and every call evaluates in its own session.
 *
 * <pre>{@code
 * Dece dece = Dece.builder().build();
 * Report report = dece.assess(Path.of("brief.yaml"));
 * report.recommendations("architecture.pattern").forEach(r -> System.out.println(r.choice()));
 * }</pre>
 *
 * <p>Input problems (missing file, bad YAML, unknown key, wrong value) are thrown as
 * {@link InputException}, which lists every {@link Problem} with file, line, column and YAML path.
 */
public final class Dece {

    /** The version printed by {@code dece --version}. */
    public static final String VERSION = "0.1.0";

    private final RuleBase rules;
    private final Policy policy;
    private final DocumentLoader loader;

    private Dece(RuleBase rules, Policy policy, Limits limits) {
        this.rules = rules;
        this.policy = policy;
        this.loader = new DocumentLoader(limits);
    }

    /** A builder with the methodology's default policy, no rule disabled and {@link Limits#DEFAULT}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * "Assess our architecture": reads an Architecture Brief (YAML or JSON) and recommends the
     * architecture pattern, orchestration, processing and storage, the modeling methodology, governance
     * controls, and the growth horizon of the stack.
     *
     * @param brief the brief file
     * @return the report; never null
     * @throws InputException when the file is missing, unreadable, hostile, or not a valid brief
     */
    public Report assess(Path brief) throws InputException {
        List<Node> docs = loader.load(brief);
        return evaluate("assess", List.of(brief.toString()), BriefBinder.bind(docs));
    }

    /** {@link #assess(Path)} for a brief held in memory; {@code name} is used in locations. */
    public Report assess(String name, String content) throws InputException {
        List<Node> docs = loader.load(name, content.getBytes(StandardCharsets.UTF_8));
        return evaluate("assess", List.of(name), BriefBinder.bind(docs));
    }

    // ---- pipeline (issue 3): facade methods go here ----

    /**
     * "Design a data pipeline" / "is this pipeline spec safe to run?": reads Universal Pipeline Template
     * documents (files, directories of files, several documents per file) and runs the pipeline rule set
     * (extraction, load, idempotency, partitioning, operations). A pipeline whose extract.strategy and
     * load.strategy are both given is reviewed: findings point at the offending field's line. Any other
     * pipeline is designed: the report carries its completed template as a {@code pipeline-template}
     * artifact. Every pipeline with a target also gets its run-it-twice test ({@code idempotency-test}).
     *
     * <pre>{@code
     * Report r = dece.pipeline(List.of(Path.of("pipelines/")), Path.of("brief.yaml"));
     * }</pre>
     *
     * @param inputs files or directories (read recursively, sorted by path); at least one
     * @param brief  an Architecture Brief whose consumers' latency the schedules must meet, or {@code null}
     * @return the report; never null
     * @throws InputException when an input or the brief is missing, unreadable, or invalid; every problem
     *                        of every document is listed, located
     */
    public Report pipeline(List<Path> inputs, Path brief) throws InputException {
        if (inputs.isEmpty()) throw new InputException(Problem.file("pipeline", "name at least one pipeline file or directory"));
        List<dev.dece.core.brief.Consumer> consumers = brief == null ? List.of() : consumers(loader.load(brief));
        List<dev.dece.core.pipeline.Pipeline> pipelines = dev.dece.core.pipeline.PipelineBinder.load(loader, inputs, consumers);
        List<String> names = new ArrayList<>();
        inputs.forEach(p -> names.add(p.toString()));
        if (brief != null) names.add(brief.toString());
        return pipelineReport(names, pipelines, consumers);
    }

    /** {@link #pipeline(List, Path)} for one file or directory and no brief. */
    public Report pipeline(Path input) throws InputException {
        return pipeline(List.of(input), null);
    }

    /** {@link #pipeline(List, Path)} for documents held in memory; {@code name} is used in locations. */
    public Report pipeline(String name, String content) throws InputException {
        return pipeline(name, content, null, null);
    }

    /** {@link #pipeline(List, Path)} for documents and a brief held in memory ({@code briefName} null: no brief). */
    public Report pipeline(String name, String content, String briefName, String briefContent) throws InputException {
        List<dev.dece.core.brief.Consumer> consumers = briefName == null ? List.of()
                : consumers(loader.load(briefName, briefContent.getBytes(StandardCharsets.UTF_8)));
        List<Node> docs = loader.load(name, content.getBytes(StandardCharsets.UTF_8));
        List<dev.dece.core.pipeline.Pipeline> pipelines = dev.dece.core.pipeline.PipelineBinder.bind(docs, consumers);
        return pipelineReport(briefName == null ? List.of(name) : List.of(name, briefName), pipelines, consumers);
    }

    private static List<dev.dece.core.brief.Consumer> consumers(List<Node> briefDocs) throws InputException {
        List<dev.dece.core.brief.Consumer> out = new ArrayList<>();
        for (Object f : BriefBinder.bind(briefDocs)) {
            if (f instanceof dev.dece.core.brief.Consumer c) out.add(c);
        }
        return out;
    }

    /** Pipelines per rule session in {@link #pipeline(List, Path)}. */
    static final int PIPELINE_BATCH = 500;

    /** Only the pipeline rule set runs: the brief is there for its consumers, not to be assessed again. */
    private Report pipelineReport(List<String> inputs, List<dev.dece.core.pipeline.Pipeline> pipelines,
                                  List<dev.dece.core.brief.Consumer> consumers) {
        // Pipelines never join each other, so they are evaluated PIPELINE_BATCH at a time, each session
        // with the policy and the consumers: memory per session stays bounded and no session comes near
        // the engine's firing cap however many specs one call holds. Results are assembled together.
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < Math.max(1, pipelines.size()); i += PIPELINE_BATCH) {
            List<Object> batch = new ArrayList<>(PIPELINE_BATCH + consumers.size() + 1);
            batch.add(policy);
            batch.addAll(consumers);
            batch.addAll(pipelines.subList(Math.min(i, pipelines.size()), Math.min(i + PIPELINE_BATCH, pipelines.size())));
            results.addAll(rules.evaluate(ruleSets("pipeline"), batch, policy.disabledRules()));
        }
        Report r = Assembler.assemble("pipeline", inputs, results);
        List<dev.dece.core.Artifact> artifacts = new ArrayList<>(r.artifacts());
        var byPipeline = dev.dece.core.pipeline.TemplateWriter.byPipeline(r.recommendations());
        for (dev.dece.core.pipeline.Pipeline p : pipelines) {
            if (p.isDesign()) {
                artifacts.add(new dev.dece.core.Artifact("pipeline-template", p.name() + ".pipeline.yaml",
                        dev.dece.core.pipeline.TemplateWriter.render(p, byPipeline.getOrDefault(p.ev("name"), List.of()))));
            }
        }
        artifacts.sort(java.util.Comparator.comparing(dev.dece.core.Artifact::kind).thenComparing(dev.dece.core.Artifact::name));
        return new Report(r.command(), r.inputs(), r.recommendations(), r.findings(), artifacts);
    }

    // ---- model and lint (issue 4): facade methods go here ----

    /**
     * "Model [entity/domain] for analytics": reviews a Dimensional Model Template (grain, measures, keys,
     * SCD types, hierarchies, naming) and generates its DDL and SCD Type 2 loads for {@code dialect} and a
     * dbt schema.yml with the testing checklist's tests, as artifacts.
     *
     * <pre>{@code
     * Report r = dece.model(Path.of("orders-model.yaml"), Dialect.SNOWFLAKE);
     * r.artifacts().forEach(a -> System.out.println(a.name()));
     * }</pre>
     *
     * @param model   the template, YAML or JSON
     * @param dialect the SQL dialect of the generated DDL and merges; never null
     * @return the report: findings and artifacts; never null
     * @throws InputException when the file is missing, unreadable, or not a valid template
     */
    public Report model(Path model, dev.dece.core.sql.Dialect dialect) throws InputException {
        return model(model.toString(), loader.load(model), dialect);
    }

    /** {@link #model(Path, dev.dece.core.sql.Dialect)} for a template held in memory; {@code name} is used in locations. */
    public Report model(String name, String content, dev.dece.core.sql.Dialect dialect) throws InputException {
        return model(name, loader.load(name, content.getBytes(StandardCharsets.UTF_8)), dialect);
    }

    private Report model(String name, List<Node> docs, dev.dece.core.sql.Dialect dialect) throws InputException {
        Objects.requireNonNull(dialect, "dialect");
        dev.dece.core.model.DimensionalModel m = dev.dece.core.model.ModelBinder.bind(docs);
        List<Object> facts = new ArrayList<>(m.facts());
        facts.addAll(dev.dece.core.model.ModelTables.of(m));
        Report r = evaluate("model", List.of(name), facts);
        List<Artifact> arts = new ArrayList<>(r.artifacts());
        arts.addAll(dev.dece.core.model.ModelSql.artifacts(m, dialect));
        arts.sort(java.util.Comparator.comparing(Artifact::kind).thenComparing(Artifact::name));
        return new Report(r.command(), r.inputs(), r.recommendations(), r.findings(), arts);
    }

    /**
     * "Are our tables and columns named right?": lints a dbt {@code target/manifest.json} (schema v10-v12),
     * a DDL file of CREATE TABLE statements ({@code .sql}), or a YAML/JSON list of tables against the
     * naming conventions, the timezone traps and the dbt testing checklist.
     *
     * @param input the file; its kind is chosen by extension and content (see {@code LintInputs})
     * @return the report; never null
     * @throws InputException when the file is missing, unreadable, an unsupported manifest version, or invalid
     */
    public Report lint(Path input) throws InputException {
        List<dev.dece.core.model.Table> tables = dev.dece.core.model.LintInputs.read(input, loader);
        return evaluate("lint", List.of(input.toString()), tables);
    }

    /** {@link #lint(Path)} for content held in memory; {@code name}'s extension chooses the reader. */
    public Report lint(String name, String content) throws InputException {
        List<dev.dece.core.model.Table> tables = dev.dece.core.model.LintInputs.read(name,
                content.getBytes(StandardCharsets.UTF_8), loader);
        return evaluate("lint", List.of(name), tables);
    }

    // ---- quality and schema-change (issue 5): facade methods go here ----

    /**
     * "Set up data quality for [table]": reviews a data contract (Data Contract Template or ODCS v3; CON
     * rules), writes its checks as SQL in the options' dialect and a dbt tests file (artifacts), and, when
     * the options name a JDBC URL, runs the checks read-only with a statement timeout and rates each failure
     * by the Quality Severity Levels, weighted by the contract's consumers (QLT rules). The results table is
     * an artifact of kind {@value QualityArtifacts#RESULTS}.
     *
     * <pre>{@code
     * Report r = dece.quality(Path.of("orders.contract.yaml"), QualityOptions.run("jdbc:duckdb:/data/wh.duckdb"));
     * }</pre>
     *
     * @throws InputException when the contract is invalid, or the database cannot be opened or seeded
     *                        (reported against {@code --jdbc})
     */
    public Report quality(Path contract, QualityOptions options) throws InputException {
        return quality(contract.toString(), ContractBinder.bind(loader.load(contract)), options);
    }

    /** {@link #quality(Path, QualityOptions)} for a contract held in memory; {@code name} is used in locations. */
    public Report quality(String name, String content, QualityOptions options) throws InputException {
        return quality(name, ContractBinder.bind(loader.load(name, content.getBytes(StandardCharsets.UTF_8))), options);
    }

    private Report quality(String input, BoundContract bound, QualityOptions options) throws InputException {
        List<SqlCheck> sql = QualitySql.generate(bound, options.dialect(), policy);
        List<Object> facts = new ArrayList<>(bound.facts());
        List<CheckResult> results = List.of();
        if (options.jdbcUrl() != null) {
            try (Databases.Opened db = Databases.open(options.jdbcUrl(), options.seed());
                 CheckRunner runner = new CheckRunner(db.connection(), options.timeoutSeconds())) {
                results = runner.run(sql);
            } catch (java.sql.SQLException | java.io.IOException | IllegalArgumentException e) {
                String msg = e.getMessage() == null ? e.toString() : e.getMessage().strip().replaceAll("\\s+", " ");
                throw new InputException(Problem.file(options.jdbcUrl(), "cannot open or seed the database: " + msg));
            }
            facts.addAll(results);
        }
        Report r = evaluate("quality", List.of(input), facts);
        List<Artifact> artifacts = new ArrayList<>(r.artifacts());
        artifacts.addAll(QualityArtifacts.sql(sql));
        Artifact dbt = QualityArtifacts.dbt(bound);
        if (dbt != null) artifacts.add(dbt);
        if (options.jdbcUrl() != null) {
            String base = bound.contract().name() == null ? "contract" : bound.contract().name().replaceAll("[^A-Za-z0-9._-]", "_");
            artifacts.add(QualityArtifacts.results(base, results, r.findings()));
        }
        return new Report(r.command(), r.inputs(), r.recommendations(), r.findings(), artifacts);
    }

    /**
     * "Handle schema change in [source]": compares two versions of a contract (either format, or bare column
     * lists) and classifies each change (additive, rename with its evidence, type widening or narrowing,
     * nullability, removal, enum values, PII flag), the compatibility of the whole change (full, backward,
     * forward, none) and the actions the new contract's breaking-change policy and consumers require.
     *
     * @throws InputException when either file is missing or invalid
     */
    public Report schemaChange(Path before, Path after) throws InputException {
        BoundContract a = ContractBinder.bind(loader.load(before));
        BoundContract b = ContractBinder.bind(loader.load(after));
        return schemaChange(List.of(before.toString(), after.toString()), a, b);
    }

    /** {@link #schemaChange(Path, Path)} for documents held in memory. */
    public Report schemaChange(String beforeName, String beforeContent, String afterName, String afterContent) throws InputException {
        BoundContract a = ContractBinder.bind(loader.load(beforeName, beforeContent.getBytes(StandardCharsets.UTF_8)));
        BoundContract b = ContractBinder.bind(loader.load(afterName, afterContent.getBytes(StandardCharsets.UTF_8)));
        return schemaChange(List.of(beforeName, afterName), a, b);
    }

    private Report schemaChange(List<String> inputs, BoundContract before, BoundContract after) {
        List<SchemaChange> changes = SchemaDiff.diff(before, after, policy.v(PolicyKey.RENAME_MIN_NAME_SIMILARITY));
        List<Object> facts = new ArrayList<>(changes.size() + 1);
        facts.add(new ChangeSet(after.contract().node(), before.contract(), after.contract(), changes.size()));
        facts.addAll(changes);
        return evaluate("schema-change", inputs, facts);
    }

    /**
     * Evaluates already-bound facts with the policy in force. The policy is added as a fact.
     * For commands built on top of DECE; the facade methods above are the usual way in.
     */
    public Report evaluate(String command, List<String> inputs, List<?> facts) {
        List<Object> all = new ArrayList<>(facts.size() + 1);
        all.add(policy);
        all.addAll(facts);
        return Assembler.assemble(command, inputs, rules.evaluate(ruleSets(command), all, policy.disabledRules()));
    }

    /**
     * The rule sets (rule folders under dev/dece/rules/) each command runs; a command not listed runs all.
     * Each command gets its own rule base, so a brief never pays for the pipeline or lint networks.
     */
    static final Map<String, Set<String>> RULE_SETS = Map.of(
            "assess", Set.of("architecture", "technology", "growth", "modeling", "governance"),
            "pipeline", Set.of("pipeline"),
            "model", Set.of("lint"),
            "lint", Set.of("lint"),
            "quality", Set.of("quality"),
            "schema-change", Set.of("quality"));

    static Set<String> ruleSets(String command) {
        return RULE_SETS.getOrDefault(command, Set.of());
    }

    /**
     * Compiles every command's rule base now instead of on each command's first call.
     *
     * @return this instance, for {@code Dece.builder().build().warmUp()}
     */
    public Dece warmUp() {
        for (Set<String> sets : Set.copyOf(RULE_SETS.values())) {
            rules.kieBase(sets);
        }
        return this;
    }

    /** Every rule, sorted by ID: the live rule catalog. */
    public List<RuleInfo> rules() {
        return rules.catalog();
    }

    /** The policy in force. */
    public Policy policy() {
        return policy;
    }

    /** The loader with the limits in force, for commands built on top of DECE. */
    public DocumentLoader loader() {
        return loader;
    }

    /** Configures a {@link Dece}. Not thread-safe; the built instance is. */
    public static final class Builder {
        private Policy policy = Policy.defaults();
        private Path policyFile;
        private final List<Path> userRules = new ArrayList<>();
        private final Set<String> disabled = new TreeSet<>();
        private Limits limits = Limits.DEFAULT;
        private ClassLoader classLoader = Dece.class.getClassLoader();

        private Builder() {}

        /** Thresholds and disabled rules; default {@link Policy#defaults()}. */
        public Builder policy(Policy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Reads the policy from a YAML file at {@link #build()} time; overrides {@link #policy(Policy)}. */
        public Builder policyFile(Path file) {
            this.policyFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /** Switches rules off by ID, e.g. {@code "TECH-021"}. Unknown IDs fail {@link #build()}. */
        public Builder disable(String... ruleIds) {
            for (String id : ruleIds) disabled.add(Objects.requireNonNull(id, "ruleId"));
            return this;
        }

        /**
         * Adds a team's own DRL rules, compiled at build time. They may use the same facts and the
         * {@code Emit} helpers as the built-in rules; their results appear in the same reports.
         */
        public Builder addRules(Path drlFile) {
            userRules.add(Objects.requireNonNull(drlFile, "drlFile"));
            return this;
        }

        /** Input limits; default {@link Limits#DEFAULT}. */
        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Where to find the dece-rules model; default DECE's own class loader. */
        public Builder classLoader(ClassLoader cl) {
            this.classLoader = Objects.requireNonNull(cl, "classLoader");
            return this;
        }

        /**
         * Reads the rule index and validates the policy and team rules. Each command's rule base is
         * compiled on that command's first call (a few hundred milliseconds) and shared afterwards; call
         * {@link Dece#warmUp()} to compile them all now, e.g. before a server takes traffic.
         *
         * @throws InputException when the policy file or a user rule file is invalid, or a disabled
         *                        rule ID does not exist
         */
        public Dece build() throws InputException {
            Policy p = policyFile != null ? Policy.load(policyFile) : policy;
            if (!disabled.isEmpty()) p = p.disable(disabled.toArray(String[]::new));
            RuleBase rb = RuleBase.load(classLoader, userRules);
            List<Problem> problems = new ArrayList<>();
            Set<String> known = p.disabledRules().isEmpty() ? Set.of()
                    : rb.catalog().stream().map(RuleInfo::id).collect(Collectors.toCollection(TreeSet::new));
            for (String id : p.disabledRules()) {
                if (!known.contains(id)) {
                    String near = Suggest.closest(id, known);
                    String msg = "\"" + id + "\" is not a rule ID" + (near != null ? "; did you mean \"" + near + "\"?" : "")
                            + " Run 'dece rules' for the list";
                    Node at = p.disabledAt(id);
                    problems.add(at != null ? Problem.at(at, msg)
                            : new Problem(policyFile != null ? policyFile.toString() : "policy", 0, 0, "disabled_rules", msg));
                }
            }
            if (!problems.isEmpty()) throw new InputException(problems);
            return new Dece(rb, p, limits);
        }
    }
}
