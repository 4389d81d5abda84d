package dev.dece.core.engine;

import dev.dece.core.Finding;
import dev.dece.core.RuleInfo;
import dev.dece.core.Severity;
import dev.dece.core.doc.InputException;
import dev.dece.core.doc.Problem;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * The compiled rules: the built-in rules precompiled by the kie-maven-plugin into an executable model
 * (loaded directly from its model classes, which is the fastest start measured), plus any user DRL
 * compiled at run time with the classic compiler. Built once; {@link #evaluate} is thread-safe because
 * every call opens its own session on the shared, read-only KieBase.
 */
public final class RuleBase {

    /** The index file the kie-maven-plugin writes for dece-rules. */
    static final String MODEL_INDEX = "META-INF/kie/dev.dece/dece-rules/drools-model";
    /**
     * Firings allowed per input fact. Every DECE rule fires a bounded number of times per fact; a run
     * that reaches this budget means a rule loops, and it is reported, never cut short silently.
     */
    private static final long FIRINGS_PER_FACT = 1_000;

    private final KieBase kieBase;
    private final List<RuleInfo> catalog;

    private RuleBase(KieBase kieBase) {
        this.kieBase = kieBase;
        this.catalog = readCatalog(kieBase);
    }

    /**
     * Loads the built-in rules from the classpath and compiles {@code userDrl} files into the same base.
     *
     * @throws InputException when a user DRL file is missing or does not compile (with its line numbers)
     * @throws IllegalStateException when dece-rules is not on the classpath (a packaging error)
     */
    public static RuleBase load(ClassLoader cl, List<Path> userDrl) throws InputException {
        List<Model> models = loadModels(cl);
        InternalKnowledgeBase kb = KieBaseBuilder.createKieBaseFromModel(models);
        // Each team file is compiled by the classic (mvel) compiler against the executable-model base and
        // its packages are added to this private base: both engines share the same runtime (Rete/Phreak),
        // so one session fires built-in and team rules together and Emit reads their metadata alike.
        for (Path p : userDrl) {
            String text;
            try {
                text = Files.readString(p, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new InputException(Problem.file(p.toString(), "no such rule file"));
            } catch (IOException e) {
                throw new InputException(Problem.file(p.toString(), "cannot be read: " + e.getMessage()));
            }
            Set<String> known = new java.util.TreeSet<>();
            for (KiePackage pkg : kb.getKiePackages()) {
                for (Rule r : pkg.getRules()) known.add(Emit.id(r));
            }
            // a builder made on kb compiles against kb's packages and merges into kb as it goes
            KnowledgeBuilder kbuilder = KnowledgeBuilderFactory.newKnowledgeBuilder(kb);
            kbuilder.add(ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(p.getFileName().toString()), ResourceType.DRL);
            if (kbuilder.hasErrors()) {
                throw new InputException(compileProblems(p, kbuilder));
            }
            List<Problem> clashes = new ArrayList<>();
            for (KiePackage pkg : kbuilder.getKnowledgePackages()) {
                for (Rule r : pkg.getRules()) {
                    if (known.contains(Emit.id(r))) {
                        clashes.add(Problem.file(p.toString(), "rule \"" + r.getName() + "\" reuses the ID " + Emit.id(r)
                                + ", which another rule already has; give team rules their own prefix, e.g. TEAM-001"));
                    }
                    if (Emit.meta(r.getMetaData(), "topic") == null) {
                        clashes.add(Problem.file(p.toString(), "rule \"" + r.getName() + "\" has no @topic(\"...\"); "
                                + "every rule names the report topic its results belong to"));
                    }
                }
            }
            if (!clashes.isEmpty()) throw new InputException(clashes);
            kb.addPackages(kbuilder.getKnowledgePackages());
        }
        return new RuleBase(kb);
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

    static List<Model> loadModels(ClassLoader cl) {
        List<Model> models = new ArrayList<>();
        try {
            Enumeration<URL> urls = cl.getResources(MODEL_INDEX);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        line = line.strip();
                        if (line.isEmpty() || line.contains(":")) continue; // header "Drools-Model-Version:..."
                        models.add((Model) Class.forName(line, true, cl).getDeclaredConstructor().newInstance());
                    }
                }
            }
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the DECE rule model: " + e, e);
        }
        if (models.isEmpty()) {
            throw new IllegalStateException("no DECE rules on the classpath: add the dece-rules jar (" + MODEL_INDEX + " not found)");
        }
        models.sort(Comparator.comparing(Model::getName));
        return models;
    }

    private static List<RuleInfo> readCatalog(KieBase kb) {
        List<RuleInfo> out = new ArrayList<>();
        for (KiePackage pkg : kb.getKiePackages()) {
            for (Rule r : pkg.getRules()) {
                String id = Emit.id(r);
                String title = r.getName().substring(Math.min(r.getName().length(), id.length())).strip();
                Object topic = Emit.meta(r.getMetaData(), "topic");
                Object section = Emit.meta(r.getMetaData(), "section");
                String set = pkg.getName().substring(pkg.getName().lastIndexOf('.') + 1);
                out.add(new RuleInfo(id, title, set, topic == null ? "" : topic.toString(), Emit.severity(r),
                        section == null ? "" : section.toString()));
            }
        }
        out.sort(Comparator.comparing(RuleInfo::id));
        return List.copyOf(out);
    }

    /** Every rule in the base, sorted by ID. */
    public List<RuleInfo> catalog() {
        return catalog;
    }

    /**
     * Runs one evaluation in a fresh session and returns every object the rules inserted plus the facts.
     * Rules whose ID is in {@code disabled} never fire.
     */
    public Collection<?> evaluate(List<?> facts, Set<String> disabled) {
        KieSession session = kieBase.newKieSession();
        try {
            for (Object f : facts) {
                session.insert(f);
            }
            AgendaFilter filter = disabled.isEmpty() ? m -> true : m -> !disabled.contains(Emit.id(m.getRule()));
            int budget = (int) Math.min(Integer.MAX_VALUE, Math.max(100_000L, FIRINGS_PER_FACT * facts.size()));
            int fired = session.fireAllRules(filter, budget);
            if (fired >= budget) {
                throw new IllegalStateException("the rules fired " + fired + " times for " + facts.size()
                        + " facts and were stopped: a rule is looping (a DECE bug, or a user rule that re-inserts what it matches)");
            }
            return new ArrayList<>(session.getObjects());
        } finally {
            session.dispose();
        }
    }

    /** For tools that need the raw base (benchmarks, catalog export). */
    public KieBase kieBase() {
        return kieBase;
    }

    static boolean isResult(Object o) {
        return o instanceof Candidate || o instanceof Rejection || o instanceof Finding
                || o instanceof dev.dece.core.Artifact;
    }


}
