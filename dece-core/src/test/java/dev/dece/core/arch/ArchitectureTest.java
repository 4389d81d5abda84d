package dev.dece.core.arch;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The package rules each package-info.java states, checked on the compiled classes. */
class ArchitectureTest {

    static final JavaClasses CORE = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.dece.core");

    /** The command packages: each exposes its command class (and its options) and nothing else. */
    static final List<String> COMMANDS = List.of("assess", "pipeline", "model", "lint", "quality", "schemachange",
            "monitor", "triage", "optimize", "catalog", "recovery", "cost", "verify", "audit");

    @Test
    void noPackageCycles() {
        slices().matching("dev.dece.core.(*)..").should().beFreeOfCycles().check(CORE);
    }

    /** monitor includes the triage of the failures it sees; triage never needs monitor. */
    @Test
    void triageDoesNotDependOnMonitor() {
        noClasses().that().resideInAPackage("dev.dece.core.triage").should().dependOnClassesThat().resideInAPackage("dev.dece.core.monitor")
                .check(CORE);
    }

    @Test
    void nothingDependsOnTheFacadePackage() {
        noClasses().that().resideOutsideOfPackage("dev.dece.core").should().dependOnClassesThat().resideInAPackage("dev.dece.core")
                .check(CORE);
    }

    @Test
    void resultsDependOnNothingElseOfDece() {
        noClasses().that().resideInAPackage("dev.dece.core.report").should().dependOnClassesThat()
                .resideInAnyPackage("dev.dece.core", "dev.dece.core.drl..", "dev.dece.core.engine..", "dev.dece.core.doc..",
                        "dev.dece.core.policy..", "dev.dece.core.input..", "dev.dece.core.assess..", "dev.dece.core.pipeline..",
                        "dev.dece.core.model..", "dev.dece.core.lint..", "dev.dece.core.quality..", "dev.dece.core.schemachange..",
                        "dev.dece.core.contract..", "dev.dece.core.sql..", "dev.dece.core.monitor..", "dev.dece.core.triage..",
                        "dev.dece.core.usage..", "dev.dece.core.optimize..", "dev.dece.core.dbt..", "dev.dece.core.catalog..", "dev.dece.core.lineage..", "dev.dece.core.recovery..", "dev.dece.core.cost..",
                        "dev.dece.core.audit..", "dev.dece.core.waiver..")
                .check(CORE);
    }

    /** Waivers and baselines read files and mark findings; they know no command and no engine. */
    @Test
    void waiversExposeOnlyTheSuppressorAndKnowNoCommand() {
        Set<String> exposed = new TreeSet<>();
        for (JavaClass k : CORE) {
            if (k.getPackageName().equals("dev.dece.core.waiver") && k.isTopLevelClass() && k.getModifiers().contains(JavaModifier.PUBLIC)) {
                exposed.add(k.getSimpleName());
            }
        }
        assertThat(exposed).containsExactly("Suppressor");
        noClasses().that().resideInAPackage("dev.dece.core.waiver").should().dependOnClassesThat()
                .resideInAnyPackage("dev.dece.core", "dev.dece.core.engine..", "dev.dece.core.policy..", "dev.dece.core.assess..",
                        "dev.dece.core.pipeline..", "dev.dece.core.model..", "dev.dece.core.lint..", "dev.dece.core.quality..",
                        "dev.dece.core.schemachange..", "dev.dece.core.monitor..", "dev.dece.core.triage..", "dev.dece.core.optimize..")
                .check(CORE);
    }

    @Test
    void whatRulesSeeDependsOnlyOnResults() {
        noClasses().that().resideInAPackage("dev.dece.core.drl").should().dependOnClassesThat()
                .resideInAnyPackage("dev.dece.core", "dev.dece.core.engine..", "dev.dece.core.doc..", "dev.dece.core.policy..",
                        "dev.dece.core.input..", "dev.dece.core.assess..", "dev.dece.core.pipeline..", "dev.dece.core.model..",
                        "dev.dece.core.lint..", "dev.dece.core.quality..", "dev.dece.core.schemachange..", "dev.dece.core.contract..",
                        "dev.dece.core.sql..", "dev.dece.core.monitor..", "dev.dece.core.triage..", "dev.dece.core.usage..",
                        "dev.dece.core.optimize..", "dev.dece.core.dbt..", "dev.dece.core.catalog..", "dev.dece.core.lineage..", "dev.dece.core.recovery..", "dev.dece.core.cost..", "dev.dece.core.audit..")
                .check(CORE);
    }

