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
    static final Map<String, Supplier<Object>> OPTIONS = Map.of(
            "assess", AssessCommand::new,
            "pipeline", PipelineCommand::new,
            "model", ModelCommand::new,
            "lint", LintCommand::new,
            "quality", QualityCommand::new,
            "schema-change", SchemaChangeCommand::new,
            "optimize", OptimizeCommand::new);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

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
        for (CommandInfo c : Dece.commands()) {
            Supplier<Object> options = OPTIONS.get(c.name());
            if (options == null) throw new IllegalStateException("command " + c.name() + " has no options class in dev.dece.cli.Main.OPTIONS");
            cl.addSubcommand(c.name(), options.get());
        }
        cl.addSubcommand("rules", new RulesCommand());
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
            cmd.getErr().println("dece: internal error: " + ex);
            return BAD_INPUT;
        });
        return cl.execute(argv);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: " + String.join(", ", commandNames()));
    }

    /** Prints input problems, one per line, and returns exit code 2. */
    public static int badInput(CommandLine cl, InputException e) {
        for (var p : e.problems()) cl.getErr().println("dece: " + p);
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
