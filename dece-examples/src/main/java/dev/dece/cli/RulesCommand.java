package dev.dece.cli;

import dev.dece.core.Dece;
import dev.dece.core.input.InputException;
import dev.dece.core.report.RuleInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "List every rule: ID, severity, topic, title.")
public final class RulesCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InputException {
        PrintWriter out = spec.commandLine().getOut();
        for (RuleInfo r : Dece.builder().build().rules()) {
            out.printf(Locale.ROOT, "%-10s %-3s %-24s %s%n", r.id(), r.severity() == null ? "-" : r.severity(), r.topic(), r.title());
        }
        out.flush();
        return Main.OK;
    }
}
