package dev.dece.core.verify;

import dev.dece.core.doc.Binder;
import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.doc.Inputs;
import dev.dece.core.drl.Node;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.CheckOutcome;
import dev.dece.core.report.Evidence;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a team policy folder's tests: every {@code *.drl} under {@code DIR} is a team rule file, {@code DIR/policy.yaml}
 * (if present) the policy, and every {@code *.test.yaml} a list of cases:
 *
 * <pre>{@code
 * cases:
 *   - name: a pipeline without an owner team
 *     command: pipeline
 *     input: inputs/no-owner.yaml        # relative to the case file
 *     fires:
 *       - {rule: ACME-001, severity: P1, path: pipeline.owner, message: owner}
 *     does_not_fire: [ACME-002]
 * }</pre>
 *
 * The report holds one check outcome per case ({@code PASS} or {@code FAIL} with what fired instead) and a text summary
 * artifact; JUnit output shows each case as a test.
 */
public final class VerifyCommand {
    private VerifyCommand() {}

    /** The keys of a case. */
    static final List<String> CASE_KEYS = List.of("name", "command", "input", "fires", "does_not_fire");
    /** The keys of an expected firing. */
    static final List<String> FIRE_KEYS = List.of("rule", "severity", "topic", "path", "message");

    /** Runs one command on one input with the folder's rules and policy. */
    @FunctionalInterface
    public interface Runner {
        Report run(String command, Path input) throws InputException;
    }

    /** Builds a runner over the team's DRL files and policy file ({@code null} when the folder has none). */
    @FunctionalInterface
    public interface Opener {
        Runner open(List<Path> drl, Path policy) throws InputException;
    }

    /**
     * Runs every case of {@code dir}.
     *
     * @param commands the commands a case may name
     * @throws InputException when the folder holds no case, or a case file is invalid, located
     */
    public static Report run(Path dir, Opener opener, DocumentLoader loader, List<String> commands) throws InputException {
        if (!Files.isDirectory(dir)) throw new InputException(Problem.file(dir.toString(), "is not a directory; name a team policy folder"));
        int max = loader.limits().maxFiles();
        List<Path> drl = Inputs.walk(dir, p -> p.getFileName().toString().endsWith(".drl"), max);
        List<Path> caseFiles = Inputs.walk(dir, p -> p.getFileName().toString().endsWith(".test.yaml"), max);
        if (caseFiles.isEmpty()) {
            throw new InputException(Problem.file(dir.toString(), "holds no *.test.yaml case file; write cases: [- name, command, input, fires, does_not_fire]"));
        }
        Path policy = dir.resolve("policy.yaml");
        List<Case> cases = new ArrayList<>();
        Binder b = new Binder();
        for (Path f : caseFiles) cases.addAll(read(loader, f, b, commands));
        b.throwIfProblems();
        Runner runner = opener.open(drl, Files.isRegularFile(policy) ? policy : null);
        List<CheckOutcome> outcomes = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int failed = 0;
        for (Case c : cases) {
            Report r = runner.run(c.command, c.input);
            List<String> wrong = c.check(r);
            CheckOutcome.Status s = wrong.isEmpty() ? CheckOutcome.Status.PASS : CheckOutcome.Status.FAIL;
            if (!wrong.isEmpty()) failed++;
            String detail = wrong.isEmpty() ? null : String.join("; ", wrong);
            outcomes.add(new CheckOutcome(c.name + " (" + c.where + ")", "policy-test", c.where.substring(0, c.where.lastIndexOf(':')), s,
                    List.of(Evidence.of("command", c.command), Evidence.of("input", c.input.toString()),
                            Evidence.of("result", wrong.isEmpty() ? "as expected" : detail)), detail, null));
            text.append(wrong.isEmpty() ? "PASS " : "FAIL ").append(c.where).append(' ').append(c.name).append('\n');
            for (String w : wrong) text.append("     ").append(w).append('\n');
        }
        text.append(cases.size()).append(" cases, ").append(cases.size() - failed).append(" passed, ").append(failed).append(" failed\n");
        List<String> inputs = new ArrayList<>();
        inputs.add(dir.toString());
        Report report = new Report("verify", inputs, List.of(), List.of(), List.of(new Artifact("policy-tests", "verify.txt", text.toString())));
        return report.withChecks(outcomes);
    }

