package dev.dece.cli;

import dev.dece.core.CommandInfo;
import dev.dece.core.Dece;
import dev.dece.core.input.InputException;
import dev.dece.core.report.Version;

import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code dece} command line: one sub-command per methodology command, all over the same engine,
 * report model, options and exit codes. The sub-commands are the facade's registry
 * ({@link Dece#commands()}), each with its options class here, plus {@code rules}.
 *
 * <p>Exit codes: 0 done; 1 a finding at or above {@code --fail-on}; 2 bad input or usage.
 */
@Command(name = "dece", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Data Engineering Command Center Engine: typed, explained recommendations and findings "
                + "from the data-engineering methodology's templates.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:a finding at or above --fail-on", "2:bad input or usage"})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int BAD_INPUT = 2;

    /** The options class of each registered command, by name; a registered command without one fails start-up. */
    static final Map<String, Supplier<Object>> OPTIONS = Map.ofEntries(
            Map.entry("assess", AssessCommand::new),
            Map.entry("pipeline", PipelineCommand::new),
            Map.entry("model", ModelCommand::new),
            Map.entry("lint", LintCommand::new),
            Map.entry("quality", QualityCommand::new),
            Map.entry("schema-change", SchemaChangeCommand::new),
            Map.entry("monitor", MonitorCommand::new),
            Map.entry("triage", TriageCommand::new),
            Map.entry("optimize", OptimizeCommand::new),
            Map.entry("catalog", CatalogCommand::new),
            Map.entry("backfill", BackfillCommand::new),
            Map.entry("recovery", RecoveryCommand::new),
            Map.entry("cost", CostCommand::new),
            Map.entry("migrate", MigrateCommand::new),
            Map.entry("audit", AuditCommand::new));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        // a team rule that calls System.exit (past the load-time check, e.g. by reflection) must not end the run
        // with exit 0 and no output: the hook sees the run was not finished and turns it into a one-line exit 2;
        // Ctrl-C or a kill is not blamed on a rule: it exits 128 + the signal's number, as shells expect
        Thread hook = new Thread(() -> {
            if (!finished) {
                String signal = signalExiting();
                if (signal != null) {
                    err.println("dece: stopped by " + signal + "; no report was written");
                    err.flush();
                    Runtime.getRuntime().halt(signal.equals("SIGINT") ? 130 : signal.equals("SIGHUP") ? 129 : 143);
                }
                err.println("dece: the process was asked to exit while the rules ran (a team rule called System.exit?); no report was written");
                err.flush();
                Runtime.getRuntime().halt(BAD_INPUT);
            }
        }, "dece-exit-guard");
        Runtime.getRuntime().addShutdownHook(hook);
        int code = run(args, out, err);
        finished = true;
        System.exit(code);
    }

    /**
     * The signal that started the shutdown ({@code SIGINT}, {@code SIGTERM}, {@code SIGHUP}), or null when
     * something called {@code System.exit}: the JVM handles a signal on a thread named after it, which is the
     * one thread in {@code Shutdown.exit} without {@code Runtime.exit} above it.
     */
    static String signalExiting() {
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            boolean shutdown = false;
            boolean runtimeExit = false;
            for (StackTraceElement f : e.getValue()) {
                if (f.getClassName().equals("java.lang.Shutdown") && f.getMethodName().equals("exit")) shutdown = true;
                if (f.getClassName().equals("java.lang.Runtime") && f.getMethodName().equals("exit")) runtimeExit = true;
            }
            if (!shutdown || runtimeExit) continue;
            String name = e.getKey().getName();
            for (String sig : List.of("SIGINT", "SIGTERM", "SIGHUP")) if (name.contains(sig)) return sig;
            return "a signal";
        }
        return null;
    }

    /** Set once the command has run to its end; a shutdown before that is an exit attempt from inside the run. */
    private static volatile boolean finished;

    /** The sub-commands, in the registry's order, then {@code rules}. */
    static List<String> commandNames() {
        List<String> names = new ArrayList<>();
        for (CommandInfo c : Dece.commands()) names.add(c.name());
        names.add("rules");
        return names;
    }

    /** Runs the program with the given streams; returns the exit code. Used by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        // a run that names its command builds only that command's options (picocli reads each options class
        // reflectively: the other fifteen cost start-up time and nothing else); help, typos and no command get all
        String named = args.length > 0 ? args[0] : "";
        boolean one = OPTIONS.containsKey(named) || named.equals("rules") || named.equals("verify");
        for (CommandInfo c : Dece.commands()) {
            Supplier<Object> options = OPTIONS.get(c.name());
            if (options == null) throw new IllegalStateException("command " + c.name() + " has no options class in dev.dece.cli.Main.OPTIONS");
            if (!one || c.name().equals(named)) cl.addSubcommand(c.name(), options.get());
        }
        if (!one || named.equals("rules")) cl.addSubcommand("rules", new RulesCommand());
        if (!one || named.equals("verify")) cl.addSubcommand("verify", new VerifyCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // an unknown command is an error even beside --help or --version, which picocli would otherwise answer
        String[] argv = args;
        if (args.length > 0 && !args[0].startsWith("-") && !cl.getSubcommands().containsKey(args[0])) {
            argv = java.util.Arrays.stream(args).filter(a -> !List.of("-h", "--help", "-V", "--version").contains(a)).toArray(String[]::new);
        }
        // usage mistakes get one line, like input problems: what is wrong and where to read more
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine cmd = ex.getCommandLine();
            String msg = ex.getMessage();
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                msg += "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
            }
            if (ex instanceof CommandLine.UnmatchedArgumentException && cmd.getParent() == null) {
                msg += "; the commands are " + String.join(", ", commandNames());
            }
            cmd.getErr().println("dece: " + msg + "; see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
            cmd.getErr().flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            cmd.getErr().println("dece: internal error (a DECE bug; please report it with the input): " + oneLine(ex));
            cmd.getErr().flush();
            return BAD_INPUT;
        });
        try {
            return cl.execute(argv);
        } catch (StackOverflowError e) {
            err.println("dece: the input nests too deeply to be read; simplify it");
        } catch (OutOfMemoryError e) {
            err.println("dece: out of memory reading the input; it is larger than DECE's limits allow for this heap (see docs/security.md)");
        } catch (Throwable e) {
            err.println("dece: internal error (a DECE bug; please report it with the input): " + oneLine(e));
        }
        err.flush();
        return BAD_INPUT;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: " + String.join(", ", commandNames()));
    }

    /** One line, no stack trace, control characters escaped. */
    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        m = safe(m.replaceAll("\\s+", " "));
        return m.length() > 500 ? m.substring(0, 500) + "..." : m;
    }

    /** Control characters (terminal escape sequences from an input's names) shown as {@code \\uXXXX}. */
    static String safe(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if ((c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f)) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }

    /** Prints input problems, one per line, and returns exit code 2. */
    public static int badInput(CommandLine cl, InputException e) {
        for (var p : e.problems()) cl.getErr().println("dece: " + safe(p.toString()));
        cl.getErr().flush();
        return BAD_INPUT;
    }

    /** {@code dece --version}: the version from the build. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dece " + Version.NUMBER};
        }
    }
}
