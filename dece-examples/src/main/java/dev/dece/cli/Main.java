package dev.dece.cli;

import dev.dece.core.Dece;
import dev.dece.core.doc.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code dece} command line: one sub-command per methodology command, all over the same engine,
 * report model, options and exit codes.
 *
 * <p>Exit codes: 0 done; 1 a finding at or above {@code --fail-on}; 2 bad input or usage.
 */
@Command(name = "dece", mixinStandardHelpOptions = true, version = "dece " + Dece.VERSION,
        description = "Data Engineering Command Center Engine: typed, explained recommendations and findings "
                + "from the data-engineering methodology's templates.",
        
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:a finding at or above --fail-on", "2:bad input or usage"})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the program with the given streams; returns the exit code. Used by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        // one line per command; each lives in its own file in this package
        cl.addSubcommand(new AssessCommand());
        cl.addSubcommand(new RulesCommand());
        // pipeline (issue 3)
        cl.addSubcommand(new PipelineCommand());

        // model, lint (issue 4)
        cl.addSubcommand(new ModelCommand());
        cl.addSubcommand(new LintCommand());

        // quality, schema-change (issue 5)
        cl.addSubcommand(new QualityCommand());
        cl.addSubcommand(new SchemaChangeCommand());

        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // usage mistakes get one line, like input problems: what is wrong and where to read more
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine cmd = ex.getCommandLine();
            String msg = ex.getMessage();
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                msg += "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
            }
            cmd.getErr().println("dece: " + msg + "; see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
            cmd.getErr().flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            cmd.getErr().println("dece: internal error: " + ex);
            return BAD_INPUT;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a command: " + String.join(", ", spec.subcommands().keySet()));
    }

    /** Prints input problems, one per line, and returns exit code 2. */
    public static int badInput(CommandLine cl, InputException e) {
        for (var p : e.problems()) cl.getErr().println("dece: " + p);
        cl.getErr().flush();
        return BAD_INPUT;
    }

}
