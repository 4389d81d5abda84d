package dev.dece.core;

import dev.dece.core.input.InputException;
import dev.dece.core.optimize.OptimizeOptions;
import dev.dece.core.monitor.MonitorOptions;
import dev.dece.core.quality.QualityOptions;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Recommendation;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.core.sql.Dialect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A test kit for a team's own rules, in the spirit of a constraint verifier: run one command on one input with the
 * team's DRL and policy, then assert which rules fired, with what severity, topic, message words and YAML path. A
 * failed assertion is an {@link AssertionError} that lists what fired instead, so the test output says what to fix.
 *
 * <pre>{@code
 * RuleVerifier v = RuleVerifier.of(Dece.builder().addRules(Path.of("policy/acme.drl")).policyFile(Path.of("policy/policy.yaml")).build());
 * v.given("pipeline", "orders.yaml", yaml)
 *         .expect("ACME-001").severity(Severity.P1).topic("acme.ownership").messageContains("owner").at("pipeline.owner");
 * v.given("pipeline", Path.of("policy/cases/good.yaml")).expectNo("ACME-001");
 * }</pre>
 *
 * <p>Commands: assess, pipeline, model (dialect DuckDB), lint, quality (generate only), monitor and optimize (files only,
 * default options). Thread-safe like the {@link Dece} it wraps.
 */
public final class RuleVerifier {

    /** The commands {@link #given(String, Path)} runs. */
    public static final List<String> COMMANDS = List.of("assess", "pipeline", "model", "lint", "quality", "monitor", "optimize");

    private final Dece dece;

    private RuleVerifier(Dece dece) {
        this.dece = dece;
    }

    /** A verifier over {@code dece}: its policy, its team rules, its waivers. */
    public static RuleVerifier of(Dece dece) {
        return new RuleVerifier(Objects.requireNonNull(dece, "dece"));
    }

    /**
     * Runs {@code command} on a file.
     *
     * @throws InputException          when the input is invalid, as the command would throw it
     * @throws IllegalArgumentException for a command the kit does not run (see {@link #COMMANDS})
     */
    public Given given(String command, Path input) throws InputException {
        switch (command) {
            case "assess": return new Given(dece.assess(input));
            case "pipeline": return new Given(dece.pipeline(input));
            case "model": return new Given(dece.model(input, Dialect.DUCKDB));
            case "lint": return new Given(dece.lint(input));
            case "quality": return new Given(dece.quality(input, QualityOptions.generate(Dialect.DUCKDB)));
            case "monitor": return new Given(dece.monitor(List.of(input), MonitorOptions.defaults()));
            case "optimize": return new Given(dece.optimize(List.of(input), OptimizeOptions.defaults()));
            default: throw unknown(command);
        }
    }

    /**
     * Runs {@code command} on a document held in memory; {@code name} is used in locations (and its extension
     * chooses lint's reader).
     *
     * @throws IllegalArgumentException for a command that does not read documents from memory (monitor, optimize)
     */
    public Given given(String command, String name, String content) throws InputException {
        switch (command) {
            case "assess": return new Given(dece.assess(name, content));
            case "pipeline": return new Given(dece.pipeline(name, content));
            case "model": return new Given(dece.model(name, content, Dialect.DUCKDB));
            case "lint": return new Given(dece.lint(name, content));
            case "quality": return new Given(dece.quality(name, content, QualityOptions.generate(Dialect.DUCKDB)));
            default: throw unknown(command);
        }
    }

    private static IllegalArgumentException unknown(String command) {
        return new IllegalArgumentException("\"" + command + "\" is not a command the verifier runs; use one of " + String.join(", ", COMMANDS));
    }

    /** One command's report, to assert on. */
    public static final class Given {
        private final Report report;

        Given(Report report) {
            this.report = report;
        }

        /** The report itself, for assertions the kit does not make. */
        public Report report() {
            return report;
        }

        /**
         * Asserts that {@code ruleId} fired (a finding, or a recommendation) at least once.
         *
         * @throws AssertionError naming what fired instead
         */
        public Fired expect(String ruleId) {
            List<Finding> fs = report.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
            List<Recommendation> rs = report.recommendations().stream().filter(r -> r.ruleId().equals(ruleId)).toList();
            if (fs.isEmpty() && rs.isEmpty()) throw new AssertionError("expected " + ruleId + " to fire; fired instead: " + fired(report));
            return new Fired(this, ruleId, fs, rs);
        }

