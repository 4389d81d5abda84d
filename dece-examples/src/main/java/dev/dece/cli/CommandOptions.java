package dev.dece.cli;

import dev.dece.core.Dece;
import dev.dece.core.input.InputException;
import dev.dece.core.report.OutputFormat;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;

import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options every report-producing command shares: --format, --fail-on, --policy, --disable. */
public final class CommandOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default, for people), json (the stable contract), markdown, sarif (SARIF 2.1.0 findings for CI), junit (JUnit XML for CI)")
    public String format;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "exit 1 when a finding is this severe or worse: P0, P1, P2, P3 or INFO (default: never)")
    public String failOn;

    @Option(names = "--policy", paramLabel = "FILE", description = "YAML policy: thresholds and disabled_rules")
    public Path policy;

    @Option(names = "--disable", paramLabel = "RULE_ID", split = ",", description = "rule IDs to switch off, e.g. PRC-018,STO-004")
    public List<String> disable = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "DRL_FILE",
            description = "a team's own DRL rules, compiled at start-up and run with the built-in ones (repeatable)")
    public List<Path> rules = new ArrayList<>();

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "stop the rules after this many seconds of one evaluation, naming the rule that ran (default: 60)")
    public Integer timeLimit;

    @Option(names = "--waivers", paramLabel = "FILE",
            description = "accepted findings: rule, file/path/subject, reason, approved_by, expires (default: .dece-waivers.yaml in the current directory, if there is one)")
    public Path waivers;

    @Option(names = "--waivers-as-of", paramLabel = "DATE",
            description = "the day waiver expiries are judged on, e.g. 2026-12-01 (default: today, UTC)")
    public String waiversAsOf;

    @Option(names = "--baseline", paramLabel = "REPORT_JSON",
            description = "a previous JSON report: list only findings that are new, and count the known ones")
    public Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "also write every finding of this run to FILE as a JSON report, for a later --baseline")
    public Path writeBaseline;

    /** The waiver file DECE reads when --waivers is not given and the file exists. */
    public static final Path DEFAULT_WAIVERS = Path.of(".dece-waivers.yaml");

    public OutputFormat outputFormat(CommandLine cl) {
        OutputFormat f = OutputFormat.parse(format);
        if (f == null) {
            throw new CommandLine.ParameterException(cl, "--format: \"" + format + "\" is not a format; use " + OutputFormat.allowed());
        }
        return f;
    }

    public Severity threshold(CommandLine cl) {
        if (failOn == null) return null;
        Severity s = Severity.parse(failOn);
        if (s == null) {
            throw new CommandLine.ParameterException(cl, "--fail-on: \"" + failOn + "\" is not a severity; use P0, P1, P2, P3 or INFO");
        }
        return s;
    }

    public Dece engine() throws InputException {
        Dece.Builder b = Dece.builder();
        if (timeLimit != null) b.limits(dev.dece.core.input.Limits.DEFAULT.withMaxEvaluationMillis(timeLimit * 1000L));
        if (policy != null) b.policyFile(policy);
        b.disable(disable.toArray(String[]::new));
        for (Path r : rules) b.addRules(r);
        Path w = waivers != null ? waivers : java.nio.file.Files.isRegularFile(DEFAULT_WAIVERS) ? DEFAULT_WAIVERS : null;
        if (w != null) {
            b.waivers(w);
            // the one read of the clock: the day a waiver's expiry is judged on, unless --waivers-as-of pins it
            b.asOf(waiversAsOf != null ? java.time.LocalDate.parse(waiversAsOf) : java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        }
        if (baseline != null) b.baseline(baseline);
        return b.build();
    }

    /** What a command asks of the engine; the rest of a run is the same for every command. */
    @FunctionalInterface
    public interface Evaluation {
        Report run(Dece dece) throws InputException;
    }

    /**
     * One run of a report command: checks --format and --fail-on, builds the engine with --policy,
     * --disable and --rules, evaluates, prints, and returns the exit code (2 with located messages on
     * bad input).
     */
    public int run(CommandLine cl, Evaluation evaluation) {
        check(cl);
        try {
            return emit(cl, evaluation.run(engine()));
        } catch (InputException e) {
            return Main.badInput(cl, e);
        }
    }

    /** A run over many inputs ({@link ManyInputs}): which files, what to do with each, and how to report them. */
    public interface Runs {
        List<Path> inputs() throws InputException;

        Report run(Dece dece, Path input) throws InputException;

        boolean combined();
    }

    /**
     * Many inputs, one engine: each input's report in input order (or one combined report); an input that cannot
     * be read is reported on standard error and the others still run, and the exit code is then 2.
     */
    public int run(CommandLine cl, Runs runs) {
        check(cl);
        List<Path> inputs;
        Dece dece;
        try {
            inputs = runs.inputs();
            dece = engine();
        } catch (InputException e) {
            return Main.badInput(cl, e);
        }
        if (inputs.size() == 1) {
            try {
                return emit(cl, runs.run(dece, inputs.get(0)));
            } catch (InputException e) {
                return Main.badInput(cl, e);
            }
        }
        List<Report> reports = new ArrayList<>(inputs.size());
        boolean bad = false;
        for (Path p : inputs) {
            try {
                reports.add(runs.run(dece, p));
            } catch (InputException e) {
                Main.badInput(cl, e);
                bad = true;
            }
        }
        int code = reports.isEmpty() ? Main.OK : runs.combined() ? emit(cl, Report.combine(reports)) : emit(cl, reports);
        return bad ? Main.BAD_INPUT : code;
    }

    private void check(CommandLine cl) {
        outputFormat(cl);
        threshold(cl);
        if (waiversAsOf != null) {
            try {
                java.time.LocalDate.parse(waiversAsOf);
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.ParameterException(cl, "--waivers-as-of: \"" + waiversAsOf + "\" is not a date; write YYYY-MM-DD");
            }
        }
        if (timeLimit != null && (timeLimit < 1 || timeLimit > 86_400)) {
            throw new CommandLine.ParameterException(cl, "--time-limit: " + timeLimit + " is not between 1 and 86400 seconds");
        }
    }

    /**
     * Like {@link #run(CommandLine, Evaluation)}, but the report is printed by {@code renderer} instead of --format (a
     * command's own page, e.g. {@code dece audit --format html}); --format is then not checked.
     */
    public int run(CommandLine cl, Evaluation evaluation, java.util.function.Function<Report, String> renderer) {
        Severity t = threshold(cl);
        try {
            Report r = evaluation.run(engine());
            return print(cl, renderer.apply(r), t != null && r.hasFindingAtLeast(t));
        } catch (InputException e) {
            return Main.badInput(cl, e);
        }
    }

    /** Parses --dialect against a spelled dialect enum, or fails with the allowed values. */
    public static <E extends Enum<E> & dev.dece.core.drl.Spelled> E dialect(CommandLine cl, String value, Class<E> type) {
        E d = dev.dece.core.doc.Binder.match(value, type);
        if (d == null) {
            throw new CommandLine.ParameterException(cl, "--dialect: \"" + value + "\" is not a dialect; use "
                    + dev.dece.core.doc.Binder.allowed(type));
        }
        return d;
    }

    /** Prints the reports of many inputs as one document and maps them to an exit code; a baseline gets all their findings. */
    public int emit(CommandLine cl, List<Report> reports) {
        Severity t = threshold(cl);
        if (writeBaseline != null && !writeBaseline(cl, Report.combine(reports))) return Main.BAD_INPUT;
        return print(cl, outputFormat(cl).render(reports), t != null && reports.stream().anyMatch(r -> r.hasFindingAtLeast(t)));
    }

    /** Prints the report and maps it to an exit code. */
    public int emit(CommandLine cl, Report report) {
        Severity t = threshold(cl);
        if (writeBaseline != null && !writeBaseline(cl, report)) return Main.BAD_INPUT;
        return print(cl, outputFormat(cl).render(report), t != null && report.hasFindingAtLeast(t));
    }

    private boolean writeBaseline(CommandLine cl, Report report) {
        try {
            java.nio.file.Files.writeString(writeBaseline, OutputFormat.JSON.render(report.forBaseline()));
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            cl.getErr().println("dece: " + writeBaseline + ": the baseline could not be written: " + e.getMessage());
            cl.getErr().flush();
            return false;
        }
    }

    private static int print(CommandLine cl, String text, boolean failing) {
        cl.getOut().print(text);
        cl.getOut().flush();
        if (cl.getOut().checkError()) {
            // a full disk or a closed pipe: say so, never exit 0 as if the report had been written
            cl.getErr().println("dece: the report could not be written to standard output (disk full or output closed)");
            cl.getErr().flush();
            return Main.BAD_INPUT;
        }
        return failing ? Main.FINDINGS : Main.OK;
    }
}

