package dev.dece.core;

import dev.dece.core.assess.AssessCommand;
import dev.dece.core.audit.AuditCommand;
import dev.dece.core.catalog.BackfillCommand;
import dev.dece.core.catalog.CatalogCommand;
import dev.dece.core.catalog.MigrateCommand;
import dev.dece.core.recovery.RecoveryCommand;
import dev.dece.core.cost.CostCommand;
import dev.dece.core.engine.Command;
import dev.dece.core.lint.LintCommand;
import dev.dece.core.model.ModelCommand;
import dev.dece.core.monitor.MonitorCommand;
import dev.dece.core.optimize.OptimizeCommand;
import dev.dece.core.pipeline.PipelineCommand;
import dev.dece.core.quality.QualityCommand;
import dev.dece.core.schemachange.SchemaChangeCommand;
import dev.dece.core.triage.TriageCommand;

import java.util.List;

/**
 * The registry of commands: one line per command. The facade, the command line's sub-commands and the
 * tests all read this list, so a command cannot exist in one of them and be missing in another.
 */
final class Commands {
    private Commands() {}

    static final List<Command> ALL = List.of(
            AssessCommand.COMMAND,
            PipelineCommand.COMMAND,
            ModelCommand.COMMAND,
            LintCommand.COMMAND,
            QualityCommand.COMMAND,
            SchemaChangeCommand.COMMAND,
            MonitorCommand.COMMAND,
            TriageCommand.COMMAND,
            OptimizeCommand.COMMAND,
            CatalogCommand.COMMAND,
            BackfillCommand.COMMAND,
            RecoveryCommand.COMMAND,
            MigrateCommand.COMMAND,
            CostCommand.COMMAND,
            AuditCommand.COMMAND);

    /** The command called {@code name}; an unknown name is an error that lists the known ones. */
    static Command named(String name) {
        for (Command c : ALL) {
            if (c.name().equals(name)) return c;
        }
        List<String> names = ALL.stream().map(Command::name).toList();
        String near = dev.dece.core.doc.Suggest.closest(name, names);
        throw new IllegalArgumentException("\"" + name + "\" is not a command" + (near != null ? "; did you mean \"" + near + "\"?" : "")
                + " The commands are " + String.join(", ", names));
    }
}
