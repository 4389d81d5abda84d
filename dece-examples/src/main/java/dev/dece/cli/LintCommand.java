package dev.dece.cli;

import dev.dece.core.lint.LintOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Lint tables and columns against the naming conventions, the timezone traps and the dbt testing "
                + "checklist. FILE is a dbt target/manifest.json (schema v10-v12), a .sql file of CREATE TABLE "
                + "statements, or a YAML/JSON list: tables: [{name, kind, description, columns: [{name, type, tests, description}]}]. "
                + "Of a manifest, only the root project's own models are linted unless --include-packages is given.")
public final class LintCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommandOptions common = new CommandOptions();
    @Mixin ManyInputs many = new ManyInputs();
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "manifest.json, DDL (.sql) or a table list (YAML/JSON). Several files, directories (read recursively) or quoted globs: one report each, or one with --combined.")
    List<Path> files;
    @CommandLine.Option(names = "--include-packages",
            description = "lint the models of installed dbt packages and the MetricFlow time spine too (default: the project's own models only)")
    boolean includePackages;

    @Override
    public Integer call() {
        LintOptions o = new LintOptions(includePackages);
        return many.run(spec.commandLine(), common, files, p -> ManyInputs.ext(p, ".sql", ".json", ".yaml", ".yml"), (dece, f) -> dece.lint(f, o));
    }
}
