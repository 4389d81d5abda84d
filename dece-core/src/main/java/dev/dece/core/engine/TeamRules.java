package dev.dece.core.engine;

import dev.dece.core.input.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks of a team's DRL text that the compiler does not make: rule IDs, lines, calls that end the process. */
final class TeamRules {
    private TeamRules() {}

    /** A rule ID: a prefix of capitals and digits, a dash, a number (TEAM-001, ACME2-17). */
    static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*-\\d+");

    /** Calls that end or replace the process; a rule's consequence must never make them. */
    private static final Pattern EXIT = Pattern.compile("System\\s*\\.\\s*exit\\s*\\(|Runtime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*(exit|halt)\\s*\\(");

    /** The line where {@code rule "name"} is declared, or 0. */
    static int lineOf(String text, String ruleName) {
        Matcher m = Pattern.compile("(?m)^\\s*rule\\s+[\"']" + Pattern.quote(ruleName) + "[\"']").matcher(text);
        return m.find() ? line(text, m.start()) : 0;
    }

    /** Located problems for every call that would end the process. */
    static List<Problem> exitCalls(String file, String text) {
        List<Problem> out = new ArrayList<>();
        Matcher m = EXIT.matcher(text);
        while (m.find()) {
            int line = line(text, m.start());
            int col = m.start() - text.lastIndexOf('\n', m.start() - 1);
            out.add(new Problem(file, line, col, "", "calls " + m.group().replaceAll("\\s+", "").replace("(", "()")
                    + ": a team rule may not end the process; report a finding instead"));
        }
        return out;
    }

    private static int line(String text, int pos) {
        int line = 1;
        for (int i = 0; i < pos; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }
}
