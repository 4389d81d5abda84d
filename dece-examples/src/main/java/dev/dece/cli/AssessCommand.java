package dev.dece.cli;

import dev.dece.core.Dece;
import dev.dece.core.Report;
import dev.dece.core.RuleInfo;
import dev.dece.core.Severity;
import dev.dece.core.doc.InputException;
import dev.dece.core.out.OutputFormat;
import dev.dece.core.out.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assess an Architecture Brief: pattern, orchestration, processing, storage, modeling, "
                + "governance and growth horizon.")
public final class AssessCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin Common common = new Common();
    @Parameters(index = "0", paramLabel = "BRIEF", description = "Architecture Brief, YAML or JSON")
    Path brief;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        common.outputFormat(cl);
        common.threshold(cl);
        try {
            return common.emit(cl, common.engine().assess(brief));
        } catch (InputException e) {
            return Main.badInput(cl, e);
        }
    }
}

