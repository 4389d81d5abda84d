package dev.dece.examples;

import dev.dece.core.Dece;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.report.Alternative;
import dev.dece.core.report.Evidence;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Recommendation;
import dev.dece.core.report.Report;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Using DECE from Java: build the engine once, assess a brief, walk the typed report.
 *
 * <pre>{@code
 * java -cp ... dev.dece.examples.AssessExample dece-examples/briefs/realtime-fraud.yaml
 * }</pre>
 *
 * <p>Exit status: 0 when assessed, 2 when the brief is not usable (each problem printed with its
 * {@code file:line:column: yaml.path}).
 */
public final class AssessExample {

    private AssessExample() {}

    public static void main(String[] args) throws InputException {
        Path brief = Path.of(args.length > 0 ? args[0] : "dece-examples/briefs/retail-batch.yaml");
        // Build once and share: the rule base is compiled here; the instance is immutable and thread-safe.
        Dece dece = Dece.builder().build();
        System.exit(run(dece, brief, System.out));
    }

    /** Assesses {@code brief} and prints it; returns the exit status. */
    public static int run(Dece dece, Path brief, PrintStream out) {
        Report report;
        try {
            report = dece.assess(brief);
        } catch (InputException e) {
            // Input problems are values: show each one where the user can find it, no stack trace.
            for (Problem p : e.problems()) {
                out.println("cannot use " + p.file() + (p.line() > 0 ? " line " + p.line() : "")
                        + (p.path().isEmpty() ? "" : " at " + p.path()) + ": " + p.message());
            }
            return 2;
        }

        out.println("Recommendations for " + brief.getFileName() + ":");
        for (Recommendation r : report.recommendations()) {
            out.printf("  %-22s %-18s [%s]%n", r.topic(), r.choice(), r.ruleId());
            out.println("      why: " + r.rationale());
            for (Evidence e : r.evidence()) {
                out.println("      because " + e.path() + " = " + e.value());
            }
            for (Alternative a : r.alternatives()) {
                out.println("      instead of " + a.choice() + ": " + a.reason());
            }
        }

        out.println(report.findings().isEmpty() ? "No findings." : "Findings:");
        for (Finding f : report.findings()) {
            out.printf("  %s %s %s (%s line %d)%n", f.severity(), f.ruleId(), f.message(),
                    f.location().path(), f.location().line());
            out.println("      fix: " + f.remediation());
        }
        report.highestSeverity().ifPresent(s -> out.println("Most severe finding: " + s + " (" + s.word() + ")"));
        return 0;
    }
}
