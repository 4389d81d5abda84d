package dev.dece.core.policy;

import dev.dece.core.doc.Binder;
import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.drl.Format;
import dev.dece.core.drl.Node;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Thresholds for the rules and the rule IDs to switch off. Immutable and thread-safe; inserted as a
 * fact into every evaluation so rules read thresholds from it.
 *
 * <p>A policy file overrides any subset of {@link PolicyKey} defaults:
 * <pre>{@code
 * thresholds:
 *   spark_best_above_gb_per_day: 200
 *   tight_budget_usd: 5000
 * disabled_rules: [PRC-018, PAT-007]
 * }</pre>
 */
public final class Policy {

    private static final Policy DEFAULTS = new Policy(new EnumMap<>(PolicyKey.class), Set.of());

    private final EnumMap<PolicyKey, Double> values;
    private final Set<String> disabledRules;
    /** Where a policy file names each disabled rule, so an unknown ID is reported at its line. */
    private final Map<String, Node> disabledAt;

    private Policy(EnumMap<PolicyKey, Double> overrides, Set<String> disabledRules) {
        this(overrides, disabledRules, Map.of());
    }

    private Policy(EnumMap<PolicyKey, Double> overrides, Set<String> disabledRules, Map<String, Node> disabledAt) {
        this.values = new EnumMap<>(PolicyKey.class);
        for (PolicyKey k : PolicyKey.values()) {
            this.values.put(k, overrides.getOrDefault(k, k.defaultValue()));
        }
        this.disabledRules = Collections.unmodifiableSet(new TreeSet<>(disabledRules));
        this.disabledAt = Map.copyOf(disabledAt);
    }

    /** The policy-file entry that disabled {@code ruleId}, or {@code null} when it was not disabled by a file. */
    public Node disabledAt(String ruleId) {
        return disabledAt.get(ruleId);
    }

    /** The methodology's defaults, no rule disabled. */
    public static Policy defaults() {
        return DEFAULTS;
    }

    /** The value in force for {@code key}. */
    public double value(PolicyKey key) {
        return values.get(key);
    }

    /** Rule IDs switched off, sorted. */
    public Set<String> disabledRules() {
        return disabledRules;
    }

    /** A copy with {@code key} set to {@code value}. */
    public Policy with(PolicyKey key, double value) {
        EnumMap<PolicyKey, Double> m = new EnumMap<>(values);
        m.put(key, value);
        return new Policy(m, disabledRules, disabledAt);
    }

    /** A copy with these rule IDs switched off as well. */
    public Policy disable(String... ruleIds) {
        Set<String> s = new TreeSet<>(disabledRules);
        s.addAll(Arrays.asList(ruleIds));
        return new Policy(values, s, disabledAt);
    }

    /** All values in force, in {@link PolicyKey} order. */
    public Map<PolicyKey, Double> values() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * Reads a policy file (see the class comment).
     *
     * @throws InputException for unknown keys (with a suggestion), non-numbers and negative values
     */
    public static Policy load(Path file) throws InputException {
        Node root = new DocumentLoader(Limits.DEFAULT).load(file).get(0);
        Binder b = new Binder();
        Binder.Obj top = b.object(root, List.of("thresholds", "disabled_rules"));
        List<String> known = Arrays.stream(PolicyKey.values()).map(PolicyKey::key).collect(Collectors.toList());
        Binder.Obj th = b.object(top.get("thresholds"), known);
        EnumMap<PolicyKey, Double> m = new EnumMap<>(PolicyKey.class);
        for (PolicyKey k : PolicyKey.values()) {
            Double v = th.number(k.key(), 0, "a number of " + k.unit() + " (default " + Format.number(k.defaultValue()) + ")");
            if (v != null) m.put(k, v);
        }
        List<String> disabled = top.strings("disabled_rules");
        Map<String, Node> at = new java.util.HashMap<>();
        for (Node n : top.list("disabled_rules")) {
            if (n.isScalar()) at.putIfAbsent(n.text(), n);
        }
        b.throwIfProblems();
        Policy p = new Policy(m, new TreeSet<>(disabled), at);
        for (String c : p.contradictions()) {
            // locate the contradiction at a key of the pair that the file sets
            Node n = th.node();
            for (PolicyKey k : PolicyKey.values()) {
                if (c.contains(k.key() + " ") && th.get(k.key()).isPresent()) {
                    n = th.get(k.key());
                    break;
                }
            }
            b.problem(n.isAbsent() ? root : n, c);
        }
        b.throwIfProblems();
        return p;
    }

    /** Pairs of keys whose values must keep an order: {lower, upper, what the order means}. */
    private static final Object[][] ORDERED = {
            {PolicyKey.PARTITION_MIN_MB, PolicyKey.PARTITION_MAX_MB, "the smallest target partition size is above the largest"},
            {PolicyKey.PANDAS_BEST_BELOW_GB_PER_DAY, PolicyKey.PANDAS_AVOID_ABOVE_GB_PER_DAY, "pandas' best-below line is above its avoid-above line"},
            {PolicyKey.POSTGRES_BEST_BELOW_GB, PolicyKey.POSTGRES_AVOID_ABOVE_GB, "PostgreSQL's best-below line is above its avoid-above line"},
            {PolicyKey.SPARK_OVERKILL_BELOW_GB_PER_DAY, PolicyKey.SPARK_BEST_ABOVE_GB_PER_DAY, "Spark's overkill line is above its best-above line"},
            {PolicyKey.POLARS_MAX_GB_PER_DAY, PolicyKey.DUCKDB_MAX_GB_PER_DAY, "Polars' line is above DuckDB's (DECE recommends DuckDB beyond Polars' range)"},
            {PolicyKey.GROWTH_NEAR_MONTHS, PolicyKey.GROWTH_FAR_MONTHS, "the near growth horizon is beyond the far one"},
            {PolicyKey.GROWTH_FAR_MONTHS, PolicyKey.GROWTH_SEARCH_MONTHS, "the far growth horizon is beyond the months searched"},
            {PolicyKey.P2_RECORDS_AFFECTED_PERCENT, PolicyKey.P1_RECORDS_AFFECTED_PERCENT, "the P1 share of records is below the P2 share"},
    };

    /**
     * Why the values in force contradict each other, one sentence per problem naming the keys: an ordered
     * pair out of order, a percentage above 100, a similarity outside 0..1. Empty for a sound policy.
     */
    public List<String> contradictions() {
        List<String> out = new java.util.ArrayList<>();
        for (Object[] o : ORDERED) {
            PolicyKey lo = (PolicyKey) o[0];
            PolicyKey hi = (PolicyKey) o[1];
            if (value(lo) > value(hi)) {
                out.add(lo.key() + " " + Format.number(value(lo)) + " is above " + hi.key() + " " + Format.number(value(hi)) + ": " + o[2]
                        + "; set " + lo.key() + " at most " + hi.key());
            }
        }
        for (PolicyKey k : PolicyKey.values()) {
            String u = k.unit();
            boolean percent = u.equals("%") || u.startsWith("% of") && !u.equals("% of budget");
            if (percent && value(k) > 100) out.add(k.key() + " " + Format.number(value(k)) + " is above 100; it is a percentage (" + u + ")");
            if (u.equals("0..1") && value(k) > 1) out.add(k.key() + " " + Format.number(value(k)) + " is above 1; it is a share between 0 and 1");
        }
        return out;
    }
}
