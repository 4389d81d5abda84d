package dev.dece.core.engine;

import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;
import dev.dece.core.policy.Policy;
import dev.dece.core.report.Report;
import dev.dece.core.report.RuleInfo;
import dev.dece.core.waiver.Suppressor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What a command runs on: the compiled rules, the policy in force and the input limits. Built once by the
 * facade and shared; immutable and thread-safe (every evaluation has its own sessions and assembler).
 *
 * <pre>{@code
 * Report r = engine.evaluate(Assess.COMMAND, List.of("brief.yaml"), facts);
 * }</pre>
 */
public final class Engine {

    private final RuleBase rules;
    private final Policy policy;
    private final DocumentLoader loader;
    private final Suppressor suppressor;

    private Engine(RuleBase rules, Policy policy, DocumentLoader loader, Suppressor suppressor) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.loader = loader;
        this.suppressor = Objects.requireNonNull(suppressor, "suppressor");
    }

    /**
     * This engine, sharing its compiled rules, with waivers and a baseline that every command's report passes through
     * once, after its rules ran (see {@link Suppressor}).
     */
    public Engine withSuppressor(Suppressor s) {
        return new Engine(rules, policy, loader, s);
    }

    /**
     * Finds the built-in rules on {@code cl} and validates the team's DRL files (compiled at run time).
     * No rule base is built yet: each phase's is built on first use.
     *
     * @throws InputException when a team DRL file is missing, does not compile, or reuses a built-in ID
     * @throws IllegalStateException when dece-rules is not on the class path (a packaging error)
     */
    public static Engine load(ClassLoader cl, List<Path> teamDrl, Policy policy, Limits limits) throws InputException {
        DocumentLoader loader = new DocumentLoader(limits);
        return new Engine(RuleBase.load(cl, teamDrl, limits), policy, loader, Suppressor.inlineOnly(loader));
    }

    /** The policy in force; it is inserted into every phase as a fact. */
    public Policy policy() {
        return policy;
    }

    /** The loader with the limits in force. */
    public DocumentLoader loader() {
        return loader;
    }

    /** Every rule, built-in and the team's, sorted by ID. */
    public List<RuleInfo> catalog() {
        return rules.catalog();
    }

    /**
     * Runs {@code command}'s phases over {@code facts} (the policy is added) and assembles the report, with the
     * waivers and baseline applied (the one place every command's findings pass through).
     *
     * @param inputs the input names, as the report lists them
     */
    public Report evaluate(Command command, List<String> inputs, List<?> facts) throws InputException {
        return evaluate(command, inputs, List.of(), facts, Integer.MAX_VALUE);
    }

    /**
     * Like {@link #evaluate(Command, List, List)} for inputs made of many independent items (pipelines,
     * tables) that never join each other: they are evaluated {@code batch} at a time, each batch with the
     * {@code shared} facts, so memory per session stays bounded and no session nears the firing budget
     * however many items one call holds. The batches' results form one report.
     */
    public Report evaluate(Command command, List<String> inputs, List<?> shared, List<?> items, int batch) throws InputException {
        if (batch < 1) throw new IllegalArgumentException("batch must be at least 1: " + batch);
        long deadline = deadline();
        Assembler assembler = new Assembler();
        for (int i = 0; i < Math.max(1, items.size()); i += batch) {
            List<?> part = items.subList(Math.min(i, items.size()), (int) Math.min((long) i + batch, items.size()));
            List<Object> facts = new ArrayList<>(shared.size() + part.size() + 1);
            facts.add(policy);
            facts.addAll(shared);
            facts.addAll(part);
            run(command, command.phases(), facts, assembler, deadline);
        }
        return suppressor.apply(assembler.report(command, inputs));
    }

    /** The wall-clock deadline of an evaluation that starts now. */
    private long deadline() {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(loader.limits().maxEvaluationMillis());
    }

    /** Builds the rule bases of every phase of {@code commands} now, instead of on first use. */
    public void warmUp(List<Command> commands) {
        for (Command c : commands) {
            for (int p = 0; p < c.phases().size(); p++) {
                rules.kieBase(Set.copyOf(c.phases().get(p)), p == c.phases().size() - 1);
            }
        }
    }

    /** Evaluates input read by a command's {@link Command.Reader}. */
    public Report evaluate(Command command, Command.Bound bound) throws InputException {
        return evaluate(command, bound.inputs(), bound.shared(), bound.items(), bound.batch());
    }

    /**
     * Runs only the phases of {@code command} that hold one of {@code ruleSets}, each restricted to them:
     * for measuring one rule set like for like against a plain-Java baseline.
     */
    public Report evaluateOnly(Command command, Set<String> ruleSets, List<String> inputs, List<?> facts) throws InputException {
        List<List<String>> phases = new ArrayList<>();
        for (List<String> p : command.phases()) {
            List<String> kept = p.stream().filter(ruleSets::contains).toList();
            if (!kept.isEmpty()) phases.add(kept);
        }
        if (phases.isEmpty()) throw new IllegalArgumentException(command.name() + " has none of the rule sets " + ruleSets);
        List<Object> all = new ArrayList<>(facts.size() + 1);
        all.add(policy);
        all.addAll(facts);
        Assembler assembler = new Assembler();
        run(command, phases, all, assembler, deadline());
        return assembler.report(command, inputs);
    }

    /**
     * Starts building {@code command}'s rule bases in the background, if they are not built yet: a command
     * calls this before it reads its input, so the rules compile while the files are parsed. Returns at once.
     */
    public void prepare(Command command) {
        rules.prepare(command.phases());
    }

    private void run(Command command, List<List<String>> phases, List<Object> facts, Assembler assembler, long deadline)
            throws InputException {
        if (phases.size() > 1) rules.prepare(phases); // later phases build while the first one runs
        List<Object> decided = new ArrayList<>();
        for (int p = 0; p < phases.size(); p++) {
            List<Object> phaseFacts = facts;
            if (!decided.isEmpty()) {
                phaseFacts = new ArrayList<>(facts.size() + decided.size());
                phaseFacts.addAll(facts);
                phaseFacts.addAll(decided);
            }
            Collection<?> out = rules.evaluate(Set.copyOf(phases.get(p)), p == phases.size() - 1, phaseFacts, policy.disabledRules(), deadline);
            decided.addAll(assembler.decide(out));
        }
    }
}
