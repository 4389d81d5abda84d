package dev.dece.core.engine;

import dev.dece.core.doc.Inputs;
import dev.dece.core.drl.Emit;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;
import dev.dece.core.input.Problem;
import dev.dece.core.report.RuleInfo;
import dev.dece.core.report.Severity;

import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The compiled rules: the built-in rules precompiled by the kie-maven-plugin into an executable model
 * (loaded directly from its model classes, which is the fastest start measured), plus any user DRL
 * compiled at run time with the classic compiler. Built once; {@link #evaluate} is thread-safe because
 * every call opens its own session on the shared, read-only KieBase.
 */
final class RuleBase {

    /** The index file the kie-maven-plugin writes for dece-rules. */
    static final String MODEL_INDEX = "META-INF/kie/dev.dece/dece-rules/drools-model";
    /**
     * Firings allowed per input fact. Every DECE rule fires a bounded number of times per fact; a run
     * that reaches this budget means a rule loops, and it is reported, never cut short silently.
     */
    private static final long FIRINGS_PER_FACT = 1_000;

    /**
     * The generated model class of every built-in rule set, by rule-set folder name, read from the model
     * index without loading them: a command loads only its own rule sets' classes, which keeps
     * start-up short (the generated lambdas are most of the classes DECE loads).
     */
    private final Map<String, List<String>> modelClasses;
    private final ClassLoader classLoader;
    private final Map<String, Model> loadedModels = new ConcurrentHashMap<>();
    private final List<RuleInfo> userCatalog;
    /** Where each team rule is written: {@code file:line} by rule ID, so a looping rule is named with its file. */
    private final Map<String, String> teamRuleFiles;
    private volatile List<RuleInfo> catalog;
    /** Team DRL files, already validated, compiled into every rule base built from here. */
    private final List<UserDrl> userDrl;
    /**
     * One KieBase per phase (its rule sets, with or without the team's rules), built on first use, then shared
     * read-only. A future, so the phases of a command can be built side by side (see {@link #prepare}).
     */
    private final Map<PhaseKey, CompletableFuture<KieBase>> bases = new ConcurrentHashMap<>();

    /** Builds rule bases in the background, one per core at most; daemon threads, so they never keep a JVM alive. */
    private static final Executor BUILDERS = Executors.newFixedThreadPool(
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), r -> {
                Thread th = new Thread(r, "dece-rulebase-build");
                th.setDaemon(true);
                return th;
            });
    /**
     * A session pool per base: a disposed pooled session is reset (facts, agenda, node memories' contents)
     * and handed to the next call, so evaluations skip re-creating the node memories, which is most of a
     * fresh session's cost. Each call still has a session to itself.
     */
    private final Map<PhaseKey, KieSessionsPool> pools = new ConcurrentHashMap<>();

    private record UserDrl(Path path, String text) {}

    /** A phase's rule sets, and whether the team's rules run in it (they run in each command's last phase). */
    record PhaseKey(Set<String> ruleSets, boolean team) {
        PhaseKey {
            ruleSets = Set.copyOf(ruleSets);
        }
    }

    private RuleBase(ClassLoader cl, Map<String, List<String>> modelClasses, List<UserDrl> userDrl,
                     List<RuleInfo> userCatalog, Map<String, String> teamRuleFiles) {
        this.teamRuleFiles = teamRuleFiles;
        this.classLoader = cl;
        this.modelClasses = modelClasses;
        this.userDrl = userDrl;
        this.userCatalog = userCatalog;
    }

    /**
     * Loads the built-in rule models from the classpath and validates {@code userDrl} files (compiled at
     * run time with the classic compiler). No KieBase is built yet: each command's base is built on its
     * first evaluation and holds only that command's rule sets plus the team's rules.
     *
     * @throws InputException when a user DRL file is missing or does not compile (with its line numbers)
     * @throws IllegalStateException when dece-rules is not on the classpath (a packaging error)
     */
    static RuleBase load(ClassLoader cl, List<Path> userDrl, Limits limits) throws InputException {
        Map<String, List<String>> index = readIndex(cl);
        if (userDrl.isEmpty()) {
            return new RuleBase(cl, index, List.of(), List.of(), Map.of());
        }
        RuleBase builtIn = new RuleBase(cl, index, List.of(), List.of(), Map.of());
        List<Model> models = builtIn.models(Set.of());
        // Team files are compiled by the classic (mvel) compiler against the executable-model base and
        // their packages are added to it: both engines share the same runtime (Rete/Phreak), so one
        // session fires built-in and team rules together and Emit reads their metadata alike. This first
        // compile, against every rule set, validates them and reads their catalog entries.
        InternalKnowledgeBase kb = KieBaseBuilder.createKieBaseFromModel(models);
        Set<String> known = new java.util.TreeSet<>();
        for (KiePackage pkg : kb.getKiePackages()) {
            for (Rule r : pkg.getRules()) known.add(Emit.id(r));
        }
        Map<String, String> teamRuleFiles = new java.util.HashMap<>();
        List<UserDrl> files = new ArrayList<>();
        for (Path p : userDrl) {
            byte[] bytes;
            try {
                bytes = Inputs.read(p, limits.maxDrlBytes(), "Limits.maxDrlBytes", "a DRL file of team rules");
            } catch (InputException e) {
                if (e.problems().get(0).message().equals("no such file")) throw new InputException(Problem.file(p.toString(), "no such rule file"));
                throw e;
            }
            String text = Inputs.utf8(p.toString(), bytes);
            if (text.isBlank()) {
                throw new InputException(Problem.file(p.toString(), "is empty; expected team rules: package ...; rule \"TEAM-001 what it checks\" ... end"));
            }
            List<Problem> exits = TeamRules.exitCalls(p.toString(), text);
            if (!exits.isEmpty()) throw new InputException(exits);
            KnowledgeBuilder kbuilder;
            try {
                kbuilder = compile(kb, p, text);
            } catch (StackOverflowError e) {
                throw new InputException(Problem.file(p.toString(), "nests too deeply for the DRL compiler; simplify the rules"));
            }
            if (kbuilder.hasErrors()) {
                throw new InputException(compileProblems(p, kbuilder));
            }
            List<Problem> problems = new ArrayList<>();
            for (KiePackage pkg : kbuilder.getKnowledgePackages()) {
                for (Rule r : pkg.getRules()) {
                    int line = TeamRules.lineOf(text, r.getName());
                    String id = Emit.id(r);
                    if (!TeamRules.ID.matcher(id).matches()) {
                        problems.add(new Problem(p.toString(), line, 0, "", "rule \"" + r.getName() + "\" has no ID; a rule's name starts with"
                                + " its ID, a prefix and a number, e.g. \"TEAM-001 what it checks\""));
                    } else if (known.contains(id)) {
                        problems.add(new Problem(p.toString(), line, 0, "", "rule \"" + r.getName() + "\" reuses the ID " + id
                                + ", which another rule already has; give team rules their own prefix, e.g. TEAM-001"));
                    }
                    if (Emit.meta(r.getMetaData(), "topic") == null) {
                        problems.add(new Problem(p.toString(), line, 0, "", "rule \"" + r.getName() + "\" has no @topic(\"...\"); "
                                + "every rule names the report topic its results belong to"));
                    }
                    Object sev = Emit.meta(r.getMetaData(), "severity");
                    if (sev != null && dev.dece.core.report.Severity.parse(sev.toString()) == null) {
                        problems.add(new Problem(p.toString(), line, 0, "", "rule \"" + r.getName() + "\" has @severity(\"" + sev
                                + "\"); use P0, P1, P2, P3 or INFO"));
                    }
                    known.add(id);
                    teamRuleFiles.put(id, p + ":" + line);
                }
            }
            if (!problems.isEmpty()) throw new InputException(problems);
            kb.addPackages(kbuilder.getKnowledgePackages());
            files.add(new UserDrl(p, text));
        }
        Set<String> builtInIds = new java.util.HashSet<>();
        for (RuleInfo r : modelCatalog(models)) builtInIds.add(r.id());
        List<RuleInfo> userCatalog = catalogOf(kb).stream().filter(r -> !builtInIds.contains(r.id())).toList();
        return new RuleBase(cl, index, List.copyOf(files), userCatalog, Map.copyOf(teamRuleFiles));
    }

    /** A builder made on {@code kb} compiles against kb's packages; its packages are added by the caller. */
    private static KnowledgeBuilder compile(InternalKnowledgeBase kb, Path p, String text) {
        KnowledgeBuilder kbuilder = KnowledgeBuilderFactory.newKnowledgeBuilder(kb);
        kbuilder.add(ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8))
                .setSourcePath(p.getFileName().toString()), ResourceType.DRL);
        return kbuilder;
    }

    /**
     * The shared KieBase holding exactly {@code ruleSets} (e.g. {@code assess.storage}), plus the team's
     * rules when {@code team}; built once, on first use.
     */
    KieBase kieBase(Set<String> ruleSets, boolean team) {
        CompletableFuture<KieBase> f = bases.computeIfAbsent(new PhaseKey(ruleSets, team && !userDrl.isEmpty()),
                k -> CompletableFuture.completedFuture(build(k)));
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error er) throw er;
            throw e;
        }
    }

    /**
     * Starts building, in the background, the bases of {@code phases} (rule sets per phase; the last one with
     * the team's rules) that are not built yet: a command's later phases are then ready, or nearly, when its
     * first phase has run. Returns at once.
     */
    void prepare(List<List<String>> phases) {
        for (int p = 0; p < phases.size(); p++) {
            PhaseKey key = new PhaseKey(Set.copyOf(phases.get(p)), p == phases.size() - 1 && !userDrl.isEmpty());
            bases.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> buildInContext(k), BUILDERS));
        }
    }

    /** The models of {@code ruleSets} (empty = all), instantiated once each, sorted by name. */
    private List<Model> models(Set<String> ruleSets) {
        List<Model> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : modelClasses.entrySet()) {
            if (!ruleSets.isEmpty() && !ruleSets.contains(e.getKey())) continue; // empty: every rule set
            for (String cls : e.getValue()) {
                out.add(loadedModels.computeIfAbsent(cls, this::instantiate));
            }
        }
        out.sort(Comparator.comparing(Model::getName));
        return out;
    }

    private Model instantiate(String cls) {
        try {
            return (Model) Class.forName(cls, true, classLoader).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the DECE rule model " + cls + ": " + e, e);
        }
    }

    /**
     * {@link #build} with this base's class loader as the thread's context class loader, which Drools reads its
     * configuration through. The pool's threads are shared by every engine of the JVM and would otherwise keep the
     * context of whichever thread created them: in Flink, a task attempt's user-code class loader, closed when the job
     * restarts, so a later build fails with "Trying to access closed classloader".
     */
    private KieBase buildInContext(PhaseKey key) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(classLoader);
        try {
            return build(key);
        } finally {
            t.setContextClassLoader(before);
        }
    }

    private KieBase build(PhaseKey key) {
        for (String s : key.ruleSets()) {
            if (!modelClasses.containsKey(s)) {
                throw new IllegalArgumentException("no rule set named " + s + "; known: " + ruleSets());
            }
        }
        InternalKnowledgeBase kb = KieBaseBuilder.createKieBaseFromModel(models(key.ruleSets()));
        if (!key.team()) return kb;
        for (UserDrl u : userDrl) {
            KnowledgeBuilder kbuilder = compile(kb, u.path(), u.text());
            if (kbuilder.hasErrors()) { // compiled cleanly against every rule set in load(); cannot differ here
                throw new IllegalStateException("team rules " + u.path() + " no longer compile: " + kbuilder.getErrors());
            }
            kb.addPackages(kbuilder.getKnowledgePackages());
        }
        return kb;
    }

    /** Names of the built-in rule sets (DRL package folders), sorted. */
    List<String> ruleSets() {
        return modelClasses.keySet().stream().sorted().toList();
    }

    /** DECE's own DRL packages live under this one; a rule set is named by the rest, e.g. {@code assess.storage}. */
    static final String RULES_PACKAGE = "dev.dece.rules.";

    /** The rule set of a DRL package: {@code assess.storage} for DECE's own, the whole package for a team's. */
    static String setOf(String pkg) {
        return pkg.startsWith(RULES_PACKAGE) ? pkg.substring(RULES_PACKAGE.length()) : pkg;
    }

    static String id(String ruleName) {
        int sp = ruleName.indexOf(' ');
        return sp < 0 ? ruleName : ruleName.substring(0, sp);
    }

    /** Compiler errors as located problems; the parser's "null Package" echo is dropped when a located error explains it. */
    private static List<Problem> compileProblems(Path file, KnowledgeBuilder kbuilder) {
        List<Problem> located = new ArrayList<>();
        List<Problem> unlocated = new ArrayList<>();
        for (KnowledgeBuilderError e : kbuilder.getErrors()) {
            int[] lines = e.getLines();
            int line = lines.length > 0 ? Math.max(lines[0], 0) : 0;
            Problem pr = new Problem(file.toString(), line, 0, "",
                    "DRL does not compile: " + e.getMessage().strip().replaceAll("\\s+", " "));
            (line > 0 ? located : unlocated).add(pr);
        }
        if (located.isEmpty()) return unlocated;
        located.sort(java.util.Comparator.comparingInt(Problem::line));
        return located;
    }

    /** Reads the kie-maven-plugin's model index: generated class names grouped by rule-set folder. */
    static Map<String, List<String>> readIndex(ClassLoader cl) {
        Map<String, List<String>> index = new java.util.TreeMap<>();
        try {
            Enumeration<URL> urls = cl.getResources(MODEL_INDEX);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        line = line.strip();
                        if (line.isEmpty() || line.contains(":")) continue; // header "Drools-Model-Version:..."
                        String pkg = line.substring(0, line.lastIndexOf('.'));
                        index.computeIfAbsent(setOf(pkg), k -> new ArrayList<>()).add(line);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the DECE rule model index: " + e, e);
        }
        if (index.isEmpty()) {
            throw new IllegalStateException("no DECE rules on the classpath: add the dece-rules jar (" + MODEL_INDEX + " not found)");
        }
        return index;
    }

    /** Catalog entries read from the executable model's metadata, without building a KieBase. */
    private static List<RuleInfo> modelCatalog(List<Model> models) {
        List<RuleInfo> out = new ArrayList<>();
        for (Model m : models) {
            for (org.drools.model.Rule r : m.getRules()) {
                out.add(info(r.getName(), setOf(m.getPackageName()), r.getMetaData()));
            }
        }
        return out;
    }

    private static List<RuleInfo> catalogOf(KieBase kb) {
        List<RuleInfo> out = new ArrayList<>();
        for (KiePackage pkg : kb.getKiePackages()) {
            for (Rule r : pkg.getRules()) {
                out.add(info(r.getName(), setOf(pkg.getName()), r.getMetaData()));
            }
        }
        return out;
    }

    private static RuleInfo info(String name, String set, Map<String, Object> md) {
        String id = id(name);
        String title = name.substring(Math.min(name.length(), id.length())).strip();
        Object topic = Emit.meta(md, "topic");
        Object section = Emit.meta(md, "section");
        Object sev = Emit.meta(md, "severity");
        return new RuleInfo(id, title, set, topic == null ? "" : topic.toString(),
                sev == null ? null : dev.dece.core.report.Severity.parse(sev.toString()), section == null ? "" : section.toString());
    }

    /** Every rule, built-in and the team's, sorted by ID. Loads every rule set's model on first call. */
    List<RuleInfo> catalog() {
        List<RuleInfo> c = catalog;
        if (c == null) {
            List<RuleInfo> all = new ArrayList<>(modelCatalog(models(Set.of())));
            all.addAll(userCatalog);
            all.sort(Comparator.comparing(RuleInfo::id));
            catalog = c = List.copyOf(all);
        }
        return c;
    }

    /**
     * Runs one phase in a fresh (pooled) session of the base holding {@code ruleSets}, with the team's
     * rules when {@code team}, and returns every object the session holds afterwards: the facts and what
     * the rules inserted. Rules whose ID is in {@code disabled} never fire. Thread-safe.
     *
     * <p>Two bounds, and a run that reaches either is refused, never cut short silently: a firing budget
     * ({@value #FIRINGS_PER_FACT} per input fact) and a wall-clock deadline ({@code deadlineNanos}, from
     * {@code Limits.maxEvaluationMillis}). A phase with team rules runs on its own thread, so even a
     * consequence that never returns ({@code while (true)}) cannot hold the caller past the deadline. The
     * refusal names the rule that fired most, with its file and line for a team rule.
     *
     * @throws InputException when a team rule loops or runs past the deadline
     * @throws IllegalStateException when a built-in rule does (a DECE bug)
     */
    Collection<?> evaluate(Set<String> ruleSets, boolean team, List<?> facts, Set<String> disabled, long deadlineNanos)
            throws InputException {
        PhaseKey key = new PhaseKey(ruleSets, team && !userDrl.isEmpty());
        KieSession session = pools.computeIfAbsent(key, k -> kieBase(k.ruleSets(), k.team()).newKieSessionsPool(2)).newKieSession();
        Guard guard = new Guard(session, deadlineNanos, disabled);
        // the guard counts firings and watches the deadline as the agenda filter, which Drools asks before each
        // firing; only a team phase also listens to the agenda, to know which consequence is running
        if (key.team()) session.addEventListener(guard);
        boolean disposable = true;
        try {
            for (Object f : facts) {
                session.insert(f);
            }
            AgendaFilter filter = guard;
            int budget = (int) Math.min(Integer.MAX_VALUE, Math.max(100_000L, FIRINGS_PER_FACT * facts.size()));
            int fired;
            if (key.team()) {
                FutureTask<Integer> run = new FutureTask<>(() -> session.fireAllRules(filter, budget));
                Thread th = new Thread(run, "dece-team-rules");
                th.setDaemon(true);
                th.start();
                try {
                    fired = run.get(Math.max(1, deadlineNanos - System.nanoTime()) + GRACE_NANOS, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    session.halt();
                    disposable = false; // the thread may still be inside the consequence: never reuse this session
                    throw stopped(guard, guard.current, "ran past the evaluation deadline (Limits.maxEvaluationMillis) inside one consequence"
                            + " (a loop that never returns?)");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    session.halt();
                    disposable = false;
                    throw new IllegalStateException("interrupted while the rules ran");
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) throw re;
                    if (c instanceof Error er) throw er;
                    throw new IllegalStateException(c);
                }
            } else {
                fired = session.fireAllRules(filter, budget);
            }
            if (guard.timedOut) throw stopped(guard, guard.busiest(), "ran past the evaluation deadline (Limits.maxEvaluationMillis)");
            if (fired >= budget) throw stopped(guard, guard.busiest(), "fired " + fired + " times for " + facts.size() + " facts and was stopped: it loops"
                    + " (a consequence inserts again what the rule matches)");
            return new ArrayList<>(session.getObjects());
        } finally {
            if (disposable) {
                if (key.team()) session.removeEventListener(guard);
                session.dispose();
            }
        }
    }

    /** How long past the deadline a team phase may take to stop after being halted. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    /**
     * The refusal of a run that reached a bound, naming the rule that fired most: an input problem located at a
     * team rule's file and line; for a built-in rule (a DECE bug) an {@link IllegalStateException}, thrown here.
     */
    private InputException stopped(Guard g, String id, String what) {
        String where = id == null ? null : teamRuleFiles.get(id);
        String rule = id == null ? "a rule" : "rule " + id + " (" + g.firings().get(id) + " firings)";
        if (where != null) {
            int colon = where.lastIndexOf(':');
            return new InputException(new Problem(where.substring(0, colon), Integer.parseInt(where.substring(colon + 1)), 0, "",
                    "team " + rule + " " + what));
        }
        throw new IllegalStateException(rule + " " + what + "; a DECE bug: please report it with the input");
    }

    /**
     * Counts firings per rule and halts the session at the deadline, as the agenda filter (asked before each
     * firing; it also keeps disabled rules from firing) and, for team phases, as a listener that knows which
     * consequence is running.
     */
    private static final class Guard extends org.kie.api.event.rule.DefaultAgendaEventListener implements AgendaFilter {
        final KieSession session;
        final long deadline;
        final Set<String> disabled;
        /** Firings per rule, by the rule object (no name is cut out per firing); IDs only when a run is refused. */
        final Map<org.kie.api.definition.rule.Rule, int[]> byRule = new java.util.IdentityHashMap<>();
        volatile boolean timedOut;
        /** The rule whose consequence is running, or null between firings (team phases only). */
        volatile String current;

        Guard(KieSession session, long deadline, Set<String> disabled) {
            this.session = session;
            this.deadline = deadline;
            this.disabled = disabled;
        }

        @Override
        public boolean accept(org.kie.api.runtime.rule.Match m) {
            org.kie.api.definition.rule.Rule r = m.getRule();
            if (!disabled.isEmpty() && disabled.contains(Emit.id(r))) return false;
            int[] n = byRule.get(r);
            if (n == null) byRule.put(r, n = new int[1]);
            n[0]++;
            if (System.nanoTime() > deadline) {
                timedOut = true;
                session.halt();
            }
            return true;
        }

        @Override
        public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent e) {
            current = Emit.id(e.getMatch().getRule());
        }

        @Override
        public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent e) {
            current = null;
        }

        /** Firings per rule ID. */
        Map<String, Integer> firings() {
            Map<String, Integer> out = new java.util.HashMap<>();
            byRule.forEach((r, n) -> out.merge(Emit.id(r), n[0], Integer::sum));
            return out;
        }

        String busiest() {
            return firings().entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).orElse(null);
        }
    }
}