    /** The shared usage-export package: one entry class per export family, its readers package-private; it knows no command. */
    @Test
    void usageExportsExposeOnlyTheirEntryClass() {
        Set<String> exposed = new TreeSet<>();
        for (JavaClass k : CORE) {
            if (k.getPackageName().equals("dev.dece.core.usage") && k.isTopLevelClass() && k.getModifiers().contains(JavaModifier.PUBLIC)) {
                exposed.add(k.getSimpleName());
            }
        }
        assertThat(exposed).containsExactly("BillingExport", "QueryHistory");
        noClasses().that().resideInAPackage("dev.dece.core.usage").should().dependOnClassesThat()
                .resideInAnyPackage("dev.dece.core", "dev.dece.core.engine..", "dev.dece.core.drl..", "dev.dece.core.report..",
                        "dev.dece.core.assess..", "dev.dece.core.pipeline..", "dev.dece.core.model..", "dev.dece.core.lint..",
                        "dev.dece.core.quality..", "dev.dece.core.schemachange..", "dev.dece.core.optimize..")
                .check(CORE);
    }

    @Test
    void commandPackagesExposeOnlyTheirCommand() {
        Set<String> exposed = new TreeSet<>();
        for (String c : COMMANDS) {
            for (JavaClass k : CORE.that(com.tngtech.archunit.base.DescribedPredicate.describe("in " + c,
                    (JavaClass x) -> x.getPackageName().equals("dev.dece.core." + c)))) {
                if (k.getModifiers().contains(JavaModifier.PUBLIC) && k.isTopLevelClass()) exposed.add(c + "." + k.getSimpleName());
            }
        }
        assertThat(exposed).containsExactlyInAnyOrder("assess.AssessCommand", "pipeline.PipelineCommand", "model.ModelCommand",
                "lint.LintCommand", "lint.LintOptions", "quality.QualityCommand", "quality.QualityOptions", "schemachange.SchemaChangeCommand",
                "monitor.MonitorCommand", "monitor.MonitorOptions", "triage.TriageCommand", "triage.TriageOptions",
                "optimize.OptimizeCommand", "optimize.OptimizeOptions", "catalog.CatalogCommand", "catalog.CatalogOptions",
                "catalog.BackfillCommand", "catalog.BackfillOptions", "recovery.RecoveryCommand", "catalog.MigrateCommand", "catalog.MigrateOptions", "cost.CostCommand", "cost.CostOptions", "verify.VerifyCommand",
                "audit.AuditCommand", "audit.AuditOptions");
    }

    /** The public API: the facade, the results, the policy, the input errors; what rules see is its own package (drl). */
    @Test
    void thePublicApiIsTheList() {
        Set<String> api = new TreeSet<>();
        for (JavaClass k : CORE) {
            String p = k.getPackageName();
            boolean apiPackage = p.equals("dev.dece.core") || p.equals("dev.dece.core.report") || p.equals("dev.dece.core.policy")
                    || p.equals("dev.dece.core.input");
            if (apiPackage && k.isTopLevelClass() && k.getModifiers().contains(JavaModifier.PUBLIC)) {
                api.add(k.getName().substring("dev.dece.core.".length()).replace("dev.dece.core", ""));
            }
        }
        assertThat(api).containsExactlyInAnyOrder("CommandInfo", "Dece", "Prepared", "RuleVerifier",
                "report.Alternative", "report.Artifact", "report.CheckOutcome", "report.Evidence", "report.Finding",
                "report.Location", "report.OutputFormat", "report.Recommendation", "report.Report", "report.RuleInfo",
                "report.Severity", "report.Suppression", "report.Version",
                "policy.Policy", "policy.PolicyKey",
                "input.InputException", "input.Limits", "input.Problem");
    }
}
