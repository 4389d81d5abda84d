package dev.dece.core;

import java.util.List;

/**
 * One of DECE's commands, as {@link Dece#commands()} lists them.
 *
 * @param name     the command-line name and facade method's subject, e.g. {@code schema-change}
 * @param summary  one line for help texts
 * @param ruleSets the rule sets it runs, in phase order (e.g. {@code assess.architecture}, ...)
 * @param docPage  its documentation page, relative to the repository root
 */
public record CommandInfo(String name, String summary, List<String> ruleSets, String docPage) {
    public CommandInfo {
        ruleSets = List.copyOf(ruleSets);
    }
}