    private record Fire(String rule, Severity severity, String topic, String path, String message) {
        boolean matches(Finding f) {
            return f.ruleId().equals(rule) && (severity == null || f.severity() == severity) && (topic == null || f.topic().equals(topic))
                    && (path == null || f.location().path().equals(path))
                    && (message == null || f.message().toLowerCase(Locale.ROOT).contains(message.toLowerCase(Locale.ROOT)));
        }

        String describe() {
            StringBuilder sb = new StringBuilder(rule);
            if (severity != null) sb.append(" ").append(severity);
            if (topic != null) sb.append(" topic ").append(topic);
            if (path != null) sb.append(" at ").append(path);
            if (message != null) sb.append(" with \"").append(message).append('"');
            return sb.toString();
        }
    }

    private record Case(String where, String name, String command, Path input, List<Fire> fires, List<String> notFired) {
        List<String> check(Report r) {
            List<String> wrong = new ArrayList<>();
            for (Fire f : fires) {
                boolean ok = r.findings().stream().anyMatch(f::matches)
                        || (f.severity == null && f.path == null && f.message == null
                        && r.recommendations().stream().anyMatch(x -> x.ruleId().equals(f.rule) && (f.topic == null || x.topic().equals(f.topic))));
                if (!ok) wrong.add("expected " + f.describe() + "; fired: " + fired(r, f.rule));
            }
            for (String id : notFired) {
                List<String> at = r.findings().stream().filter(x -> x.ruleId().equals(id)).map(VerifyCommand::describe).toList();
                if (!at.isEmpty()) wrong.add("expected " + id + " not to fire; it fired: " + String.join("; ", at));
            }
            return wrong;
        }
    }

    private static String fired(Report r, String rule) {
        List<String> same = r.findings().stream().filter(x -> x.ruleId().equals(rule)).map(VerifyCommand::describe).toList();
        if (!same.isEmpty()) return String.join("; ", same);
        List<String> ids = r.findings().stream().map(Finding::ruleId).distinct().sorted().toList();
        return ids.isEmpty() ? "nothing" : String.join(", ", ids);
    }

    private static String describe(Finding f) {
        return f.ruleId() + " " + f.severity() + " " + f.topic() + " at " + f.location().where() + " " + f.location().path() + ": " + f.message();
    }

    private static List<Case> read(DocumentLoader loader, Path file, Binder b, List<String> commands) throws InputException {
        Node root = loader.load(file).get(0);
        Binder.Obj top = b.object(root, List.of("cases"));
        List<Case> out = new ArrayList<>();
        Node list = top.get("cases");
        if (!list.isList() || list.items().isEmpty()) {
            b.problem(list.isAbsent() ? root : list, "expected a non-empty list of cases: [- name, command, input, fires, does_not_fire]");
            return out;
        }
        for (Node n : list.items()) {
            Binder.Obj o = b.object(n, CASE_KEYS);
            String name = o.requiredString("name", "what the case shows");
            String command = o.requiredString("command", "the command to run: " + String.join(", ", commands));
            if (command != null && !command.isBlank() && !commands.contains(command)) {
                b.problem(o.get("command"), "\"" + command + "\" is not a command a case runs; use one of " + String.join(", ", commands));
            }
            String input = o.requiredString("input", "the input file, relative to the case file");
            Path in = null;
            if (input != null && !input.isBlank()) {
                in = file.getParent().resolve(input).normalize();
                if (!Files.isRegularFile(in)) b.problem(o.get("input"), "\"" + input + "\" is not a file next to " + file.getFileName());
            }
            List<Fire> fires = new ArrayList<>();
            for (Node x : o.list("fires")) {
                if (x.isScalar()) {
                    fires.add(new Fire(x.text(), null, null, null, null));
                    continue;
                }
                Binder.Obj f = b.object(x, FIRE_KEYS);
                String rule = f.requiredString("rule", "the rule ID expected to fire");
                String sev = f.string("severity");
                Severity s = sev == null ? null : Severity.parse(sev);
                if (sev != null && s == null) b.problem(f.get("severity"), "\"" + sev + "\" is not a severity; use P0, P1, P2, P3 or INFO");
                fires.add(new Fire(rule, s, f.string("topic"), f.string("path"), f.string("message")));
            }
            List<String> not = o.strings("does_not_fire");
            if (fires.isEmpty() && not.isEmpty()) b.problem(n, "expects nothing; give fires or does_not_fire");
            out.add(new Case(file.getFileName() + ":" + n.line(), name, command, in, fires, not));
        }
        return out;
    }
}
