package dev.dece.cli;

import dev.dece.core.Dece;
import dev.dece.core.doc.Inputs;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;
import dev.dece.core.input.Problem;
import dev.dece.core.report.Report;

import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Many inputs in one process, for the commands that read one document each (assess, model, lint, quality,
 * recovery): files, directories (read recursively, in path order, the files the command reads) and globs the shell
 * left unexpanded ({@code 'contracts/**.yaml'}), each evaluated by the same engine, so a CI job over 500 contracts
 * pays the start-up and the rule-base build once. One report per input (each under its input's name, see
 * {@link dev.dece.core.report.OutputFormat#render(List)}), or one over all of them with {@code --combined}. An input
 * that cannot be read is reported on standard error with its location and the others still run; the exit code is
 * then 2.
 */
public final class ManyInputs {
    @Option(names = "--combined",
            description = "with several inputs: one report over all of them (findings merged in report order) instead of one per input")
    public boolean combined;

    /** What a command does with one of its inputs. */
    @FunctionalInterface
    public interface PerInput {
        Report run(Dece dece, Path input) throws InputException;
    }

    /** The files a command reads in a directory it is given: YAML and JSON documents. */
    public static final Predicate<Path> DOCUMENTS = p -> ext(p, ".yaml", ".yml", ".json");

    static boolean ext(Path p, String... endings) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String e : endings) if (n.endsWith(e)) return true;
        return false;
    }

    /**
     * Runs {@code each} on every input {@code args} name, with one engine, and prints one report per input or the
     * combined one; returns the exit code (2 when an input was bad, else 1 when a finding reaches --fail-on, else 0).
     */
    public int run(CommandLine cl, CommandOptions common, List<Path> args, Predicate<Path> accept, PerInput each) {
        return common.run(cl, new CommandOptions.Runs() {
            @Override
            public List<Path> inputs() throws InputException {
                return expand(args, accept, Limits.DEFAULT.maxFiles());
            }

            @Override
            public Report run(Dece dece, Path input) throws InputException {
                return each.run(dece, input);
            }

            @Override
            public boolean combined() {
                return combined;
            }
        });
    }

    /**
     * The files {@code args} name: a file as given, a directory's files that {@code accept} takes (sorted), a glob's
     * matches (sorted; {@code **} crosses directories, and {@code dir/**}{@code /x} also matches {@code dir/x}). A
     * directory or glob that gives no file is a problem, never an empty run; so is a name that does not exist.
     */
    static List<Path> expand(List<Path> args, Predicate<Path> accept, int maxFiles) throws InputException {
        List<Path> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path a : args) {
            String s = a.toString();
            if (Files.isDirectory(a)) {
                List<Path> found = Inputs.walk(a, accept, maxFiles);
                if (found.isEmpty()) problems.add(Problem.file(s, "is a directory with no file this command reads"));
                out.addAll(found);
            } else if (!Files.exists(a) && glob(s)) {
                List<Path> found = matches(s, maxFiles);
                if (found.isEmpty()) problems.add(Problem.file(s, "matches no file"));
                out.addAll(found);
            } else {
                out.add(a);
            }
            if (out.size() > maxFiles) {
                throw new InputException(Problem.file(s, "brings the inputs to " + out.size() + " files; at most Limits.maxFiles = " + maxFiles + " per run"));
            }
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return out;
    }

    static boolean glob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    private static List<Path> matches(String pattern, int maxFiles) throws InputException {
        // walk from the deepest directory the pattern names before its first wildcard
        int wild = pattern.length();
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int i = pattern.indexOf(c);
            if (i >= 0) wild = Math.min(wild, i);
        }
        int slash = pattern.lastIndexOf('/', wild);
        Path base = slash < 0 ? Path.of(".") : Path.of(slash == 0 ? "/" : pattern.substring(0, slash));
        String rel = slash < 0 ? pattern : pattern.substring(slash + 1);
        if (!Files.isDirectory(base)) return List.of();
        PathMatcher m;
        PathMatcher shallow;
        try {
            m = FileSystems.getDefault().getPathMatcher("glob:" + rel);
            shallow = FileSystems.getDefault().getPathMatcher("glob:" + rel.replace("**/", ""));
        } catch (IllegalArgumentException e) {
            throw new InputException(Problem.file(pattern, "is not a glob: " + e.getMessage()));
        }
        return Inputs.walk(base, p -> {
            Path r = base.relativize(p);
            return m.matches(r) || shallow.matches(r);
        }, maxFiles).stream().map(p -> slash < 0 ? base.relativize(p) : p).toList();
    }
}