        /**
         * Asserts that {@code ruleIds} did not fire.
         *
         * @throws AssertionError naming where each fired
         */
        public Given expectNo(String... ruleIds) {
            for (String id : ruleIds) {
                List<String> at = new ArrayList<>();
                report.findings().stream().filter(f -> f.ruleId().equals(id)).forEach(f -> at.add(describe(f)));
                report.recommendations().stream().filter(r -> r.ruleId().equals(id)).forEach(r -> at.add(id + " recommends " + r.choice()));
                if (!at.isEmpty()) throw new AssertionError("expected " + id + " not to fire; it fired: " + String.join("; ", at));
            }
            return this;
        }

        /** Asserts that {@code topic}'s chosen recommendation is {@code choice}. */
        public Given expectChoice(String topic, String choice) {
            List<String> chosen = report.recommendations(topic).stream().map(Recommendation::choice).toList();
            if (!chosen.contains(choice)) {
                throw new AssertionError("expected " + topic + " to be " + choice + "; chosen: " + (chosen.isEmpty() ? "nothing" : chosen));
            }
            return this;
        }

        /** What fired, one entry per finding and recommendation, for messages. */
        static String fired(Report r) {
            List<String> all = new ArrayList<>();
            r.findings().forEach(f -> all.add(describe(f)));
            r.recommendations().forEach(x -> all.add(x.ruleId() + " recommends " + x.choice()));
            return all.isEmpty() ? "nothing" : String.join("; ", all);
        }

        static String describe(Finding f) {
            return f.ruleId() + " " + f.severity() + " " + f.topic() + " at " + f.location().where()
                    + (f.location().path().isEmpty() ? "" : " " + f.location().path()) + ": " + f.message();
        }
    }

    /** The findings (or recommendations) of one rule that fired; each assertion narrows them. */
    public static final class Fired {
        private final Given given;
        private final String ruleId;
        private List<Finding> findings;
        private final List<Recommendation> recommendations;

        Fired(Given given, String ruleId, List<Finding> findings, List<Recommendation> recommendations) {
            this.given = given;
            this.ruleId = ruleId;
            this.findings = findings;
            this.recommendations = recommendations;
        }

        /** Asserts one of the rule's findings has severity {@code s}. */
        public Fired severity(Severity s) {
            return narrow(f -> f.severity() == s, "severity " + s);
        }

        /** Asserts one of the rule's findings (or recommendations) has topic {@code t}. */
        public Fired topic(String t) {
            if (findings.isEmpty() && recommendations.stream().anyMatch(r -> r.topic().equals(t))) return this;
            return narrow(f -> f.topic().equals(t), "topic " + t);
        }

        /** Asserts one of the rule's findings' message holds every word given (case-insensitive). */
        public Fired messageContains(String... words) {
            return narrow(f -> Arrays.stream(words).allMatch(w -> f.message().toLowerCase(java.util.Locale.ROOT)
                    .contains(w.toLowerCase(java.util.Locale.ROOT))), "a message with " + Arrays.toString(words));
        }

        /** Asserts one of the rule's findings points at YAML path {@code path}. */
        public Fired at(String path) {
            return narrow(f -> f.location().path().equals(path), "path " + path);
        }

        /** Asserts one of the rule's findings sits on line {@code line}. */
        public Fired line(int line) {
            return narrow(f -> f.location().line() == line, "line " + line);
        }

        /** Asserts the rule recommended {@code choice}. */
        public Fired choice(String choice) {
            if (recommendations.stream().noneMatch(r -> r.choice().equals(choice))) {
                throw new AssertionError("expected " + ruleId + " to recommend " + choice + "; it recommended "
                        + recommendations.stream().map(Recommendation::choice).collect(Collectors.toList()));
            }
            return this;
        }

        /** Back to the report, for more expectations. */
        public Given and() {
            return given;
        }

        private Fired narrow(java.util.function.Predicate<Finding> p, String what) {
            List<Finding> kept = findings.stream().filter(p).toList();
            if (kept.isEmpty()) {
                throw new AssertionError("expected " + ruleId + " with " + what + "; it fired: "
                        + (findings.isEmpty() ? "recommendations only" : findings.stream().map(Given::describe).collect(Collectors.joining("; "))));
            }
            findings = kept;
            return this;
        }
    }
}
