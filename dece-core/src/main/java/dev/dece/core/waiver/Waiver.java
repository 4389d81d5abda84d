package dev.dece.core.waiver;

import dev.dece.core.report.Finding;
import dev.dece.core.report.Location;

import java.time.LocalDate;

/**
 * One accepted exception: a rule ID and what it applies to (any of file, YAML path, subject, command; none means every
 * finding of the rule), why, who approved it, until when.
 *
 * @param inline true for a {@code dece:ignore} comment, which applies to its own line and the line below
 */
record Waiver(String rule, String file, String path, String subject, String command, String reason, String approvedBy,
              LocalDate expires, Location source, boolean inline) {

    /** True when this waiver covers {@code f} in a run of {@code cmd} (ignoring its expiry). */
    boolean covers(Finding f, String cmd) {
        if (!rule.equals(f.ruleId())) return false;
        if (command != null && !command.equals(cmd)) return false;
        if (inline) {
            int l = f.location().line();
            return sameFile(f.location().file(), source.file()) && (l == source.line() || l == source.line() + 1);
        }
        if (file != null && !sameFile(f.location().file(), file)) return false;
        if (path != null && !underPath(f.location().path(), path)) return false;
        return subject == null || subject.equals(f.subject());
    }

    /** The same file as written in the waiver: equal, or the finding's name ends with {@code /} + the waiver's. */
    static boolean sameFile(String findingFile, String waiverFile) {
        String a = norm(findingFile);
        String b = norm(waiverFile);
        return a.equals(b) || a.endsWith("/" + b);
    }

    static String norm(String f) {
        String s = f.replace('\\', '/');
        while (s.startsWith("./")) s = s.substring(2);
        return s;
    }

    /** {@code pipelines[0].load} is under {@code pipelines[0]}; {@code pipelines[01]} is not under {@code pipelines[0}. */
    static boolean underPath(String findingPath, String waiverPath) {
        if (findingPath.equals(waiverPath)) return true;
        if (!findingPath.startsWith(waiverPath)) return false;
        char next = findingPath.charAt(waiverPath.length());
        return next == '.' || next == '[';
    }

    /** {@code file:line} of the waiver, as a suppression names it. */
    String where() {
        return source.where();
    }
}
