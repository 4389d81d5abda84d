package dev.dece.core;

import dev.dece.core.assess.AssessCommand;
import dev.dece.core.audit.AuditCommand;
import dev.dece.core.audit.AuditOptions;
import dev.dece.core.catalog.BackfillCommand;
import dev.dece.core.catalog.BackfillOptions;
import dev.dece.core.catalog.CatalogCommand;
import dev.dece.core.catalog.CatalogOptions;
import dev.dece.core.catalog.MigrateCommand;
import dev.dece.core.catalog.MigrateOptions;
import dev.dece.core.recovery.RecoveryCommand;
import dev.dece.core.doc.Suggest;
import dev.dece.core.drl.Node;
import dev.dece.core.engine.Command;
import dev.dece.core.engine.Engine;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;
import dev.dece.core.input.Problem;
import dev.dece.core.lint.LintCommand;
import dev.dece.core.lint.LintOptions;
import dev.dece.core.model.ModelCommand;
import dev.dece.core.cost.CostCommand;
import dev.dece.core.cost.CostOptions;
import dev.dece.core.monitor.MonitorCommand;
import dev.dece.core.monitor.MonitorOptions;
import dev.dece.core.optimize.OptimizeCommand;
import dev.dece.core.optimize.OptimizeOptions;
import dev.dece.core.pipeline.PipelineCommand;
import dev.dece.core.policy.Policy;
import dev.dece.core.quality.QualityCommand;
import dev.dece.core.quality.QualityOptions;
import dev.dece.core.report.Report;
import dev.dece.core.report.RuleInfo;
import dev.dece.core.schemachange.SchemaChangeCommand;
import dev.dece.core.sql.Dialect;
import dev.dece.core.triage.TriageCommand;
import dev.dece.core.triage.TriageOptions;

