package dev.dece.cli;

import dev.dece.core.Dece;
import dev.dece.core.input.InputException;
import dev.dece.core.report.CheckOutcome;
import dev.dece.core.report.OutputFormat;
import dev.dece.core.report.Report;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Run a team policy folder's tests: its *.drl rules and policy.yaml against its *.test.yaml cases; exit 1 when a case fails.")
public final class VerifyCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the team policy folder, e.g. dece-examples/policy")
    Path dir;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or junit (JUnit XML for CI)")
    String format;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (!format.equals("text") && !format.equals("junit")) {
            throw new CommandLine.ParameterException(cl, "--format: \"" + format + "\" is not a format of verify; use text or junit");
        }
        Report r;
        try {
            r = Dece.verify(dir);
        } catch (InputException e) {
            return Main.badInput(cl, e);
        }
        cl.getOut().print(format.equals("junit") ? OutputFormat.JUNIT.render(r) : r.artifacts().get(0).content());
        cl.getOut().flush();
        return r.checks().stream().anyMatch(c -> c.status() != CheckOutcome.Status.PASS) ? Main.FINDINGS : Main.OK;
    }
}
