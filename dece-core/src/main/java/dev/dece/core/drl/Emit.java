package dev.dece.core.drl;

import dev.dece.core.report.Artifact;
import dev.dece.core.report.Evidence;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Location;
import dev.dece.core.report.Severity;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What DRL consequences call to produce results. The rule ID, topic and severity are read from the
 * firing rule's name and metadata, so a rule states them once, in its header:
 *
 * <pre>
 * rule "PAT-003 Streaming for sub-second consumers"
 *     @topic("architecture.pattern")
 * when
 *     $c : Consumer( latency == Latency.REAL_TIME )
 * then
 *     insert(Emit.candidate(kcontext, "primary", "streaming", 2, "...", $c.evidence("latency_requirement")));
 * end
 * </pre>
 */
public final class Emit {
    private Emit() {}

    /**
     * A vote for {@code choice} in a required {@code slot}; lower {@code rank} wins the slot. If every
     * candidate of the slot is rejected, the best one is kept and its rejections become findings.
     */
    public static Candidate candidate(RuleContext k, String slot, String choice, int rank, String rationale,
                                      Evidence... evidence) {
        Rule r = k.getRule();
        return new Candidate(id(r), topic(r), slot, choice, rank, rationale, List.of(evidence), false);
    }

    /**
     * An optional recommendation in its own slot (named after the choice), rank 0: recommended on top of
     * the required choices, and simply dropped when a rejection names it.
     */
    public static Candidate recommend(RuleContext k, String choice, String rationale, Evidence... evidence) {
        Rule r = k.getRule();
        return new Candidate(id(r), topic(r), choice, choice, 0, rationale, List.of(evidence), true);
    }

    /**
     * An "avoid when" hit: removes {@code choice} from {@code slot} of the rule's topic. When the choice
     * was never a candidate there, the rejection is listed as an alternative of the slot's winner.
     */
    public static Rejection reject(RuleContext k, String slot, String choice, String reason, String mitigation,
                                   Node where, Evidence... evidence) {
        Rule r = k.getRule();
        Severity s = severity(r);
        return new Rejection(id(r), topic(r), slot, choice, reason, mitigation, s == null ? Severity.P2 : s,
                location(where), List.of(evidence));
    }

    /** A finding located at {@code where}; severity from the rule's {@code @severity}. */
    public static Finding finding(RuleContext k, Node where, String message, String remediation,
                                  Evidence... evidence) {
        return finding(k, null, where, message, remediation, evidence);
    }

    /**
     * A finding about {@code about} (its {@link Located#subject()} names it in the report), located at
     * {@code where}, or at the fact's own node when {@code where} is null.
     */
    public static Finding finding(RuleContext k, Located about, Node where, String message, String remediation,
                                  Evidence... evidence) {
        Rule r = k.getRule();
        Severity s = severity(r);
        if (s == null) {
            throw new IllegalStateException("rule " + r.getName() + " emits a finding but has no @severity");
        }
        Node at = where != null ? where : about != null ? about.node() : null;
        return new Finding(id(r), s, topic(r), message, location(at), remediation, sorted(evidence),
                about == null ? null : about.subject());
    }

    /**
     * An alert about {@code about}: a finding whose severity is not the rule's own but the one the Alert
     * Severity rules chose for the pipeline ({@code severity.choice()}, P0..P3), so the same metric alert is a
     * P0 on a payment pipeline and a P2 on a marketing one. The chosen severity's evidence (tier, consumers,
     * compliance: why that severity) is added to the finding's.
     */
    public static Finding alert(RuleContext k, Chosen severity, Located about, Node where, String message, String remediation,
                                Evidence... evidence) {
        Rule r = k.getRule();
        Severity s = Severity.parse(severity.choice());
        if (s == null) {
            throw new IllegalStateException("rule " + r.getName() + " raises an alert with severity \"" + severity.choice()
                    + "\", which is not P0..P3");
        }
        Node at = where != null ? where : about != null ? about.node() : null;
        Evidence[] all = join(evidence, severity.evidence().toArray(Evidence[]::new));
        return new Finding(id(r), s, topic(r), message, location(at), remediation, sorted(all),
                about == null ? null : about.subject());
    }

    /**
     * Like {@link #finding(RuleContext, Located, Node, String, String, Evidence...)}, located at {@code where}'s line
     * <em>and column</em>: for text inputs such as SQL, where the column names the offending expression and SARIF
     * annotates it. YAML findings keep line-only locations, so their reports stay as they were.
     */
    public static Finding findingOnColumn(RuleContext k, Located about, Node where, String message, String remediation,
                                          Evidence... evidence) {
        Finding f = finding(k, about, where, message, remediation, evidence);
        Node at = where != null ? where : about != null ? about.node() : null;
        if (at == null || at.column() <= 0) return f;
        Location l = f.location();
        return new Finding(f.ruleId(), f.severity(), f.topic(), f.message(), new Location(l.file(), l.line(), at.column(), l.path()),
                f.remediation(), f.evidence(), f.subject());
    }

    /** Evidence for the child {@code key} of every fact in {@code facts}, sorted by path. */
    public static Evidence[] each(java.util.Collection<? extends Located> facts, String key) {
        return facts.stream().map(f -> f.evidence(key)).sorted().toArray(Evidence[]::new);
    }

    /** {@code a} and {@code b} in one array, for rules that cite evidence from several facts. */
    public static Evidence[] join(Evidence[] a, Evidence... b) {
        Evidence[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A generated document: a completed template, a test script, DDL. */
    public static Artifact artifact(String kind, String name, String content) {
        return new Artifact(kind, name, content);
    }

    /** Evidence for a derived figure, e.g. a projected volume. */
    public static Evidence derived(String path, Object value) {
        return Evidence.of(path, value);
    }

    /** Evidence naming each fact by its child {@code key}, or by its own value when the fact is a scalar. */
    public static Evidence[] names(java.util.Collection<? extends Located> facts, String key) {
        return facts.stream().map(f -> f.node().isScalar() ? f.evidence() : f.evidence(key)).toArray(Evidence[]::new);
    }

    static Location location(Node where) {
        return where == null ? new Location("", 0, "") : new Location(where.file(), where.line(), where.path());
    }

    static List<Evidence> sorted(Evidence[] evidence) {
        return Arrays.stream(evidence).distinct().sorted().toList();
    }

    /** The first word of a rule's name. */
    public static String id(Rule r) {
        String n = r.getName();
        int sp = n.indexOf(' ');
        return sp < 0 ? n : n.substring(0, sp);
    }

    static String topic(Rule r) {
        Object t = meta(r.getMetaData(), "topic");
        if (t == null) {
            throw new IllegalStateException("rule " + r.getName() + " has no @topic");
        }
        return t.toString();
    }

    static Severity severity(Rule r) {
        Object s = meta(r.getMetaData(), "severity");
        return s == null ? null : Severity.parse(s.toString());
    }

    /** A rule metadata value, with the quotes DRL keeps around string values removed; null when absent. */
    public static Object meta(Map<String, Object> md, String key) {
        Object v = md.get(key);
        if (v instanceof String s && s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1);
        }
        return v;
    }
}