import dev.dece.core.waiver.Suppressor;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * DECE's entry point: typed, explained recommendations and findings from the data-engineering
 * methodology's templates. Build one instance and share it: it is immutable and thread-safe, each
 * command's rules are compiled once, and every call evaluates in its own sessions.
 *
 * <pre>{@code
 * Dece dece = Dece.builder().build();
 * Report report = dece.assess(Path.of("brief.yaml"));
 * report.recommendations("architecture.pattern").forEach(r -> System.out.println(r.choice()));
 * }</pre>
 *
 * <p>Each method delegates to its command (one package per command, e.g. {@code dev.dece.core.assess});
 * {@link #commands()} lists them. Input problems (missing file, bad YAML, unknown key, wrong value) are
 * thrown as {@link InputException}, which lists every {@link Problem} with file, line, column and YAML path.
 */
public final class Dece {

    private final Engine engine;

    private Dece(Engine engine) {
        this.engine = engine;
    }

    /** A builder with the methodology's default policy, no rule disabled and {@link Limits#DEFAULT}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * "Assess our architecture": reads an Architecture Brief (YAML or JSON) and recommends the
     * architecture pattern, storage, processing, orchestration, the modeling methodology, governance
     * controls and the growth horizon of the stack.
     *
     * @throws InputException when the file is missing, unreadable, hostile, or not a valid brief
     */
    public Report assess(Path brief) throws InputException {
        return AssessCommand.run(engine, brief);
    }

    /** {@link #assess(Path)} for a brief held in memory; {@code name} is used in locations. */
    public Report assess(String name, String content) throws InputException {
        return AssessCommand.run(engine, name, content);
    }

    /**
     * "Design a data pipeline" / "is this pipeline spec safe to run?": reads Universal Pipeline Template
     * documents (files, directories read recursively in path order, several documents per file). A
     * pipeline whose extract and load strategies are both given is reviewed, with findings on the
     * offending lines; any other is designed, and its completed template is a {@code pipeline-template}
     * artifact. Every pipeline with a target also gets its run-it-twice test ({@code idempotency-test}).
     *
     * <pre>{@code
     * Report r = dece.pipeline(List.of(Path.of("pipelines/")), Path.of("brief.yaml"));
     * }</pre>
     *
     * @param brief an Architecture Brief whose consumers' latency the schedules must meet, or {@code null}
     * @throws InputException when an input or the brief is missing, unreadable, or invalid; every problem
     *                        of every document is listed, located
     */
    public Report pipeline(List<Path> inputs, Path brief) throws InputException {
        return PipelineCommand.run(engine, inputs, brief);
    }

    /** {@link #pipeline(List, Path)} for one file or directory and no brief. */
    public Report pipeline(Path input) throws InputException {
        return PipelineCommand.run(engine, List.of(input), null);
    }

    /** {@link #pipeline(List, Path)} for documents held in memory; {@code name} is used in locations. */
    public Report pipeline(String name, String content) throws InputException {
        return PipelineCommand.run(engine, name, content, null, null);
    }

    /** {@link #pipeline(List, Path)} for documents and a brief held in memory ({@code briefName} null: no brief). */
    public Report pipeline(String name, String content, String briefName, String briefContent) throws InputException {
        return PipelineCommand.run(engine, name, content, briefName, briefContent);
    }

    /**
     * "Model [entity/domain] for analytics": reviews a Dimensional Model Template (grain, measures, keys,
     * SCD types, hierarchies, naming) and generates its DDL and SCD Type 2 loads for {@code dialect} and a
     * dbt schema.yml with the testing checklist's tests, as artifacts.
     *
     * <pre>{@code
     * Report r = dece.model(Path.of("orders-model.yaml"), Dialect.SNOWFLAKE);
     * }</pre>
     *
     * @throws InputException when the file is missing, unreadable, or not a valid template
     */
    public Report model(Path model, Dialect dialect) throws InputException {
        return ModelCommand.run(engine, model, dialect);
    }

    /** {@link #model(Path, Dialect)} for a template held in memory; {@code name} is used in locations. */
    public Report model(String name, String content, Dialect dialect) throws InputException {
        return ModelCommand.run(engine, name, content, dialect);
    }

    /**
     * "Are our tables and columns named right?": lints a dbt {@code target/manifest.json} (schema v10-v12),
     * a DDL file of CREATE TABLE statements ({@code .sql}), or a YAML/JSON list of tables against the naming
     * conventions, the timezone traps, the dbt testing checklist and documentation coverage. Of a manifest,
     * only the root project's own models are linted; the report says what was left out.
     *
     * @throws InputException when the file is missing, unreadable, an unsupported manifest version, or invalid
     */
    public Report lint(Path input) throws InputException {
        return LintCommand.run(engine, input, LintOptions.DEFAULT);
    }

    /** {@link #lint(Path)} with options, e.g. {@code new LintOptions(true)} to lint installed packages' models too. */
    public Report lint(Path input, LintOptions options) throws InputException {
        return LintCommand.run(engine, input, options);
    }

    /** {@link #lint(Path)} for content held in memory; {@code name}'s extension chooses the reader. */
    public Report lint(String name, String content) throws InputException {
        return LintCommand.run(engine, name, content, LintOptions.DEFAULT);
    }

    /** {@link #lint(String, String)} with options. */
    public Report lint(String name, String content, LintOptions options) throws InputException {
        return LintCommand.run(engine, name, content, options);
    }

    /**
     * "Set up data quality for [table]": reviews a data contract (Data Contract Template or ODCS v3), writes
     * its checks as SQL in the options' dialect and a dbt tests file (artifacts), and, when the options name
     * a JDBC URL, runs the checks read-only with a statement timeout and rates each failure by the Quality
     * Severity Levels, weighted by the contract's consumers. {@link Report#checks()} holds the outcomes.
     *
     * <pre>{@code
     * Report r = dece.quality(Path.of("orders.contract.yaml"), QualityOptions.run("jdbc:duckdb:/data/wh.duckdb"));
     * }</pre>
     *
     * @throws InputException when the contract is invalid, or the database cannot be opened or seeded
     */
    public Report quality(Path contract, QualityOptions options) throws InputException {
        return QualityCommand.run(engine, contract, options);
    }

    /** {@link #quality(Path, QualityOptions)} for a contract held in memory; {@code name} is used in locations. */
    public Report quality(String name, String content, QualityOptions options) throws InputException {
        return QualityCommand.run(engine, name, content, options);
    }

    /**
     * "Handle schema change in [source]": compares two versions of a contract (any format, or bare column
     * lists) and classifies each change, the compatibility of the whole change (full, backward, forward,
     * none) and the actions the new contract's breaking-change policy and consumers require.
     *
     * @throws InputException when either file is missing or invalid
     */
    public Report schemaChange(Path before, Path after) throws InputException {
        return SchemaChangeCommand.run(engine, before, after);
    }

    /** {@link #schemaChange(Path, Path)} for documents held in memory. */
    public Report schemaChange(String beforeName, String beforeContent, String afterName, String afterContent) throws InputException {
        return SchemaChangeCommand.run(engine, beforeName, beforeContent, afterName, afterContent);
    }

    /**
     * "Set up monitoring for our pipelines" / "how are our pipelines doing?": reads run logs (the Structured Logging
     * Standard's JSON lines, dbt run_results.json and sources.json, OpenLineage RunEvents; files or directories,
     * streamed), joins the options' pipeline specs, contracts, brief, backfill queue and cost file by pipeline name,
     * and reports the Pipeline Health Dashboard: one typed check outcome per pipeline and row ({@link Report#checks()}),
     * alerts rated P0-P3 with their response time, checks of the logs themselves, and the triage of every failure in
     * the window. With no logs, the specs' monitoring set-up comes back as artifacts (dashboards, alert routing, the
     * log line's JSON Schema).
     *
     * <pre>{@code
     * Report r = dece.monitor(List.of(Path.of("logs/")), MonitorOptions.defaults().withPipelines(List.of(Path.of("pipelines/"))));
     * }</pre>
     *
     * @throws InputException for a log or input DECE cannot use: located, with what is allowed
     */
    public Report monitor(List<Path> logs, MonitorOptions options) throws InputException {
        return MonitorCommand.run(engine, logs, options);
    }

    /** {@link #monitor(List, MonitorOptions)} for logs held in memory (name to content, in order), e.g. records of a stream. */
    public Report monitor(java.util.Map<String, String> logs, MonitorOptions options) throws InputException {
        return MonitorCommand.run(engine, logs, options);
    }

    /**
     * The pipelines the runs of logs held in memory belong to, sorted, each with the latest time its runs show; read as
     * {@link #monitor(java.util.Map, MonitorOptions)} reads them, without rules. What a stream keys a record by.
     */
    public static java.util.Map<String, java.time.Instant> runTimes(java.util.Map<String, String> logs, MonitorOptions options) throws InputException {
        return MonitorCommand.times(logs, options);
    }

    /**
     * "Why did this pipeline fail?": triages one error message by the Pipeline Failure Triage runbook: the branch, the
     * checks, the impact (from the options' specs, contracts and brief), the fix class, whether a retry is safe and
     * the post-fix steps.
     *
     * @throws InputException when the message is empty or an input or the patterns file is invalid
     */
    public Report triage(String message, TriageOptions options) throws InputException {
        return TriageCommand.run(engine, message, options);
    }

    /** {@link #triage(String, TriageOptions)} for every failed run of the logs (read as {@link #monitor} reads them). */
    public Report triage(List<Path> logs, TriageOptions options) throws InputException {
        return MonitorCommand.triage(engine, logs, options);
    }

    /**
     * "Optimize this query/pipeline": the SQL Optimization Checklist, the partition-key rule and the full-scan cost red
     * flag on SQL ({@code .sql} files and directories, dbt manifests' compiled SQL, the options' query-history exports),
     * and the Spark Optimization Guide on the options' event logs, with the options' table knowledge. Findings sit on
     * the offending expression's line and column (or the log's stage and SQL execution); safe rewrites are
     * {@code sql-rewrite} artifacts.
     *
     * <pre>{@code
     * Report r = dece.optimize(List.of(Path.of("queries/")),
     *         OptimizeOptions.defaults().withTables(List.of(Path.of("tables.yaml"))));
     * }</pre>
     *
     * @throws InputException when an input is missing, unreadable, over a limit or invalid (a statement that does not
     *                        parse is a finding, not an exception)
     */
    public Report optimize(List<Path> inputs, OptimizeOptions options) throws InputException {
        return OptimizeCommand.run(engine, inputs, options);
    }

    /**
     * {@code dece catalog}: reviews Data Catalog Entry Templates joined with dbt manifests, pipeline specs and contracts
     * into one lineage graph (CAT rules), drafts entries for uncatalogued datasets, and lists a dataset's downstream
     * impact when the options name one. See docs/catalog.md.
     *
     * @throws InputException for a missing, unreadable or invalid input, located
     */
    public Report catalog(List<Path> entries, CatalogOptions options) throws InputException {
        return CatalogCommand.run(engine, entries, options);
    }

    /**
     * {@code dece backfill}: the Backfill Protocol's nine steps for one table and date range as a plan (Markdown, YAML,
     * validation SQL in four dialects), with findings for a non-idempotent load, a schema change in the range and a
     * multi-tenant rebuild (BKF rules). See docs/catalog.md#backfill.
     *
     * @throws InputException for an invalid input, a table the estate does not hold, or a range that ends before it starts
     */
    public Report backfill(BackfillOptions options) throws InputException {
        return BackfillCommand.run(engine, options);
    }

    /**
     * {@code dece recovery}: the platform's stated disaster-recovery posture against the Phase 10 Disaster Recovery
     * table's five scenarios (DR rules), with a recovery plan artifact. See docs/catalog.md#disaster-recovery.
     *
     * @throws InputException for a missing, unreadable or invalid posture file, located
     */
    public Report recovery(Path posture) throws InputException {
        return RecoveryCommand.run(engine, posture);
    }

    /**
     * {@code dece migrate}: a migration plan between two systems over the estate (inventory, lineage order, validation
     * SQL per dataset, parallel run, cut-over and rollback) with MIG findings. See docs/catalog.md#migrate.
     *
     * @throws InputException for an invalid input, an unsafe system name, or the same system twice
     */
    public Report migrate(MigrateOptions options) throws InputException {
        return MigrateCommand.run(engine, options);
    }

    /**
     * "Review our data costs": the Cost Red Flags, the infrastructure-cost alert, the ROI of every pipeline and the Cloud
     * Cost Reduction Strategies the inputs support, for the month ending at the options' as-of day, from Cost Allocation
     * Templates (one per month) and the options' billing exports (FOCUS, Snowflake metering), query histories, cost
     * context, brief and specs. The proposals come in priority order (saving per effort) and the completed template is
     * the {@code cost-allocation} artifact.
     *
     * <pre>{@code
     * Report r = dece.cost(List.of(Path.of("cost-2026-03.yaml")), CostOptions.defaults().withUsage(List.of(Path.of("focus.csv"))));
     * }</pre>
     *
     * @throws InputException for an input DECE cannot use: located, with what is allowed
     */
    public Report cost(List<Path> templates, CostOptions options) throws InputException {
        return CostCommand.run(engine, templates, options);
    }

    /**
     * "Audit our data infrastructure": recognises every file of a platform folder by content, runs the commands that read
     * them, and scores the Quality Scoring Rubric's seven dimensions (AUD rules) for the platform, each pipeline and each
     * dataset, with evidence, the findings behind every lost point, and the trend against the options' baseline. See
     * docs/audit.md; {@code AuditCommand.html(report)} renders the page.
     *
     * @throws InputException for a file a command cannot read, or an unusable baseline: located
     */
    public Report audit(List<Path> inputs, AuditOptions options) throws InputException {
        return AuditCommand.run(engine, inputs, options);
    }

    /**
     * Reads and binds input files for {@code command} without evaluating them, for callers that evaluate
     * the same input many times (benchmarks; a service that replays one input under several policies):
     * {@link #evaluate(Prepared)} then runs only the rules. Supported by the commands whose input is files
     * alone (assess, pipeline, lint, quality without a database).
     *
     * @throws InputException when an input is invalid
     * @throws IllegalArgumentException for an unknown command, or one that cannot be prepared
     */
    public Prepared prepare(String command, Path... inputs) throws InputException {
        Command c = Commands.named(command);
        if (c.reader() == null) throw new IllegalArgumentException("the " + command + " command cannot be prepared; call its method");
        Command.Bound b = c.reader().read(engine, List.of(inputs));
        List<Object> facts = new ArrayList<>(b.shared());
        facts.addAll(b.items());
        return new Prepared(c, b.inputs(), facts, b);
    }

    /**
     * Runs the rules of a prepared input with this instance's policy and assembles the report: the
     * recommendations and findings of the command; artifacts a command writes after its rules (completed
     * templates, SQL) are not made here.
     *
     * @throws InputException when a team rule loops or runs past {@code Limits.maxEvaluationMillis}
     */
    public Report evaluate(Prepared prepared) throws InputException {
        return engine.evaluate(prepared.command, prepared.bound);
    }

    /**
     * Like {@link #evaluate(Prepared)}, running only the named rule sets (e.g. {@code assess.architecture}):
     * to measure one rule set like for like against a plain-Java baseline.
     */
    public Report evaluate(Prepared prepared, String... ruleSets) throws InputException {
        return engine.evaluateOnly(prepared.command, Set.of(ruleSets), prepared.inputs, prepared.facts);
    }

    /**
     * "Do our own rules do what we meant?": runs a team policy folder's tests (its {@code *.drl} rules, its
     * {@code policy.yaml}, its {@code *.test.yaml} cases; see {@code docs/policy.md}), like {@code conftest verify}. The
     * report holds one check outcome per case, {@code FAIL} with what fired instead.
     *
     * @throws InputException when the folder, a case file, a rule file or the policy is invalid, located
     */
    public static Report verify(Path dir) throws InputException {
        return dev.dece.core.verify.VerifyCommand.run(dir, (drl, policyFile) -> {
            Builder b = builder();
            drl.forEach(b::addRules);
            if (policyFile != null) b.policyFile(policyFile);
            RuleVerifier v = RuleVerifier.of(b.build());
            return (command, input) -> v.given(command, input).report();
        }, new dev.dece.core.doc.DocumentLoader(Limits.DEFAULT), RuleVerifier.COMMANDS);
    }

    /**
     * The command called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name; the message suggests the closest command and lists them all
     */
    public static CommandInfo command(String name) {
        Command c = Commands.named(name);
        return new CommandInfo(c.name(), c.summary(), c.ruleSets(), c.docPage());
    }

    /** Every command, in the order the command line lists them. */
    public static List<CommandInfo> commands() {
        return Commands.ALL.stream().map(c -> new CommandInfo(c.name(), c.summary(), c.ruleSets(), c.docPage())).toList();
    }

    /**
     * Compiles every command's rules now instead of on each command's first call.
     *
     * @return this instance, for {@code Dece.builder().build().warmUp()}
     */
    public Dece warmUp() {
        engine.warmUp(Commands.ALL);
        return this;
    }

    /** Every rule, sorted by ID: the live rule catalog. */
    public List<RuleInfo> rules() {
        return engine.catalog();
    }

    /** The policy in force. */
    public Policy policy() {
        return engine.policy();
    }

    /** Configures a {@link Dece}. Not thread-safe; the built instance is. */
    public static final class Builder {
        private Policy policy = Policy.defaults();
        private Path policyFile;
        private final List<Path> userRules = new ArrayList<>();
        private final Set<String> disabled = new TreeSet<>();
        private Limits limits = Limits.DEFAULT;
        private ClassLoader classLoader = Dece.class.getClassLoader();
        private Path waivers;
        private Path baseline;
        private LocalDate asOf;

        private Builder() {}

        /**
         * A waiver file ({@code .dece-waivers.yaml}): findings it covers are reported marked waived, with its reason,
         * approver and expiry, and never count for {@link Report#hasFindingAtLeast}; a waiver past its expiry
         * ({@code WVR-001}) or matching nothing ({@code WVR-002}) is a finding. Needs {@link #asOf(LocalDate)} when
         * any waiver is read. Inline {@code # dece:ignore RULE-ID reason} comments in YAML and SQL inputs apply
         * without it.
         */
        public Builder waivers(Path file) {
            this.waivers = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * A previous JSON report (or one written by {@code --write-baseline}): findings it already held, matched by rule
         * ID, file, YAML path and subject (never the line), are counted as known and not listed.
         */
        public Builder baseline(Path previousReport) {
            this.baseline = Objects.requireNonNull(previousReport, "previousReport");
            return this;
        }

        /** The day waiver expiries are judged on; an input, not the clock, so a report can be reproduced. */
        public Builder asOf(LocalDate day) {
            this.asOf = Objects.requireNonNull(day, "day");
            return this;
        }

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

        /** Switches rules off by ID, e.g. {@code "PRC-018"}. Unknown IDs fail {@link #build()}. */
        public Builder disable(String... ruleIds) {
            for (String id : ruleIds) disabled.add(Objects.requireNonNull(id, "ruleId"));
            return this;
        }

        /**
         * Adds a team's own DRL rules, compiled at build time. Team DRL is code: its consequences run with
         * DECE's rights, so add only files you trust. The rules may match the same facts and call the same
         * {@code dev.dece.core.drl} helpers as the built-in ones, and they run in the last phase of every
         * command, where the slot winners are {@code Chosen} facts; their results appear in the same reports.
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
         * Reads the rule index and validates the policy and team rules. Each command's rules are compiled
         * on that command's first call (a few hundred milliseconds) and shared afterwards; call
         * {@link Dece#warmUp()} to compile them all now, e.g. before a server takes traffic.
         *
         * @throws InputException when the policy file or a user rule file is invalid, or a disabled
         *                        rule ID does not exist
         */
        public Dece build() throws InputException {
            Policy p = policyFile != null ? Policy.load(policyFile) : policy;
            if (!disabled.isEmpty()) p = p.disable(disabled.toArray(String[]::new));
            if (!p.contradictions().isEmpty()) {
                String where = policyFile != null ? policyFile.toString() : "policy";
                throw new InputException(p.contradictions().stream().map(c -> Problem.file(where, c)).toList());
            }
            Engine engine = Engine.load(classLoader, userRules, p, limits);
            List<Problem> problems = new ArrayList<>();
            Set<String> known = p.disabledRules().isEmpty() ? Set.of()
                    : engine.catalog().stream().map(RuleInfo::id).collect(Collectors.toCollection(TreeSet::new));
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
            if (waivers != null || baseline != null) {
                Set<String> ids = engine.catalog().stream().map(RuleInfo::id).collect(Collectors.toCollection(TreeSet::new));
                engine = engine.withSuppressor(Suppressor.load(engine.loader(), waivers, baseline, asOf, ids));
            }
            return new Dece(engine);
        }
    }
}
